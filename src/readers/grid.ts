/** Expands cells with rowspan/colspan into a rectangular grid; shared by the HTML and DOCX readers. */
import { createFinding, type Finding, type SourcePlace } from '../document/finding.ts';
import type { Cell, SourcePos } from '../document/model.ts';
import { READ_RULES } from './rules.ts';

export interface SpanCell {
  text: string;
  pos: SourcePos;
  rowSpan?: number;
  colSpan?: number;
}

/**
 * Most slots an expanded grid may take. A statutory table has a few hundred cells and a large data table some
 * thousands; a few kilobytes of spans (colspan=1000 rowspan=100000) would otherwise ask for billions.
 */
export const MAX_GRID_CELLS = 200_000;

export interface ExpandedGrid {
  rows: Cell[][];
  /** Set when the grid outgrew the limit: the 0-based source row from which nothing was read. */
  cutAt?: number;
}

/**
 * Places every cell at its grid position, filling the slots it spans with copies marked `spanned`, as a browser lays
 * out a table. Rows end up as long as their last occupied slot. The work is counted as it goes (slots written, and
 * slots the rows grow by, holes included): a row whose cells would pass `maxCells` ends the grid there.
 */
export function expandGrid(rows: SpanCell[][], maxCells = MAX_GRID_CELLS): ExpandedGrid {
  const grid: Cell[][] = rows.map(() => []);
  let used = 0;
  for (let r = 0; r < rows.length; r++) {
    let c = 0;
    for (const cell of rows[r]) {
      while (grid[r][c]) c++;
      const rowSpan = Math.max(1, Math.min(cell.rowSpan ?? 1, rows.length - r));
      const colSpan = Math.max(1, Math.min(cell.colSpan ?? 1, 1000));
      let growth = 0;
      for (let dr = 0; dr < rowSpan && growth <= maxCells; dr++) growth += Math.max(0, c + colSpan - grid[r + dr].length);
      used += Math.max(growth, rowSpan * colSpan);
      if (used > maxCells) return { rows: dense(grid.slice(0, r)), cutAt: r };
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) {
          const copy: Cell = { text: cell.text, pos: cell.pos };
          if (dr || dc) copy.spanned = true;
          grid[r + dr][c + dc] = copy;
        }
      }
      c += colSpan;
    }
  }
  return { rows: dense(grid) };
}

/** Holes left by malformed spans become empty cells so rows stay dense. */
function dense(grid: Cell[][]): Cell[][] {
  return grid.map((row) => Array.from(row, (cell) => cell ?? { text: '', pos: {}, spanned: true }));
}

/** The reader finding for a grid cut at the limit: what was dropped, in the user's words. */
export function gridCutMessage(cutAt: number, rowCount: number, source: SourcePlace | undefined): Finding {
  return createFinding(READ_RULES.tableTooLarge, {
    message: `表格过大：合并单元格展开后超过${MAX_GRID_CELLS}个单元格，第${cutAt + 1}行起（共${rowCount}行）未读取`,
    source,
  });
}
