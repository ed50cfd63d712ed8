/**
 * Tables continued on the next page. When a page ends with a table and the next page (furniture dropped) starts with
 * one over the same horizontal extent, the two are one table:
 * - column edges are unified (a page may lack an edge the other has; the wider cell then spans two columns);
 * - header rows repeated on the new page are dropped, like other page furniture;
 * - a cell spanning rows that the page break cut in two continues: the part on the new page becomes `spanned`
 *   copies of the cell above (Chromium leaves such cells open at the break; Word and LibreOffice draw a rule there,
 *   so an empty part of a row-spanning cell is taken as a continuation too);
 * - a row cut in two by the break (Word and LibreOffice let rows break across pages) becomes one row again: the first
 *   row of the new page completes the last one when it only adds text to cells of the same columns, and never puts
 *   a number where the row already has one or next to one.
 */
import type { Cell } from '../../document/model.ts';
import { joinLines } from '../../text/lines.ts';
import type { CellGroup, Line, PageTable } from './types.ts';
import { isNumeric } from './unruled.ts';

/** Edges and table sides closer than this (points) are the same. */
const SAME_X = 3;

/** Whether `next` (first on its page) continues `prev` (last on the page before). */
export function continues(prev: PageTable, next: PageTable): boolean {
  if (next.page !== prev.page + 1 || prev.ruled !== next.ruled) return false;
  if (!prev.ruled) return prev.rows[0]?.length === next.rows[0]?.length;
  return Math.abs(prev.x0 - next.x0) <= SAME_X && Math.abs(prev.x1 - next.x1) <= SAME_X;
}

/**
 * Label text at the top of a page, above the first row of its table, that no row took: the rest of the last row's
 * label when the page before ends with an unruled table (LibreOffice breaks a row across pages, each part of the
 * label centred in its part). It is added to that row's cell in the column below which it stands; false when
 * `line` does not follow such a table.
 */
export function finishesLastRow(table: PageTable, line: Line): boolean {
  const last = table.rows.at(-1);
  if (table.ruled || !last || line.page !== table.page + 1) return false;
  const mid = (line.x0 + line.x1) / 2;
  const edges = table.columns;
  let c = 0;
  while (c < last.length - 1 && mid >= edges[c + 1]) c++;
  last[c].text = joinLines([last[c].text, line.text], { hyphenWrap: true });
  return true;
}

/** Appends `next` to `prev` (which is changed and returned). */
export function joinTables(prev: PageTable, next: PageTable): PageTable {
  if (!prev.ruled) {
    prev.rows.push(...next.rows.slice(repeatedHeader(prev, next)));
    prev.bottom = next.bottom;
    prev.page = next.page;
    return prev;
  }
  const edges = unionEdges(prev.columns, next.columns);
  refineColumns(prev, edges);
  refineColumns(next, edges);
  dropRows(next, repeatedHeader(prev, next));
  const last = prev.rows.length - 1;
  const split = isSplitRow(prev.rows[last], next.rows[0]);
  // A cut row's rest lands in the last row; otherwise the new page's rows follow it.
  const offset = split ? last : last + 1;
  for (const g of next.groups) {
    g.r0 += offset;
    g.r1 += offset;
  }
  const lastGroups = groupsInRow(prev, last);
  for (const g of groupsInRow(next, offset)) {
    const above = lastGroups.find((a) => a.c0 <= g.c0 && g.c0 <= a.c1);
    if (!above) continue;
    const sameColumns = above.c0 === g.c0 && above.c1 === g.c1;
    const open = above.openBottom && g.openTop;
    const cutSpan = g.text === '' && g.r1 > g.r0 && above.r1 > above.r0;
    if (split || (sameColumns && (open || cutSpan))) extend(above, g);
  }
  if (split) {
    // A cell whose original slot went with the cut row keeps an original among the slots left.
    const cut = new Set(next.rows[0]);
    for (const g of next.groups) {
      if (!g.slots.some((s) => cut.has(s))) continue;
      g.slots = g.slots.filter((s) => !cut.has(s));
      if (g.slots.length && g.slots.every((s) => s.spanned)) delete g.slots[0].spanned;
    }
  }
  prev.rows.push(...(split ? next.rows.slice(1) : next.rows));
  prev.groups.push(...next.groups.filter((g) => g.slots.length));
  prev.bottom = next.bottom;
  prev.page = next.page;
  return prev;
}

