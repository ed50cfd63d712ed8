/** The catalogue entries of what extraction finds while placing a document's values into the statutory tables. */
import { entriesOf, type RuleMeta } from '../document/finding.ts';

const extract = entriesOf('extract', 'template');

export const EXTRACT_RULES = {
  rowValueCount: extract('row-value-count', 'error', '行的数值个数不符',
    '一行的数值个数与该行的列数不符：数值不移位补齐；只有表格勾稽关系唯一确定时才推定各列（标记为 recovered），否则各列留空（unknown）。副本丢掉了空白单元格时（每格一行、空白合并成一串竖线），未显示的单元格按空白计，只填入各种读法一致的单元格（如总计）。',
    '表三「（一）予以公开」行：应有7个数值，实有6个，按表格勾稽关系唯一推定为 0、0、0、0、0、0、0'),
  valueText: extract('value-text', 'error', '单元格不是数值',
    '数值单元格中是无法解读为数值的文字，未采用。', '表三「2.重复申请」行“自然人”列：“见附件”不是数值，未采用'),
  valueInterpreted: extract('value-interpreted', 'info', '单元格文字已解读',
    '数值单元格中是文字，但含义确定（如“709455.9元”换算为万元、“未增未减”为 0），已按解读值采用，原文保留。',
    '表二「行政事业性收费」：“709455.9元”以元为单位，换算为70.94559万元'),
  rowLabelInferred: extract('row-label-inferred', 'warning', '行标签按模板行序识别',
    '行标签缺失、错别字或与数值分离时，按模板行序、相邻行标签和数值个数识别该行；请核对原文。',
    '表三行标签“2.其他法律行政止公开”与模板不符，按模板行序和相邻行识别为「2.其他法律行政法规禁止公开」'),
  tableBlank: extract('table-blank', 'info', '表格整表空白',
    '表格各行都有行标签而没有任何数值：记为空白（null，不等于 0），表格视为存在。', '表三各行均未填写任何数值，按空白（非零）记录'),
  rowDuplicate: extract('row-duplicate', 'warning', '行重复出现',
    '同一表格中同一行出现两次，采用第一次出现的数值。', '表三「（一）予以公开」行重复出现，已采用第一次出现的数值'),
  strayValue: extract('stray-value', 'warning', '数值不属于任何行',
    '表格范围内的数值找不到所属的行，未采用。', '表三中的数值“12”不属于任何行，未采用'),
  rowMissing: extract('row-missing', 'error', '表格缺少行',
    '表格中找到了其他行，却没有模板规定的这些行（地方增设的可选行除外）。', '表三缺少1行：「2.重复申请」'),
  tableMissing: extract('table-missing', 'error', '未找到统计表',
    '报告中没有找到模板规定的统计表；三张表都没有时，表格可能是图片。', '未找到表四'),
} as const satisfies Record<string, RuleMeta>;
