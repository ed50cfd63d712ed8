/**
 * Streaming tree building over htmlparser2's tokenizer: which elements are open at each point, as a browser (parse5,
 * the HTML spec) would have them, without building a DOM. It follows the spec where the difference changes what a
 * reader sees, and keeps it simple elsewhere:
 * - an unclosed `<td>`/`<th>` ends at the next cell, row or section, or `</tr>`/`</table>`, even with a `<p>` or
 *   `<span>` still open inside; an unclosed `<tr>` ends at the next row; a cell outside any row gets an implied row;
 * - a `<table>` directly inside a table (not in a cell) ends that table; table parts outside a table are ignored;
 *   anything else written between rows is marked as moved before the table ("foster parenting");
 * - a block start tag ends an open `<p>` (a table does not in quirks mode); a heading ends a heading, `<li>` an
 *   `<li>`, `<a>` an `<a>`; `<head>` ends at the first body element or text;
 * - end tags only close elements in scope: a stray `</div>`, `</span>` or `</font>` inside a cell never closes the
 *   table around it, `</body>` closes nothing, `</p>` without a `<p>` is an empty paragraph;
 * - inside `<select>` only options count, `<noscript>` holds raw text, HTML tags end `<svg>` and `<math>`.
 * htmlparser2's `Parser` keeps a simpler stack of its own that would fight these rules (a stray `</div>` closes
 * everything up to the nearest div), and its bookkeeping costs more than the tokenizer itself, so the tokenizer's
 * callbacks are used directly.
 */
import { Tokenizer, type QuoteType, type TokenizerCallbacks } from 'htmlparser2';
import { isQuirksDoctype } from './doctype.ts';
import { El, type TableContext, type TreeSink } from './element.ts';
import {
  COLSPAN_ATTR, HIDDEN_ATTR, ROWSPAN_ATTR, STYLE_ATTR, attributeBit, isSkipped, spanAttr, type StartTag,
} from './start-tag.ts';
import {
  CAPTION, CELL, CLOSES_P, COLUMNS, FORMATTING, HEAD_CONTENT, HEADING, ROW, SCOPE, SCOPE_BUTTON, SCOPE_LIST, SECTION,
  SIBLING, SPECIAL, TABLE, TABLE_PART, TRACKED, VOID, KNOWN_TAGS, tagAt, type Tag,
} from './tags.ts';

/** Text that is not only ASCII whitespace (the spec's test for text that ends `<head>`). */
const NOT_ASCII_SPACE_RE = /[^\t\n\f\r ]/;

/** Start tags that end svg and math content (HTML spec, "parsing tokens in foreign content"). */
const BREAKS_OUT_OF_SVG = new Set(`b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i
  img li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var`.split(/\s+/));

const tagNamed = (name: string) => tagAt(name, 0, name.length);
const TR = tagNamed('tr');
const P = tagNamed('p');
const LI = tagNamed('li');
const DD = tagNamed('dd');
const DT = tagNamed('dt');
const BUTTON = tagNamed('button');
const A = tagNamed('a');

