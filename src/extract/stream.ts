/**
 * Flattens the document into lines of cells, the one shape extraction reads whatever the reader: a table row is a
 * line of its cells (span copies dropped), a paragraph or heading is a line of one cell.
 */
import type { Block, Cell, DocumentModel } from '../document/model.ts';
import { looksTraditional, toSimplified } from '../text/script.ts';

export interface StreamLine {
  cells: Cell[];
  /** Cell boundaries are known: an empty cell is a blank cell. */
  ruled: boolean;
  /** Empty cells at the ends of the line may be padding (see Table.padded). */
  padded: boolean;
  /** A paragraph or heading rather than a table row. */
  prose: boolean;
  index: number;
  /** The cells as written, when `cells` holds their simplified form (a traditional-script copy). */
  original?: Cell[];
}

/** Page numbers and page headers left in text copied out of PDF or Word ("- 3 -", "第 3 页 共 9 页", "3 / 9"). */
const PAGE_FURNITURE_RE = /^(?:[-—–－]\s*\d+\s*[-—–－]|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?)$/i;

export function isPageFurniture(text: string): boolean {
  return text.length < 40 && /[\d０-９]/.test(text) && PAGE_FURNITURE_RE.test(text.normalize('NFKC').trim());
}

export function toLines(doc: DocumentModel): StreamLine[] {
  const lines: StreamLine[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'table') {
      for (const row of block.rows) {
        const cells = row.filter((c) => !c.spanned);
        if (cells.some((c) => c.text.trim() !== '')) lines.push({ cells, ruled: block.ruled, padded: !!block.padded, prose: false, index: lines.length });
      }
    } else if (block.text.trim() !== '' && !isPageFurniture(block.text)) {
      lines.push({ cells: [{ text: block.text, pos: block.pos }], ruled: false, padded: false, prose: true, index: lines.length });
    }
  }
  if (doc.blocks.some(isTraditional)) for (const line of lines) simplify(line);
  return lines;
}

const isTraditional = (block: Block) =>
  block.kind === 'table' ? block.rows.some((row) => row.some((c) => looksTraditional(c.text))) : looksTraditional(block.text);

/** Matching reads the simplified form; the original stays on the line for display. */
function simplify(line: StreamLine): void {
  const cells = line.cells.map((c) => ({ ...c, text: toSimplified(c.text) }));
  if (cells.some((c, i) => c.text !== line.cells[i].text)) {
    line.original = line.cells;
    line.cells = cells;
  }
}

/** The single text of a line as written in the source, for display. */
export function displayText(line: StreamLine): string | undefined {
  return soleText(line.original ? { ...line, cells: line.original } : line);
}

/** The single text of a line that is one non-empty cell (a paragraph, or a table row holding one cell). */
export function soleText(line: StreamLine): string | undefined {
  const filled = line.cells.filter((c) => c.text.trim() !== '');
  return filled.length === 1 ? filled[0].text.trim() : undefined;
}
