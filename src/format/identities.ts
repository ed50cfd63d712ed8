/** Expands a table's identity templates into concrete linear identities over cells. */
import type { RowDef, TableDef, TableId } from './types.ts';

export interface CellRef {
  table: TableId;
  row: string;
  /** Column index within the row's columns. */
  col: number;
}

export interface Identity {
  id: string;
  description: string;
  /** Sum of lhs cells must equal sum of rhs cells. */
  lhs: CellRef[];
  rhs: CellRef[];
  /** The column (for `each: 'column'`) or row (for `each: 'row'`) the identity was expanded for. */
  along: { row?: string; col?: number };
}

/** The Report JSON path of a cell: "table3.new_received.6", "table2.regulations.issued", "table2.licensing". */
const rowIndex = new WeakMap<TableDef, Map<string, RowDef>>();

function rowOf(table: TableDef, id: string): RowDef | undefined {
  let rows = rowIndex.get(table);
  if (!rows) rowIndex.set(table, (rows = new Map(table.rows.map((r) => [r.id, r]))));
  return rows.get(id);
}

export function cellKey(table: TableDef, ref: Pick<CellRef, 'row' | 'col'>): string {
  return rowKeys(table, ref.row)[ref.col];
}

const keysByTable = new WeakMap<TableDef, Map<string, string[]>>();

/** The Report JSON paths of a row's cells, in column order (computed once per row). */
export function rowKeys(table: TableDef, rowId: string): string[] {
  let rows = keysByTable.get(table);
  if (!rows) keysByTable.set(table, (rows = new Map()));
  let keys = rows.get(rowId);
  if (!keys) {
    const row = rowOf(table, rowId);
    if (!row) throw new Error(`unknown row ${rowId} in ${table.id}`);
    keys = row.columns.map((c, col) => {
      if (row.shape === 'scalar') return `${table.id}.${row.id}`;
      if (row.shape === 'array') return `${table.id}.${row.id}.${col}`;
      return `${table.id}.${row.id}.${c.id}`;
    });
    rows.set(rowId, keys);
  }
  return keys;
}

const expanded = new WeakMap<TableDef, Identity[]>();

/** The table's identities, one per column or row they range over (computed once per table). */
export function expandIdentities(table: TableDef): Identity[] {
  if (!expanded.has(table)) expanded.set(table, expand(table));
  return expanded.get(table)!;
}

function expand(table: TableDef): Identity[] {
  const rowById = new Map(table.rows.map((r) => [r.id, r]));
  const out: Identity[] = [];
  for (const t of table.identities) {
    if (t.each === 'column') {
      const width = rowById.get(t.lhs[0])!.columns.length;
      for (let col = 0; col < width; col++) {
        out.push({
          id: t.id,
          description: t.description,
          lhs: t.lhs.map((row) => ({ table: table.id, row, col })),
          rhs: t.rhs.map((row) => ({ table: table.id, row, col })),
          along: { col },
        });
      }
    } else {
      const rows: RowDef[] = t.rows ? t.rows.map((id) => rowById.get(id)!) : table.rows;
      for (const row of rows) {
        const index = (id: string) => row.columns.findIndex((c) => c.id === id);
        out.push({
          id: t.id,
          description: t.description,
          lhs: t.lhs.map((c) => ({ table: table.id, row: row.id, col: index(c) })),
          rhs: t.rhs.map((c) => ({ table: table.id, row: row.id, col: index(c) })),
          along: { row: row.id },
        });
      }
    }
  }
  return out;
}
