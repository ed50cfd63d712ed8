/**
 * HTML reader: web pages of annual reports into headings, paragraphs and ruled tables, in document order.
 * - Text of the innermost block (p, div, li, td of a layout table…) becomes one paragraph; `<br>` splits paragraphs;
 *   inline elements (span, font, a…) join their block's text.
 * - A table becomes a table block, its rowspan/colspan expanded by `expandGrid`. A table that holds another table is a
 *   layout table: its cells are read like divs and the inner tables become table blocks of their own, so no text
 *   appears twice.
 * - Scripts, styles, embedded objects, comments, `<head>` (with `<title>`) and hidden elements are dropped; nothing is
 *   ever executed or fetched. The tree is walked with an explicit stack, so any nesting depth is safe.
 */
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import type { Block, Cell, DocumentModel, ReaderMessage, SourcePos } from '../document/model.ts';
import { UnreadableError } from '../document/errors.ts';
import { expandGrid, type SpanCell } from './grid.ts';
import { decodeText } from './sniff.ts';
import type { ReaderInput } from './types.ts';

/** Elements whose content is never report text. */
const DROPPED = new Set([
  'head', 'title', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas',
  'audio', 'video',
]);

/** Elements that start and end a line of text; everything else is inline and joins its block's text. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'option', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

const HEADING_RE = /^h([1-6])$/;
/** CJK ideographs, kana, hangul, CJK punctuation and full-width forms (surrogates: astral chars are mostly CJK). */
const WIDE_RE = /[\u2E80-\u9FFF\uAC00-\uD7AF\uD800-\uDFFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/;
const META_CHARSET_RE = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

export function readHtml({ bytes, source }: ReaderInput): DocumentModel {
  const messages: ReaderMessage[] = [];
  const { text, encoding } = decode(bytes, messages);
  const document = parse(text, { sourceCodeLocationInfo: true });
  const { layoutTables, images } = survey(document);
  const blocks = new BlockBuilder(text, layoutTables).read(document);
  if (blocks.length === 0) {
    if (images > 0) {
      throw new UnreadableError('image-only', '网页中只有图片，无可提取文字', 'page contains only images, no text to extract');
    }
    throw new UnreadableError('empty', '网页没有正文内容', 'page has no text content');
  }
  return { source: { ...source, encoding }, blocks, messages };
}

/**
 * Strict UTF-8, else GB18030 (which also reads GBK and GB2312 pages). A page that declares UTF-8 but carries a few
 * broken bytes (a truncated character) is still read as UTF-8 rather than turned into GB18030 mojibake.
 */
function decode(bytes: Uint8Array, messages: ReaderMessage[]): { text: string; encoding: string } {
  const decoded = decodeText(bytes);
  if (decoded.encoding !== 'gb18030') return decoded;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = META_CHARSET_RE.exec(head)?.[1].toLowerCase();
  if (declared !== 'utf-8' && declared !== 'utf8') return decoded;
  const text = new TextDecoder('utf-8').decode(bytes);
  const broken = (text.match(/\uFFFD/g) ?? []).length;
  if (broken > Math.max(4, text.length / 1000)) return decoded;
  messages.push({
    rule: 'html-encoding',
    severity: 'warning',
    message: `网页声明为 UTF-8 编码，但有 ${broken} 处无效字节，已替换为 �`,
  });
  return { text, encoding: 'utf-8' };
}

const isElement = (node: T.Node): node is T.Element => 'tagName' in node;

function isHidden(el: T.Element): boolean {
  for (const a of el.attrs) {
    if (a.name === 'hidden' || (a.name === 'style' && /display\s*:\s*none/i.test(a.value))) return true;
  }
  return false;
}

const skipped = (el: T.Element) => DROPPED.has(el.tagName) || isHidden(el);

/** Pushes the children of a node on a stack, last child first, so that they pop in source order. */
function pushChildren(stack: unknown[], node: T.Node): void {
  if (!('childNodes' in node)) return;
  for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]);
}

/**
 * One pass over the visible tree: the tables that contain another table (layout tables) and the number of images.
 * Marking only the nearest enclosing table suffices: an outer table contains that (marked) table in turn.
 */
