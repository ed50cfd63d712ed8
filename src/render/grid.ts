/**
 * The statutory tables laid out as the official template prints them: rows of cells with rowspan/colspan, every label
 * taken from the format definition. HTML renders this grid as it is; text layouts flatten it (see flatten.ts).
 */
import { rowKeys } from '../format/index.ts';
import type { ColumnDef, RowDef, TableDef } from '../format/types.ts';
import { rowValues } from '../report/cells.ts';
import type { CellValue } from '../report/types.ts';
import { rowTexts } from './values.ts';

export interface GridCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  /** Header cells are template text above the data; labels name a row; values are the data. */
  role: 'header' | 'label' | 'value';
  /** A value cell's Report JSON path and value (null when blank), for writers that keep numbers as numbers. */
  key?: string;
  value?: CellValue;
}

export interface TableGrid {
  table: TableDef;
  /** Number of grid columns. */
  width: number;
  rows: GridCell[][];
  /** Leading rows that head every page the table runs over (0: its leading header rows name only its first part). */
  headerRows: number;
}

/** Label columns' share of the table width in per cent, wide enough for the template's labels; value columns share the rest. */
const LABEL_WIDTHS: Record<TableDef['id'], number[]> = { table2: [34], table3: [8, 12, 36], table4: [] };

/** Each grid column's share of the table width, in per cent. */
export function columnWidths(grid: TableGrid): number[] {
  const labels = LABEL_WIDTHS[grid.table.id];
  const rest = (100 - labels.reduce((a, b) => a + b, 0)) / (grid.width - labels.length);
  return [...labels, ...Array(grid.width - labels.length).fill(rest)];
}

const header = (text: string, span: Partial<GridCell> = {}): GridCell => ({ text, role: 'header', ...span });
const label = (text: string, span: Partial<GridCell> = {}): GridCell => ({ text, role: 'label', ...span });
function values(table: TableDef, row: RowDef, json: unknown): GridCell[] {
  const keys = rowKeys(table, row.id);
  const cells = rowValues(row, json);
  return rowTexts(row, json).map((text, i) => ({ text, role: 'value', key: keys[i], value: cells[i] ?? null }));
}
const labelsOf = (columns: ColumnDef[]) => new Set(columns.map((c) => c.label));

/** The grid of one table filled with a report's values; rows absent from the JSON print blank. */
export function tableGrid(table: TableDef, json: Record<string, unknown> = {}): TableGrid {
  if (table.id === 'table2') return table2Grid(table, json);
  if (table.id === 'table3') return table3Grid(table, json);
  return table4Grid(table, json);
}

/** Runs of consecutive rows that share a key (a clause of table 二, a group of table 三). */
function runs<K>(rows: RowDef[], key: (r: RowDef) => K): { key: K; rows: RowDef[] }[] {
  const out: { key: K; rows: RowDef[] }[] = [];
  for (const row of rows) {
    const last = out.at(-1);
    if (last && last.key === key(row)) last.rows.push(row);
    else out.push({ key: key(row), rows: [row] });
  }
  return out;
}

/** Widens the last cell of a row so the row fills the table (a one-value row under a three-column header). */
function fill(cells: GridCell[], width: number): GridCell[] {
  const used = cells.reduce((n, c) => n + (c.colSpan ?? 1), 0);
  if (used < width) cells[cells.length - 1].colSpan = (cells[cells.length - 1].colSpan ?? 1) + width - used;
  return cells;
}

/**
 * Table 二: per clause of 第二十条 a spanning clause row, a header row "信息内容 | column labels…", then the rows of
 * that clause. Rows with fewer columns than the widest stretch their last cell.
 */
function table2Grid(table: TableDef, json: Record<string, unknown>): TableGrid {
  const width = 1 + Math.max(...table.rows.map((r) => r.columns.length));
  const clauses = new Set(table.rows.map((r) => r.clause));
  const columnLabels = labelsOf(table.rows.flatMap((r) => r.columns));
  // The first header that is neither a clause nor a column label heads the label column ("信息内容").
  const contentHeader = table.headers.find((h) => !clauses.has(h) && !columnLabels.has(h)) ?? '';
  const rows: GridCell[][] = [];
  for (const clause of runs(table.rows, (r) => r.clause)) {
    rows.push([header(clause.key ?? '', { colSpan: width })]);
    rows.push(fill([header(contentHeader), ...clause.rows[0].columns.map((c) => header(c.label))], width));
    for (const row of clause.rows) rows.push(fill([label(row.label), ...values(table, row, json[row.id])], width));
  }
  // The leading clause row and its header name the first clause only: repeated on a later page they would mislead.
  return { table, width, rows, headerRows: 0 };
}

