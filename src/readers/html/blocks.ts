/**
 * Turns the stream of open elements and text into blocks, in one pass:
 * - text of the innermost block (p, div, li, td of a layout table…) becomes one paragraph, a heading inside h1–h6;
 *   `<br>` and block boundaries end a line; inside `<pre>` each source line is a line;
 * - a table is collected as a data table (its cells' lines joined into cell text) until it closes, then its rowspan
 *   and colspan are expanded by `expandGrid`. When a table opens inside it, it is a layout table after all: the lines
 *   collected so far become paragraphs, and its cells are read like divs from then on. So no text appears twice.
 */
import type { Block, Cell, SourcePos } from '../../document/model.ts';
import { expandGrid, type SpanCell } from '../grid.ts';
import { LineIndex } from './positions.ts';
import { BLOCK, CAPTION, CELL, HEADING, LEVEL_SHIFT, PRE, ROW, TABLE, TABLE_PART } from './tags.ts';
import { collapseWhitespace, joinLines } from './text.ts';
import type { El, TreeSink } from './tree.ts';

const NON_BLANK_RE = /\S/;
const PRE_LINE_RE = /\r\n?|\n/;

/** The line being read: its raw text and where the text node holding its first non-blank character starts. */
class Line {
  text = '';
  /** -1 while the line is blank. */
  start = -1;

  add(data: string, runStart: number): void {
    if (this.start >= 0) this.text += data;
    else if (NON_BLANK_RE.test(data)) {
      // What came before is blank and would be trimmed anyway.
      this.text = data;
      this.start = runStart;
    }
  }

  reset(): void {
    this.text = '';
    this.start = -1;
  }
}

/** A line collected in a cell or caption of a data table, kept to be read as a paragraph if the table is for layout. */
interface CollectedLine {
  raw: string;
  start: number;
  level: number | undefined;
  /** Only a `<pre>` line break separates it from the line before: in a cell, that is a space, not a new line. */
  soft: boolean;
}

/** A cell or caption of a data table. */
class Part {
  readonly lines: CollectedLine[] = [];
  /** Whether a hard break (block, `<br>`) came since the last collected line. */
  hardBreak = true;

  constructor(readonly cell: SpanCell | null) {}

  text(): string {
    const raws: string[] = [];
    for (const line of this.lines) {
      if (line.soft && raws.length) raws[raws.length - 1] += `\n${line.raw}`;
      else raws.push(line.raw);
    }
    return joinLines(raws);
  }
}

/** A table being read: a data table until a table opens inside it. */
class TableData {
  readonly rows: SpanCell[][] = [];
  /** Cells and captions in source order. */
  readonly parts: Part[] = [];
  readonly captions: { part: Part; start: number }[] = [];
  /** The open cell or caption. */
  current: Part | null = null;
  layout = false;

  constructor(readonly el: El) {}
}

export class BlockBuilder implements TreeSink {
  readonly blocks: Block[] = [];
  images = 0;
  private readonly lines: LineIndex;
  /** Depth of open hidden or dropped elements. */
  private skip = 0;
  private readonly headingLevels: number[] = [];
  private preDepth = 0;
  private tables = 0;
  /** The line of the document flow, and the line of the open cell of the data table being collected. */
  private line = new Line();
  private cellLine = new Line();
  /** The innermost table while it is still a data table (at most one: an outer one has become a layout table). */
  private pending: TableData | null = null;

  constructor(html: string) {
    this.lines = new LineIndex(html);
  }

  open(el: El): void {
    if (el.skip) this.skip++;
    if (this.skip) return;
    const flags = el.flags;
    if (flags & TABLE) this.openTable(el);
    else if (flags & TABLE_PART && this.pending && el.table?.el.data === this.pending) this.openPart(el, this.pending);
    else if (flags & BLOCK) {
      this.flush(true);
      if (flags & HEADING) this.headingLevels.push(flags >>> LEVEL_SHIFT);
      if (flags & PRE) this.preDepth++;
    } else if (el.tag === 'br') this.flush(true);
    else if (el.tag === 'img') this.images++;
  }

  close(el: El): void {
    if (el.skip) {
      this.skip--;
      return;
    }
    if (this.skip) return;
    const flags = el.flags;
    if (flags & TABLE) this.closeTable(el);
    else if (flags & TABLE_PART && this.pending && el.table?.el.data === this.pending) {
      if (flags & (CELL | CAPTION)) this.closePart(this.pending);
    } else if (flags & BLOCK) {
      this.flush(true);
      if (flags & HEADING) this.headingLevels.pop();
      if (flags & PRE) this.preDepth--;
    }
  }

