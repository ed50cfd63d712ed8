/**
 * The statutory format of 政府信息公开工作年度报告, declared once. Readers, extraction, checks and renderers derive
 * from these definitions; nothing else in the code base spells a template label.
 */
import { SECTIONS } from './sections.ts';
import type { FormatVersion, FormatVersionId, RowDef, TableDef, TableId } from './types.ts';
import { FORMAT_2019, FORMAT_2021, VERSIONS } from './versions.ts';

export type * from './types.ts';
export { SECTIONS } from './sections.ts';
export { FORMAT_2019, FORMAT_2021, VERSIONS } from './versions.ts';
export { expandIdentities, type Identity, type CellRef, cellKey, rowKeys } from './identities.ts';
export { cellAddress, cellPhrase, type CellAddress } from './cells.ts';
export { ALL_UPHELD_RE, NOT_UPHELD_COLUMNS, TABLE4_PROSE_GROUPS } from './prose.ts';
export { TABLE3_CARRY } from './table3.ts';
export { LEVELS, levelById, levelByName, deadlineFor, type AgencyLevel, type AgencyLevelId } from './levels.ts';

export const TABLE_IDS: TableId[] = ['table2', 'table3', 'table4'];

/** The format a report of this year should use; reports before 2019 are free form. */
export function versionForYear(year: number): FormatVersionId | 'free' {
  if (year >= FORMAT_2021.firstYear) return '2021';
  if (year >= FORMAT_2019.firstYear) return '2019';
  return 'free';
}

export function versionById(id: FormatVersionId): FormatVersion {
  return id === '2019' ? FORMAT_2019 : FORMAT_2021;
}

/** Every version's definition of one table, the year's expected version first. */
export function tableCandidates(id: TableId, preferred: FormatVersionId = '2021'): TableDef[] {
  const defs = VERSIONS.map((v) => v.tables[id]);
  return defs.sort((a, b) => Number(b.version === preferred) - Number(a.version === preferred));
}

/** Chinese name of a table for messages, e.g. "表三" (the same in every version). */
export function tableName(id: TableId): string {
  return FORMAT_2021.tables[id].wording.name;
}

/** The table a section holds, e.g. "三" → table3. */
export function tableOfSection(number: string): TableId | undefined {
  return SECTIONS.find((s) => s.number === number)?.table;
}

/** The section that holds a table, e.g. table3 → "三". */
export function sectionOfTable(id: TableId): string {
  return FORMAT_2021.tables[id].section;
}

/** The column of a row that sums the others (table 三 and 四 总计), by its declared role. */
export function totalColumn(row: RowDef): number {
  return row.columns.findIndex((c) => c.role === 'total');
}
