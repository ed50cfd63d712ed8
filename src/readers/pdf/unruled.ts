/**
 * Tables without ruling lines. Consecutive lines whose text falls into runs separated by wide gaps, with numbers among
 * them, are rows; columns are the stretches of the page that the runs of the rows with numbers cover (numbers in
 * one column overlap whether they are centred, left or right aligned). Text left of the numbers is the label side:
 * label lines between the rows and just above them (labels wrapped in their cells, centred on their row) join the
 * table, and label columns and the row each line belongs to come from bands.ts. Such tables are marked
 * `ruled: false`: a blank is only inferred.
 */
import type { Cell } from '../../document/model.ts';
import { joinLines } from '../../text/lines.ts';
import { normalizeText } from '../../text/normalize.ts';
import { labelCells, labelSeparators } from './bands.ts';
import { joinPieces } from './join.ts';
import { buildLines, meanConfidence } from './lines.ts';
import type { Line, PageTable, Piece, Run } from './types.ts';

/** A line, or a table; `cut` marks label text above a table's first row that no row took (a label the page cut). */
export type Element = { kind: 'line'; line: Line; cut?: true } | PageTable;

const NUMERIC_RE = /^[+-]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)%?$|^[/—–-]+$/;

export function isNumeric(text: string): boolean {
  return NUMERIC_RE.test(normalizeText(text).replace(/\s+/g, ''));
}

function isTabular(line: Line): boolean {
  return line.runs.length >= 2 && (line.runs.some((r) => isNumeric(r.text)) || line.runs.length >= 3);
}

interface Column {
  x0: number;
  x1: number;
}

/** Lines of one page (top to bottom, no ruled tables among them) → lines and unruled tables. */
export function findUnruledTables(lines: Line[], page: number): Element[] {
  const out: Element[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!isTabular(lines[i])) {
      out.push({ kind: 'line', line: lines[i++] });
      continue;
    }
    const block: Line[] = [lines[i++]];
    let limit = firstNumber(block);
    // Label lines after a row are held until a row follows (a label wrapped above numbers centred in their cell);
    // lines held when the rows end stay in the table only if they sit as close as wrapped lines do.
    let held: Line[] = [];
    while (i < lines.length) {
      const next = lines[i];
      if (isTabular(next)) {
        block.push(...held, next);
        held = [];
        limit = Math.min(limit, firstNumber([next]));
      } else if (held.length < MAX_HELD && isLabelLine(next, limit, held.at(-1) ?? block.at(-1)!)) {
        held.push(next);
      } else break;
      i++;
    }
    const tail = held.findIndex((l, k) => l.top - (k ? held[k - 1] : block.at(-1)!).bottom > WRAPPED_GAP_EM * l.size);
    const kept = tail < 0 ? held : held.slice(0, tail);
    block.push(...kept);
    i -= held.length - kept.length;
    const banded = Number.isFinite(limit) && block.some((l) => l.runs.some((r) => r.x0 < limit));
    // Labels are centred in their rows: the first row's label may start above it.
    const lead = banded ? leadingLabels(out, block[0], limit) : [];
    // A line of headers just above the rows (cells too close together to make runs) is the header row.
    const above = out.at(-1);
    const header = above?.kind === 'line' && isHeaderFor(above.line, block) ? above.line : undefined;
    if (header) out.pop();
    if (banded) out.push(...buildBanded(block, lead, header, labelSeparators(block, limit), limit, page));
    else out.push(buildTable(block, header, page));
  }
  return out;
}

/** Where the numbers start: left of it is the label side. */
function firstNumber(block: Line[]): number {
  return Math.min(...block.flatMap((l) => l.runs.filter((r) => isNumeric(r.text)).map((r) => r.x0)));
}

/** Label lines just above the first row, taken off the end of `out`. */
function leadingLabels(out: Element[], first: Line, limit: number): Line[] {
  const lead: Line[] = [];
  for (let last = out.at(-1); last?.kind === 'line' && lead.length < MAX_HELD; last = out.at(-1)) {
    const below = lead[0] ?? first;
    if (isNumeric(last.line.text) || last.line.x1 >= limit || below.top - last.line.bottom > ROW_GAP_EM * below.size) break;
    lead.unshift(last.line);
    out.pop();
  }
  return lead;
}

/** Label lines held between rows at most (labels wrapped above and below numbers centred in tall rows); more is prose. */
const MAX_HELD = 6;
/** Gap (in em) between wrapped lines of one cell; rows stand further apart. */
const WRAPPED_GAP_EM = 0.8;
/** Gap (in em) up to which a label line may still belong to the rows around it. */
const ROW_GAP_EM = 1.2;

/** A label line: no number, close under the line before, left of the first number column (label columns' text). */
function isLabelLine(line: Line, limit: number, prev: Line): boolean {
  if (line.runs.some((r) => isNumeric(r.text))) return false;
  return Number.isFinite(limit) && line.top - prev.bottom <= ROW_GAP_EM * line.size && line.x1 < limit;
}

function isHeaderFor(line: Line, block: Line[]): boolean {
  if (block[0].top - line.bottom > 1.5 * line.size) return false;
  const cols = columnsOf(block);
  const hit = new Set(line.pieces.map((p) => nearestColumn(cols, p.x0, p.x1)));
  return hit.size >= 3;
}

