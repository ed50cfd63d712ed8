/**
 * Reads one statutory table from lines of cells by its row labels: a row label starts a row and the values that follow
 * it, on its line or the next, belong to it. Ruled lines keep blank cells; unruled lines (paragraphs, text laid out by
 * spaces) carry only the values they show. Values are never moved to make a row fit: a row whose count does not fit
 * is kept as it was seen, for the caller to report and, where the arithmetic allows, recover.
 */
import type { SourcePos } from '../document/model.ts';
import type { RowDef, TableDef } from '../format/types.ts';
import { splitLabel } from '../text/normalize.ts';
import { isValueLike } from '../text/values.ts';
import { alignRuled, dataCells, filled, trimEmpties, type Slot } from './align.ts';
import { LabelMatcher } from './labels.ts';
import { closeLabels, distinctiveCores } from './likeness.ts';
import type { StreamLine } from './stream.ts';

type Segment = { kind: 'label'; text: string } | { kind: 'values'; tokens: string[] };

export interface RowRead {
  row: RowDef;
  labelPos: SourcePos;
  slots: Slot[];
  /** True when slots stand in their columns (blank cells included); false when the count did not fit. */
  aligned: boolean;
  /** The row may still take values from the next line. */
  open: boolean;
  /** The label stood in running text, not in a table row. */
  prose?: boolean;
  /**
   * The row was placed by template order: its label was missing (`label: null`) or misspelt (the text seen), so the
   * neighbouring rows and the number of values placed it.
   */
  inferred?: { label: string | null };
  /** The last row read: when nothing follows the table in the document, the copy may have been cut inside it. */
  last?: boolean;
  /**
   * The row's cells came where a blank cell leaves no trace: an exact grid (a short row there lost only empty cells,
   * which scrapers drop) or one value per line (which cannot show a blank). Padded or space-laid rows may lose values.
   */
  blanksDropped?: boolean;
}

export interface TableRead {
  table: TableDef;
  rows: Map<string, RowRead>;
  /** Values seen where no row could take them. */
  strays: Slot[];
  /** Later occurrences of a row label already read. */
  duplicates: RowRead[];
  /** Header labels seen that only this version's table has: evidence of which version's table this is. */
  signatureHits: number;
  /** For tables whose values come as one unlabelled run (表四). */
  run: Slot[];
  /** A label only this table has was seen. */
  anchored: boolean;
  /** Stream indices of the lines that belong to the table (labels, headers, values), not to the prose. */
  touched: Set<number>;
  /** Most row labels seen stood without a value: a table left blank, those rows present with blank cells. */
  blank?: boolean;
  /** Nothing follows the table's lines in the document (set by the caller). */
  endsDocument?: boolean;
}

const VALUE_TOKEN = String.raw`(?:[+-]?\d[\d,]*(?:\.\d+)?|[/／—])`;
/** Longest piece of a wrapped group label that may stand before a row label. */
const MAX_FRAGMENT = 8;
const VALUE_WORD_RE = new RegExp(`^${VALUE_TOKEN}$`);
/**
 * A label and values fill at most this many characters of a cell (38 at most in the samples and fixtures): longer text
 * is prose.
 * The lookahead bounds the lazy label scan, which tries the values after every character again, to linear time.
 */
const MAX_LABEL_THEN_VALUES = 200;
const LABEL_THEN_VALUES_RE = new RegExp(
  `^(?=[\\s\\S]{0,${MAX_LABEL_THEN_VALUES}}$)(.*?[^\\d\\s,.+-])\\s*(${VALUE_TOKEN}(?:\\s+${VALUE_TOKEN})*)$`,
);

const width = (row: RowDef) => row.columns.length;
/** Row labels without any value that make a blank table rather than labels quoted in prose. */
const MIN_BLANK_ROWS = 3;

export function readTable(table: TableDef, lines: StreamLine[]): TableRead {
  return new TableReader(table).read(lines);
}

