/**
 * Every answer is a table: named columns and plain rows, so one writer prints it aligned, as JSON Lines or as CSV
 * (and the web app as an HTML table or XLSX). Cells are shown as Report JSON has them: blank is null, not 0.
 */
import type { Kysely } from 'kysely';
import { levelById, TABLE_IDS, VERSIONS, type AgencyLevelId } from '../../format/index.ts';
import { cellsOf } from '../../report/cells.ts';
import type { Database } from '../schema.ts';

export type Value = string | number | null;

export interface Column {
  key: string;
  /** Header text (Chinese). */
  label: string;
  /** How a number reads: a count or amount, or a share shown as a percentage. */
  kind?: 'text' | 'number' | 'share';
}

export interface Table<R extends Record<string, Value> = Record<string, Value>> {
  columns: Column[];
  rows: R[];
}

/** A stored cell's value: its number, "/" for a cell marked not applicable, "?" for one lost in reading, else null. */
export function cellValue(cell: { num: number | null; mark: string | null; status: string | null }): Value {
  if (cell.num !== null) return cell.num;
  if (cell.status === 'unknown') return '?';
  return cell.mark;
}

const ORDER = new Map(
  VERSIONS.flatMap((v) => TABLE_IDS.flatMap((id) => cellsOf(v.tables[id]).map((c) => c.key))).map((key, i) => [key, i] as const).reverse(),
);

/** Cell keys in template order (the 2021 format first, then what only the 2019 one has). */
export function byTemplateOrder(a: string, b: string): number {
  return (ORDER.get(a) ?? Infinity) - (ORDER.get(b) ?? Infinity);
}

/** Every cell the given format versions define, key and label (from cell_def), in template order. */
export async function cellDefs(db: Kysely<Database>, formatVersions: string[]): Promise<{ key: string; label: string }[]> {
  if (!formatVersions.length) return [];
  const rows = await db.selectFrom('cell_def').select(['key', 'label', 'format_version']).where('format_version', 'in', formatVersions).execute();
  const byKey = new Map<string, string>();
  // A key both versions define keeps the label of the first version asked for.
  for (const v of formatVersions) for (const r of rows) if (r.format_version === v && !byKey.has(r.key)) byKey.set(r.key, r.label);
  return [...byKey].map(([key, label]) => ({ key, label })).sort((a, b) => byTemplateOrder(a.key, b.key));
}

/** An agency level as people read it (本级政府, 部门, 乡镇街道); null when unknown. */
export function levelName(id: string | null): string | null {
  return id ? levelById(id as AgencyLevelId).name : null;
}
