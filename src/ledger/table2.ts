/**
 * Table 二 (主动公开) as the agency enters it: the ledger does not count it. Its cells are the year's format's rows
 * and columns (src/format), each a non-negative number or blank (null): blank is kept as blank, never read as zero.
 */
import { versionById, versionForYear } from '../format/index.ts';
import type { TableDef } from '../format/types.ts';
import type { CellValue, Table2Json } from '../report/types.ts';

/** One cell of table 二: its Report JSON key under table2 ("regulations.issued", "licensing") and its labels. */
export interface Table2Field {
  key: string;
  row: string;
  column: string;
}

export interface Table2Problem {
  key: string;
  zh: string;
  en: string;
}

/** Table 二 of the year's format; undefined for a free-form year (before 2019). */
export function table2Def(year: number): TableDef | undefined {
  const id = versionForYear(year);
  return id === 'free' ? undefined : versionById(id).tables.table2;
}

/** Every cell of the year's table 二, row by row. */
export function table2Fields(year: number): Table2Field[] {
  return (table2Def(year)?.rows ?? []).flatMap((row) =>
    row.columns.map((col) => ({ key: row.shape === 'scalar' ? row.id : `${row.id}.${col.id}`, row: row.label, column: col.label })),
  );
}

/** The value of one cell in a table 二 (undefined when the table has no such cell). */
export function table2Value(table2: Table2Json | undefined, key: string): CellValue | undefined {
  const [row, col] = key.split('.');
  const v = table2?.[row];
  return col === undefined ? (v as CellValue | undefined) : (v as Record<string, CellValue> | undefined)?.[col];
}

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

const isCell = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0);

/** Why a table 二 is refused: a cell not of the year's format, or a value not a non-negative number or blank. */
export function table2Problems(table2: unknown, year: number): Table2Problem[] {
  if (typeof table2 !== 'object' || table2 === null || Array.isArray(table2)) return [{ key: '', zh: '表二须为对象', en: 'table 二 must be an object' }];
  const fields = table2Fields(year);
  const known = new Set(fields.map((f) => f.key));
  const problems: Table2Problem[] = [];
  for (const [row, v] of Object.entries(table2)) {
    const keys = typeof v === 'object' && v !== null ? Object.keys(v).map((c) => `${row}.${c}`) : [row];
    for (const key of keys.filter((k) => !known.has(k))) problems.push({ key, zh: `表二没有“${key}”这一项`, en: `table 二 has no cell ${key}` });
  }
  for (const f of fields) {
    const v = table2Value(table2 as Table2Json, f.key);
    if (v !== undefined && !isCell(v)) problems.push({ key: f.key, zh: `“${f.row}·${f.column}”须为不小于0的数字或留空`, en: `${f.key} must be a non-negative number or blank` });
  }
  return problems;
}

/** Table 二 from a form's text by cell key: blank stays blank (null); a value that is no non-negative number is a problem. */
export function table2FromText(values: Record<string, string | undefined>, year: number): { table2: Table2Json; problems: Table2Problem[] } {
  const table2: Table2Json = {};
  const problems: Table2Problem[] = [];
  for (const f of table2Fields(year)) {
    const text = (values[f.key] ?? '').trim();
    // Plain decimals only: Number() would also read "0x10" or "1e3", a guess at what was meant.
    const value = text === '' ? null : DECIMAL.test(text) ? Number(text) : NaN;
    if (value !== null && !isCell(value)) {
      const zh = Number.isNaN(value) ? '须为数字' : '不能为负数';
      problems.push({ key: f.key, zh: `“${f.row}·${f.column}”${zh}（可留空）`, en: `${f.key} must be a non-negative number or blank` });
    }
    const [row, col] = f.key.split('.');
    if (col === undefined) table2[row] = value;
    else table2[row] = { ...(table2[row] as Record<string, CellValue> | undefined), [col]: value };
  }
  return { table2, problems };
}
