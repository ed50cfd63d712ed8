/** Reading a report's tables through the format definition: which version each table has, cell values by path. */
import { cellKey, tableName, versionById } from '../format/index.ts';
import type { ColumnDef, RowDef, TableDef, TableId } from '../format/types.ts';
import type { CellValue, Report } from '../report/types.ts';

export { TABLE_IDS as TABLES } from '../format/index.ts';

/** The definition a table in the report was read with, or undefined when the table is absent. */
export function tableOf(report: Report, id: TableId): TableDef | undefined {
  const version = report.table_versions[id];
  if (!version || !report[id]) return undefined;
  return versionById(version).tables[id];
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

/** The number a cell holds; undefined for a blank or "/" cell (blank is not zero: the table states nothing). */
export function filledNumber(report: Report, key: string): number | undefined {
  const v = numberAt(report, key) === undefined ? undefined : valueAt(report, key);
  return typeof v === 'number' ? v : undefined;
}

export interface CellInfo {
  key: string;
  table: TableDef;
  row: RowDef;
  col: number;
  column: ColumnDef;
}

/** Every cell a table's definition has, in template order. */
export function cellsOf(table: TableDef): CellInfo[] {
  return table.rows.flatMap((row) =>
    row.columns.map((column, col) => ({ key: cellKey(table, { row: row.id, col }), table, row, col, column })));
}

/** A cell's place in words: 表三「（一）予以公开」行“自然人”列, 表二「行政许可」. */
export function cellName(cell: Pick<CellInfo, 'table' | 'row' | 'column'>): string {
  const base = `${tableName(cell.table.id)}「${cell.row.label}」`;
  if (cell.row.shape === 'scalar') return base;
  return `${base}${cell.table.id === 'table4' ? '' : '行'}“${cell.column.label}”${cell.table.id === 'table4' ? '' : '列'}`;
}

/** Looks a cell up by its path in the table's definition. */
export function cellInfo(table: TableDef, key: string): CellInfo | undefined {
  return cellsOf(table).find((c) => c.key === key);
}

export function rowDef(table: TableDef, id: string): RowDef | undefined {
  return table.rows.find((r) => r.id === id);
}
