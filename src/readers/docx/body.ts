/**
 * Walks word/document.xml's body in document order and builds blocks: paragraphs (with restored list numbers),
 * headings (heading styles or outline levels) and tables (merges expanded into a grid). Tracked deletions are
 * dropped and insertions kept, as Word shows the document with changes accepted; text boxes are read where they are
 * anchored; headers and footers live in other parts and are never read.
 *
 * Positions: a body paragraph (or heading) carries `pos.line` = its 1-based index among the body-level paragraphs
 * (direct children of w:body, also when wrapped in content controls), counting empty ones, so that "line 12" is the
 * 12th paragraph as Word's navigation counts them; paragraphs inside tables are not counted; paragraphs of a text
 * box carry the line of the paragraph the box is anchored in. Table cells carry `pos.table` (0-based, in the order
 * tables are emitted: a table, then the tables nested in it), `pos.row` (0-based w:tr index) and `pos.cell` (0-based
 * grid column where the cell starts, so merged and gridBefore slots keep stable columns).
 */
import { createFinding, sourcePlace, type Finding } from '../../document/finding.ts';
import type { Block, SourcePos } from '../../document/model.ts';
import { joinLines } from '../../text/lines.ts';
import { READ_RULES } from '../rules.ts';
import { expandGrid, gridCutMessage, type SpanCell } from '../grid.ts';
import type { Numbering } from './numbering.ts';
import { outlineHeadingLevel, parseLevel, type Styles } from './styles.ts';
import { child, isOn, val, type XmlNode } from './xml.ts';

interface Context {
  styles: Styles;
  numbering: Numbering;
  messages: Finding[];
}

/** A paragraph as read: its number prefix already applied to the first line, and the text boxes it anchors. */
interface ParagraphContent {
  headingLevel?: number;
  lines: string[];
  boxes: XmlNode[];
}

/** A table read but not yet emitted: table indexes are assigned when emitted, outer before nested. */
interface PendingTable {
  rows: SpanCell[][];
  positions: SourcePos[];
  nested: PendingTable[];
}

interface RawCell {
  col: number;
  span: number;
  vMerge?: 'restart' | 'continue';
  text: string;
  pos: SourcePos;
  rowSpan: number;
}

export function readBody(body: XmlNode, context: Context): Block[] {
  return new BodyReader(context).read(body);
}

class BodyReader {
  private readonly blocks: Block[] = [];
  private tableCount = 0;
  private paragraphCount = 0;

  constructor(private readonly ctx: Context) {}

  read(body: XmlNode): Block[] {
    for (const node of blockLevel(body)) {
      if (node.name === 'w:p') {
        this.paragraphCount++;
        this.emitParagraph(node, this.paragraphCount);
      } else {
        this.emitTable(this.readTable(node));
      }
    }
    return this.blocks;
  }

  private emitParagraph(p: XmlNode, line: number): void {
    const content = this.readParagraph(p);
    for (const text of content.lines.map(tidy)) {
      if (!text) continue;
      const pos = { line };
      this.blocks.push(
        content.headingLevel
          ? { kind: 'heading', level: content.headingLevel, text, pos }
          : { kind: 'paragraph', text, pos },
      );
    }
    for (const box of content.boxes) {
      for (const node of blockLevel(box)) {
        if (node.name === 'w:p') this.emitParagraph(node, line);
        else this.emitTable(this.readTable(node));
      }
    }
  }

  private emitTable(table: PendingTable): void {
    const index = this.tableCount++;
    for (const pos of table.positions) pos.table = index;
    const grid = expandGrid(table.rows);
    if (grid.cutAt !== undefined) this.ctx.messages.push(gridCutMessage(grid.cutAt, table.rows.length, { medium: 'docx', table: index }));
    this.blocks.push({ kind: 'table', rows: grid.rows, pos: { table: index }, ruled: true });
    for (const nested of table.nested) this.emitTable(nested);
  }

  private readParagraph(p: XmlNode): ParagraphContent {
    const pPr = child(p, 'w:pPr');
    // The number is taken first: Word numbers a paragraph before the text boxes anchored in it.
    const number = this.ctx.numbering.next(pPr);
    const level = outlineHeadingLevel(pPr) ?? this.ctx.styles.resolve(this.ctx.styles.styleOf(pPr)).headingLevel;
    const lines = [''];
    const boxes: XmlNode[] = [];
    readInline(p, lines, boxes);
    lines[0] = joinNumber(number, lines[0]);
    return { headingLevel: level || undefined, lines, boxes };
  }

