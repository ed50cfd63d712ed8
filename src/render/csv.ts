/**
 * CSV for spreadsheets, written one way for every export: RFC 4180 quoting, UTF-8 with a byte-order mark (so Excel on
 * Chinese Windows reads it as UTF-8), and text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a tab
 * or a carriage return at the start, OWASP's list) prefixed with an apostrophe: agency names and messages come from
 * untrusted files.
 */
import { reportCells } from '../report/cells.ts';
import type { Report } from '../report/types.ts';
import type { TabularColumn, TabularValue } from './types.ts';

export const BOM = '\uFEFF';
const FORMULA_START_RE = /^[=+\-@\t\r]/;

/** One field: numbers as digits, blank for null, text disarmed and quoted when it holds a comma, quote or line break. */
export function csvField(value: TabularValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'string') return String(value);
  const safe = FORMULA_START_RE.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: TabularValue[]): string {
  return values.map(csvField).join(',');
}

const csvFile = (lines: string[]) => `${BOM}${lines.map((l) => `${l}\r\n`).join('')}`;

/** Header of the cell CSV: Report JSON path, table, row label, column label, value, how the value was read. */
export const CELL_HEADER = ['单元格', '表', '行', '列', '值', '来源'];

/**
 * A report's cells as CSV, one line per cell in template order: a blank cell has an empty value (not 0), a "/" cell
 * "/"; 来源 is the provenance status (`recovered`, `text`, `unknown`; empty when read as a plain number).
 *
 * @example
 *   renderCsv(report).split('\r\n')[1]; // "table2.regulations.issued,表二,规章,本年制发件数,2,"
 */
export function renderCsv(report: Report): string {
  const lines = [csvLine(CELL_HEADER)];
  for (const cell of reportCells(report)) {
    const status = report.provenance[cell.key]?.status;
    lines.push(csvLine([cell.key, cell.table.wording.name, cell.row.label, cell.column.label, cell.value, status]));
  }
  return csvFile(lines);
}

/**
 * Tabular results (a store query) as CSV: one header line of column labels, then one line per row.
 *
 * @example
 *   rowsToCsv([{ key: 'agency', label: '机关' }, { key: 'n' }], [{ agency: '某局', n: 3 }]); // "\uFEFF机关,n\r\n某局,3\r\n"
 */
export function rowsToCsv(columns: TabularColumn[], rows: Iterable<Record<string, TabularValue>>): string {
  const lines = [csvLine(columns.map((c) => c.label ?? c.key))];
  for (const row of rows) lines.push(csvLine(columns.map((c) => row[c.key])));
  return csvFile(lines);
}
