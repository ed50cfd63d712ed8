/**
 * A report as an XLSX workbook (exceljs): one sheet per statutory table present, laid out as the template prints it
 * (the table grid of grid.ts, its row and column spans as merged cells), then 基本信息 and 问题. Numbers stay numbers,
 * "/" stays "/", and a blank cell stays empty, never 0. Text is written as text, never as a formula, so report
 * content cannot run in a spreadsheet. exceljs is loaded on first use: it takes most of a second to import.
 */
import type { Borders, Cell, Workbook, Worksheet } from 'exceljs';
import { placeWords, SEVERITY_ZH } from '../document/finding.ts';
import { TABLE_IDS, versionById } from '../format/index.ts';
import type { CellAddress } from '../format/cells.ts';
import { cellLabel, cellsOf, tableDefOf } from '../report/cells.ts';
import type { Finding, Report } from '../report/types.ts';
import { displayWidth } from '../text/width.ts';
import { occupancy } from './flatten.ts';
import { tableGrid, type GridCell, type TableGrid } from './grid.ts';
import type { TabularColumn, TabularValue } from './types.ts';

/** Rows above a table's grid on its sheet: the section heading the template prints above the table. */
export const TABLE_TITLE_ROWS = 1;
export const INFO_SHEET = '基本信息';
export const FINDINGS_SHEET = '问题';
const FINDINGS_HEADER = ['严重程度', '规则', '问题', '单元格', '原文位置'];

const THIN = { style: 'thin' } as const;
const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

async function newWorkbook(): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'xxgk';
  return workbook;
}

const bytesOf = async (workbook: Workbook) => new Uint8Array(await workbook.xlsx.writeBuffer());

/**
 * The report as .xlsx bytes: 表二/表三/表四 (those the report has), 基本信息, 问题.
 *
 * @example
 *   await writeFile('报告.xlsx', await renderXlsx(report));
 */
export async function renderXlsx(report: Report): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  for (const id of TABLE_IDS) {
    const table = tableDefOf(report, id);
    if (table) addTableSheet(workbook, tableGrid(table, report[id] as Record<string, unknown>));
  }
  addInfoSheet(workbook, report);
  addFindingsSheet(workbook, report);
  return bytesOf(workbook);
}

