/** Expands cells with rowspan/colspan into a rectangular grid; shared by the HTML and DOCX readers. */
import type { Cell, SourcePos } from '../document/model.ts';

export interface SpanCell {
  text: string;
  pos: SourcePos;
  rowSpan?: number;
  colSpan?: number;
}

/**
 * Places every cell at its grid position, filling the slots it spans with copies marked `spanned`, as a browser lays
 * out a table. Rows end up as long as their last occupied slot.
 */
export function expandGrid(rows: SpanCell[][]): Cell[][] {
  const grid: Cell[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (grid[r][c]) c++;
      const rowSpan = Math.max(1, Math.min(cell.rowSpan ?? 1, rows.length - r));
      const colSpan = Math.max(1, Math.min(cell.colSpan ?? 1, 1000));
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) {
          const copy: Cell = { text: cell.text, pos: cell.pos };
          if (dr || dc) copy.spanned = true;
          grid[r + dr][c + dc] = copy;
        }
      }
      c += colSpan;
    }
  });
  // Holes left by malformed spans become empty cells so rows stay dense.
  return grid.map((row) => Array.from(row, (cell) => cell ?? { text: '', pos: {}, spanned: true }));
}
