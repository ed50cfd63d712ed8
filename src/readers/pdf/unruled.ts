/**
 * Tables without ruling lines. Consecutive lines whose text falls into runs separated by wide gaps, with numbers among
 * them, are rows; columns are the stretches of the page that the runs of the rows with numbers cover (numbers in
 * one column overlap whether they are centred, left or right aligned). A short label line between rows (a label
 * wrapped in its cell) joins the row nearest to it. Such tables are marked `ruled: false`: a blank is only inferred.
 */
import type { Cell } from '../../document/model.ts';
import { joinLines } from '../../text/lines.ts';
import { normalizeText } from '../../text/normalize.ts';
import { joinPieces } from './join.ts';
import { buildLines, meanConfidence } from './lines.ts';
import type { Line, PageTable, Piece, Run } from './types.ts';

export type Element = { kind: 'line'; line: Line } | PageTable;

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
    // Label lines after a row are held until a row follows (a label wrapped above numbers centred in their cell);
    // lines held when the rows end stay in the table only if they sit as close as wrapped lines do.
    let held: Line[] = [];
    while (i < lines.length) {
      const next = lines[i];
      if (isTabular(next)) {
        block.push(...held, next);
        held = [];
      } else if (held.length < MAX_HELD && isLabelLine(next, block, held.at(-1) ?? block.at(-1)!)) {
        held.push(next);
      } else break;
      i++;
    }
    const tail = held.findIndex((l, k) => l.top - (k ? held[k - 1] : block.at(-1)!).bottom > WRAPPED_GAP_EM * l.size);
    const kept = tail < 0 ? held : held.slice(0, tail);
    block.push(...kept);
    i -= held.length - kept.length;
    // A line of headers just above the rows (cells too close together to make runs) is the header row.
    const above = out.at(-1);
    const header = above?.kind === 'line' && isHeaderFor(above.line, block) ? above.line : undefined;
    if (header) out.pop();
    out.push(buildTable(block, header, page));
  }
  return out;
}

/** Label lines held between rows at most; more is a paragraph. */
const MAX_HELD = 3;
/** Gap (in em) between wrapped lines of one cell; rows stand further apart. */
const WRAPPED_GAP_EM = 0.8;
/** Gap (in em) up to which a label line may still belong to the rows around it. */
const ROW_GAP_EM = 1.2;

/** A label line: one run, no number, close under the line before, left of the first number column. */
function isLabelLine(line: Line, block: Line[], prev: Line): boolean {
  if (line.runs.length !== 1 || isNumeric(line.text)) return false;
  if (line.top - prev.bottom > ROW_GAP_EM * line.size) return false;
  const firstNumber = Math.min(...block.flatMap((l) => l.runs.filter((r) => isNumeric(r.text)).map((r) => r.x0)));
  return Number.isFinite(firstNumber) && line.x1 < firstNumber;
}

function isHeaderFor(line: Line, block: Line[]): boolean {
  if (block[0].top - line.bottom > 1.5 * line.size) return false;
  const cols = columnsOf(block);
  const hit = new Set(line.pieces.map((p) => nearestColumn(cols, p.x0, p.x1)));
  return hit.size >= 3;
}

function columnsOf(block: Line[]): Column[] {
  const withNumbers = block.filter((l) => l.runs.length >= 2 && l.runs.some((r) => isNumeric(r.text)));
  const source = withNumbers.length ? withNumbers : block.filter(isTabular);
  const spans = source.flatMap((l) => l.runs.map((r) => ({ x0: r.x0, x1: r.x1 }))).sort((a, b) => a.x0 - b.x0);
  const cols: Column[] = [];
  for (const s of spans) {
    const last = cols.at(-1);
    if (last && s.x0 < last.x1) last.x1 = Math.max(last.x1, s.x1);
    else cols.push({ ...s });
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
  const rowLines = block.filter(isTabular);
  const rows: { line: Line; cells: Piece[][] }[] = rowLines.map((line) => {
    const cells: Piece[][] = cols.map(() => []);
    for (const run of line.runs) place(cols, run, cells);
    return { line, cells };
  });
  for (const line of block.filter((l) => !isTabular(l))) {
    // A wrapped label belongs to the row whose baseline is nearest (above on a tie: labels wrap downwards).
    let best = rows[0], distance = Infinity;
    for (const r of rows) {
      const d = Math.abs(r.line.baseline - line.baseline);
      if (d < distance || (d === distance && r.line.baseline < line.baseline)) [best, distance] = [r, d];
    }
    for (const run of line.runs) place(cols, run, best.cells);
  }
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