export class TreeBuilder implements TokenizerCallbacks {
  /** Open elements as the spec has them (innermost last). */
  private readonly open: El[] = [];
  private readonly tables: TableContext[] = [];
  private openHeadings = 0;
  private readonly openTags = new Int32Array(KNOWN_TAGS);
  private readonly openOther = new Map<string, number>();
  /** Open svg and math elements: inside them the tokenizer reads `<style>` as markup and `<x/>` as closed. */
  private foreign = 0;
  private head: El | null = null;
  private headSeen = false;
  /** Body content (an element or text) was seen: the spec has implied `<body>`, so a `<body>` tag adds nothing. */
  private bodySeen = false;
  /** Some element or text was seen: an `<html>` tag adds nothing. */
  private started = false;
  /** The open form: a form inside it is ignored, as in the spec. */
  private form: El | null = null;
  /** An open `<noscript>`: browsers that run scripts read its content as raw text, so no tag inside counts. */
  private noscript: El | null = null;
  /** An open `<select>`: only options count inside it (the spec's "in select" insertion mode). */
  private select: El | null = null;
  /** No doctype or an old one: a `<table>` does not end an open `<p>`. */
  private quirks = true;
  private html: El | null = null;
  private body: El | null = null;
  private readonly tag: StartTag = {
    name: '', flags: 0, id: -1, start: 0, seen: 0, hidden: false, style: undefined, rowSpan: undefined, colSpan: undefined,
  };
  /** The attribute being read (an *_ATTR bit, 0 for one the reader ignores) and its value so far. */
  private attribute = 0;
  private value = '';
  /** Offset just past the last token, where an entity reported by its end alone starts. */
  private end = 0;
  /** Start of the current text node and the end of the last text (text nodes end at any tag or comment). */
  private runStart = 0;
  private textEnd = -1;

  constructor(
    private readonly source: string,
    private readonly sink: TreeSink,
  ) {}

  run(): void {
    const tokenizer = new Tokenizer({ decodeEntities: true, recognizeSelfClosing: false }, this);
    tokenizer.write(this.source);
    tokenizer.end();
  }

  // Tokenizer callbacks.

  onopentagname(start: number, end: number): void {
    const tag = this.tag;
    const { name, flags, id } = tagAt(this.source, start, end);
    tag.name = name;
    tag.flags = flags;
    tag.id = id;
    tag.start = start - 1;
    tag.seen = 0;
    tag.hidden = false;
    tag.style = tag.rowSpan = tag.colSpan = undefined;
  }

  onattribname(start: number, end: number): void {
    let bit = attributeBit(this.source, start, end);
    if (bit & this.tag.seen) bit = 0;
    this.tag.seen |= bit;
    this.attribute = bit;
    this.value = '';
  }

  onattribdata(start: number, end: number): void {
    if (this.attribute) this.value += this.source.slice(start, end);
  }

  onattribentity(codepoint: number): void {
    if (this.attribute) this.value += String.fromCodePoint(codepoint);
  }

  onattribend(_quote: QuoteType, _end: number): void {
    const tag = this.tag;
    switch (this.attribute) {
      case HIDDEN_ATTR:
        tag.hidden = true;
        break;
      case STYLE_ATTR:
        tag.style = this.value;
        break;
      case ROWSPAN_ATTR:
        tag.rowSpan = this.value;
        break;
      case COLSPAN_ATTR:
        tag.colSpan = this.value;
    }
    this.attribute = 0;
  }

  onopentagend(end: number): void {
    this.end = end + 1;
    this.startTag(this.tag);
  }

  onselfclosingtag(end: number): void {
    this.end = end + 1;
    const el = this.startTag(this.tag);
    // `<br/>` is `<br>` in HTML; only in svg and math does the slash close the element.
    if (this.foreign && el && !el.closed) this.closeDownTo(el);
  }

  onclosetag(start: number, end: number): void {
    const gt = this.source.indexOf('>', end);
    this.end = gt < 0 ? this.source.length : gt + 1;
    this.endTag(tagAt(this.source, start, end));
  }

  ontext(start: number, end: number): void {
    this.end = end;
    this.addText(this.source.slice(start, end), start);
  }

  ontextentity(codepoint: number, end: number): void {
    const start = this.end;
    this.end = end;
    this.addText(String.fromCodePoint(codepoint), start);
  }

  oncomment(_start: number, end: number): void {
    this.end = end + 1;
  }

  oncdata(_start: number, end: number): void {
    this.end = end + 1;
  }

  ondeclaration(start: number, end: number): void {
    this.end = end + 1;
    if (!this.started) this.quirks = isQuirksDoctype(this.source.slice(start, end));
  }

  onprocessinginstruction(_start: number, end: number): void {
    this.end = end + 1;
  }