const hasNumber = (line: Line) => line.runs.length >= 2 && line.runs.some((r) => isNumeric(r.text));

function columnsOf(block: Line[]): Column[] {
  const withNumbers = block.filter(hasNumber);
  const source = withNumbers.length ? withNumbers : block.filter(isTabular);
  return mergeSpans(source.flatMap((l) => l.runs));
}

/** Stretches of the page that overlapping spans cover, left to right. */
function mergeSpans(spans: Column[]): Column[] {
  const cols: Column[] = [];
  for (const s of [...spans].sort((a, b) => a.x0 - b.x0)) {
    const last = cols.at(-1);
    if (last && s.x0 < last.x1) last.x1 = Math.max(last.x1, s.x1);
    else cols.push({ x0: s.x0, x1: s.x1 });
  }
  return cols;
}

function nearestColumn(cols: Column[], x0: number, x1: number): number {
  const mid = (x0 + x1) / 2;
  let best = 0, bestDistance = Infinity;
  cols.forEach((c, i) => {
    const d = mid < c.x0 ? c.x0 - mid : mid > c.x1 ? mid - c.x1 : 0;
    if (d < bestDistance) [best, bestDistance] = [i, d];
  });
  return best;
}

/** Pieces of a run, all in one column when the run stays within one, else each piece to its nearest column. */
function place(cols: Column[], run: Run, cells: Piece[][]): void {
  const overlapping = cols.filter((c) => run.x0 < c.x1 && run.x1 > c.x0);
  if (overlapping.length <= 1) cells[nearestColumn(cols, run.x0, run.x1)].push(...run.pieces);
  else for (const p of run.pieces) cells[nearestColumn(cols, p.x0, p.x1)].push(p);
}

function buildTable(block: Line[], header: Line | undefined, page: number): PageTable {
  const cols = columnsOf(block);
  const rows: TableRow[] = block.filter(isTabular).map((line) => {
    const cells: Piece[][] = cols.map(() => []);
    for (const run of line.runs) place(cols, run, cells);
    return { line, cells };
  });
  return assemble(rows, cols, header, block, page);
}

/**
 * A table whose labels stand in several columns left of the numbers (`limit`), split at `separators`: label text
 * goes to rows by bands (bands.ts), numbers to the columns their runs cover. Lines above the rows that no row takes
 * come back as lines before the table.
 */
function buildBanded(block: Line[], lead: Line[], header: Line | undefined, separators: number[], limit: number, page: number): Element[] {
  const rowLines = block.filter(isTabular);
  const isLabel = (r: Run) => r.x0 < limit;
  const labelPieces = [...lead, ...block].flatMap((l) => l.runs.filter(isLabel).flatMap((r) => r.pieces));
  const labels = labelCells(labelPieces, separators, rowLines.map((l) => l.baseline), page);
  const edges = [Math.min(...labelPieces.map((p) => p.x0)), ...separators, Math.max(...labelPieces.map((p) => p.x1))];
  const labelCols: Column[] = edges.slice(1).map((x1, k) => ({ x0: edges[k], x1 }));
  const dataCols = mergeSpans(rowLines.filter(hasNumber).flatMap((l) => l.runs.filter((r) => !isLabel(r))));
  const rows: TableRow[] = rowLines.map((line, r) => {
    const cells: Piece[][] = dataCols.map(() => []);
    for (const run of line.runs.filter((x) => !isLabel(x))) place(dataCols, run, cells);
    return { line, cells: [...labels.cells[r], ...cells] };
  });
  const inCells = new Set(labels.cells.flat(2));
  const taken = [...lead.filter((l) => l.pieces.some((p) => inCells.has(p))), ...block];
  const table = assemble(rows, [...labelCols, ...dataCols], header, taken, page);
  return [...labels.lead.map((line): Element => ({ kind: 'line', line, cut: true })), table];
}

interface TableRow {
  line: Line;
  cells: Piece[][];
}

function assemble(rows: TableRow[], cols: Column[], header: Line | undefined, block: Line[], page: number): PageTable {
  if (header) {
    const cells: Piece[][] = cols.map(() => []);
    for (const p of header.pieces) cells[nearestColumn(cols, p.x0, p.x1)].push(p);
    rows.unshift({ line: header, cells });
  }
  const all = header ? [header, ...block] : block;
  const table: Cell[][] = rows.map(({ line, cells }) => cells.map((pieces, c) => {
    const cellLines = buildLines(pieces, page).sort((a, b) => a.baseline - b.baseline);
    const cell: Cell = {
      text: joinLines(cellLines.map((l) => joinPieces(l.pieces)), { hyphenWrap: true }),
      pos: { page, x: round(pieces.length ? Math.min(...pieces.map((p) => p.x0)) : cols[c].x0), y: round(line.top) },
    };
    const ocr = meanConfidence(pieces);
    if (ocr !== undefined) cell.pos.ocr = ocr;
    return cell;
  }));
  return {
    kind: 'table',
    page,
    ruled: false,
    rows: table,
    top: Math.min(...all.map((l) => l.top)),
    bottom: Math.max(...all.map((l) => l.bottom)),
    x0: Math.min(...all.map((l) => l.x0)),
    x1: Math.max(...all.map((l) => l.x1)),
    columns: [...cols.map((c) => c.x0), cols.at(-1)!.x1],
    groups: [],
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