  private readTable(tbl: XmlNode): PendingTable {
    const nested: PendingTable[] = [];
    const rawRows: RawCell[][] = [];
    const gaps: { before: number; after: number; end: number }[] = [];
    let owners = new Map<number, RawCell>();
    let r = 0;
    for (const tr of rowLevel(tbl)) {
      const trPr = child(tr, 'w:trPr');
      if (child(trPr, 'w:del')) continue;
      const before = parseLevel(val(trPr, 'w:gridBefore')) ?? 0;
      const after = parseLevel(val(trPr, 'w:gridAfter')) ?? 0;
      const cells: RawCell[] = [];
      const nextOwners = new Map<number, RawCell>();
      let col = before;
      for (const tc of cellLevel(tr)) {
        const tcPr = child(tc, 'w:tcPr');
        const span = Math.max(1, parseLevel(val(tcPr, 'w:gridSpan')) ?? 1);
        const text = this.readCellText(tc, nested);
        const hMerge = child(tcPr, 'w:hMerge');
        const previous = cells[cells.length - 1];
        if (hMerge && (hMerge.attrs['w:val'] ?? 'continue') === 'continue' && previous) {
          // Legacy horizontal merge: the cell widens the one before it.
          previous.span += span;
          col += span;
          continue;
        }
        const cell: RawCell = { col, span, vMerge: vMergeOf(tcPr), text, pos: { row: r, cell: col }, rowSpan: 1 };
        const owner = owners.get(col);
        if (cell.vMerge === 'continue' && owner && owner.span === span) {
          owner.rowSpan++;
          nextOwners.set(col, owner);
        } else {
          if (cell.vMerge === 'continue') this.warnMerge(r, col);
          cells.push(cell);
          nextOwners.set(col, cell);
        }
        col += span;
      }
      owners = nextOwners;
      rawRows.push(cells);
      gaps.push({ before, after, end: col });
      r++;
    }

    const positions: SourcePos[] = [];
    const rows = rawRows.map((cells, row): SpanCell[] => {
      const out: SpanCell[] = [];
      const slot = (cell: number, colSpan: number) => {
        const pos: SourcePos = { row, cell };
        positions.push(pos);
        out.push({ text: '', pos, colSpan });
      };
      if (gaps[row].before) slot(0, gaps[row].before);
      for (const c of cells) {
        positions.push(c.pos);
        out.push({ text: c.text, pos: c.pos, colSpan: c.span, rowSpan: c.rowSpan });
      }
      if (gaps[row].after) slot(gaps[row].end, gaps[row].after);
      return out;
    });
    return { rows, positions, nested };
  }

  /** A cell's paragraphs (and text boxes) joined into one string; nested tables are read aside, not into the text. */
  private readCellText(tc: XmlNode, nested: PendingTable[]): string {
    const lines: string[] = [];
    const walk = (container: XmlNode) => {
      for (const node of blockLevel(container)) {
        if (node.name === 'w:tbl') {
          nested.push(this.readTable(node));
          continue;
        }
        const content = this.readParagraph(node);
        lines.push(...content.lines);
        content.boxes.forEach(walk);
      }
    };
    walk(tc);
    return joinLines(lines.map((l) => tidy(l.replace(/\t/g, ' '))));
  }

  private warnMerge(row: number, cell: number): void {
    this.ctx.messages.push(createFinding(READ_RULES.docxMerge, {
      message: '表格纵向合并单元格缺少起始单元格，已按独立单元格读取，合并可能不正确',
      source: sourcePlace('docx', { row, cell }),
    }));
  }
}

function vMergeOf(tcPr: XmlNode | undefined): RawCell['vMerge'] {
  const el = child(tcPr, 'w:vMerge');
  if (!el) return undefined;
  // <w:vMerge/> without a value means "continue".
  return el.attrs['w:val'] === 'restart' ? 'restart' : 'continue';
}

