/**
 * Plain text and Markdown reader. Text copied out of Word, PDF or web pages comes in many layouts; this reader
 * recognises each line's layout and builds the same blocks the HTML reader builds:
 * - tab-separated rows (`a\tb\tc`), pipe rows (`a | b`, `| a | b |`), Markdown tables with `---` rules;
 * - one cell per line ending in `|`, rows closed by `|||` spacer lines;
 * - pipe rows broken at their blank cells (`a | 25 |`, `|`, `|`, `| 25 |`: each blank cell became a line break);
 * - one cell per line indented by a tab, a row per group of lines, a line without the tab continuing the cell above;
 * - rows laid out by runs of spaces (PDF text), kept as unruled rows because blanks are invisible there;
 * - everything else is a paragraph (one cell per line separated by blank lines stays paragraphs: extraction reads it).
 */
import type { Block, Cell, DocumentModel, Table } from '../document/model.ts';
import { UnreadableError } from '../document/errors.ts';
import { trimChars } from '../text/trim.ts';
import { decodeText } from './sniff.ts';
import type { ReaderInput } from './types.ts';

type LineKind =
  | 'empty' | 'heading' | 'rule' | 'tab-row' | 'tab-cell' | 'pipe-row' | 'pipe-cell' | 'pipe-break' | 'space-row' | 'plain';

interface Line {
  no: number;
  raw: string;
  kind: LineKind;
}

const MD_HEADING_START_RE = /^\s{0,3}(#{1,6})\s+/;
const WHITESPACE_RE = /\s/;
const HASH_RE = /#/;
const LINE_TERMINATOR_RE = /[\n\r\u2028\u2029]/;
const RULE_CHARS_RE = /^[\s|:-]+$/;
const SPACE_SPLIT_RE = /[ \u00A0]{2,}|\u3000+/;
const NUMBERISH_RE = /^[+-]?[\d,.]+$|^[/／—-]$/;

export function readText({ bytes, source }: ReaderInput): DocumentModel {
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === '') throw new UnreadableError('empty', '文件为空', 'empty file');
  const lines = text.split(/\r\n|\r|\n/).map((raw, i) => classify(stripMarkdownEmphasis(raw), i + 1));
  return { source: { ...source, encoding }, medium: 'text', blocks: buildBlocks(lines), messages: [] };
}

function stripMarkdownEmphasis(s: string): string {
  return s.includes('**') || s.includes('__') ? s.replace(/\*\*|__/g, '') : s;
}

function classify(raw: string, no: number): Line {
  const kind = ((): LineKind => {
    if (raw.trim() === '') return raw.includes('\t') ? 'tab-cell' : 'empty';
    if (markdownHeading(raw)) return 'heading';
    if (isRule(raw)) return 'rule';
    if (/^[\s|]+$/.test(raw)) return 'pipe-break';
    if (raw.includes('|') && !isProseWithPipe(raw)) {
      const inner = raw.trim();
      const pipes = (inner.match(/\|/g) ?? []).length;
      if (pipes === 1 && inner.endsWith('|')) return 'pipe-cell';
      if (pipes >= 2 || !inner.startsWith('|') && !inner.endsWith('|')) return 'pipe-row';
    }
    if (raw.includes('\t')) return /^\t[^\t]*$/.test(raw) ? 'tab-cell' : 'tab-row';
    const parts = raw.trim().split(SPACE_SPLIT_RE);
    if (parts.length >= 2 && parts.some((p) => NUMBERISH_RE.test(p))) return 'space-row';
    return 'plain';
  })();
  return { no, raw, kind };
}

/**
 * `# Title ##`: up to three spaces, one to six hashes, whitespace, the title, optional closing hashes. The title is
 * what is left after the closing run (whitespace, hashes, whitespace) is cut from the end; a line break character
 * inside it (U+2028) means no heading. Scanned by hand: as one regex the lazy title and the closing run backtrack
 * against each other (polynomial on a long line).
 */
function markdownHeading(raw: string): { level: number; text: string } | undefined {
  const start = MD_HEADING_START_RE.exec(raw);
  if (!start) return undefined;
  const rest = raw.slice(start[0].length);
  const text = trimChars(trimChars(trimChars(rest, null, WHITESPACE_RE), null, HASH_RE), null, WHITESPACE_RE);
  return LINE_TERMINATOR_RE.test(text) ? undefined : { level: start[1].length, text };
}

