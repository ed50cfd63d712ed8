/**
 * `--csv`: the cells of every report, one row per report × cell, for spreadsheets. UTF-8 with a byte-order mark (so
 * Excel on Chinese Windows reads it), RFC 4180 quoting, and text that a spreadsheet would run as a formula
 * (`=`, `+`, `-`, `@` at the start) prefixed with an apostrophe, since agency names come from untrusted files.
 */
import { cellLabel, reportCells } from '../report/cells.ts';
import type { Report } from '../report/types.ts';
import { visible } from './output.ts';

const HEADER = ['文件', '机关', '年度', '格式版本', '表', '行', '列', '单元格', '值', '来源'];

export function csvHeader(): string {
  return `\uFEFF${HEADER.join(',')}`;
}

/** The rows of one report's cells, in format order; status says how the value was read (FORMAT.md provenance). */
export function csvRows(path: string, report: Report): string[] {
  const rows: string[] = [];
  for (const cell of reportCells(report)) {
    const status = report.provenance[cell.key]?.status ?? '';
    rows.push([path, report.agency ?? '', report.year ?? '', report.format_version, cell.table.id, cell.row.id,
      cell.row.shape === 'scalar' ? '' : cell.column.id, cellLabel(cell), cell.value ?? '', status].map(field).join(','));
  }
  return rows;
}

export function field(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const shown = visible(value);
  const safe = /^[=+\-@]/.test(shown) ? `'${shown}` : shown;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
