/**
 * Recovers cells whose column was lost (a row showing fewer values than columns, digits of a row run together) from
 * the template arithmetic, when and only when exactly one reading is consistent with it. Every placement of the seen
 * values (or every split of the digits) is tried; the missing cells are solved through the identities; the result is
 * accepted only if all consistent readings fill the unit completely and agree.
 */
import { cellKey, type CellRef, type Identity } from '../format/identities.ts';
import type { TableDef } from '../format/types.ts';

/** Known numbers of a table by cell key; blank and '/' cells count as 0 in the arithmetic. */
export type Known = Map<string, number>;

export interface LostUnit {
  /** The cells the unit should fill, in column order. */
  cells: CellRef[];
  /** The values seen, in order, positions unknown. */
  seen: number[];
  /** The raw text when the whole unit came as one run of digits. */
  digits?: string;
  /**
   * The row was followed by another (the copy did not cut it) and came where a blank leaves no trace: the cells it
   * does not show are blank cells the copy dropped or collapsed (a scraper drops empty cells, never filled ones).
   */
  unseenBlank?: boolean;
}

/** A cell of a partial recovery: its value (null = blank) when every consistent reading agrees, else undefined. */
export type Settled = (number | null | undefined)[];

const MAX_READINGS = 20_000;

export function recoverUnit(table: TableDef, identities: Identity[], known: Known, unit: LostUnit): number[] | undefined {
  const keys = unit.cells.map((c) => cellKey(table, c));
  const terms = termsOf(table, identities, keys);
  const readings = unit.digits && unit.seen.length === 1 ? splits(unit.digits, keys.length) : placements(unit.seen, keys.length);
  let agreed: number[] | undefined;
  for (const reading of readings) {
    const solved = solve(terms, known, keys, reading);
    if (solved === 'inconsistent') continue;
    if (solved === 'open') return undefined;
    if (agreed && agreed.some((v, i) => v !== solved[i])) return undefined;
    agreed = solved;
  }
  return agreed;
}

/**
 * A row whose blank cells a copy dropped or collapsed: the seen values stand in order, every other cell blank (0 in
 * the arithmetic). Each cell is settled where all readings consistent with the identities agree on it (typically the
 * 总计 column of a row showing one value and its total); 'none' when no reading fits (the row lost values, it did
 * not only drop blanks), undefined when readings fit but none settles a cell.
 */
export function recoverBlanks(table: TableDef, identities: Identity[], known: Known, unit: LostUnit): Settled | 'none' | undefined {
  const keys = unit.cells.map((c) => cellKey(table, c));
  const terms = termsOf(table, identities, keys);
  let settled: Settled | undefined;
  for (const reading of placements(unit.seen, keys.length)) {
    if (solve(terms, known, keys, reading.map((v) => v ?? 0)) === 'inconsistent') continue;
    const cells = reading.map((v) => v ?? null);
    settled = settled ? settled.map((v, i) => (v === cells[i] ? v : undefined)) : cells;
  }
  if (!settled) return 'none';
  return settled.some((v) => v !== undefined) ? settled : undefined;
}

function termsOf(table: TableDef, identities: Identity[], keys: string[]): Term[][] {
  return identities
    .map((id) => [...id.lhs.map((c) => ({ key: cellKey(table, c), sign: 1 })), ...id.rhs.map((c) => ({ key: cellKey(table, c), sign: -1 }))])
    .filter((t) => t.some((term) => keys.includes(term.key)));
}

/** Every way to put `seen` in order into `n` slots, the other slots unknown. */
function* placements(seen: number[], n: number): Generator<(number | undefined)[]> {
  if (seen.length > n) return;
  let count = 0;
  function* place(from: number, k: number, acc: (number | undefined)[]): Generator<(number | undefined)[]> {
    if (k === seen.length) {
      yield [...acc, ...Array(n - acc.length).fill(undefined)];
      return;
    }
    for (let i = from; i <= n - (seen.length - k); i++) {
      if (++count > MAX_READINGS) return;
      const padded = [...acc, ...Array(i - acc.length).fill(undefined), seen[k]];
      yield* place(i + 1, k + 1, padded);
    }
  }
  yield* place(0, 0, []);
}

/** Every way to cut a run of digits into `n` numbers without leading zeros. */
function* splits(digits: string, n: number): Generator<number[]> {
  if (digits.length < n) return;
  let count = 0;
  function* cut(rest: string, k: number, acc: number[]): Generator<number[]> {
    if (++count > MAX_READINGS) return;
    if (k === 1) {
      if (rest.length === 1 || rest[0] !== '0') yield [...acc, Number(rest)];
      return;
    }
    for (let len = 1; len <= rest.length - (k - 1); len++) {
      const head = rest.slice(0, len);
      if (len > 1 && head[0] === '0') break;
      yield* cut(rest.slice(len), k - 1, [...acc, Number(head)]);
    }
  }
  yield* cut(digits, n, []);
}

type Term = { key: string; sign: number };

/** Propagates single-unknown identities; fails on a contradiction that involves the unit's cells. */
function solve(identities: Term[][], known: Known, keys: string[], reading: (number | undefined)[]): number[] | 'inconsistent' | 'open' {
  // The reading and what it implies, over the table's known cells (the unit's own cells start unknown).
  const local = new Map<string, number | undefined>(keys.map((k, i) => [k, reading[i]]));
  const value = (k: string) => (local.has(k) ? local.get(k) : known.get(k));
  for (let changed = true; changed; ) {
    changed = false;
    for (const terms of identities) {
      let sum = 0;
      let unknown: Term | undefined;
      let unknowns = 0;
      for (const t of terms) {
        const v = value(t.key);
        if (v === undefined) {
          unknown = t;
          unknowns++;
        } else sum += v * t.sign;
      }
      if (unknowns > 1) continue;
      if (!unknown) {
        if (Math.abs(sum) > 1e-9) return 'inconsistent';
        continue;
      }
      const solved = -sum / unknown.sign + 0; // + 0 turns -0 into 0
      if (solved < 0 || !Number.isInteger(solved)) return 'inconsistent';
      local.set(unknown.key, solved);
      changed = true;
    }
  }
  const out = keys.map(value);
  return out.every((v) => v !== undefined) ? (out as number[]) : 'open';
}