/** A Markdown table rule (`|---|:--:|`): only spaces, pipes, colons and dashes, with a run of at least three dashes. */
function isRule(raw: string): boolean {
  return raw.includes('---') && RULE_CHARS_RE.test(raw);
}

/** Table cells are short; a long sentence that happens to hold a "|" (《一图读懂|…》) is prose. */
const MAX_PIPE_CELL = 120;

function isProseWithPipe(raw: string): boolean {
  return raw.split('|').some((cell) => cell.trim().length > MAX_PIPE_CELL) || hasPipeInBookTitle(raw);
}

/** 《…|…》: a pipe after a 《 with no 》 between, then a 》 with no 《 between. One pass, no backtracking. */
function hasPipeInBookTitle(raw: string): boolean {
  let open = false;
  let pipeInside = false;
  for (const ch of raw) {
    if (ch === '《') {
      open = true;
      pipeInside = false;
    } else if (ch === '|') {
      if (open) pipeInside = true;
    } else if (ch === '》') {
      if (pipeInside) return true;
      open = false;
    }
  }
  return false;
}

/** Cells of one line split on a separator, each with its 1-based column. */
function splitCells(line: Line, sep: string): Cell[] {
  const cells: Cell[] = [];
  let column = 1;
  for (const part of line.raw.split(sep)) {
    cells.push({ text: part.trim(), pos: { line: line.no, column } });
    column += part.length + sep.length;
  }
  return cells;
}

function pipeCells(line: Line): Cell[] {
  const cells = splitCells(line, '|');
  const trimmed = line.raw.trim();
  if (trimmed.startsWith('|')) cells.shift();
  if (trimmed.endsWith('|')) cells.pop();
  return cells;
}

function spaceCells(line: Line): Cell[] {
  const cells: Cell[] = [];
  const body = line.raw.trimEnd();
  let start = 0;
  const push = (end: number) => {
    const part = body.slice(start, end);
    const lead = part.length - part.trimStart().length;
    if (part.trim()) cells.push({ text: part.trim(), pos: { line: line.no, column: start + lead + 1 } });
  };
  for (const m of body.matchAll(new RegExp(SPACE_SPLIT_RE.source, 'g'))) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(body.length);
  return cells;
}

/** Groups of consecutive non-empty lines, the unit in which the tab-indented one-cell-per-line layout is seen. */
function groups(lines: Line[]): Line[][] {
  const out: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (line.kind === 'empty') {
      if (current.length) out.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length) out.push(current);
  return out;
}

/** A group whose lines are all `\tcell` (or continuations of one) is one table row, a cell per line. */
function cellPerLineRow(group: Line[]): Cell[] | undefined {
  if (group[0].kind !== 'tab-cell') return undefined;
  const cells: Cell[] = [];
  for (const line of group) {
    if (line.kind === 'tab-cell') cells.push({ text: line.raw.trim(), pos: { line: line.no, column: 2 } });
    else if (line.kind === 'plain' && cells.length && cells[cells.length - 1].text !== '') {
      cells[cells.length - 1].text += line.raw.trim();
    } else return undefined;
  }
  return cells;
}

class BlockBuilder {
  readonly blocks: Block[] = [];
  private table: Table | undefined;
  private pendingCells: Cell[] = [];

  row(cells: Cell[], ruled: boolean, padded = false): void {
    this.flushPending();
    if (cells.every((c) => c.text === '')) return;
    if (!this.table || this.table.ruled !== ruled || !!this.table.padded !== padded) {
      this.table = { kind: 'table', rows: [], pos: cells[0].pos, ruled, ...(padded ? { padded } : {}) };
      this.blocks.push(this.table);
    }
    this.table.rows.push(cells);
  }

  /** One cell of a `cell|` per line row; the row ends at a `|||` spacer or any other line. */
  pipeCell(cell: Cell): void {
    this.pendingCells.push(cell);
  }

  hasPending(): boolean {
    return this.pendingCells.length > 0;
  }

  flushPending(): void {
    if (!this.pendingCells.length) return;
    const cells = this.pendingCells;
    this.pendingCells = [];
    this.row(cells, true);
  }

  text(kind: 'heading' | 'paragraph', text: string, line: number, level = 0): void {
    this.flushPending();
    this.table = undefined;
    const pos = { line };
    this.blocks.push(kind === 'heading' ? { kind, level, text, pos } : { kind, text, pos });
  }
}

