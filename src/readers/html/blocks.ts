/**
 * Turns the stream of open elements and text into blocks, in one pass:
 * - text of the innermost block (p, div, li, td of a layout table…) becomes one paragraph, a heading inside h1–h6;
 *   `<br>` and block boundaries end a line; inside `<pre>` each source line is a line;
 * - a table is collected as a data table (its cells' lines joined into cell text) until it closes, then its rowspan
 *   and colspan are expanded by `expandGrid`. When a table opens inside it, it is a layout table after all: the lines
 *   collected so far become paragraphs, and its cells are read like divs from then on. So no text appears twice.
 * - what is written between a table's rows (not in a cell) goes before the table, joining the line before it, as a
 *   browser shows it: each table has a flow of its own for that, put in front of the table when it closes.
 */
import { sourcePlace, type Finding } from '../../document/finding.ts';
import type { Block, Cell, SourcePos } from '../../document/model.ts';
import { joinLines } from '../../text/lines.ts';
import { expandGrid, gridCutMessage, type SpanCell } from '../grid.ts';
import { LineIndex } from './positions.ts';
import { BLOCK, CAPTION, CELL, HEADING, LEVEL_SHIFT, PRE, ROW, TABLE, TABLE_PART, VOID } from './tags.ts';
import { collapseWhitespace } from './text.ts';
import type { El, TableContext, TreeSink } from './element.ts';

const NON_BLANK_RE = /\S/;
const PRE_LINE_RE = /\r\n?|\n/;

/** Whether text surely starts with a non-blank character: printable ASCII or a CJK ideograph (the common cases). */
function startsNonBlank(data: string): boolean {
  const c = data.charCodeAt(0);
  return (c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff);
}

/** The line being read: its raw text and where the text node holding its first non-blank character starts. */
class Line {
  text = '';
  /** -1 while the line is blank. */
  start = -1;

  add(data: string, runStart: number): void {
    if (this.start >= 0) this.text += data;
    else if (startsNonBlank(data) || NON_BLANK_RE.test(data)) {
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
    return joinLines(raws.map(collapseWhitespace));
  }
}

/** Blocks in document order and the line being read at their end. */
interface Flow {
  readonly blocks: Block[];
  line: Line;
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
  /** What goes before the table: the line open when it started, then anything written between its rows. */
  readonly before: Flow;
  /** Where `before` goes: the flow the table is in, at the number of blocks it had when the table started. */
  readonly at: number;

  constructor(
    readonly flow: Flow,
  ) {
    this.before = { blocks: [], line: flow.line };
    this.at = flow.blocks.length;
    flow.line = new Line();
  }
}

export class BlockBuilder implements TreeSink {
  readonly blocks: Block[] = [];
  readonly messages: Finding[] = [];
  images = 0;
  private readonly lines: LineIndex;
  /** Depth of open hidden or dropped elements. */
  private skip = 0;
  private readonly headingLevels: number[] = [];
  private preDepth = 0;
  private tables = 0;
  /** The flow being written (the document, or what goes before a table), and the line of a data table's open cell. */
  private flow: Flow = { blocks: this.blocks, line: new Line() };
  private readonly outerFlows: Flow[] = [];
  private cellLine = new Line();
  /**
   * The innermost table while it is still a data table, and what was pending when each open table started (a table
   * inside an element moved out of a data table is not inside that table, so both can be open).
   */
  private pending: TableData | null = null;
  private readonly outerPending: (TableData | null)[] = [];

  constructor(html: string) {
    this.lines = new LineIndex(html);
  }

  open(el: El): void {
    if (el.skip) this.skip++;
    if (this.skip) return;
    const flags = el.flags;
    if (el.fostered) this.enterFlow((el.table!.el.data as TableData).before);
    // Inline elements (span, font, a…) change nothing; br and img are void.
    if (!(flags & (BLOCK | VOID))) return;
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
    if (el.fostered) this.flow = this.outerFlows.pop()!;
  }