class TableReader {
  private readonly matcher: LabelMatcher;
  /** Cores of the header labels only this version's table has. */
  private readonly signature: Set<string>;
  /** Cores of labels no other table has: only these start an unlabelled run. */
  private readonly anchors: Set<string>;
  private readonly out: TableRead;
  private current: RowRead | undefined;
  private lastStarted: RowRead | undefined;
  /** Values since the last row label that no row took, with their lines: a row whose label was lost. */
  private orphans: { slot: Slot; line: number }[] = [];
  private lineIndex = -1;
  /** The unruled line being read is one value on a line of its own. */
  private oneValueLine = false;
  /** Labels printed one after another before their values (a PDF converter pulled them out of the table). */
  private waiting: RowRead[] = [];
  /** Row labels of a run table seen (as headers). */
  private readonly runLabels = new Map<string, SourcePos>();

  constructor(private readonly table: TableDef) {
    this.matcher = LabelMatcher.for(table);
    this.signature = new Set(table.signature.map((s) => splitLabel(s).core));
    this.anchors = distinctiveCores(table);
    this.out = { table, rows: new Map(), strays: [], duplicates: [], signatureHits: 0, run: [], anchored: false, touched: new Set() };
  }

  read(lines: StreamLine[]): TableRead {
    for (let i = 0; i < lines.length; i++) {
      if (lines[i].ruled) this.ruledLine(lines[i]);
      else i = this.unruledLine(lines, i);
    }
    this.close();
    if (this.lastStarted) this.lastStarted.last = true;
    if (this.isBlank()) this.fillBlank();
    for (const [id, row] of this.out.rows) if (!row.slots.length && !row.aligned && row.prose) this.out.rows.delete(id);
    return this.out;
  }

  /** Labels in table order and not one value anywhere: the table was left blank (blank is not zero, nor missing). */
  private isBlank(): boolean {
    const { rows, strays, run } = this.out;
    if (strays.length || run.length) return false;
    if (this.table.unlabelledRun) return this.out.anchored && this.runLabels.size === this.table.rows.length;
    if (rows.size < MIN_BLANK_ROWS) return false;
    let empty = 0;
    for (const r of rows.values()) if (!r.slots.some(filled)) empty++;
    return empty >= MIN_BLANK_ROWS && empty * 2 > rows.size;
  }

  private fillBlank(): void {
    this.out.blank = true;
    const blanks = (row: RowDef, pos: SourcePos) => row.columns.map((): Slot => ({ text: '', pos }));
    if (this.table.unlabelledRun) {
      this.out.run = this.table.rows.flatMap((row) => blanks(row, this.runLabels.get(row.id)!));
      return;
    }
    for (const r of this.out.rows.values()) {
      // A copy cut short ends on a label whose cells it lost: only the template's last row may end a blank table.
      if (r.slots.some(filled) || (r === this.lastStarted && r.row !== this.table.rows.at(-1))) continue;
      r.slots = blanks(r.row, r.labelPos);
      r.aligned = true;
    }
  }

  /** Row label, header, or nothing; in a run table every label is a header. */
  private classify(text: string, pos: SourcePos): 'header' | RowDef | undefined {
    const m = this.matcher.match(text);
    if (!m) return undefined;
    if (m.kind === 'header') {
      this.noteHeader(m.core);
      return 'header';
    }
    if (!this.table.unlabelledRun) return m.row;
    this.noteHeader(splitLabel(m.row.label).core);
    this.runLabels.set(m.row.id, pos);
    return 'header';
  }

  /** The row a bare header names ("总计" for "（七）总计") when that row has not been read yet. */
  private bareRow(text: string): RowDef | undefined {
    const m = this.table.unlabelledRun ? undefined : this.matcher.match(text);
    const row = m?.kind === 'header' ? m.bare : undefined;
    return row && !this.out.rows.has(row.id) ? row : undefined;
  }

