/**
 * Pages → blocks in reading order: ruled tables, page furniture dropped, unruled tables, tables continued across pages
 * joined, headings told from body text by font size, wrapped paragraph lines joined, text normalised, and every block
 * and cell numbered with a running output line (`pos.line`) so line-based messages can still point somewhere.
 */
import type { Block, SourcePos } from '../../document/model.ts';
import { joinLines } from '../../text/lines.ts';
import { normalizeText } from '../../text/normalize.ts';
import { continues, finishesLastRow, joinTables } from './continue.ts';
import { findFurniture } from './furniture.ts';
import { buildLines, meanConfidence } from './lines.ts';
import { ruledTables } from './tables.ts';
import type { Line, PageContent, PageTable } from './types.ts';
import { findUnruledTables, type Element } from './unruled.ts';

/** A line this much larger than body text is a heading. */
const HEADING_RATIO = 1.15;
/** Headings are short; a long line in a large font is body text in a large font. */
const MAX_HEADING_CHARS = 60;
const SENTENCE_END_RE = /[。！？!?：:；;]$/;
const NUMBERING_START_RE = /^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|\d+[、.．](?!\d)|第[一二三四五六七八九十百\d]+[条章节部分])/;

export function layoutDocument(pages: PageContent[]): Block[] {
  const perPage = pages.map((p) => {
    const { tables, rest } = ruledTables(p.segments, p.pieces, p.page);
    return { ...p, tables, lines: buildLines(rest, p.page) };
  });
  const furniture = findFurniture(perPage.map((p) => ({ page: p.page, height: p.height, lines: p.lines })));
  const elements: Element[] = [];
  for (const p of perPage) {
    const items: (Line | PageTable)[] = [...p.tables, ...p.lines.filter((l) => !furniture.has(l))];
    items.sort((a, b) => a.top - b.top);
    let pending: Line[] = [];
    const flush = () => {
      elements.push(...findUnruledTables(pending, p.page));
      pending = [];
    };
    for (const item of items) {
      if ('kind' in item) {
        flush();
        elements.push(item);
      } else pending.push(item);
    }
    flush();
  }
  return toBlocks(joinContinuedTables(elements), perPage);
}

function joinContinuedTables(elements: Element[]): Element[] {
  const out: Element[] = [];
  for (const e of elements) {
    const prev = out.at(-1);
    if (e.kind === 'table' && prev?.kind === 'table' && continues(prev, e)) joinTables(prev, e);
    else if (e.kind === 'line' && e.cut && prev?.kind === 'table' && finishesLastRow(prev, e.line)) continue;
    else out.push(e);
  }
  return out;
}

interface Margins {
  left: number;
  right: number;
}

function toBlocks(elements: Element[], pages: { page: number; width: number }[]): Block[] {
  const lines = elements.flatMap((e) => (e.kind === 'line' ? [e.line] : []));
  const body = bodySize(lines);
  const levels = headingLevels(lines, body);
  const margins = pageMargins(lines, body, pages);
  const blocks: Block[] = [];
  let lineNo = 0;
  // The paragraph or heading being built, with the source lines it has taken so far.
  let open: { block: Block & { kind: 'heading' | 'paragraph' }; lines: Line[] } | undefined;
  const close = () => {
    if (!open) return;
    const { block, lines: taken } = open;
    block.text = normalizeText(joinLines(taken.map((l) => l.text), { hyphenWrap: true }));
    const ocr = meanConfidence(taken.flatMap((l) => l.pieces));
    if (ocr !== undefined) block.pos.ocr = ocr;
    open = undefined;
  };
  for (const e of elements) {
    if (e.kind === 'table') {
      close();
      blocks.push(tableBlock(e, () => ++lineNo));
      continue;
    }
    const line = e.line;
    const level = levels.get(line);
    const prev = open?.lines.at(-1);
    if (open && prev && (level
      ? open.block.kind === 'heading' && open.block.level === level && continuesHeading(prev, line)
      : open.block.kind === 'paragraph' && continuesParagraph(prev, line, margins))) {
      open.lines.push(line);
      continue;
    }
    close();
    const pos: SourcePos = { line: ++lineNo, page: line.page, x: round(line.x0), y: round(line.top) };
    const block: Block & { kind: 'heading' | 'paragraph' } = level
      ? { kind: 'heading', level, text: '', pos }
      : { kind: 'paragraph', text: '', pos };
    blocks.push(block);
    open = { block, lines: [line] };
  }
  close();
  return blocks.filter((b) => b.kind === 'table' || b.text.trim() !== '');
}

function tableBlock(t: PageTable, nextLine: () => number): Block {
  for (const row of t.rows) {
    const line = nextLine();
    for (const cell of row) {
      cell.text = normalizeText(cell.text);
      cell.pos.line = line;
    }
  }
  const first = t.rows[0]?.[0]?.pos ?? {};
  return { kind: 'table', ruled: t.ruled, rows: t.rows, pos: { line: first.line, page: first.page, x: round(t.x0), y: first.y } };
}

/** The font size carrying most characters outside tables. */
function bodySize(lines: Line[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) {
    const size = Math.round(l.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + l.text.length);
  }
  let best = 0, most = -1;
  for (const [size, w] of weight) if (w > most) [best, most] = [size, w];
  return best;
}

/** Heading level per heading line: the largest size is level 1. */
function headingLevels(lines: Line[], body: number): Map<Line, number> {
  const headings = lines.filter((l) => l.size >= HEADING_RATIO * body && l.text.replace(/\s+/g, '').length <= MAX_HEADING_CHARS);
  const sizes = [...new Set(headings.map((l) => Math.round(l.size * 2) / 2))].sort((a, b) => b - a);
  return new Map(headings.map((l) => [l, Math.min(6, sizes.indexOf(Math.round(l.size * 2) / 2) + 1)]));
}

/** Left and right edges of body text, per page width (portrait and landscape pages differ). */
function pageMargins(lines: Line[], body: number, pages: { page: number; width: number }[]): Map<number, Margins> {
  const widthOf = new Map(pages.map((p) => [p.page, Math.round(p.width)]));
  const byWidth = new Map<number, Margins>();
  for (const l of lines) {
    if (Math.abs(l.size - body) > 0.1 * body) continue;
    const w = widthOf.get(l.page)!;
    const m = byWidth.get(w);
    if (m) {
      m.left = Math.min(m.left, l.x0);
      m.right = Math.max(m.right, l.x1);
    } else byWidth.set(w, { left: l.x0, right: l.x1 });
  }
  return new Map(pages.map((p) => [p.page, byWidth.get(widthOf.get(p.page)!) ?? { left: 0, right: p.width }]));
}

/** A line that ends at the right margin followed by one starting at the left margin is one paragraph wrapped. */
function continuesParagraph(prev: Line, next: Line, margins: Map<number, Margins>): boolean {
  if (Math.abs(prev.size - next.size) > 0.1 * prev.size) return false;
  const m = margins.get(prev.page)!;
  const n = margins.get(next.page)!;
  if (prev.x1 < m.right - 1.5 * prev.size || next.x0 > n.left + 0.5 * next.size) return false;
  if (SENTENCE_END_RE.test(prev.text) || NUMBERING_START_RE.test(normalizeText(next.text))) return false;
  if (next.page === prev.page) return next.top - prev.bottom <= prev.size && next.top > prev.top;
  return next.page === prev.page + 1;
}

function continuesHeading(prev: Line, next: Line): boolean {
  return next.page === prev.page && next.top > prev.top && next.top - prev.bottom <= 0.8 * prev.size;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
