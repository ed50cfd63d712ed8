/**
 * Synthetic annual reports: deterministic from a seed, with random agencies, years and formats, tables that satisfy
 * every template identity (table 三 per row and per column, table 四 per group), realistic magnitudes (mostly zeros,
 * some small counts, occasional hundreds), and narrative paragraphs that quote the same numbers.
 *
 * @example
 *   const report = generateReport(42, { version: '2019' });
 *   const text = renderTextTab(report);
 */
import { versionById, versionForYear } from '../../src/format/index.ts';
import type { FormatVersionId, RowDef, TableDef } from '../../src/format/types.ts';
import type { ReportData } from '../../src/render/types.ts';
import type { CellValue, Table2Json, Table3Json, Table4Json } from '../../src/report/types.ts';
import { agencyName } from './agency.ts';
import { narrative } from './narrative.ts';
import { Random } from './random.ts';

export interface GenerateOptions {
  /** Format version; the year is drawn from the years that use it. Default: any year 2019–2025. */
  version?: FormatVersionId;
  /** Leave some zero cells blank (null), as many reports do. */
  blanks?: boolean;
  /** Mark some zero cells "/" (not applicable). */
  slashes?: boolean;
}

export function generateReport(seed: number, options: GenerateOptions = {}): ReportData {
  const rnd = new Random(seed);
  const year = options.version === '2019' ? rnd.int(2019, 2020) : options.version === '2021' ? rnd.int(2021, 2025) : rnd.int(2019, 2025);
  const version = versionForYear(year) as FormatVersionId;
  const format = versionById(version);
  const agency = agencyName(rnd);
  const table2 = version === '2021' ? table2of2021(rnd) : table2of2019(rnd);
  const table3 = table3Values(rnd, format.tables.table3);
  const table4 = table4Values(rnd, format.tables.table4);
  const marks = (t: TableDef, json: Record<string, unknown>) => markZeros(rnd, t, json, options);
  marks(format.tables.table2, table2);
  marks(format.tables.table3, table3);
  marks(format.tables.table4, table4);
  const published = `${year + 1}-01-${String(rnd.int(5, 31)).padStart(2, '0')}`;
  const { preface, sections } = narrative(rnd, { agency, year, version, table2, table3, table4 });
  return { agency, year, format_version: version, published, preface, table2, table3, table4, sections };
}

/** Table 三: per applicant column, received + carried over = processed + carried forward; processed spread over outcomes. */
function table3Values(rnd: Random, table: TableDef): Table3Json {
  const columns = table.rows[0].columns.length - 1;
  const outcomeIds = table.identities.find((i) => i.id === 'table3-outcomes')!.rhs;
  // None (35%), a few (40%), dozens (20%) or hundreds (5%) of new applications.
  const [lo, hi] = [[0, 0], [1, 15], [15, 150], [150, 1200]][rnd.weighted([35, 40, 20, 5])];
  const received = rnd.int(lo, hi);
  // Natural persons file most applications; companies some; the other applicants rarely.
  const newByColumn = rnd.spread(received, [80, 12, 1, 1, 2, 4]);
  const json: Record<string, number[]> = Object.fromEntries(table.rows.map((r) => [r.id, Array(columns + 1).fill(0)]));
  for (let c = 0; c < columns; c++) {
    const fresh = newByColumn[c];
    const over = fresh > 0 && rnd.chance(0.3) ? rnd.int(0, Math.max(1, Math.ceil(fresh / 8))) : 0;
    const forward = rnd.chance(0.3) ? rnd.int(0, Math.ceil((fresh + over) / 10)) : 0;
    const processed = fresh + over - forward;
    json.new_received[c] = fresh;
    json.carried_over[c] = over;
    json.carried_forward[c] = forward;
    json.total_processed[c] = processed;
    const spread = rnd.spread(processed, outcomeIds.map(outcomeWeight));
    outcomeIds.forEach((id, i) => (json[id][c] = spread[i]));
  }
  for (const row of table.rows) json[row.id][columns] = json[row.id].slice(0, columns).reduce((a, b) => a + b, 0);
  return json;
}