  private noteHeader(core: string): void {
    if (this.signature.has(core)) this.out.signatureHits++;
    if (this.anchors.has(core)) this.out.anchored = true;
  }

  private start(row: RowDef, pos: SourcePos, prose = false, inferred?: RowRead['inferred']): RowRead {
    const waiting = this.current;
    if (waiting?.open && !waiting.slots.length) this.waiting.push(waiting);
    else if (this.waiting.length) this.waiting = [];
    this.close();
    this.placeOrphans(row);
    const read: RowRead = { row, labelPos: pos, slots: [], aligned: false, open: true, prose };
    if (inferred) read.inferred = inferred;
    this.lastStarted = read;
    const earlier = this.out.rows.get(row.id);
    // A label that took no values (a sub-heading in the text above the table) yields to the table's row.
    if (earlier && (earlier.slots.length || earlier.aligned)) this.out.duplicates.push(read);
    else this.out.rows.set(row.id, read);
    this.current = read;
    return read;
  }

  /**
   * Values no row took, right before a row whose template predecessor was not read, are that row when their count is
   * its width and the rows read so far stand before it: its label was dropped from the copy.
   */
  private placeOrphans(next: RowDef): void {
    if (!this.orphans.length) return;
    const orphans = this.orphans;
    this.orphans = [];
    const at = this.table.rows.indexOf(next);
    const row = this.table.rows[at - 1];
    if (!row || orphans.length !== width(row) || this.out.rows.has(row.id)) return;
    if (this.lastStarted && this.table.rows.indexOf(this.lastStarted.row) >= at - 1) return;
    const slots = orphans.map((o) => o.slot);
    this.out.strays = this.out.strays.filter((s) => !slots.includes(s));
    for (const o of orphans) this.out.touched.add(o.line);
    this.out.rows.set(row.id, { row, labelPos: slots[0].pos, slots, aligned: true, open: false, inferred: { label: null } });
  }

  /** A label misspelt in the source ("2.其他法律行政止公开"): the next row in template order, when the text is close to it. */
  private guessRow(text: string): RowDef | undefined {
    if (this.table.unlabelledRun || text.length > MAX_GUESSED_LABEL || isValueLike(text)) return undefined;
    const from = this.lastStarted ? this.table.rows.indexOf(this.lastStarted.row) + 1 : 0;
    const row = this.table.rows.slice(from).find((r) => !this.out.rows.has(r.id));
    return row && closeLabels(text, row.label) ? row : undefined;
  }

  private close(): void {
    const row = this.current;
    if (row && row.open) {
      row.open = false;
      row.aligned = row.slots.length === width(row.row);
    }
    this.current = undefined;
  }

  private ruledLine(line: StreamLine): void {
    this.out.touched.add(line.index);
    const kinds = line.cells.map((c) => (c.text.trim() ? this.classify(c.text, c.pos) : undefined));
    const labels: number[] = [];
    for (let i = 0; i < kinds.length; i++) if (kinds[i] && kinds[i] !== 'header') labels.push(i);
    // Rows of a cell-per-line copy that lost their row ends run together: each label takes the cells up to the next
    // label, or up to a header after its values (a group label such as （三）不予公开 opening the next rows).
    for (let k = 0; k < labels.length; k++) {
      const at = labels[k];
      const row = this.start(kinds[at] as RowDef, line.cells[at].pos);
      const cells = dataCells(line.cells, kinds, at + 1, this.rowEnd(kinds, line.cells, at, labels[k + 1] ?? line.cells.length));
      // In an exact grid a row of empty cells is a row of blanks; in padded text its values may follow below.
      if (cells.some(filled) || (!line.padded && cells.length >= width(row.row))) this.fill(row, cells, line.padded);
    }
    if (labels.length) return;
    const rest = dataCells(line.cells, kinds, 0, line.cells.length);
    if (!rest.some((c) => filled(c) && isValueLike(c.text))) return; // a header or text line
    const first = line.cells.find(filled);
    const bare = this.bareRow(first?.text ?? '');
    if (bare) {
      this.fill(this.start(bare, first!.pos), rest, line.padded);
      return;
    }
    const text = rest.find(filled);
    const guessed = text ? this.guessRow(text.text.trim()) : undefined;
    if (guessed) {
      const row = this.start(guessed, text!.pos, false, { label: text!.text.trim() });
      this.fill(row, rest.slice(rest.indexOf(text!) + 1), line.padded);
      return;
    }
    if (this.table.unlabelledRun) {
      if (this.out.anchored) this.out.run.push(...(line.padded ? trimEmpties(rest) : rest));
    } else if (this.current?.open && this.current.slots.length === 0) {
      const current = this.current;
      const target = this.nextWaiting() ?? current;
      this.fill(target, rest, line.padded);
      if (target !== current) this.current = current;
    } else {
      this.out.strays.push(...rest.filter(filled));
    }
  }

