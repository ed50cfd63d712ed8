/**
 * Ruled tables: ruling segments → tables of cell boxes → text assigned to cells. Rules that touch form one table;
 * its distinct rule positions are the grid's column and row edges; neighbouring grid slots with no rule between them
 * are one (spanning) cell, and the grid comes out like `expandGrid` makes it from HTML: a slot a cell spans holds a
 * `spanned` copy. Text is put into the cell whose box holds its middle, so a label wrapped onto several lines inside
 * its box stays one cell.
 */
import type { Cell, SourcePos } from '../../document/model.ts';
import { joinLines } from '../../text/lines.ts';
import { pieceMiddle, splitPieceAt } from './items.ts';
import { joinPieces } from './join.ts';
import { buildLines, meanConfidence } from './lines.ts';
import type { CellGroup, PageTable, Piece, Segment } from './types.ts';

/** Rules whose positions differ by less than this (points) are one rule; ends this close touch. */
const TOLERANCE = 2.5;
/** Grid edges closer than this (points) are one edge: no real row or column is thinner. */
const MIN_CELL = 4;
/** Share of a slot's side a rule must cover to separate it from its neighbour. */
const MIN_COVER = 0.5;

/** A merged rule: `pos` is y for a horizontal rule and x for a vertical one; it runs from `from` to `to`. */
interface Rule {
  pos: number;
  from: number;
  to: number;
}

export interface RuledResult {
  tables: PageTable[];
  /** Pieces outside every table. */
  rest: Piece[];
}

export function ruledTables(segments: Segment[], pieces: Piece[], page: number): RuledResult {
  const hs = mergeRules(segments.filter((s) => s.y0 === s.y1).map((s) => ({ pos: s.y0, from: s.x0, to: s.x1 })));
  const vs = mergeRules(segments.filter((s) => s.x0 === s.x1 && s.y0 !== s.y1).map((s) => ({ pos: s.x0, from: s.y0, to: s.y1 })));
  const tables: PageTable[] = [];
  let rest = pieces;
  for (const { h, v } of components(hs, vs)) {
    if (h.length < 2 || v.length < 2) continue;
    const grid = buildGrid(h, v);
    if (!grid) continue;
    const inside: Piece[] = [];
    const outside: Piece[] = [];
    for (const p of rest) (grid.contains(p) ? inside : outside).push(p);
    if (!inside.length) continue;
    rest = outside;
    tables.push(fillGrid(grid, inside, page));
  }
  return { tables, rest };
}

function mergeRules(rules: Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => a.pos - b.pos || a.from - b.from);
  const out: Rule[] = [];
  let i = 0;
  while (i < sorted.length) {
    // One cluster of rules at (nearly) the same position, then its collinear pieces joined end to end.
    const first = sorted[i].pos;
    const cluster: Rule[] = [];
    while (i < sorted.length && sorted[i].pos - first <= TOLERANCE) cluster.push(sorted[i++]);
    const pos = cluster.reduce((s, r) => s + r.pos, 0) / cluster.length;
    cluster.sort((a, b) => a.from - b.from);
    let cur: Rule | undefined;
    for (const r of cluster) {
      if (cur && r.from <= cur.to + TOLERANCE) cur.to = Math.max(cur.to, r.to);
      else {
        cur = { pos, from: r.from, to: r.to };
        out.push(cur);
      }
    }
  }
  return out;
}

function touches(h: Rule, v: Rule): boolean {
  return v.pos >= h.from - TOLERANCE && v.pos <= h.to + TOLERANCE && h.pos >= v.from - TOLERANCE && h.pos <= v.to + TOLERANCE;
}

/** Groups of horizontal and vertical rules connected by touching. */
function components(hs: Rule[], vs: Rule[]): { h: Rule[]; v: Rule[] }[] {
  const parent = Array.from({ length: hs.length + vs.length }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  hs.forEach((h, i) => vs.forEach((v, j) => {
    if (touches(h, v)) parent[find(i)] = find(hs.length + j);
  }));
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  const group = (i: number) => {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { h: [], v: [] }));
    return g;
  };
  hs.forEach((h, i) => group(i).h.push(h));
  vs.forEach((v, j) => group(hs.length + j).v.push(v));
  return [...groups.values()];
}

/** Edge positions: values closer than MIN_CELL collapse to their mean. */
function edges(values: number[]): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of s) {
    const last = out.at(-1);
    if (last && v - last[0] < MIN_CELL) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
}

/** Whether rules at `pos` cover at least MIN_COVER of the stretch from..to. */
function covered(rules: Rule[], pos: number, from: number, to: number): boolean {
  let sum = 0;
  for (const r of rules) {
    if (Math.abs(r.pos - pos) > TOLERANCE) continue;
    sum += Math.max(0, Math.min(r.to, to) - Math.max(r.from, from));
  }
  return sum >= MIN_COVER * (to - from);
}

interface Grid {
  xs: number[];
  ys: number[];
  h: Rule[];
  v: Rule[];
  /** Slot (row-major index) → group index. */
  groupOf: number[];
  groups: { r0: number; r1: number; c0: number; c1: number; first: number }[];
  contains(p: Piece): boolean;
}

