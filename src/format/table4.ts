/** Table 四 政府信息公开行政复议、行政诉讼情况: three groups of five, the same in both versions. */
import type { ColumnDef, FormatVersionId, RowDef, TableDef } from './types.ts';

const TABLE4_COLUMNS: ColumnDef[] = [
  { id: 'upheld', label: '结果维持' },
  { id: 'corrected', label: '结果纠正' },
  { id: 'other', label: '其他结果' },
  { id: 'pending', label: '尚未审结' },
  { id: 'total', label: '总计', role: 'total' },
];

const group = (id: string, label: string, variants?: string[]): RowDef => ({
  id, label, variants, columns: TABLE4_COLUMNS, shape: 'object',
});

export function table4(version: FormatVersionId): TableDef {
  return {
    id: 'table4',
    version,
    wording: { name: '表四', row: '', column: '', unit: '组' },
    section: '四',
    title: '政府信息公开行政复议、行政诉讼情况',
    rows: [
      group('review', '行政复议'),
      group('litigation_direct', '未经复议直接起诉'),
      group('litigation_after_review', '复议后起诉'),
    ],
    headers: ['行政诉讼', ...TABLE4_COLUMNS.map((c) => c.label)],
    signature: [],
    identities: [
      {
        id: 'table4-total',
        each: 'row',
        lhs: ['total'],
        rhs: ['upheld', 'corrected', 'other', 'pending'],
        description: '总计=结果维持+结果纠正+其他结果+尚未审结',
      },
    ],
    unlabelledRun: true,
  };
}