  onend(): void {
    while (this.open.length) this.closed(this.open.pop()!);
  }

  isInForeignContext(): boolean {
    return this.foreign > 0;
  }

  private addText(data: string, start: number): void {
    if (start !== this.textEnd) this.runStart = start;
    this.textEnd = this.end;
    const current = this.open.length ? this.current() : null;
    if (current && (current === this.head || current.flags & (TABLE | SECTION | ROW))) {
      // Blanks stay where they are, out of sight; other text ends the head, or a browser moves it before the table.
      if (!NOT_ASCII_SPACE_RE.test(data)) return;
      if (current === this.head) this.closeDownTo(this.head);
    }
    if (!this.bodySeen && NOT_ASCII_SPACE_RE.test(data)) this.bodySeen = this.started = true;
    this.sink.text(data, this.runStart, this.fosteredFrom());
  }

  /** Closes what an end tag closes. */
  private endTag(tag: Tag): void {
    const { name, flags } = tag;
    if (this.noscript) {
      if (name === 'noscript') this.closeDownTo(this.noscript);
      return;
    }
    if (this.select && !this.selectAllows(name, flags, true)) return;
    // </p> and </br> end svg and math content, like HTML start tags do.
    if (this.foreign && (name === 'p' || name === 'br')) this.breakOutOfForeign();
    let target: El | null = null;
    if (flags & VOID) {
      if (name === 'br') this.sink.lineBreak(this.fosteredFrom()); // </br> is read as <br>
      return;
    }
    if (flags & (TABLE | TABLE_PART)) {
      target = this.tableEndTarget(name, flags);
    } else if (name === 'body' || name === 'html') {
      return; // content after </body> is still body content
    } else if (name === 'p') {
      target = this.isOpen(P) ? this.inScope('p', SCOPE | SCOPE_BUTTON) : null;
      if (!target) this.sink.lineBreak(this.fosteredFrom());
    } else if (flags & HEADING) {
      target = this.openHeadings ? this.openHeading() : null;
    } else if (name === 'li') {
      target = this.isOpen(tag) ? this.inScope(name, SCOPE | SCOPE_LIST) : null;
    } else if (name === 'select') {
      target = this.select;
    } else if (name === 'template') {
      target = this.isOpen(tag) ? this.inScope(name, 0) : null; // closes its template across anything open in it
    } else if (name === 'form') {
      // The spec takes the form off the stack alone: what is open inside it stays open.
      const form = this.form;
      if (form && form !== this.current()) {
        this.takeOut(this.open.lastIndexOf(form), true);
        return;
      }
      target = form;
    } else if (flags & SPECIAL) {
      target = this.isOpen(tag) ? this.inScope(name, SCOPE) : null;
    } else {
      if (this.isOpen(tag)) this.inlineEndTag(name, (flags & FORMATTING) !== 0);
      return;
    }
    if (target) this.closeDownTo(target);
  }

  // Start tags.

  /** Opens an element (a void one opens and closes at once); returns it, or null when the spec ignores the tag. */
  private startTag(tag: StartTag): El | null {
    if (this.noscript) return null;
    const { name, start } = tag;
    // Inside svg or math, a tag that does not end them is an svg or math element: none of HTML's rules apply.
    const foreign = this.foreign > 0 && !BREAKS_OUT_OF_SVG.has(name);
    const flags = foreign ? 0 : tag.flags;
    if (this.select && !this.selectAllows(name, flags, false)) return null;
    if (!foreign && !this.prepare(name, flags, this.innermostTable(), start)) return null;
    // The innermost table once what the tag ends is ended.
    const table = this.innermostTable();
    const cell = (flags & CELL) !== 0;
    // Anything but table structure directly in a table, section or row goes before the table in a browser.
    const fostered = table !== null && !(flags & (TABLE | TABLE_PART)) && (this.current().flags & (TABLE | SECTION | ROW)) !== 0;
    const el = new El(
      name, tag.id, flags, start, isSkipped(flags, tag), table, fostered,
      cell ? spanAttr(tag.rowSpan) : undefined, cell ? spanAttr(tag.colSpan) : undefined,
    );
    if (flags & VOID) {
      el.closed = true;
      this.sink.open(el);
      this.sink.close(el);
    } else {
      this.push(el);
    }
    return el;
  }