function buildGrid(h: Rule[], v: Rule[]): Grid | undefined {
  const xs = edges([...v.map((r) => r.pos), Math.min(...h.map((r) => r.from)), Math.max(...h.map((r) => r.to))]);
  const ys = edges([...h.map((r) => r.pos), Math.min(...v.map((r) => r.from)), Math.max(...v.map((r) => r.to))]);
  const R = ys.length - 1;
  const C = xs.length - 1;
  if (R < 1 || C < 1 || R * C < 2) return undefined;
  const parent = Array.from({ length: R * C }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (a: number, b: number) => {
    const ra = find(a), rb = find(b);
    // The smaller index stays the root, so a group's root is its first slot in reading order.
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      if (c + 1 < C && !covered(v, xs[c + 1], ys[r], ys[r + 1])) union(r * C + c, r * C + c + 1);
      if (r + 1 < R && !covered(h, ys[r + 1], xs[c], xs[c + 1])) union(r * C + c, (r + 1) * C + c);
    }
  }
  const index = new Map<number, number>();
  const groups: Grid['groups'] = [];
  const groupOf = parent.map((_, i) => {
    const root = find(i);
    let g = index.get(root);
    const r = Math.floor(i / C), c = i % C;
    if (g === undefined) {
      g = groups.length;
      index.set(root, g);
      groups.push({ r0: r, r1: r, c0: c, c1: c, first: i });
    }
    const box = groups[g];
    box.r0 = Math.min(box.r0, r); box.r1 = Math.max(box.r1, r);
    box.c0 = Math.min(box.c0, c); box.c1 = Math.max(box.c1, c);
    return g;
  });
  if (groups.length < 2) return undefined; // a frame around text, not a table
  const contains = (p: Piece) => {
    const cx = (p.x0 + p.x1) / 2, cy = pieceMiddle(p);
    return cx >= xs[0] && cx <= xs[C] && cy >= ys[0] && cy <= ys[R];
  };
  return { xs, ys, h, v, groupOf, groups, contains };
}

/** Index i with edges[i] <= value < edges[i + 1], clamped to the grid. */
function slotIndex(edgesList: number[], value: number): number {
  let i = 0;
  while (i < edgesList.length - 2 && value >= edgesList[i + 1]) i++;
  return i;
}

/** Cuts pieces that run across a drawn column rule (a producer may put several cells' text in one run). */
function cutAtColumnRules(grid: Grid, pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  const queue = [...pieces];
  while (queue.length) {
    const p = queue.shift()!;
    const margin = 0.3 * p.size;
    const rule = grid.xs.slice(1, -1).find((x) => p.x0 < x - margin && p.x1 > x + margin && covered(grid.v, x, p.baseline - p.size, p.baseline));
    const parts = rule === undefined ? undefined : splitPieceAt(p, rule);
    if (parts) queue.unshift(...parts);
    else out.push(p);
  }
  return out;
}

function fillGrid(grid: Grid, pieces: Piece[], page: number): PageTable {
  const { xs, ys, groups, groupOf } = grid;
  const R = ys.length - 1, C = xs.length - 1;
  const byGroup: Piece[][] = groups.map(() => []);
  for (const p of cutAtColumnRules(grid, pieces)) {
    const c = slotIndex(xs, (p.x0 + p.x1) / 2);
    const r = slotIndex(ys, pieceMiddle(p));
    byGroup[groupOf[r * C + c]].push(p);
  }
  const cellGroups: CellGroup[] = groups.map((g, i) => {
    const lines = buildLines(byGroup[i], page).sort((a, b) => a.baseline - b.baseline);
    const pos: SourcePos = { page, x: round(xs[g.c0]), y: round(ys[g.r0]) };
    const ocr = meanConfidence(byGroup[i]);
    if (ocr !== undefined) pos.ocr = ocr;
    return {
      r0: g.r0, r1: g.r1, c0: g.c0, c1: g.c1,
      text: joinLines(lines.map((l) => joinPieces(l.pieces)), { hyphenWrap: true }),
      openTop: g.r0 === 0 && !covered(grid.h, ys[0], xs[g.c0], xs[g.c1 + 1]),
      openBottom: g.r1 === R - 1 && !covered(grid.h, ys[R], xs[g.c0], xs[g.c1 + 1]),
      slots: [],
      pos,
    };
  });
  const rows: Cell[][] = [];
  for (let r = 0; r < R; r++) {
    const row: Cell[] = [];
    for (let c = 0; c < C; c++) {
      const gi = groupOf[r * C + c];
      const g = cellGroups[gi];
      const cell: Cell = { text: g.text, pos: { ...g.pos } };
      if (groups[gi].first !== r * C + c) cell.spanned = true;
      g.slots.push(cell);
      row.push(cell);
    }
    rows.push(row);
  }
  return {
    kind: 'table', page, ruled: true, rows,
    top: ys[0], bottom: ys[R], x0: xs[0], x1: xs[C],
    columns: xs, groups: cellGroups,
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
