/** Label evidence beyond an exact match: a misspelt label's likeness to the template's, and labels only one table has. */
import { VERSIONS } from '../format/index.ts';
import type { TableDef } from '../format/types.ts';
import { splitLabel } from '../text/normalize.ts';

/** Share of both texts' characters a misspelt label must have in common, in order, with the template's. */
const MIN_LABEL_LIKENESS = 0.6;

/** A misspelt label: most characters of both in common, in order, and the same numbering when both have one. */
export function closeLabels(seen: string, label: string): boolean {
  const a = splitLabel(seen);
  const b = splitLabel(label);
  if (a.numbering.length && b.numbering.length && a.numbering.at(-1) !== b.numbering.at(-1)) return false;
  const common = commonSubsequence(a.core, b.core);
  return common >= 2 && common >= MIN_LABEL_LIKENESS * a.core.length && common >= MIN_LABEL_LIKENESS * b.core.length;
}

function commonSubsequence(a: string, b: string): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const ca of a) {
    const next = [0];
    for (let j = 0; j < b.length; j++) next.push(ca === b[j] ? prev[j] + 1 : Math.max(prev[j + 1], next[j]));
    prev = next;
  }
  return prev[b.length];
}

const distinct = new WeakMap<TableDef, Set<string>>();

/** Label cores of a table that no other statutory table uses. */
export function distinctiveCores(table: TableDef): Set<string> {
  if (!distinct.has(table)) distinct.set(table, computeDistinctive(table));
  return distinct.get(table)!;
}

function computeDistinctive(table: TableDef): Set<string> {
  const cores = (t: TableDef) => [...t.headers, ...t.rows.flatMap((r) => [r.label, ...(r.variants ?? [])])].map((l) => splitLabel(l).core);
  const others = new Set(VERSIONS.flatMap((v) => Object.values(v.tables)).filter((t) => t.id !== table.id).flatMap(cores));
  return new Set(cores(table).filter((c) => !others.has(c)));
}
