/**
 * The label side of an unruled table whose labels stand in several columns: group labels (三、本年度办理结果,
 * （三）不予公开) in columns of their own, row labels in the column next to the numbers. A converter that drops the
 * borders (LibreOffice turning HTML into PDF) centres each cell's text vertically in its row, so a label wrapped over
 * several lines has lines above and below its row's numbers, and a group label is centred over the rows it spans.
 * Label columns are told apart by the gaps between cells that several lines show at the same place. The rows give the
 * bands: the row label column's lines are split into consecutive groups, one per row, each centred on (or starting
 * at) its row's baseline; a group label's lines are joined while they follow at the spacing of wrapped lines.
 */
import { buildLines } from './lines.ts';
import type { Line, Piece } from './types.ts';

/** A gap between pieces on one line at least this wide (in em) separates two cells; glyphs of one cell touch. */
const CELL_GAP_EM = 0.35;
/** Lines of one wrapped cell follow at most this far apart (baseline to baseline, in em); rows stand further apart. */
const WRAP_PITCH_EM = 1.5;
/** A label line this close (in em) to a row's baseline is on that row. */
const BASELINE_CLEAR_EM = 0.3;
/** Cost (in em) of a row without a label line: every row has a label, a long one may not sit in just any row. */
const EMPTY_COST_EM = 1;
/** Cost (in em) of starting a row's label right under a line at the spacing of wrapped lines. */
const CUT_COST_EM = 0.5;
/** Cost (in em) of leaving a line above the first row out of the table: it may end a label from the page before. */
const LEAD_COST_EM = 0.3;

/** Pieces of one line that touch: the text of one cell on that line. */
function chunks(pieces: Piece[]): Piece[][] {
  const out: Piece[][] = [];
  for (const p of [...pieces].sort((a, b) => a.x0 - b.x0)) {
    const last = out.at(-1);
    const prev = last?.at(-1);
    if (last && prev && p.x0 - prev.x1 < CELL_GAP_EM * Math.max(p.size, prev.size)) last.push(p);
    else out.push([p]);
  }
  return out;
}

const right = (chunk: Piece[]) => Math.max(...chunk.map((p) => p.x1));

/** A chunk cut where a column edge passes between two of its pieces: two cells set close together. */
function cutAt(chunk: Piece[], separators: number[]): Piece[][] {
  const out: Piece[][] = [[chunk[0]]];
  for (let k = 1; k < chunk.length; k++) {
    const between = separators.some((s) => chunk[k - 1].x1 < s && s < chunk[k].x0);
    if (between) out.push([chunk[k]]);
    else out.at(-1)!.push(chunk[k]);
  }
  return out;
}

/**
 * Edges between label columns left of `limit`: where neighbouring cells on one line leave a gap, at a place at least
 * two lines leave a gap (one gap alone could be a space inside a label). Each stretch of the page covered by two or
 * more gaps gives one edge, where most gaps overlap; a wide gap spanning two such stretches joins neither.
 */
export function labelSeparators(lines: Line[], limit: number): number[] {
  const events: { x: number; d: number }[] = [];
  for (const line of lines) {
    const cs = chunks(line.pieces.filter((p) => p.x1 <= limit));
    for (let k = 1; k < cs.length; k++) events.push({ x: right(cs[k - 1]), d: 1 }, { x: cs[k][0].x0, d: -1 });
  }
  events.sort((a, b) => a.x - b.x || a.d - b.d);
  const out: number[] = [];
  let depth = 0, best = 0, at = 0;
  events.forEach((e, k) => {
    depth += e.d;
    const next = events[k + 1]?.x ?? e.x;
    if (depth >= 2 && depth > best && next > e.x) [best, at] = [depth, (e.x + next) / 2];
    if (depth < 2 && best) {
      out.push(at);
      best = 0;
    }
  });
  return out;
}

export interface LabelCells {
  /** Pieces per row and label column. */
  cells: Piece[][][];
  /** Lines above the first row that belong to no row (the end of a label cut by the page break before). */
  lead: Line[];
}

/**
 * Label pieces (all left of the numbers) → cells of the rows whose baselines are `rows`. A cell's text goes to the
 * column that holds its right end, so a label spanning several label columns counts as a row label.
 */
