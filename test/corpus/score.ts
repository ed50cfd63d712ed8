/**
 * Scores a Report against a hand-transcribed fragment expectation (../shared/corpus/fragments/NNN.json).
 *
 * Every expected cell counts once: matched when the Report holds the same value (numbers equal, strings verbatim,
 * blank = null). Text in a number cell is kept verbatim in the fragments; the Report keeps it verbatim in the cell's
 * provenance (`raw`) and puts in the cell only what it certainly means, so such a cell matches on its `raw`. A cell the Report holds but the expectation lacks is invented, with one exception: the expectation
 * omits rows the copy cut mid-row, so the cells of a row the reader itself found incomplete (any of its cells with
 * provenance status "unknown", or "recovered" from the template arithmetic, each with a finding that says so) are not
 * counted: the reader did not claim to have read them.
 */
import type { Report } from '../../src/report/types.ts';

export interface FragmentScore {
  expected: number;
  matched: number;
  invented: string[];
  wrong: { path: string; expected: unknown; actual: unknown }[];
}

type Cells = Map<string, unknown>;

/** The fragments' key for the 2019 table 三 （六）其他处理 row, and the Report's. */
const KEY_MAP: Record<string, string> = { 'table3.other_total': 'table3.other_processing' };
const TABLES = ['table2', 'table3', 'table4'] as const;

export function scoreFragment(expected: Record<string, unknown>, report: Report): FragmentScore {
  const want = flattenTables(expected, true);
  const got = flattenTables(report as unknown as Record<string, unknown>, false);
  const score: FragmentScore = { expected: want.size, matched: 0, invented: [], wrong: [] };
  for (const [path, value] of want) {
    const actual = got.has(path) ? got.get(path) : undefined;
    const verbatim = typeof value === 'string' && value !== '/' && report.provenance[path]?.raw === value;
    if ((got.has(path) && Object.is(actual, value)) || verbatim) score.matched++;
    else score.wrong.push({ path, expected: value, actual });
  }
  const incompleteRows = new Set(Object.entries(report.provenance)
    .filter(([, p]) => p.status === 'unknown' || p.status === 'recovered').map(([path]) => rowOf(path)));
  for (const path of got.keys()) {
    if (!want.has(path) && !incompleteRows.has(rowOf(path))) score.invented.push(path);
  }
  return score;
}

const rowOf = (path: string) => path.split('.').slice(0, 2).join('.');

function flattenTables(source: Record<string, unknown>, mapKeys: boolean): Cells {
  const cells: Cells = new Map();
  for (const table of TABLES) {
    const rows = source[table];
    if (!rows || typeof rows !== 'object') continue;
    for (const [row, value] of Object.entries(rows)) {
      const base = `${table}.${row}`;
      flattenRow(mapKeys ? KEY_MAP[base] ?? base : base, value, cells);
    }
  }
  return cells;
}

function flattenRow(path: string, value: unknown, cells: Cells): void {
  if (Array.isArray(value)) value.forEach((v, i) => cells.set(`${path}.${i}`, v));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) cells.set(`${path}.${k}`, v);
  } else cells.set(path, value);
}
