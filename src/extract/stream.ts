/**
 * Flattens the document into lines of cells, the one shape extraction reads whatever the reader: a table row is a
 * line of its cells (span copies dropped), a paragraph or heading is a line of one cell.
 */
import type { Block, Cell, DocumentModel, SourcePos } from '../document/model.ts';
import { SECTIONS } from '../format/sections.ts';
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

function isPageFurniture(text: string): boolean {
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
      for (const piece of block.text.length > LONG_LINE ? splitLongLine(block.text, block.pos) : [{ text: block.text, pos: block.pos }]) {
        lines.push({ cells: [piece], ruled: false, padded: false, prose: true, index: lines.length });
      }
    }
  }
  if (isTraditional(doc.blocks)) for (const line of lines) simplify(line);
  return lines;
}

/** Longer than any paragraph a report writes on one line: a whole page dumped on one line by a crawler. */
const LONG_LINE = 2000;
const HEADING_START_RE = new RegExp(`(?<=^|\\s)([${SECTIONS.map((s) => s.number).join('')}])、`, 'g');
/** Page metadata fields a crawler writes before the page text ("标题: …", "发布日期: …"). */
const META_FIELD_RE = /(?<=\s)(?=(?:标题|题目|发布日期|发布时间|成文日期|来源|作者|索引号|发文机关|浏览次数)[:：])/g;
const SENTENCE_END_RE = /(?<=。)\s+/g;

/**
 * A whole report on one line: pieces at its page metadata fields, its section headings (the heading alone, as a
 * heading line would be) and its sentence ends, so sections and tables are found as in a report with lines.
 */
function splitLongLine(text: string, pos: SourcePos): Cell[] {
  const cuts = new Set<number>();
  for (const m of text.matchAll(META_FIELD_RE)) cuts.add(m.index);
  for (const m of text.matchAll(SENTENCE_END_RE)) cuts.add(m.index + m[0].length);
  for (const m of text.matchAll(HEADING_START_RE)) {
    const def = SECTIONS.find((s) => s.number === m[1])!;
    const end = text.slice(m.index).search(/\s/);
    const title = end < 0 ? text.slice(m.index) : text.slice(m.index, m.index + end);
    if (!def.keywords.some((k) => title.includes(k))) continue;
    cuts.add(m.index);
    if (end > 0) cuts.add(m.index + end);
  }
  const at = [0, ...[...cuts].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b), text.length];
  const pieces: Cell[] = [];
  for (let i = 0; i + 1 < at.length; i++) {
    const piece = text.slice(at[i], at[i + 1]);
    if (piece.trim()) pieces.push({ text: piece.trim(), pos: { ...pos, column: (pos.column ?? 1) + at[i] } });
  }
  return pieces;
}

/** Characters of prose enough to have met a traditional character if the copy were traditional (its title has some). */
const TRADITIONAL_EVIDENCE = 300;

/** A traditional copy writes its headings and prose, or failing those its row labels, in traditional script. */
function isTraditional(blocks: Block[]): boolean {
  let prose = 0;
  for (const block of blocks) {
    if (block.kind === 'table') continue;
    if (looksTraditional(block.text)) return true;
    prose += block.text.length;
    if (prose > TRADITIONAL_EVIDENCE) return false;
  }
  return !prose && blocks.some((b) => b.kind === 'table' && b.rows.some((row) => row.some((c) => looksTraditional(c.text))));
}

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