/**
 * Header rows repeated at the top of the new page (HTML <thead>, Word's "repeat as header row"): as many leading rows
 * as read exactly like the table's first rows, when rows remain after them.
 */
function repeatedHeader(prev: PageTable, next: PageTable): number {
  const same = (a: Cell[], b: Cell[]) => a.length === b.length && a.every((c, i) => c.text === b[i].text);
  let k = 0;
  while (k < prev.rows.length && k < next.rows.length - 1 && same(prev.rows[k], next.rows[k])) k++;
  return k;
}

/** Removes the first `count` rows of a ruled page table, keeping its cell groups consistent. */
function dropRows(table: PageTable, count: number): void {
  if (!count) return;
  const removed = new Set(table.rows.splice(0, count).flat());
  for (const g of table.groups) {
    g.slots = g.slots.filter((s) => !removed.has(s));
    g.r0 = Math.max(0, g.r0 - count);
    g.r1 -= count;
    if (g.r0 === 0) g.openTop = false;
    if (g.slots.length && g.slots.every((s) => s.spanned)) delete g.slots[0].spanned;
  }
  table.groups = table.groups.filter((g) => g.slots.length);
}

/** `lower` (on the new page) continues `upper`: one cell, its text joined, the lower slots spanned copies. */
function extend(upper: CellGroup, lower: CellGroup): void {
  if (lower.text) upper.text = joinLines([upper.text, lower.text], { hyphenWrap: true });
  for (const s of upper.slots) s.text = upper.text;
  for (const s of lower.slots) {
    s.text = upper.text;
    s.pos = { ...upper.pos };
    s.spanned = true;
  }
  upper.slots.push(...lower.slots);
  upper.r1 = Math.max(upper.r1, lower.r1);
  upper.openBottom = lower.openBottom;
  lower.slots = [];
}

/**
 * The first row on the new page is the rest of a row cut by the page break: it adds text only to cells that already
 * have text (a wrapped label continuing), leaves some of the row's cells empty, and puts no number next to a number.
 */
function isSplitRow(upper: Cell[] | undefined, lower: Cell[] | undefined): boolean {
  if (!upper || !lower || upper.length !== lower.length) return false;
  let continued = 0, left = 0;
  for (let c = 0; c < upper.length; c++) {
    const a = upper[c], b = lower[c];
    if (b.spanned) continue;
    const aText = a.text.trim(), bText = b.text.trim();
    if (bText && isNumeric(bText)) return false;
    if (aText && isNumeric(aText) && bText) return false;
    if (bText && !aText) return false;
    if (bText && aText) continued++;
    if (!bText && aText) left++;
  }
  return continued > 0 && left > 0;
}

function groupsInRow(table: PageTable, row: number): CellGroup[] {
  return table.groups.filter((g) => g.r0 <= row && row <= g.r1 && g.slots.length);
}

function unionEdges(a: number[], b: number[]): number[] {
  const all = [...a, ...b].sort((x, y) => x - y);
  const out: number[][] = [];
  for (const x of all) {
    const last = out.at(-1);
    if (last && x - last[0] <= SAME_X) last.push(x);
    else out.push([x]);
  }
  return out.map((c) => c.reduce((s, x) => s + x, 0) / c.length);
}

/** Re-grids a ruled table onto finer column edges: a cell over several new columns spans them. */
function refineColumns(table: PageTable, edges: number[]): void {
  const old = table.columns;
  if (old.length === edges.length) {
    table.columns = edges;
    return;
  }
  // Each new column falls in the old column holding its middle.
  const map = edges.slice(0, -1).map((x, k) => {
    const mid = (x + edges[k + 1]) / 2;
    let j = 0;
    while (j < old.length - 2 && mid >= old[j + 1]) j++;
    return j;
  });
  const slotGroup = new Map<Cell, CellGroup>();
  for (const g of table.groups) for (const s of g.slots) slotGroup.set(s, g);
  table.rows = table.rows.map((row) => map.map((j, k) => {
    const cell = row[j];
    if (k === 0 || map[k - 1] !== j) return cell;
    const copy: Cell = { text: cell.text, pos: { ...cell.pos }, spanned: true };
    slotGroup.get(cell)?.slots.push(copy);
    return copy;
  }));
  for (const g of table.groups) {
    g.c0 = map.indexOf(g.c0);
    g.c1 = map.lastIndexOf(g.c1);
  }
  table.columns = edges;
}