function survey(document: T.Document): { layoutTables: Set<T.Element>; images: number } {
  const layoutTables = new Set<T.Element>();
  let images = 0;
  // Parallel stacks: a node and the nearest table around it.
  const nodes: T.Node[] = [document];
  const around: (T.Element | undefined)[] = [undefined];
  while (nodes.length) {
    const node = nodes.pop()!;
    const table = around.pop();
    let inner = table;
    if (isElement(node)) {
      if (skipped(node)) continue;
      if (node.tagName === 'img') images++;
      if (node.tagName === 'table') {
        if (table) layoutTables.add(table);
        inner = node;
      }
    }
    const before = nodes.length;
    pushChildren(nodes, node);
    for (let i = before; i < nodes.length; i++) around.push(inner);
  }
  return { layoutTables, images };
}

/** Blanks before the first character of a text node, in the source: whitespace and no-break-space entities. */
const LEADING_BLANKS_RE = /(?:\s|&nbsp;|&#160;|&#x0*a0;)*/iy;

/** Line and column of the first non-blank character of a text node, read from the source. */
function textPos(node: T.TextNode, html: string): SourcePos {
  const loc = node.sourceCodeLocation;
  if (!loc) return {};
  LEADING_BLANKS_RE.lastIndex = loc.startOffset;
  const blanks = LEADING_BLANKS_RE.exec(html)?.[0] ?? '';
  const lastBreak = blanks.lastIndexOf('\n');
  if (lastBreak < 0) return { line: loc.startLine, column: loc.startCol + blanks.length };
  return { line: loc.startLine + (blanks.match(/\n/g) ?? []).length, column: blanks.length - lastBreak };
}

function elementPos(el: T.Element): SourcePos {
  const loc = el.sourceCodeLocation;
  return loc ? { line: loc.startLine, column: loc.startCol } : {};
}

/**
 * Collapses whitespace as a browser does (U+00A0 and U+3000 included). A run that holds a line break next to a CJK
 * character disappears: Chinese text wrapped in the source is one word (CSS Text 3 segment-break rule).
 */
function collapseWhitespace(raw: string): string {
  return raw.replace(/\s+/g, collapseRun).trim();
}

function collapseRun(ws: string, at: number, s: string): string {
  return /[\n\r]/.test(ws) && (WIDE_RE.test(s[at - 1] ?? '') || WIDE_RE.test(s[at + ws.length] ?? '')) ? '' : ' ';
}

/** Joins lines of one cell: no space next to a CJK character (商业<br>企业 → 商业企业), one space between words. */
function joinLines(rawLines: string[]): string {
  let out = '';
  for (const raw of rawLines) {
    const line = collapseWhitespace(raw);
    if (!line) continue;
    const wide = WIDE_RE.test(out.slice(-1)) || WIDE_RE.test(line[0]);
    out += out && !wide ? ` ${line}` : line;
  }
  return out;
}

/** Marks where a block element inside a cell ends. */
const LINE_END = Symbol('line end');

/** Text of a table cell (or caption): its lines, split by `<br>` and block elements, joined by `joinLines`. */
function cellText(cell: T.Element): string {
  const lines: string[] = [];
  let current = '';
  const stack: (T.Node | typeof LINE_END)[] = [];
  pushChildren(stack, cell);
  while (stack.length) {
    const node = stack.pop()!;
    if (node === LINE_END || (isElement(node) && node.tagName === 'br')) {
      lines.push(current);
      current = '';
    } else if (node.nodeName === '#text') current += (node as T.TextNode).value;
    else if (isElement(node) && !skipped(node)) {
      if (BLOCKS.has(node.tagName)) {
        lines.push(current);
        current = '';
        stack.push(LINE_END);
      }
      pushChildren(stack, node);
    }
  }
  lines.push(current);
  return joinLines(lines);
}

function spanAttr(el: T.Element, name: string): number | undefined {
  let value: string | undefined;
  for (const a of el.attrs) if (a.name === name) value = a.value;
  if (value === undefined) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

class Exit {
  constructor(readonly element: T.Element) {}
}

/** Walks the tree in document order and emits blocks. */
class BlockBuilder {
  private readonly blocks: Block[] = [];
  private text = '';
  private pos: SourcePos | undefined;
  private readonly headingLevels: number[] = [];
  private preDepth = 0;
  private tables = 0;

  constructor(
    private readonly html: string,
    private readonly layoutTables: Set<T.Element>,
  ) {}

  read(document: T.Document): Block[] {
    // A block element, once entered, leaves an Exit under its children to end its line after them.
    const stack: (T.Node | Exit)[] = [];
    pushChildren(stack, document);
    while (stack.length) {
      const node = stack.pop()!;
      if (node instanceof Exit) {
        this.leave(node.element);
        continue;
      }
      if (node.nodeName === '#text') this.addText(node as T.TextNode);
      if (!isElement(node) || skipped(node)) continue;
      const tag = node.tagName;
      if (tag === 'br') this.flush();
      else if (tag === 'table' && !this.layoutTables.has(node)) this.table(node);
      else {
        if (BLOCKS.has(tag)) {
          this.enter(node);
          stack.push(new Exit(node));
        }
        pushChildren(stack, node);
      }
    }
    this.flush();
    return this.blocks;
  }

  private enter(el: T.Element): void {
    this.flush();
    const heading = HEADING_RE.exec(el.tagName);
    if (heading) this.headingLevels.push(Number(heading[1]));
    if (el.tagName === 'pre') this.preDepth++;
  }

  private leave(el: T.Element): void {
    this.flush();
    if (HEADING_RE.test(el.tagName)) this.headingLevels.pop();
    if (el.tagName === 'pre') this.preDepth--;
  }

  private addText(node: T.TextNode): void {
    // Inside <pre> each source line is a line of text.
    const parts = this.preDepth > 0 ? node.value.split('\n') : [node.value];
    for (let i = 0; i < parts.length; i++) {
      if (i > 0) this.flush();
      if (!this.pos && /\S/.test(parts[i])) this.pos = textPos(node, this.html);
      this.text += parts[i];
    }
  }

  /** Ends the current line of text: it becomes a paragraph, or a heading inside h1–h6. */
  private flush(): void {
    const text = collapseWhitespace(this.text);
    const pos = this.pos ?? {};
    this.text = '';
    this.pos = undefined;
    if (!text) return;
    const level = this.headingLevels.at(-1);
    this.blocks.push(level ? { kind: 'heading', level, text, pos } : { kind: 'paragraph', text, pos });
  }

  /** A data table (it holds no other table): caption as a paragraph, rows from thead/tbody/tfoot in source order. */
  private table(table: T.Element): void {
    this.flush();
    const rows: SpanCell[][] = [];
    const stack: T.Node[] = [];
    pushChildren(stack, table);
    while (stack.length) {
      const node = stack.pop()!;
      if (!isElement(node) || skipped(node)) continue;
      if (node.tagName === 'caption') {
        const text = cellText(node);
        if (text) this.blocks.push({ kind: 'paragraph', text, pos: elementPos(node) });
      } else if (node.tagName === 'tr') {
        rows.push([]);
        pushChildren(stack, node);
      } else if ((node.tagName === 'td' || node.tagName === 'th') && rows.length) {
        const rowSpan = spanAttr(node, 'rowspan');
        rows[rows.length - 1].push({
          text: cellText(node),
          pos: elementPos(node),
          // rowspan="0" spans to the end of the table; colspan="0" means 1.
          rowSpan: rowSpan === 0 ? 65534 : rowSpan,
          colSpan: spanAttr(node, 'colspan') || undefined,
        });
      } else pushChildren(stack, node);
    }
    const grid = expandGrid(rows).filter((row) => row.length > 0);
    if (!grid.some((row) => row.some((cell) => cell.text))) return;
    const index = this.tables++;
    this.stampPositions(grid, index);
    this.blocks.push({ kind: 'table', rows: grid, pos: { ...elementPos(table), table: index }, ruled: true });
  }

  /** Cells carry table, row and grid column of the source cell; spanned copies share their original's position. */
  private stampPositions(grid: Cell[][], table: number): void {
    for (let r = 0; r < grid.length; r++) {
      for (let c = 0; c < grid[r].length; c++) {
        const { pos, spanned } = grid[r][c];
        if (!spanned) Object.assign(pos, { table, row: r, cell: c });
      }
    }
  }
}