  text(data: string, runStart: number): void {
    if (this.skip) return;
    const line = this.pending?.current ? this.cellLine : this.line;
    if (this.preDepth === 0) {
      line.add(data, runStart);
      return;
    }
    const parts = data.split(PRE_LINE_RE);
    for (let i = 0; i < parts.length; i++) {
      if (i > 0) this.flush(false);
      line.add(parts[i], runStart);
    }
  }

  lineBreak(): void {
    if (!this.skip) this.flush(true);
  }

  /** Ends the current block's text at the end of the document. */
  finish(): Block[] {
    this.flush(true);
    return this.blocks;
  }

  /** Ends the current line: a paragraph (a heading inside h1–h6), or a line of the open data table cell. */
  private flush(hard: boolean): void {
    const part = this.pending?.current;
    if (part) this.collect(part, hard);
    else this.emit(this.line);
  }

  private emit(line: Line): void {
    if (line.start < 0) return;
    const text = collapseWhitespace(line.text);
    this.push(text, this.lines.textAt(line.start), this.headingLevels.at(-1));
    line.reset();
  }

  private push(text: string, pos: SourcePos, level: number | undefined): void {
    this.blocks.push(level ? { kind: 'heading', level, text, pos } : { kind: 'paragraph', text, pos });
  }

  private collect(part: Part, hard: boolean): void {
    const line = this.cellLine;
    if (line.start < 0) {
      part.hardBreak ||= hard;
      return;
    }
    part.lines.push({ raw: line.text, start: line.start, level: this.headingLevels.at(-1), soft: !part.hardBreak });
    part.hardBreak = hard;
    line.reset();
  }

  // Tables.

  private openTable(el: El): void {
    // A table inside the table being collected: that one is a layout table.
    if (this.pending) this.toLayout(this.pending);
    // The line before the table stays open: text that a browser moves out of the table joins it.
    el.data = this.pending = new TableData(el);
  }

  private openPart(el: El, table: TableData): void {
    if (el.flags & ROW) {
      table.rows.push([]);
    } else if (el.flags & CELL) {
      // A cell before any row only happens in a hidden row; the spec's implied row is always there.
      const row = table.rows.at(-1);
      const cell: SpanCell | null = row
        ? {
            text: '',
            pos: this.lines.at(el.start),
            // rowspan="0" spans to the end of the table; colspan="0" means 1.
            rowSpan: el.rowSpan === 0 ? 65534 : el.rowSpan,
            colSpan: el.colSpan || undefined,
          }
        : null;
      if (cell) row!.push(cell);
      table.current = new Part(cell);
      table.parts.push(table.current);
    } else if (el.flags & CAPTION) {
      table.current = new Part(null);
      table.parts.push(table.current);
      table.captions.push({ part: table.current, start: el.start });
    }
  }

  private closePart(table: TableData): void {
    const part = table.current;
    if (!part) return;
    this.collect(part, true);
    if (part.cell) part.cell.text = part.text();
    table.current = null;
  }

  /** The collected lines become paragraphs; the open cell's line goes on as the document's line. */
  private toLayout(table: TableData): void {
    table.layout = true;
    this.pending = null;
    this.emit(this.line);
    for (const part of table.parts) {
      for (const line of part.lines) this.push(collapseWhitespace(line.raw), this.lines.textAt(line.start), line.level);
    }
    const line = this.line;
    this.line = this.cellLine;
    this.cellLine = line;
  }

  private closeTable(el: El): void {
    const table = el.data as TableData;
    if (table.layout) {
      this.flush(true);
      return;
    }
    this.pending = null;
    this.emit(this.line);
    for (const { part, start } of table.captions) {
      const text = part.text();
      if (text) this.blocks.push({ kind: 'paragraph', text, pos: this.lines.at(start) });
    }
    const grid = expandGrid(table.rows).filter((row) => row.length > 0);
    if (!grid.some((row) => row.some((cell) => cell.text))) return;
    const index = this.tables++;
    stampPositions(grid, index);
    this.blocks.push({ kind: 'table', rows: grid, pos: { ...this.lines.at(el.start), table: index }, ruled: true });
  }
}

/** Cells carry table, row and grid column of the source cell; spanned copies share their original's position. */
function stampPositions(grid: Cell[][], table: number): void {
  for (let r = 0; r < grid.length; r++) {
    for (let c = 0; c < grid[r].length; c++) {
      const { pos, spanned } = grid[r][c];
      if (!spanned) {
        pos.table = table;
        pos.row = r;
        pos.cell = c;
      }
    }
  }
}
