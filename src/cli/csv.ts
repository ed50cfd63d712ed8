/**
 * `--csv`: the cells of every report, one row per report × cell, for spreadsheets; quoted, disarmed and marked as
 * UTF-8 the one way every CSV export is (src/render/csv.ts).
 */
import { cellLabel, reportCells } from '../report/cells.ts';
import type { Report } from '../report/types.ts';
import { BOM, csvField } from '../render/csv.ts';
import { visible } from './output.ts';

const HEADER = ['文件', '机关', '年度', '格式版本', '表', '行', '列', '单元格', '值', '来源'];

export function csvHeader(): string {
  return `${BOM}${HEADER.join(',')}`;
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

/** Control characters shown escaped, as everywhere the CLI prints (the rows may go to a terminal). */
function field(value: string | number): string {
  return csvField(typeof value === 'string' ? visible(value) : value);
}
