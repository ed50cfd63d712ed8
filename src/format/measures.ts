/**
 * Quantities reports are ranked by, declared as rows and columns of the format: a sum of cells, or a ratio of two
 * sums. Their Report JSON paths are derived here for every format version, so no other code names a row for them.
 */
import { rowKeys } from './identities.ts';
import { TABLE4_PROSE_GROUPS } from './prose.ts';
import { TABLE3_DENIED_GROUP } from './table3.ts';
import type { RowDef, TableDef, TableId } from './types.ts';
import { VERSIONS } from './versions.ts';

export type MeasureId = 'applications' | 'granted' | 'partially_granted' | 'denied' | 'review_corrected' | 'litigation_corrected';

export interface Measure {
  id: MeasureId;
  /** Chinese name for headings. */
  name: string;
  /** Chinese name of what the numerator counts (予以公开数), for charts and roll-ups. */
  counts: string;
  /** Chinese name of what the divisor counts; absent for a plain count. */
  base?: string;
  /** Cells summed into the value (the paths of every format version). */
  numerator: string[];
  /** Cells summed into the divisor; absent for a plain count. */
  denominator?: string[];
}

/** The paths of one column of some rows of a table, in every format version. */
function keys(table: TableId, rows: (def: TableDef) => string[], column: (row: RowDef) => number): string[] {
  const all = VERSIONS.flatMap((v) => {
    const def = v.tables[table];
    return rows(def).map((id) => rowKeys(def, id)[column(def.rows.find((r) => r.id === id)!)]);
  });
  return [...new Set(all)];
}

const total = (row: RowDef) => row.columns.findIndex((c) => c.role === 'total');
/** 结果纠正 of table 四: the agency's handling was corrected (纠错率 = 结果纠正 / 总计). */
const corrected = (row: RowDef) => row.columns.findIndex((c) => c.id === 'corrected');
const rows = (...ids: string[]) => () => ids;
const denied = (def: TableDef) => def.rows.filter((r) => r.group === TABLE3_DENIED_GROUP).map((r) => r.id);
const table4Rows = (word: string) => rows(...TABLE4_PROSE_GROUPS.find((g) => g.word === word)!.rows);
const RESULTS = keys('table3', rows('total_processed'), total);

export const MEASURES: readonly Measure[] = [
  { id: 'applications', name: '新收申请数', counts: '新收申请数', numerator: keys('table3', rows('new_received'), total) },
  { id: 'granted', name: '予以公开占比', counts: '予以公开数', base: '办理结果总数', numerator: keys('table3', rows('granted'), total), denominator: RESULTS },
  { id: 'partially_granted', name: '部分公开占比', counts: '部分公开数', base: '办理结果总数', numerator: keys('table3', rows('partially_granted'), total), denominator: RESULTS },
  { id: 'denied', name: '不予公开占比', counts: '不予公开数', base: '办理结果总数', numerator: keys('table3', denied, total), denominator: RESULTS },
  {
    id: 'review_corrected',
    name: '行政复议纠错率',
    counts: '行政复议结果纠正数',
    base: '行政复议总数',
    numerator: keys('table4', table4Rows('行政复议'), corrected),
    denominator: keys('table4', table4Rows('行政复议'), total),
  },
  {
    id: 'litigation_corrected',
    name: '行政诉讼纠错率',
    counts: '行政诉讼结果纠正数',
    base: '行政诉讼总数',
    numerator: keys('table4', table4Rows('行政诉讼'), corrected),
    denominator: keys('table4', table4Rows('行政诉讼'), total),
  },
];

export function measureById(id: string): Measure | undefined {
  return MEASURES.find((m) => m.id === id);
}