/**
 * Table 三: three label columns and seven value columns. The corner note spans the three header rows; 申请人情况 spans
 * the applicant columns, 法人或其他组织 the middle five; the first applicant column and the total stand alone.
 * Rows inside the outcome block (三、本年度办理结果) sit under its spanned cell, and rows of a sub-group
 * ((三)不予公开…) under the group's spanned cell too.
 */
function table3Grid(table: TableDef, json: Record<string, unknown>): TableGrid {
  const columns = table.rows[0].columns;
  const corner = table.headers.reduce((a, b) => (b.length > a.length ? b : a));
  const groups = new Set(table.rows.map((r) => r.group));
  const columnLabels = labelsOf(columns);
  const [applicants, organisations] = table.headers.filter(
    (h) => h !== corner && !corner.includes(h) && !columnLabels.has(h) && !groups.has(h),
  );
  const [first, ...rest] = columns;
  const middle = rest.slice(0, -1);
  const total = rest.at(-1)!;
  const labelColumns = 3;
  const headerRows = 3;
  const rows: GridCell[][] = [
    [header(corner, { colSpan: labelColumns, rowSpan: headerRows }), header(applicants, { colSpan: columns.length })],
    [header(first.label, { rowSpan: 2 }), header(organisations, { colSpan: middle.length }), header(total.label, { rowSpan: 2 })],
    middle.map((c) => header(c.label)),
  ];

  // The outcome block: from the first grouped row to the last; its label is the first grouped row's group.
  const firstGrouped = table.rows.findIndex((r) => r.group);
  const lastGrouped = table.rows.findLastIndex((r) => r.group);
  const block = table.rows.slice(firstGrouped, lastGrouped + 1);
  const outer = block[0]?.group;
  table.rows.forEach((row, i) => {
    const cells: GridCell[] = [];
    const inBlock = i >= firstGrouped && i <= lastGrouped;
    if (!inBlock) cells.push(label(row.label, { colSpan: labelColumns }));
    else {
      if (i === firstGrouped) cells.push(header(outer!, { rowSpan: block.length }));
      if (row.group === outer) cells.push(label(row.label, { colSpan: labelColumns - 1 }));
      else {
        const groupRows = block.filter((r) => r.group === row.group);
        if (groupRows[0] === row) cells.push(header(row.group!, { rowSpan: groupRows.length }));
        cells.push(label(row.label));
      }
    }
    rows.push([...cells, ...values(table, row, json[row.id])]);
  });
  return { table, width: labelColumns + columns.length, rows, headerRows };
}

/**
 * Table 四: 行政复议 over its five columns; 行政诉讼 over the other two groups, each group over its five columns; the
 * review group's column labels span two header rows; one row of fifteen values.
 */
function table4Grid(table: TableDef, json: Record<string, unknown>): TableGrid {
  const [review, ...litigation] = table.rows;
  const columnLabels = labelsOf(review.columns);
  const parent = table.headers.find((h) => !columnLabels.has(h)) ?? '';
  const span = (rows: RowDef[]) => rows.reduce((n, r) => n + r.columns.length, 0);
  const rows: GridCell[][] = [
    [header(review.label, { colSpan: review.columns.length }), header(parent, { colSpan: span(litigation) })],
    [
      ...review.columns.map((c) => header(c.label, { rowSpan: 2 })),
      ...litigation.map((r) => header(r.label, { colSpan: r.columns.length })),
    ],
    litigation.flatMap((r) => r.columns.map((c) => header(c.label))),
    table.rows.flatMap((r) => values(table, r, json[r.id])),
  ];
  return { table, width: span(table.rows), rows, headerRows: 3 };
}
