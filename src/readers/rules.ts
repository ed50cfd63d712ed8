/**
 * The catalogue entries of what readers find in a readable input: parts skipped, merges repaired, encodings
 * replaced, pages recognised. (An input that cannot be read at all is an UnreadableError, not a finding.)
 */
import { entriesOf, type RuleMeta } from '../document/finding.ts';

const read = entriesOf('read', 'reading');

export const READ_RULES = {
  htmlEncoding: read('html-encoding', 'warning', '网页编码有误',
    '网页声明为 UTF-8 编码但含有无效字节：按 UTF-8 读取，无效字节替换为 �，相关文字需人工核对。',
    '网页声明为 UTF-8 编码，但有 12 处无效字节，已替换为 �'),
  docxMerge: read('docx-merge', 'warning', 'Word 表格合并异常',
    'Word 表格的纵向合并单元格缺少起始单元格：按独立单元格读取，合并关系可能不正确。',
    '表格纵向合并单元格缺少起始单元格，已按独立单元格读取，合并可能不正确'),
  tableTooLarge: read('table-too-large', 'warning', '表格过大',
    '合并单元格展开后的表格超过单元格上限（200000 个），超出部分未读取，以免耗尽内存。',
    '表格过大：合并单元格展开后超过200000个单元格，第3行起（共100000行）未读取'),
  pageLimit: read('page-limit', 'warning', 'PDF 页数超出上限',
    'PDF 页数超过读取上限（500 页），其后的页面未读取。', 'PDF 共812页，只读取了前500页'),
  documentTimeout: read('document-timeout', 'warning', 'PDF 读取超时',
    '整份 PDF 的读取时间超过上限，其后的页面未读取。', '读取超时，第37页起未读取'),
  pageTimeout: read('page-timeout', 'warning', 'PDF 页面解析超时',
    '单页解析时间超过上限，该页已跳过。', '第3页解析超时，已跳过'),
  pageUnreadable: read('page-unreadable', 'warning', 'PDF 页面损坏',
    '该页内容损坏，无法读取，已跳过。', '第3页已损坏，无法读取'),
  pageWithoutText: read('page-without-text', 'warning', 'PDF 页面没有文字',
    '该页是扫描件或图片，没有文字层；可使用 --ocr 识别。', '第2页为扫描件/图片，无可提取文字'),
  pdfTruncated: read('pdf-truncated', 'warning', 'PDF 文件不完整',
    'PDF 缺少文件结尾（下载或复制中断），已读取能恢复的部分。', 'PDF 文件不完整（缺少文件结尾），部分内容可能缺失'),
  ocrUnavailable: read('ocr-unavailable', 'warning', '无法进行文字识别',
    '要求识别扫描页，但本机未安装 tesseract-ocr（chi_sim）。', '未安装 tesseract-ocr（chi_sim），扫描页无法识别'),
  ocrLimit: read('ocr-limit', 'warning', '扫描页超出识别上限',
    '扫描页数超过识别上限（50 页），其余页面未识别。', '扫描页过多，只识别了前50页'),
  pageOcr: read('page-ocr', 'info', '文字由 OCR 识别',
    '该页没有文字层，文字由 OCR 识别，每个单元格记有识别置信度，请与原件核对。', '第2页为扫描件，文字由 OCR 识别，请核对'),
} as const satisfies Record<string, RuleMeta>;