const isLonePipe = (line: Line | undefined) => line?.kind === 'pipe-break' && line.raw.trim() === '|';

/**
 * The lines of a pipe row broken at its blank cells, starting at `k`: a row ending in `|`, then lone `|` lines each
 * followed by a line starting with `|` that carries the row on, the last run of lone `|` lines possibly ending the
 * row (its trailing blank cells; only after a filled cell, so a label's spacer line stays a spacer). Undefined when
 * the lines are not that shape.
 */
function brokenPipeRow(group: Line[], k: number): Line[] | undefined {
  const head = group[k];
  if ((head.kind !== 'pipe-row' && head.kind !== 'pipe-cell') || !head.raw.trim().endsWith('|')) return undefined;
  let end = k;
  for (let at = k; ; ) {
    let j = at + 1;
    while (isLonePipe(group[j])) j++;
    if (j === at + 1) break;
    const next = group[j];
    if (next && next.kind !== 'pipe-break' && next.raw.trim().startsWith('|')) {
      end = j;
      if (!next.raw.trim().endsWith('|')) break;
      at = j;
      continue;
    }
    const last = group[at].raw.trim().slice(0, -1).trimEnd();
    if (group[at].kind === 'pipe-row' && last && !last.endsWith('|')) end = j - 1;
    break;
  }
  return end > k ? group.slice(k, end + 1) : undefined;
}

/** Cells of a pipe row written over several lines: a line break is no cell boundary, only a pipe is. */
function joinedPipeCells(run: Line[]): Cell[] {
  const cells: Cell[] = [];
  run.forEach((line, k) => {
    let column = 1;
    line.raw.split('|').forEach((part, i) => {
      const pos = { line: line.no, column: column + part.length - part.trimStart().length };
      column += part.length + 1;
      const last = cells.at(-1);
      if (i > 0 || k === 0 || !last) cells.push({ text: part.trim(), pos });
      else if (part.trim()) {
        if (!last.text) last.pos = pos;
        last.text = `${last.text} ${part.trim()}`.trim();
      }
    });
  });
  if (run[0].raw.trim().startsWith('|')) cells.shift();
  if (run.at(-1)!.raw.trim().endsWith('|')) cells.pop();
  return cells;
}

function buildBlocks(lines: Line[]): Block[] {
  const b = new BlockBuilder();
  for (const group of groups(lines)) {
    const row = cellPerLineRow(group);
    if (row) {
      b.row(row, true);
      continue;
    }
    for (let k = 0; k < group.length; k++) {
      const line = group[k];
      const broken = b.hasPending() ? undefined : brokenPipeRow(group, k);
      if (broken) {
        b.row(joinedPipeCells(broken), true);
        k += broken.length - 1;
        continue;
      }
      if (b.hasPending() && !line.raw.includes('|') && isLonePipe(group[k + 1])) {
        // The closing `|` of a cell-per-line row's cell wrapped onto the next line.
        b.pipeCell({ text: line.raw.trim(), pos: { line: line.no, column: 1 } });
        k++;
        continue;
      }
      switch (line.kind) {
        case 'heading': {
          const { level, text } = markdownHeading(line.raw)!;
          b.text('heading', text, line.no, level);
          break;
        }
        case 'rule':
          break;
        case 'pipe-break':
          // Inside a cell-per-line row a lone `|` is a blank cell; `||`, `|||` end the row.
          if (isLonePipe(line) && b.hasPending()) b.pipeCell({ text: '', pos: { line: line.no, column: 1 } });
          else b.flushPending();
          break;
        case 'pipe-cell':
          b.pipeCell({ text: line.raw.trim().slice(0, -1).trim(), pos: { line: line.no, column: 1 } });
          break;
        case 'pipe-row': {
          const cells = pipeCells(line);
          // `0 | |` inside a cell-per-line row: its last cell, then the row end.
          if (b.hasPending() && cells.slice(1).every((c) => c.text === '')) {
            b.pipeCell(cells[0]);
            b.flushPending();
          } else b.row(cells, true);
          break;
        }
        case 'tab-row':
        case 'tab-cell':
          b.row(splitCells(line, '\t'), true, true);
          break;
        case 'space-row':
          b.row(spaceCells(line), false);
          break;
        default:
          b.text('paragraph', line.raw.trim(), line.no);
      }
    }
  }
  b.flushPending();
  return b.blocks;
}
