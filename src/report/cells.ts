/**
 * The cell codec: every cell of a Report read, written, listed and named through the format definition. Extraction,
 * renderers, checks, the CLI and the store use it; nothing else knows how a row is shaped in Report JSON.
 *
 * @example
 *   numberAt(report, 'table3.granted.6');            // 12, or 0 for a blank or "/" cell
 *   cellsOf(tableDefOf(report, 'table3')!)[0].label;   // "表三·一、本年新收政府信息公开申请数量·自然人"
 */
import { cellPhrase, rowKeys, tableName, versionById } from '../format/index.ts';
import type { ColumnDef, RowDef, TableDef, TableId } from '../format/types.ts';
import type { CellValue, Report } from './types.ts';

export interface CellInfo {
  /** Report JSON path, e.g. "table3.granted.6". */
  key: string;
  table: TableDef;
  row: RowDef;
  col: number;
  column: ColumnDef;
}

/** The definition a table in the report was read with, or undefined when the table is absent. */
export function tableDefOf(report: Pick<Report, 'table_versions'> & Partial<Record<TableId, unknown>>, id: TableId): TableDef | undefined {
  const version = report.table_versions[id];
  if (!version || !report[id]) return undefined;
  return versionById(version).tables[id];
}

const cellLists = new WeakMap<TableDef, CellInfo[]>();

/** Every cell a table's definition has, in template order (computed once per table). */
export function cellsOf(table: TableDef): CellInfo[] {
  let cells = cellLists.get(table);
  if (!cells) {
    cells = table.rows.flatMap((row) => {
      const keys = rowKeys(table, row.id);
      return row.columns.map((column, col) => ({ key: keys[col], table, row, col, column }));
    });
    cellLists.set(table, cells);
  }
  return cells;
}

export function rowDef(table: TableDef, id: string): RowDef | undefined {
  return table.rows.find((r) => r.id === id);
}

/** The cells of one row in column order, read from its Report JSON shape (array, object or scalar). */
export function rowValues(row: RowDef, json: unknown): (CellValue | undefined)[] {
  if (json === undefined) return row.columns.map(() => undefined);
  if (row.shape === 'scalar') return [json as CellValue];
  if (row.shape === 'array') return row.columns.map((_, i) => (json as CellValue[])[i]);
  return row.columns.map((c) => (json as Record<string, CellValue>)[c.id]);
}

/** A row's Report JSON from its cells in column order. */
export function rowJson(row: RowDef, cells: CellValue[]): unknown {
  if (row.shape === 'scalar') return cells[0];
  if (row.shape === 'array') return cells;
  return Object.fromEntries(row.columns.map((c, i) => [c.id, cells[i]]));
}

/** The value at a Report JSON path ("table3.granted.6", "table2.regulations.issued", "table2.licensing"). */
export function valueAt(report: Report, key: string): CellValue | undefined {
  const [table, row, col] = key.split('.');
  const rowValue = (report as unknown as Record<string, Record<string, unknown> | undefined>)[table]?.[row];
  if (rowValue === undefined) return undefined;
  const v = col === undefined ? rowValue : (rowValue as Record<string, unknown> | null)?.[col];
  return v === undefined ? undefined : (v as CellValue);
}

/** A number, or 0 for a blank or "/" cell; undefined when the cell is absent or was lost in reading. */
export function numberAt(report: Report, key: string): number | undefined {
  if (report.provenance[key]?.status === 'unknown') return undefined;
  const v = valueAt(report, key);
  if (v === undefined) return undefined;
  return typeof v === 'number' ? v : 0;
}

/** A copy of the report with one cell set; the row must exist in the report's table. */
export function withValue(report: Report, key: string, value: CellValue): Report {
  const copy: Report = structuredClone(report);
  const [table, row, col] = key.split('.');
  const tables = copy as unknown as Record<string, Record<string, unknown>>;
  if (col === undefined) tables[table][row] = value;
  else (tables[table][row] as Record<string, CellValue>)[col] = value;
  return copy;
}

/** A cell's label for lists and exports: 表三·（一）予以公开·自然人, 表二·行政许可. */
export function cellLabel(cell: Pick<CellInfo, 'table' | 'row' | 'column'>): string {
  const parts = [cell.table.wording.name, cell.row.label];
  if (cell.row.shape !== 'scalar') parts.push(cell.column.label);
  return parts.join('·');
}

/** A cell in message words: 表三「（一）予以公开」行“自然人”列 (the table's declared wording). */
export function cellName(cell: Pick<CellInfo, 'table' | 'row' | 'column'>): string {
  return cellPhrase(cell.table, cell.row, cell.column);
}

/** Every cell present in the report, with its value, in template order. */
export function* reportCells(report: Report): Generator<CellInfo & { value: CellValue }> {
  for (const id of ['table2', 'table3', 'table4'] as const) {
    const table = tableDefOf(report, id);
    if (!table) continue;
    for (const cell of cellsOf(table)) {
      const value = valueAt(report, cell.key);
      if (value !== undefined) yield { ...cell, value };
    }
  }
}

export { tableName };

/** The number a cell holds; undefined for a blank or "/" cell (blank is not zero: the table states nothing). */
export function filledNumber(report: Report, key: string): number | undefined {
  const v = numberAt(report, key) === undefined ? undefined : valueAt(report, key);
  return typeof v === 'number' ? v : undefined;
}