/** How often each outcome occurs, by row id (granted and "not held" dominate real reports). */
function outcomeWeight(id: string): number {
  const weights: Record<string, number> = {
    granted: 40, partially_granted: 8, unable_not_held: 20, unable_need_creation: 3, unable_unclear: 2,
    not_processed_petition: 4, not_processed_repeat: 3, not_processed_confirm: 1, other_other: 4, other_processing: 6,
    other_overdue_correction: 2, denied_third_party: 1.5, denied_process_info: 1.5, denied_internal_affairs: 1,
  };
  return weights[id] ?? 0.4;
}

function table4Values(rnd: Random, table: TableDef): Table4Json {
  const json: Table4Json = {};
  const busy = rnd.chance(0.2);
  for (const row of table.rows) {
    const parts = row.columns.slice(0, -1).map(() => (busy && rnd.chance(0.4) ? rnd.int(1, 4) : 0));
    json[row.id] = Object.fromEntries([...parts, parts.reduce((a, b) => a + b, 0)].map((v, i) => [row.columns[i].id, v]));
  }
  return json;
}

function table2of2021(rnd: Random): Table2Json {
  const docs = (pZero: number, max: number) => {
    const in_force = rnd.count(pZero, max, max * 4);
    return { issued: Math.min(in_force, rnd.count(0.5, 8, 20)), repealed: rnd.count(0.7, 3, 10), in_force };
  };
  return {
    regulations: docs(0.9, 5),
    normative_docs: docs(0.4, 30),
    licensing: rnd.count(0.35, 60, 5000, 0.3),
    punishment: rnd.count(0.45, 40, 600, 0.15),
    coercion: rnd.count(0.8, 10, 60),
    fees_wan_yuan: rnd.chance(0.75) ? 0 : rnd.money(300),
  };
}

function table2of2019(rnd: Random): Table2Json {
  const docs = (pZero: number, max: number) => {
    const total_published = rnd.count(pZero, max, max * 5);
    const new_made = Math.min(total_published, rnd.count(0.4, 10, 40));
    return { new_made, new_published: rnd.int(0, new_made), total_published };
  };
  const items = (pZero: number, max: number, decisions: number) => {
    const prev_year_items = rnd.count(pZero, max, max * 3);
    return { prev_year_items, change: rnd.chance(0.5) ? 0 : rnd.int(-Math.min(prev_year_items, 10), 20), decisions: rnd.count(0.4, decisions, decisions * 20, 0.2) };
  };
  const fee = items(0.6, 8, 0);
  return {
    regulations: docs(0.9, 5),
    normative_docs: docs(0.3, 40),
    other_active_docs: docs(0.2, 200),
    licensing: items(0.3, 60, 100),
    other_admin_services: items(0.5, 30, 20),
    punishment: items(0.4, 80, 40),
    coercion: items(0.7, 10, 5),
    fees: { prev_year_items: fee.prev_year_items, change: fee.change },
    procurement: rnd.chance(0.5) ? { items: 0, total_amount: 0 } : { items: rnd.int(1, 40), total_amount: rnd.money(2000) },
  };
}

/** Turns some zero cells blank or "/" without breaking any identity (both count as zero in the arithmetic). */
function markZeros(rnd: Random, table: TableDef, json: Record<string, unknown>, options: GenerateOptions): void {
  if (!options.blanks && !options.slashes) return;
  const mark = (v: CellValue): CellValue => {
    if (v !== 0) return v;
    if (options.blanks && rnd.chance(0.3)) return null;
    if (options.slashes && rnd.chance(0.2)) return '/';
    return v;
  };
  for (const row of table.rows as RowDef[]) {
    const value = json[row.id];
    if (row.shape === 'scalar') json[row.id] = mark(value as CellValue);
    else if (row.shape === 'array') json[row.id] = (value as CellValue[]).map(mark);
    else json[row.id] = Object.fromEntries(Object.entries(value as Record<string, CellValue>).map(([k, v]) => [k, mark(v)]));
  }
}
