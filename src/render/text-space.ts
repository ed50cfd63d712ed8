/**
 * Columns laid out with runs of spaces, like `pdftotext -layout`: prose wrapped at a page width, table cells placed at
 * fixed column positions (labels left, values right-aligned), at least two spaces between cells. Blank cells are
 * invisible here, as in any text dump of a PDF.
 */
import { wordRows, type FlatCell } from './flatten.ts';
import type { TableGrid } from './grid.ts';
import { outline } from './outline.ts';
import type { ReportData } from './types.ts';
import { displayWidth, padEnd, padStart } from '../text/width.ts';

const PAGE_CHARS = 40;
const GAP = 2;
const INDENT = '    ';

/**
 * Wraps prose at the page width. As in Chinese typesetting no line starts with closing punctuation; nor does one start
 * with a numeral that could read as a section number ("三是…").
 */
function wrap(text: string): string[] {
  const chars = [...text];
  const lines: string[] = [];
  for (let at = 0; at < chars.length; ) {
    let end = Math.min(chars.length, at + PAGE_CHARS);
    while (end < chars.length && end > at + 1 && /[一二三四五六，。、；：）》”]/.test(chars[end])) end--;
    lines.push(chars.slice(at, end).join(''));
    at = end;
  }
  return lines;
}

/**
 * Widths of the grid columns: single cells set them, a spanning label or value widens the last column it covers if
 * needed; a spanning header (the long corner note of table 三) may run over, as it would in a PDF.
 */
function columnWidths(rows: FlatCell[][], width: number): number[] {
  const widths = Array(width).fill(1);
  const cells = rows.flat().filter((c) => c.text && !(c.role === 'header' && c.span > 1));
  for (const c of cells.filter((c) => c.span === 1)) widths[c.col] = Math.max(widths[c.col], displayWidth(c.text));
  for (const c of cells.filter((c) => c.span > 1)) {
    const covered = widths.slice(c.col, c.col + c.span).reduce((a, b) => a + b, 0) + GAP * (c.span - 1);
    const last = c.col + c.span - 1;
    if (covered < displayWidth(c.text)) widths[last] += displayWidth(c.text) - covered;
  }
  return widths;
}

function tableLines(grid: TableGrid): string[] {
  const rows = wordRows(grid);
  const widths = columnWidths(rows, grid.width);
  const starts = widths.map((_, c) => widths.slice(0, c).reduce((a, b) => a + b + GAP, 0));
  return rows.map((row) => {
    let line = '';
    for (const cell of row) {
      if (!cell.text) continue;
      const spanWidth = starts[cell.col + cell.span - 1] + widths[cell.col + cell.span - 1] - starts[cell.col];
      const text = cell.role === 'value' ? padStart(cell.text, spanWidth) : cell.text;
      const at = Math.max(starts[cell.col], line === '' ? 0 : displayWidth(line) + GAP);
      line = padEnd(line, at) + text;
    }
    return INDENT + line;
  });
}

export function renderTextSpace(report: ReportData): string {
  const out: string[] = [];
  for (const block of outline(report)) {
    if (block.kind === 'table') out.push(...tableLines(block.grid), '');
    else if (block.kind === 'paragraph') out.push(...wrap(`　　${block.text}`), '');
    else if (block.kind === 'signature') out.push(...block.lines.map((l) => padStart(l, PAGE_CHARS * 2)));
    else out.push(block.text, '');
  }
  return `${out.join('\n')}\n`;
}