  text(data: string, runStart: number, fostered: TableContext | null): void {
    if (this.skip) return;
    if (fostered) {
      // Written between rows: it joins the line before the table, as a browser moves it there.
      this.enterFlow((fostered.el.data as TableData).before);
      this.text(data, runStart, null);
      this.flow = this.outerFlows.pop()!;
      return;
    }
    const line = this.currentPart() ? this.cellLine : this.flow.line;
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

  lineBreak(fostered: TableContext | null): void {
    if (this.skip) return;
    if (fostered) this.enterFlow((fostered.el.data as TableData).before);
    this.flush(true);
    if (fostered) this.flow = this.outerFlows.pop()!;
  }

  /** Ends the current block's text at the end of the document. */
  finish(): Block[] {
    this.flush(true);
    return this.blocks;
  }

  private enterFlow(flow: Flow): void {
    this.outerFlows.push(this.flow);
    this.flow = flow;
  }

  /** The open cell or caption of the data table being collected, if the text being read is in it. */
  private currentPart(): Part | null {
    const pending = this.pending;
    return pending && pending.flow === this.flow ? pending.current : null;
  }

  /** Ends the current line: a paragraph (a heading inside h1–h6), or a line of the open data table cell. */
  private flush(hard: boolean): void {
    const part = this.currentPart();
    if (part) this.collect(part, hard);
    else this.emit(this.flow);
  }

  /** The flow's line becomes a paragraph or heading of the flow. */
  private emit(flow: Flow): void {
    const line = flow.line;
    if (line.start < 0) return;
    const text = collapseWhitespace(line.text);
    this.push(flow, text, this.lines.textAt(line.start), this.headingLevels.at(-1));
    line.reset();
  }

  private push(flow: Flow, text: string, pos: SourcePos, level: number | undefined): void {
    flow.blocks.push(level ? { kind: 'heading', level, text, pos } : { kind: 'paragraph', text, pos });
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
    // A table in a cell of the table being collected: that one is a layout table.
    if (this.currentPart()) this.toLayout(this.pending!);
    this.outerPending.push(this.pending);
    // The line before the table stays open: text that a browser moves out of the table joins it.
    el.data = this.pending = new TableData(this.flow);
  }

  private openPart(el: El, table: TableData): void {
    if (el.flags & ROW) {
      table.rows.push([]);
    } else if (el.flags & CELL) {
      const cell: SpanCell = {
        text: '',
        pos: this.lines.at(el.start),
        // rowspan="0" spans to the end of the table; colspan="0" means 1.
        rowSpan: el.rowSpan === 0 ? 65534 : el.rowSpan,
        colSpan: el.colSpan || undefined,
      };
      // The tree builder gives every cell a row; a row that was hidden is not in `rows`, nor are its cells.
      (table.rows.at(-1) ?? (table.rows[0] = [])).push(cell);
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

  /** The collected lines become paragraphs; the open cell's line goes on as the table's flow's line. */
  private toLayout(table: TableData): void {
    table.layout = true;
    this.pending = null;
    const { flow } = table;
    for (const part of table.parts) {
      for (const line of part.lines) {
        this.push(flow, collapseWhitespace(line.raw), this.lines.textAt(line.start), line.level);
      }
    }
    const line = flow.line;
    flow.line = this.cellLine;
    this.cellLine = line;
  }

  /** What went before the table goes in front of its blocks. */
  private putBefore(table: TableData): void {
    const { before, flow } = table;
    this.emit(before);
    if (!before.blocks.length) return;
    // Pushed one by one: spreading a long list as arguments would overflow the stack.
    const after = flow.blocks.splice(table.at);
    for (const block of before.blocks) flow.blocks.push(block);
    for (const block of after) flow.blocks.push(block);
  }

  private closeTable(el: El): void {
    const table = el.data as TableData;
    this.pending = this.outerPending.pop() ?? null;
    if (table.layout) {
      this.flush(true);
      this.putBefore(table);
      return;
    }
    this.putBefore(table);
    const { blocks } = table.flow;
    for (const { part, start } of table.captions) {
      const text = part.text();
      if (text) blocks.push({ kind: 'paragraph', text, pos: this.lines.at(start) });
    }
    const rows: Cell[][] = [];
    let hasText = false;
    const grid = expandGrid(table.rows);
    if (grid.cutAt !== undefined) this.messages.push(gridCutMessage(grid.cutAt, table.rows.length, sourcePlace('html', this.lines.at(el.start))));
    for (const row of grid.rows) {
      if (row.length === 0) continue;
      rows.push(row);
      if (!hasText) for (const cell of row) if (cell.text) hasText = true;
    }
    if (!hasText) return;
    const index = this.tables++;
    stampPositions(rows, index);
    const pos: SourcePos = this.lines.at(el.start);
    pos.table = index;
    blocks.push({ kind: 'table', rows, pos, ruled: true });
  }
}

/** Cells carry table, row and grid column of the source cell; spanned copies share their original's position. */
function stampPositions(grid: Cell[][], table: number): void {
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell.spanned) {
        cell.pos.table = table;
        cell.pos.row = r;
        cell.pos.cell = c;
      }
    }
  }
}
