/** Table 三 收到和处理政府信息公开申请情况: the same columns in both versions; 2019 has one （六）其他处理 row. */
import type { ColumnDef, IdentityTemplate, RowDef, TableDef } from './types.ts';

const TABLE3_COLUMNS: ColumnDef[] = [
  { id: 'natural_person', label: '自然人' },
  { id: 'commercial', label: '商业企业' },
  { id: 'research', label: '科研机构' },
  { id: 'public_interest', label: '社会公益组织' },
  { id: 'legal_service', label: '法律服务机构' },
  { id: 'other', label: '其他' },
  { id: 'total', label: '总计', role: 'total' },
];

const row = (id: string, label: string, group?: string, variants?: string[]): RowDef => ({
  id, label, group, variants, columns: TABLE3_COLUMNS, shape: 'array',
});

const DENIED = '（三）不予公开';
/** The group whose rows are the refusals (for the share of denied results). */
export const TABLE3_DENIED_GROUP = DENIED;
const UNABLE = '（四）无法提供';
const NOT_PROCESSED = '（五）不予处理';
const OTHER = '（六）其他处理';

const HEAD_ROWS = [
  row('new_received', '一、本年新收政府信息公开申请数量'),
  row('carried_over', '二、上年结转政府信息公开申请数量'),
  row('granted', '（一）予以公开', '三、本年度办理结果'),
  row('partially_granted', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '三、本年度办理结果', ['（二）部分公开']),
  row('denied_state_secret', '1.属于国家秘密', DENIED),
  row('denied_law_forbidden', '2.其他法律行政法规禁止公开', DENIED),
  row('denied_three_security', '3.危及“三安全一稳定”', DENIED),
  row('denied_third_party', '4.保护第三方合法权益', DENIED),
  row('denied_internal_affairs', '5.属于三类内部事务信息', DENIED),
  row('denied_process_info', '6.属于四类过程性信息', DENIED),
  row('denied_enforcement_file', '7.属于行政执法案卷', DENIED),
  row('denied_admin_query', '8.属于行政查询事项', DENIED),
  row('unable_not_held', '1.本机关不掌握相关政府信息', UNABLE),
  row('unable_need_creation', '2.没有现成信息需要另行制作', UNABLE),
  row('unable_unclear', '3.补正后申请内容仍不明确', UNABLE),
  row('not_processed_petition', '1.信访举报投诉类申请', NOT_PROCESSED),
  row('not_processed_repeat', '2.重复申请', NOT_PROCESSED),
  row('not_processed_publication', '3.要求提供公开出版物', NOT_PROCESSED),
  row('not_processed_mass_repeat', '4.无正当理由大量反复申请', NOT_PROCESSED),
  row('not_processed_confirm', '5.要求行政机关确认或重新出具已获取信息', NOT_PROCESSED),
];

/** Applications carried over this year (二) are the ones last year's report carried forward (四): rows by id. */
export const TABLE3_CARRY = { over: 'carried_over', forward: 'carried_forward' } as const;

const TAIL_ROWS = [
  row('total_processed', '（七）总计', '三、本年度办理结果'),
  row('carried_forward', '四、结转下年度继续办理'),
];

const OTHER_ROWS_2021 = [
  row('other_overdue_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', OTHER),
  row('other_overdue_fee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', OTHER),
  row('other_other', '3.其他', OTHER),
];

const OTHER_ROW_2019 = [row('other_processing', '（六）其他处理', '三、本年度办理结果')];

const HEADERS = [
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  '本列数据的勾稽关系为',
  '第一项加第二项之和',
  '等于第三项加第四项之和',
  '申请人情况',
  '法人或其他组织',
  ...TABLE3_COLUMNS.map((c) => c.label),
  '三、本年度办理结果',
  DENIED,
  UNABLE,
  NOT_PROCESSED,
];

function identities(outcomeRows: RowDef[]): IdentityTemplate[] {
  return [
    {
      id: 'table3-balance',
      each: 'column',
      lhs: ['new_received', 'carried_over'],
      rhs: ['total_processed', 'carried_forward'],
      description: '第一项+第二项=第三项（七）总计+第四项',
    },
    {
      id: 'table3-outcomes',
      each: 'column',
      lhs: ['total_processed'],
      rhs: outcomeRows.map((r) => r.id),
      description: '（七）总计=（一）至（六）各项之和',
    },
    {
      id: 'table3-row-total',
      each: 'row',
      lhs: ['total'],
      rhs: TABLE3_COLUMNS.slice(0, 6).map((c) => c.id),
      description: '总计=自然人+法人或其他组织各列之和',
    },
  ];
}

function table3(version: '2021' | '2019', otherRows: RowDef[], extraHeaders: string[]): TableDef {
  const outcomes = [...HEAD_ROWS.slice(2), ...otherRows];
  return {
    id: 'table3',
    version,
    wording: { name: '表三', row: '行', column: '列', unit: '行' },
    section: '三',
    title: '收到和处理政府信息公开申请情况',
    rows: [...HEAD_ROWS, ...otherRows, ...TAIL_ROWS],
    headers: [...HEADERS, ...extraHeaders],
    signature: otherRows.map((r) => r.label),
    identities: identities(outcomes),
  };
}

export const TABLE3_2021 = table3('2021', OTHER_ROWS_2021, [OTHER]);
export const TABLE3_2019 = table3('2019', OTHER_ROW_2019, []);