  /**
   * Whether a tag counts inside an open select; tags that end the select (another select, an input, a table part
   * when the select is in a table) end it first. Everything else is ignored, and its text joins the select's.
   */
  private selectAllows(name: string, flags: number, end: boolean): boolean {
    const select = this.select!;
    if (name === 'option' || name === 'optgroup' || name === 'script' || name === 'template') return true;
    if (!end && name === 'hr') return true;
    if (name === 'select') {
      if (!end) this.closeDownTo(select);
      return end;
    }
    const table = select.table;
    const inTable = table !== null && (flags & (TABLE | TABLE_PART)) !== 0 && !(flags & COLUMNS) &&
      (!end || flags & TABLE || [table.cell, table.row, table.section, table.caption].some((el) => el?.tag === name));
    if (inTable || (!end && (name === 'input' || name === 'keygen' || name === 'textarea'))) {
      this.closeDownTo(select);
      return true;
    }
    return false;
  }

  /** Ends what a start tag ends before its element goes in; false when the spec ignores the tag here. */
  private prepare(name: string, flags: number, table: TableContext | null, start: number): boolean {
    if (this.foreign) this.breakOutOfForeign();
    if (this.head && this.current() === this.head && !(flags & HEAD_CONTENT)) this.closeDownTo(this.head);
    let inserted = true;
    if (flags & TABLE_PART) {
      inserted = table !== null && this.prepareTablePart(flags, table, start);
    } else if (flags & TABLE) {
      if (table && !table.cell && !table.caption) this.closeDownTo(table.el); // a table directly in a table ends it
    } else if (flags & TRACKED) {
      inserted = !this.ignoresTracked(name);
    }
    this.started = true;
    if (!(flags & HEAD_CONTENT)) this.bodySeen = true;
    if (!inserted) return false;
    if (flags & CLOSES_P && this.isOpen(P) && !(flags & TABLE && this.quirks)) {
      const p = this.inScope('p', SCOPE | SCOPE_BUTTON);
      if (p) this.closeDownTo(p);
    }
    if (flags & SIBLING && this.open.length) this.closeSibling(name, flags);
    return true;
  }

  /** A second head, body, html or form adds nothing; nor does a form directly in a table (the spec empties it). */
  private ignoresTracked(name: string): boolean {
    switch (name) {
      case 'head':
        return this.headSeen || this.bodySeen;
      case 'body':
        return this.body !== null || this.bodySeen;
      case 'html':
        return this.html !== null || this.started;
      case 'form':
        return this.form !== null || (this.open.length > 0 && (this.current().flags & (TABLE | SECTION | ROW)) !== 0);
      default:
        return false;
    }
  }

  /** A heading ends an open heading, an li an li, a dd or dt the last dd or dt, an option an option, a button a button. */
  private closeSibling(name: string, flags: number): void {
    const current = this.current();
    if (flags & HEADING) {
      if (current.flags & HEADING) this.closeDownTo(current);
    } else if (name === 'button') {
      const button = this.isOpen(BUTTON) ? this.inScope('button', SCOPE) : null;
      if (button) this.closeDownTo(button);
    } else if (name === 'a') {
      if (this.isOpen(A)) this.inlineEndTag('a', true); // a link inside a link ends the first
    } else if (name === 'li' ? this.isOpen(LI) : (name === 'dd' || name === 'dt') && (this.isOpen(DD) || this.isOpen(DT))) {
      for (let i = this.open.length - 1; i >= 0; i--) {
        const el = this.open[i];
        if (name === 'li' ? el.tag === 'li' : el.tag === 'dd' || el.tag === 'dt') {
          this.closeDownTo(el);
          return;
        }
        if (el.flags & SPECIAL && el.tag !== 'address' && el.tag !== 'div' && el.tag !== 'p') return;
      }
    } else if (name === 'option' || name === 'optgroup') {
      if (current.tag === 'option') this.closeDownTo(current);
    }
  }

