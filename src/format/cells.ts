/**
 * Cells named and addressed from the format alone: a Report JSON path ("table3.granted.6") to its table, row and
 * column ids, and the words messages use for a cell (表三「（一）予以公开」行“自然人”列).
 */
import type { ColumnDef, RowDef, TableDef, TableId } from './types.ts';
import { FORMAT_2019, FORMAT_2021 } from './versions.ts';

/** A logical cell: its Report JSON path and the ids it is made of. A whole absent row has no column. */
export interface CellAddress {
  path: string;
  table: TableId;
  row: string;
  column?: string;
}

const addresses = new Map<string, CellAddress>();

/** The address of a Report JSON path; the row is looked up in whichever version has a row of that shape. */
export function cellAddress(path: string): CellAddress {
  let address = addresses.get(path);
  if (address) return address;
  const [table, row, col] = path.split('.') as [TableId, string, string | undefined];
  address = { path, table, row };
  const def = rowDefOf(table, row, col);
  if (def && col !== undefined) address.column = def.shape === 'array' ? def.columns[Number(col)]?.id ?? col : col;
  else if (def?.shape === 'scalar') address.column = def.columns[0].id;
  addresses.set(path, address);
  return address;
}

/** A two-part path names a scalar row's cell, or a whole row; a three-part path a cell of an array or object row. */
function rowDefOf(table: TableId, row: string, col: string | undefined): RowDef | undefined {
  for (const version of [FORMAT_2021, FORMAT_2019]) {
    const def = version.tables[table]?.rows.find((r) => r.id === row);
    if (def && (def.shape === 'scalar') === (col === undefined)) return def;
  }
  return undefined;
}

/**
 * A cell in message words: 表三「（一）予以公开」行“自然人”列, 表四「行政复议」“结果维持”, 表二「行政许可」.
 * The words come from the table's declared wording.
 */
export function cellPhrase(table: TableDef, row: RowDef, column: ColumnDef): string {
  const { name, row: rowWord, column: columnWord } = table.wording;
  const base = `${name}「${row.label}」`;
  return row.shape === 'scalar' ? base : `${base}${rowWord}“${column.label}”${columnWord}`;
}
