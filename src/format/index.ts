/**
 * The statutory format of 政府信息公开工作年度报告, declared once. Readers, extraction, checks and renderers derive
 * from these definitions; nothing else in the code base spells a template label.
 */
import { SECTIONS } from './sections.ts';
import { TABLE2_2019, TABLE2_2021 } from './table2.ts';
import { TABLE3_2019, TABLE3_2021 } from './table3.ts';
import { table4 } from './table4.ts';
import type { FormatVersion, FormatVersionId, TableDef, TableId } from './types.ts';

export type * from './types.ts';
export { SECTIONS } from './sections.ts';
export { ALL_UPHELD_RE, NOT_UPHELD_COLUMNS, TABLE4_PROSE_GROUPS } from './prose.ts';
export { LEVELS, levelById, levelByName, deadlineFor, type AgencyLevel, type AgencyLevelId } from './levels.ts';
export { expandIdentities, type Identity, type CellRef, cellKey } from './identities.ts';

export const FORMAT_2021: FormatVersion = {
  id: '2021',
  basis: '国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》',
  firstYear: 2021,
  sections: SECTIONS,
  tables: { table2: TABLE2_2021, table3: TABLE3_2021, table4: table4('2021') },
};

export const FORMAT_2019: FormatVersion = {
  id: '2019',
  basis: '国办公开办函〔2019〕60号《政府信息公开工作年度报告格式（试行）》',
  firstYear: 2019,
  lastYear: 2020,
  sections: SECTIONS,
  tables: { table2: TABLE2_2019, table3: TABLE3_2019, table4: table4('2019') },
};

export const VERSIONS: FormatVersion[] = [FORMAT_2021, FORMAT_2019];
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

/** Chinese name of a table for messages, e.g. "表三". */
export function tableName(id: TableId): string {
  return { table2: '表二', table3: '表三', table4: '表四' }[id];
}