  /**
   * Ends what a row, cell, section or caption start tag ends in its table; gives a cell without a row a row. Column
   * definitions carry no text and are not kept, but like the spec they end an open cell or row.
   */
  private prepareTablePart(flags: number, table: TableContext, start: number): boolean {
    if (flags & COLUMNS) {
      this.closeAbove(table.el);
      return false;
    }
    if (flags & CELL) {
      const open = table.cell ?? table.caption;
      if (open) this.closeDownTo(open);
      this.closeAbove(table.row ?? table.section ?? table.el);
      if (!table.row) this.push(new El(TR.name, TR.id, TR.flags, start, false, table, false));
    } else if (flags & ROW) {
      this.closeAbove(table.section ?? table.el);
    } else {
      this.closeAbove(table.el);
    }
    return true;
  }

  private push(el: El): void {
    this.open.push(el);
    this.count(el, 1);
    const table = el.table;
    if (el.flags & TABLE) {
      el.table = { el, section: null, row: null, cell: null, caption: null };
      this.tables.push(el.table);
    } else if (table) {
      if (el.flags & CELL) table.cell = el;
      else if (el.flags & ROW) table.row = el;
      else if (el.flags & SECTION) table.section = el;
      else if (el.flags & CAPTION) table.caption = el;
    }
    if (el.flags & TRACKED) {
      if (el.tag === 'head') {
        this.head = el;
        this.headSeen = true;
      } else if (el.tag === 'body') this.body = el;
      else if (el.tag === 'html') this.html = el;
      else if (el.tag === 'svg' || el.tag === 'math') this.foreign++;
      else if (el.tag === 'form') this.form = el;
      else if (el.tag === 'noscript') this.noscript = el;
      else if (el.tag === 'select') this.select = el;
    }
    this.sink.open(el);
  }

  // End tags.

  private tableEndTarget(name: string, flags: number): El | null {
    const table = this.innermostTable();
    if (!table) return null;
    if (flags & TABLE) return table.el;
    if (flags & CELL) return table.cell?.tag === name ? table.cell : null;
    if (flags & ROW) return table.row;
    if (flags & SECTION) {
      // A row outside any section is in the tbody the spec implies. In a cell only the cell's own section's end tag
      // counts; in a row any section end tag ends the row (as parse5 does), then the section if it is the one named.
      const named = table.section ? table.section.tag === name : name === 'tbody';
      if (table.caption || (table.cell && !named)) return null;
      if (table.row) this.closeDownTo(table.row);
      return named ? table.section : null;
    }
    if (flags & CAPTION) return table.caption;
    return this.inScope(name, SCOPE); // colgroup
  }

  /**
   * An inline end tag: closes the nearest open element of that name unless a block stands between (then it is
   * ignored, as the spec does). A formatting element (b, font…) with a block inside closes alone and leaves the
   * block open, which is what the spec's adoption agency amounts to for reading text.
   */
  private inlineEndTag(name: string, formatting: boolean): void {
    let blockAbove = false;
    for (let i = this.open.length - 1; i >= 0; i--) {
      const el = this.open[i];
      if (el.tag === name) {
        // The block goes on outside the formatting element; only one written between a table's rows keeps the
        // reader in the flow before the table until the block ends.
        if (blockAbove) this.takeOut(i, el.fostered);
        else this.closeDownTo(el);
        return;
      }
      if (el.flags & SPECIAL) {
        if (!formatting || el.flags & SCOPE) return;
        blockAbove = true;
      }
    }
  }