export function labelCells(pieces: Piece[], separators: number[], rows: number[], page: number): LabelCells {
  const columns: Piece[][] = [...separators, Infinity].map(() => []);
  for (const line of buildLines(pieces, page)) {
    for (const chunk of chunks(line.pieces).flatMap((c) => cutAt(c, separators))) {
      columns[separators.filter((s) => s < right(chunk)).length].push(...chunk);
    }
  }
  const cells: Piece[][][] = rows.map(() => columns.map(() => []));
  const lead: Line[] = [];
  columns.forEach((colPieces, c) => {
    const lines = buildLines(colPieces, page);
    if (c === columns.length - 1) {
      bestSplit(lines, rows).forEach((r, k) => (r < 0 ? lead.push(lines[k]) : cells[r][c].push(...lines[k].pieces)));
    } else {
      for (const group of wrapped(lines)) cells[nearestRow(group, rows)][c].push(...group.flatMap((l) => l.pieces));
    }
  });
  return { cells, lead };
}

/** Labels centred on their row's baseline, or starting at it (top-aligned cells): one way for the whole table. */
type Align = 'centre' | 'top';

/** How far a row's baseline is from a group of its label lines. */
function offset(first: Line, last: Line, row: number, align: Align): number {
  return Math.abs((align === 'top' ? first.baseline : (first.baseline + last.baseline) / 2) - row);
}

function nearestRow(lines: Line[], rows: number[]): number {
  let best = 0;
  const far = (r: number) => Math.min(...(['centre', 'top'] as const).map((a) => offset(lines[0], lines[lines.length - 1], r, a)));
  rows.forEach((r, i) => {
    if (far(r) < far(rows[best])) best = i;
  });
  return best;
}

/** Lines (top to bottom) in runs that follow at the spacing of wrapped lines. */
function wrapped(lines: Line[]): Line[][] {
  const out: Line[][] = [];
  for (const line of lines) {
    const last = out.at(-1)?.at(-1);
    if (last && line.baseline - last.baseline <= WRAP_PITCH_EM * Math.max(line.size, last.size)) out.at(-1)!.push(line);
    else out.push([line]);
  }
  return out;
}

/** Whether a line may belong to row `j`: it stands clear of the neighbouring rows' baselines. */
function within(line: Line, j: number, rows: number[]): boolean {
  const clear = BASELINE_CLEAR_EM * line.size;
  return (j === 0 || line.baseline > rows[j - 1] + clear) && (j === rows.length - 1 || line.baseline < rows[j + 1] - clear);
}

/** Row index per line (-1: before the first row), under the alignment that fits the lines best. */
function bestSplit(lines: Line[], rows: number[]): number[] {
  const centre = splitByRows(lines, rows, 'centre');
  const top = splitByRows(lines, rows, 'top');
  const best = top.cost < centre.cost ? top : centre;
  // Rows closer together than a line's height leave no consistent split: each line to its nearest row.
  return Number.isFinite(best.cost) ? best.rows : lines.map((l) => nearestRow([l], rows));
}

/**
 * Row index per line: lines (top to bottom) split into consecutive groups, one per row (possibly empty), with the
 * least total offset; lines before the first group may stay out (-1) at a small cost each.
 */
function splitByRows(lines: Line[], rows: number[], align: Align): { rows: number[]; cost: number } {
  const m = lines.length, n = rows.length;
  const size = lines[0]?.size ?? 0;
  const leadCost = LEAD_COST_EM * size;
  const emptyCost = EMPTY_COST_EM * size;
  // Starting a row's label between two lines at the spacing of wrapped lines cuts a label in two.
  const cut = (k: number) => (k > 0 && lines[k].baseline - lines[k - 1].baseline <= WRAP_PITCH_EM * size ? CUT_COST_EM * size : 0);
  // cost[j][i]: best for the first i lines over the first j rows; from[j][i]: where row j - 1's group starts.
  const cost = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  const from = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = 0; i <= m; i++) cost[0][i] = i * leadCost;
  for (let j = 1; j <= n; j++) {
    for (let i = 0; i <= m; i++) {
      for (let k = i; k >= 0; k--) {
        // A row's label stays between the rows above and below it.
        if (k < i && !within(lines[k], j - 1, rows)) break;
        const c = cost[j - 1][k] + (k < i ? offset(lines[k], lines[i - 1], rows[j - 1], align) + cut(k) : emptyCost);
        if (c < cost[j][i]) [cost[j][i], from[j][i]] = [c, k];
      }
    }
  }
  const out = new Array<number>(m).fill(-1);
  for (let j = n, i = m; j > 0; j--) {
    const k = from[j][i];
    for (let t = k; t < i; t++) out[t] = j - 1;
    i = k;
  }
  return { rows: out, cost: cost[n][m] };
}
