/** Cell values as printed: numbers as digits (a 2019 本年增/减 with its sign), blank as nothing, "/" as "/". */
import type { ColumnDef, RowDef } from '../format/types.ts';
import type { CellValue } from '../report/types.ts';

export function valueText(value: CellValue | undefined, column?: ColumnDef): string {
  if (value === null || value === undefined) return '';
  if (value === '/') return '/';
  if (column?.kind === 'change' && value > 0) return `+${value}`;
  return String(value);
}

/** The cells of one row in column order, read from its Report JSON shape (array, object or scalar). */
export function rowValues(row: RowDef, json: unknown): (CellValue | undefined)[] {
  if (json === undefined) return row.columns.map(() => undefined);
  if (row.shape === 'scalar') return [json as CellValue];
  if (row.shape === 'array') return row.columns.map((_, i) => (json as CellValue[])[i]);
  return row.columns.map((c) => (json as Record<string, CellValue>)[c.id]);
}

/** A row's cells as printed text. */
export function rowTexts(row: RowDef, json: unknown): string[] {
  return rowValues(row, json).map((v, i) => valueText(v, row.columns[i]));
}