  /** The nearest open element named `name`, unless an element with a `boundary` flag comes first. */
  private inScope(name: string, boundary: number): El | null {
    for (let i = this.open.length - 1; i >= 0; i--) {
      const el = this.open[i];
      if (el.tag === name) return el;
      if (el.flags & boundary) return null;
    }
    return null;
  }

  private innermostTable(): TableContext | null {
    return this.tables.length ? this.tables[this.tables.length - 1] : null;
  }

  /** The table whose rows the current point stands between (not in a cell): a browser moves what comes here before it. */
  private fosteredFrom(): TableContext | null {
    const current = this.open.length ? this.current() : null;
    return current && current.flags & (TABLE | SECTION | ROW) ? current.table : null;
  }

  /** HTML in svg or math ends them (a browser shows it; the svg itself is dropped). */
  private breakOutOfForeign(): void {
    while (this.foreign) {
      let i = this.open.length - 1;
      while (this.open[i].tag !== 'svg' && this.open[i].tag !== 'math') i--;
      this.closeDownTo(this.open[i]);
    }
  }

  private openHeading(): El | null {
    for (let i = this.open.length - 1; i >= 0; i--) {
      const el = this.open[i];
      if (el.flags & HEADING) return el;
      if (el.flags & SCOPE) return null;
    }
    return null;
  }

  // Closing.

  /** Counts open elements per tag, so that an end tag with nothing to close costs no walk down the stack. */
  private count(el: El, delta: number): void {
    if (el.id >= 0) this.openTags[el.id] += delta;
    else this.openOther.set(el.tag, (this.openOther.get(el.tag) ?? 0) + delta);
    if (el.flags & HEADING) this.openHeadings += delta;
  }

  private isOpen(tag: Tag): boolean {
    return tag.id >= 0 ? this.openTags[tag.id] > 0 : (this.openOther.get(tag.name) ?? 0) > 0;
  }

  private current(): El {
    return this.open[this.open.length - 1];
  }

  private closeAbove(el: El): void {
    while (this.current() !== el) this.closed(this.open.pop()!);
  }

  private closeDownTo(el: El): void {
    this.closeAbove(el);
    this.closed(this.open.pop()!);
  }

  /**
   * Takes an element off the middle of the stack. With `later`, what is open above it is still inside it for the
   * reader, which ends it when the element just above it ends.
   */
  private takeOut(index: number, later: boolean): void {
    const el = this.open[index];
    this.open.splice(index, 1);
    if (!later) {
      this.closed(el);
      return;
    }
    this.closed(el, false);
    (this.open[index].endsAfter ??= []).push(el);
  }

  /** Bookkeeping for an element just taken off the logical stack, then the reader's (now or, if not `now`, later). */
  private closed(el: El, now = true): void {
    el.closed = true;
    this.count(el, -1);
    const table = el.table;
    if (el.flags & TABLE) this.tables.pop();
    else if (table) {
      if (table.cell === el) table.cell = null;
      else if (table.row === el) table.row = null;
      else if (table.section === el) table.section = null;
      else if (table.caption === el) table.caption = null;
    }
    if (el.flags & TRACKED) {
      if (el === this.head) this.head = null;
      else if (el === this.body) this.body = null;
      else if (el === this.html) this.html = null;
      else if (el.tag === 'svg' || el.tag === 'math') this.foreign--;
      else if (el === this.form) this.form = null;
      else if (el === this.noscript) this.noscript = null;
      else if (el === this.select) this.select = null;
    }
    if (now) this.finish(el);
  }

  /** The reader ends an element, then those taken out from under it (and from under them). */
  private finish(el: El): void {
    const pending = [el];
    while (pending.length) {
      const next = pending.pop()!;
      this.sink.close(next);
      // Taken out innermost first: end them in that order.
      if (next.endsAfter) for (let i = next.endsAfter.length - 1; i >= 0; i--) pending.push(next.endsAfter[i]);
    }
  }
}
