/**
 * Printing a query's answer (a Table of src/store/queries): aligned columns for people, one JSON object per row
 * with --json, CSV for spreadsheets with --csv.
 */
import type { Column, Table, Value } from '../store/index.ts';
import { displayWidth, padEnd, padStart, truncate } from '../text/width.ts';
import { rowsToCsv } from '../render/csv.ts';
import { inline, say, sayJson } from './output.ts';

export type TableFormat = 'human' | 'json' | 'csv';

export interface FormatOptions {
  json?: boolean;
  csv?: boolean;
}

export function tableFormat(opts: FormatOptions): TableFormat {
  return opts.json ? 'json' : opts.csv ? 'csv' : 'human';
}

/** Text cells wider than this are cut in the aligned form (labels of table 三 rows run long). */
const MAX_WIDTH = 72;

/** Prints the table; `heading` (human form only) says what it is an answer to. */
export function printTable(table: Table, format: TableFormat, heading?: string): void {
  if (format === 'json') for (const row of table.rows) sayJson(row);
  else if (format === 'csv') process.stdout.write(rowsToCsv(table.columns, table.rows));
  else {
    if (heading) say(heading);
    say(aligned(table));
  }
}

/** The table as aligned text: numbers right-aligned, shares as percentages, a blank as ·; the key column left out. */
function aligned(table: Table): string {
  const columns = table.columns.filter((c) => !(c.key === 'key' && table.columns.some((o) => o.key === 'label')));
  const cells = table.rows.map((row) => columns.map((c) => shown(row[c.key] ?? null, c)));
  const widths = columns.map((c, i) => Math.max(displayWidth(c.label), ...cells.map((r) => displayWidth(r[i]))));
  const line = (values: string[]) =>
    values.map((v, i) => (isNumeric(columns[i]) ? padStart(v, widths[i]) : padEnd(v, widths[i]))).join('  ').trimEnd();
  return [line(columns.map((c) => c.label)), ...cells.map(line)].join('\n');
}

const isNumeric = (c: Column) => c.kind === 'number' || c.kind === 'share';

function shown(value: Value, column: Column): string {
  if (value === null) return '·';
  if (typeof value === 'number') return column.kind === 'share' ? `${(value * 100).toFixed(1)}%` : String(value);
  return truncate(inline(value), MAX_WIDTH);
}