  private rowEnd(kinds: ('header' | RowDef | undefined)[], cells: Slot[], label: number, next: number): number {
    let seenValue = false;
    for (let i = label + 1; i < next; i++) {
      if (kinds[i] === 'header' && seenValue) return i;
      if (filled(cells[i]) && kinds[i] === undefined) seenValue = true;
    }
    return next;
  }

  /** The earliest label still waiting for its values, when it is still the row's reading. */
  private nextWaiting(): RowRead | undefined {
    for (let row = this.waiting.shift(); row; row = this.waiting.shift()) {
      if (this.out.rows.get(row.row.id) === row && !row.slots.length) return row;
    }
    return undefined;
  }

  private fill(row: RowRead, cells: Slot[], padded: boolean): void {
    const { slots, aligned } = alignRuled(cells, width(row.row), padded);
    row.slots = slots;
    row.aligned = aligned;
    row.blanksDropped = !padded;
    row.open = false;
    this.current = undefined;
  }

  /** Cells of a paragraph or space-laid row; returns the index of the last line consumed. */
  private unruledLine(lines: StreamLine[], i: number): number {
    const cells = lines[i].cells;
    this.lineIndex = lines[i].index;
    this.oneValueLine = lines[i].prose && cells.length === 1 && VALUE_WORD_RE.test(cells[0].text.trim());
    for (let c = 0; c < cells.length; c++) {
      const text = cells[c].text.trim();
      if (!text) continue;
      if (!this.matcher.match(text) && this.matcher.isLabelStart(text) && c === cells.length - 1) {
        const joined = this.joinBrokenLabel(lines, i);
        if (joined) {
          this.start(joined.row, cells[c].pos, true);
          for (let j = i; j <= joined.last; j++) this.out.touched.add(lines[j].index);
          return joined.last;
        }
      }
      if (this.unruledCell(text, cells[c].pos, lines[i].prose)) this.out.touched.add(lines[i].index);
    }
    return i;
  }

  /** A label broken over lines ("1.申请人无正当理由逾期不补正、" / "行政机关不再处理…") is joined with the next lines. */
  private joinBrokenLabel(lines: StreamLine[], i: number): { row: RowDef; last: number } | undefined {
    let text = lines[i].cells.at(-1)!.text.trim();
    for (let j = i + 1; j < Math.min(lines.length, i + 3); j++) {
      if (lines[j].ruled || lines[j].cells.length !== 1) return undefined;
      text += lines[j].cells[0].text.trim();
      const m = this.matcher.match(text);
      if (m?.kind === 'row' && !this.table.unlabelledRun) return { row: m.row, last: j };
    }
    return undefined;
  }