function addTableSheet(workbook: Workbook, grid: TableGrid): void {
  const { table } = grid;
  const sheet = workbook.addWorksheet(table.wording.name, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const title = sheet.getCell(1, 1);
  title.value = `${table.section}、${table.title}`;
  title.font = { bold: true };
  sheet.mergeCells(1, 1, TABLE_TITLE_ROWS, grid.width);

  const widths: number[] = Array(grid.width).fill(0);
  occupancy(grid).forEach((slots, r) => slots.forEach((slot, c) => {
    if (!slot || slot.row !== r || slot.col !== c) return; // covered by a merge: styled by its master
    const { cell } = slot;
    const [top, left] = [TABLE_TITLE_ROWS + r + 1, c + 1];
    writeGridCell(sheet.getCell(top, left), cell);
    const [rows, cols] = [cell.rowSpan ?? 1, cell.colSpan ?? 1];
    if (rows > 1 || cols > 1) sheet.mergeCells(top, left, top + rows - 1, left + cols - 1);
    if (cols === 1) widths[c] = Math.max(widths[c], displayWidth(cell.text));
  }));
  // Wide enough for numbers and short labels; long labels wrap.
  widths.forEach((w, c) => (sheet.getColumn(c + 1).width = Math.min(Math.max(w + 2, 9), 40)));
}

function writeGridCell(target: Cell, cell: GridCell): void {
  target.border = BORDER;
  if (cell.role === 'value') {
    target.value = cell.value ?? null;
    target.alignment = { horizontal: 'center', vertical: 'middle' };
    return;
  }
  target.value = cell.text;
  target.alignment = { horizontal: cell.role === 'header' ? 'center' : 'left', vertical: 'middle', wrapText: true };
  if (cell.role === 'header') target.font = { bold: true };
}

/** A two-column sheet: what the report was read as, and from which file. */
function addInfoSheet(workbook: Workbook, report: Report): void {
  const version = report.format_version === 'free'
    ? '自由格式（2019年以前，无统计表模板）'
    : `${report.format_version}版（${versionById(report.format_version).notice.number}）`;
  const rows: [string, TabularValue][] = [
    ['机关', report.agency],
    ['年度', report.year],
    ['格式版本', version],
    ['标题', report.title],
    ['发布日期', report.published],
    ['源文件', report.source.path],
    ['文件类型', report.source.media_type],
    ['SHA-256', report.source.sha256],
  ];
  addRowsSheet(workbook, INFO_SHEET, ['项目', '内容'], rows);
}

/** One row per finding, in report order. */
function addFindingsSheet(workbook: Workbook, report: Report): void {
  const rows = report.findings.map((f) => [
    SEVERITY_ZH[f.severity], f.rule, f.message, (f.place.cells ?? []).map((a) => addressLabel(report, a)).join('；'), where(f),
  ]);
  addRowsSheet(workbook, FINDINGS_SHEET, FINDINGS_HEADER, rows);
}

/** 表三·（一）予以公开·自然人 for a cell; the table and row for a whole row; the path when the format lacks it. */
function addressLabel(report: Report, address: CellAddress): string {
  const table = tableDefOf(report, address.table)
    ?? (report.format_version === 'free' ? undefined : versionById(report.format_version).tables[address.table]);
  const cell = table && cellsOf(table).find((c) => c.key === address.path);
  if (cell) return cellLabel(cell);
  const row = table?.rows.find((r) => r.id === address.row);
  return row ? `${table!.wording.name}·${row.label}` : address.path;
}

function where(f: Finding): string {
  return placeWords(f.place.source) || (f.page ? `第${f.page}页` : f.line ? `第${f.line}行` : '');
}

/** A sheet of a bold, frozen, filterable header row and plain rows. */
function addRowsSheet(workbook: Workbook, name: string, header: string[], rows: TabularValue[][]): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header).eachCell((c) => {
    c.font = { bold: true };
    c.alignment = { horizontal: 'center' };
  });
  for (const row of rows) sheet.addRow(row.map(cellValue));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  sheet.columns.forEach((column, i) => {
    const longest = Math.max(...[header[i], ...rows.map((r) => r[i])].map((v) => displayWidth(String(v ?? ''))));
    column.width = Math.min(Math.max(longest + 2, 8), 60);
  });
  return sheet;
}

/** Characters XML 1.0 cannot hold: exceljs writes them as they are, and Excel then refuses the whole file. */
const XML_FORBIDDEN_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * What exceljs writes: text with XML-forbidden characters shown escaped (`\u{1}`), a bigint as a number when exact,
 * else as its digits; null and undefined as an empty cell.
 */
function cellValue(value: TabularValue): string | number | boolean | Date | null {
  if (value === undefined) return null;
  if (typeof value === 'string') return value.replace(XML_FORBIDDEN_RE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  return value;
}

const SHEET_NAME_FORBIDDEN_RE = /[\\/?*[\]:]/g;

/**
 * Tabular results (a store query) as a one-sheet workbook: a header row of column labels, then one row per result.
 * The sheet name loses the characters Excel forbids and is cut to Excel's 31 characters.
 *
 * @example
 *   await rowsToXlsx([{ key: 'agency', label: '机关' }, { key: 'errors', label: '错误数' }], rows, '核查结果');
 */
export async function rowsToXlsx(
  columns: TabularColumn[], rows: Iterable<Record<string, TabularValue>>, sheetName: string,
): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  const name = sheetName.replace(SHEET_NAME_FORBIDDEN_RE, '_').slice(0, 31) || 'Sheet1';
  addRowsSheet(workbook, name, columns.map((c) => c.label ?? c.key), [...rows].map((row) => columns.map((c) => row[c.key])));
  return bytesOf(workbook);
}