/** Containers that only wrap content: content controls, custom XML, tracked insertions/moves. */
const WRAPPERS = new Set(['w:sdt', 'w:sdtContent', 'w:customXml', 'w:ins', 'w:moveTo', 'w:smartTag']);
/** Content that Word does not show: tracked deletions and moved-away text. */
const REMOVED = new Set(['w:del', 'w:moveFrom']);

/** Children of a block container (w:body, w:tc, w:txbxContent) that are paragraphs or tables, unwrapped. */
function blockLevel(container: XmlNode): XmlNode[] {
  return collect(container, (n) => n.name === 'w:p' || n.name === 'w:tbl');
}

function rowLevel(tbl: XmlNode): XmlNode[] {
  return collect(tbl, (n) => n.name === 'w:tr');
}

function cellLevel(tr: XmlNode): XmlNode[] {
  return collect(tr, (n) => n.name === 'w:tc');
}

function collect(container: XmlNode, wanted: (n: XmlNode) => boolean, out: XmlNode[] = []): XmlNode[] {
  for (const node of unwrapAlternates(container.children)) {
    if (wanted(node)) out.push(node);
    else if (WRAPPERS.has(node.name)) collect(node, wanted, out);
  }
  return out;
}

/** mc:AlternateContent holds the same content twice (modern and fallback): keep only the first choice. */
function unwrapAlternates(nodes: XmlNode[]): XmlNode[] {
  if (!nodes.some((n) => n.name === 'mc:AlternateContent')) return nodes;
  return nodes.flatMap((n) => {
    if (n.name !== 'mc:AlternateContent') return [n];
    const chosen = child(n, 'mc:Choice') ?? child(n, 'mc:Fallback');
    return chosen ? unwrapAlternates(chosen.children) : [];
  });
}

/** Inline containers whose runs are read; anything else inside a paragraph is skipped. */
const INLINE_WRAPPERS = new Set([
  'w:r', 'w:hyperlink', 'w:ins', 'w:moveTo', 'w:smartTag', 'w:customXml', 'w:sdt', 'w:sdtContent', 'w:fldSimple',
  'w:dir', 'w:bdo',
]);
const DRAWINGS = new Set(['w:drawing', 'w:pict', 'w:object']);

/** Appends a paragraph's text to `lines` (a break starts a new line) and collects its text boxes. */
function readInline(node: XmlNode, lines: string[], boxes: XmlNode[]): void {
  for (const n of unwrapAlternates(node.children)) {
    if (REMOVED.has(n.name)) continue;
    if (n.name === 'w:r' && isOn(child(n, 'w:rPr'), 'w:vanish')) continue;
    switch (n.name) {
      case 'w:t':
        lines[lines.length - 1] += n.children.map((c) => c.text ?? '').join('');
        break;
      case 'w:tab':
      case 'w:ptab':
        if (node.name === 'w:r') lines[lines.length - 1] += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        lines.push('');
        break;
      case 'w:noBreakHyphen':
        lines[lines.length - 1] += '-';
        break;
      case 'w:sym': {
        const code = parseInt(n.attrs['w:char'] ?? '', 16);
        // Symbol-font glyphs live in the private use area and mean nothing as text.
        if (code > 0 && (code < 0xe000 || code > 0xf8ff)) lines[lines.length - 1] += String.fromCodePoint(code);
        break;
      }
      default:
        if (DRAWINGS.has(n.name)) findTextBoxes(n, boxes);
        else if (INLINE_WRAPPERS.has(n.name)) readInline(n, lines, boxes);
    }
  }
}

function findTextBoxes(node: XmlNode, boxes: XmlNode[]): void {
  for (const n of unwrapAlternates(node.children)) {
    if (n.name === 'w:txbxContent') boxes.push(n);
    else findTextBoxes(n, boxes);
  }
}

/** Trims a line, including the full-width spaces Chinese documents indent with. */
function tidy(line: string): string {
  return line.trim(); // \s, and so trim(), includes U+3000
}

/** "一、" + "总体情况" → "一、总体情况"; a space only between two Latin letters or digits ("Article 1" + "Scope"). */
function joinNumber(number: string, text: string): string {
  if (!number) return text;
  const t = tidy(text);
  return /[A-Za-z0-9]$/.test(number) && /^[A-Za-z0-9]/.test(t) ? `${number} ${t}` : number + t;
}
