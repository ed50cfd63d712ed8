/** Cell values as printed: numbers as digits (a 2019 本年增/减 with its sign), blank as nothing, "/" as "/". */
import type { ColumnDef, RowDef } from '../format/types.ts';
import { rowValues } from '../report/cells.ts';
import type { CellValue } from '../report/types.ts';

function valueText(value: CellValue | undefined, column?: ColumnDef): string {
  if (value === null || value === undefined) return '';
  if (value === '/') return '/';
  if (column?.kind === 'change' && value > 0) return `+${value}`;
  return String(value);
}

/** A row's cells as printed text. */
export function rowTexts(row: RowDef, json: unknown): string[] {
  return rowValues(row, json).map((v, i) => valueText(v, row.columns[i]));
}