  /**
   * One unruled cell: labels and values separated by spaces ("规章 0 0 0 行政规范性文件 1 0 3", "结果维持 结果纠正 …"),
   * a label with values glued on ("行政许可418"), or one value with a unit ("31批次"). Text that is neither is prose.
   */
  private unruledCell(text: string, pos: SourcePos, prose: boolean): boolean {
    const segments = this.segments(text) ?? this.labelThenValues(text);
    if (!segments) {
      const guessed = this.guessRow(text);
      if (guessed) {
        this.start(guessed, pos, false, { label: text });
        return true;
      }
      if (!this.current && !this.table.unlabelledRun && text.length <= MAX_VALUE_TEXT && isValueLike(text)) {
        this.orphans.push({ slot: { text, pos }, line: this.lineIndex });
      }
      if (!this.current || !isValueLike(text, this.current.row.columns[this.current.slots.length]?.kind)) return false;
      this.pushValue({ text, pos });
      return true;
    }
    segments.forEach((seg, k) => {
      if (seg.kind === 'values') {
        for (const token of seg.tokens) this.pushValue({ text: token, pos });
        return;
      }
      const kind = this.classify(seg.text, pos);
      const bare = kind === 'header' && segments[k + 1]?.kind === 'values' ? this.bareRow(seg.text) : undefined;
      const row = kind === 'header' ? bare : kind;
      if (row) this.start(row, pos, prose && segments.length === 1);
    });
    return true;
  }

  /** Splits a cell at spaces into runs of values and known labels; undefined when some run is not a label. */
  private segments(text: string): Segment[] | undefined {
    const words = text.split(/\s+/);
    const out: Segment[] = [];
    for (let i = 0; i < words.length; ) {
      let j = i;
      const isValue = VALUE_WORD_RE.test(words[i]);
      while (j < words.length && VALUE_WORD_RE.test(words[j]) === isValue) j++;
      if (isValue) out.push({ kind: 'values', tokens: words.slice(i, j) });
      else {
        const labels = this.labelRun(words.slice(i, j));
        if (!labels) return undefined;
        out.push(...labels.map((label): Segment => ({ kind: 'label', text: label })));
      }
      i = j;
    }
    return out;
  }

  /**
   * Words as labels: single-word labels (headers) first, then one label of the remaining words. Short words that are
   * no label may go before a row label: the pieces of a group label wrapped in its spanned cell ("三、本年 （一）予以公开",
   * "（三）不予 4.保护第三方合法权益" in PDF text).
   */
  private labelRun(words: string[]): string[] | undefined {
    const labels: string[] = [];
    for (let k = 0; k < words.length; k++) {
      const rest = words.slice(k).join('');
      const m = this.matcher.match(rest);
      if (m && (m.kind === 'row' || labels.length === k)) return [...labels, rest];
      if (this.matcher.match(words[k])) labels.push(words[k]);
      else if ([...words[k]].length > MAX_FRAGMENT) return undefined;
    }
    return undefined;
  }

  /** "行政许可418": a label with values glued on; or values after the unknown second half of a wrapped label. */
  private labelThenValues(text: string): Segment[] | undefined {
    const m = LABEL_THEN_VALUES_RE.exec(text);
    if (!m) return undefined;
    const values: Segment = { kind: 'values', tokens: m[2].split(/\s+/) };
    if (this.matcher.match(m[1])) return [{ kind: 'label', text: m[1] }, values];
    // Values after the second half of a wrapped label belong to the row its first half opened.
    return this.current?.open && this.current.slots.length === 0 ? [values] : undefined;
  }

  private pushValue(slot: Slot): void {
    const row = this.current;
    if (this.table.unlabelledRun) {
      // A run table's values count only after its own header: numbers before it belong to something else.
      if (this.out.anchored) this.out.run.push(slot);
    }
    else if (row?.open && row.slots.length < width(row.row)) {
      row.slots.push(slot);
      row.blanksDropped = (row.blanksDropped ?? true) && this.oneValueLine;
    }
    else {
      this.out.strays.push(slot);
      this.orphans.push({ slot, line: this.lineIndex });
    }
  }
}

/** Longest text that may be one value ("709455.9元"); prose is longer. */
const MAX_VALUE_TEXT = 24;
/** Longest text taken for a misspelt label. */
const MAX_GUESSED_LABEL = 40;
