/**
 * Flattens a spanned table grid the two ways text copied out of a document shows it:
 * - `fullRows`: a rectangle, as Markdown converters and spreadsheet exports write it (a spanned slot is an empty cell);
 * - `wordRows`: as Word copies a table to text: a merged cell once, a vertically merged cell leaving one empty cell in
 *   the rows below, no cells for the columns a horizontal merge covers.
 */
import type { GridCell, TableGrid } from './grid.ts';

export interface FlatCell {
  text: string;
  role: GridCell['role'];
  /** Grid column the cell starts at, and how many it covers. */
  col: number;
  span: number;
}

export interface Slot {
  cell: GridCell;
  row: number;
  col: number;
}

/** Every grid slot with the cell covering it and where that cell starts. */
export function occupancy(grid: TableGrid): (Slot | undefined)[][] {
  const slots: (Slot | undefined)[][] = grid.rows.map(() => Array(grid.width).fill(undefined));
  grid.rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (slots[r][c]) c++;
      for (let dr = 0; dr < (cell.rowSpan ?? 1) && r + dr < grid.rows.length; dr++) {
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) slots[r + dr][c + dc] = { cell, row: r, col: c };
      }
      c += cell.colSpan ?? 1;
    }
  });
  return slots;
}

const empty = (role: GridCell['role'], col: number, span = 1): FlatCell => ({ text: '', role, col, span });

export function fullRows(grid: TableGrid): FlatCell[][] {
  return occupancy(grid).map((row, r) =>
    row.map((slot, c) => {
      if (!slot) return empty('header', c);
      const origin = slot.row === r && slot.col === c;
      return origin ? { text: slot.cell.text, role: slot.cell.role, col: c, span: 1 } : empty(slot.cell.role, c);
    }));
}

export function wordRows(grid: TableGrid): FlatCell[][] {
  return occupancy(grid).map((row, r) => {
    const out: FlatCell[] = [];
    row.forEach((slot, c) => {
      if (!slot) out.push(empty('header', c));
      else if (slot.col !== c) return;
      else {
        const span = slot.cell.colSpan ?? 1;
        out.push(slot.row === r ? { text: slot.cell.text, role: slot.cell.role, col: c, span } : empty(slot.cell.role, c, span));
      }
    });
    return out;
  });
}
