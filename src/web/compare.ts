/**
 * Two reports of one agency compared: every statutory cell (the earlier year, the later one, the difference and the
 * percentage change), table 三's carry-over continuity, and each section's narrative word by word. Blank is not zero:
 * a blank cell is compared with nothing, and a percentage needs a positive base. Pure: reports in, plain data out;
 * the compare page, its JSON and its CSV are views of this.
 */
import { diffArrays } from 'diff';
import { rowKeys, SECTIONS, TABLE3_CARRY, TABLE_IDS, tableName, type FormatVersionId, type TableId } from '../format/index.ts';
import { cellLabel, cellsOf, rowDef, tableDefOf, valueAt } from '../report/cells.ts';
import type { Report } from '../report/types.ts';
import { segments } from '../text/segment.ts';

/** What a report's cell holds: a number, nothing (blank), "/", no such cell in that report, or a cell not read. */
export type CellState = 'number' | 'blank' | 'slash' | 'absent' | 'unread';

export interface Side {
  state: CellState;
  value: number | null;
}

export interface CellComparison {
  /** Report JSON path, e.g. "table3.granted.6". */
  key: string;
  row: string;
  /** 表三·（一）予以公开·总计 */
  label: string;
  then: Side;
  now: Side;
  /** now − then, when both are numbers. */
  delta: number | null;
  /** The change in per cent of the earlier value, one decimal; only when both are numbers and the earlier is > 0
   * (and the column is not itself a change). */
  percent: number | null;
  /** Both years state something comparable (a number, blank or "/") and it differs. */
  changed: boolean;
}

export interface TableComparison {
  id: TableId;
  name: string;
  /** The format each year's table was read with; null when that report has no such table. */
  versions: { then: FormatVersionId | null; now: FormatVersionId | null };
  /** In the template order of the later year's table (the earlier year's when the later has none). */
  cells: CellComparison[];
  changed: number;
}

export interface CarryColumn {
  column: string;
  /** The later year's 上年结转. */
  over: Side;
  /** The earlier year's 结转下年度继续办理. */
  forward: Side;
  /** null when either is not a number: nothing to compare. */
  agree: boolean | null;
}

export interface CarryOver {
  /** The two rows' labels as the templates print them. */
  over: string;
  forward: string;
  columns: CarryColumn[];
}

export type WordPart = { op: 'same' | 'added' | 'removed'; text: string };

export interface SectionComparison {
  number: string;
  title: string;
  /** too-long: more segments than compared word by word; too-different: more edits than that. */
  status: 'same' | 'changed' | 'too-long' | 'too-different' | 'absent';
  /** Whether each year's report has the section at all (a missing one compares as empty text). */
  present: { then: boolean; now: boolean };
  /** Segments (words, punctuation, spaces) of each year's text. */
  segments: { then: number; now: number };
  parts: WordPart[];
}

export interface Comparison {
  tables: TableComparison[];
  /** Absent when the years are not consecutive or either report has no table 三. */
  carryOver?: CarryOver;
  sections: SectionComparison[];
}

/** One side of a comparison: the year and its report. */
export interface YearReport {
  year: number;
  reportId: number;
}

export interface CompareView {
  agency: string;
  /** The years the agency has reports for, latest first. */
  years: number[];
  then: YearReport;
  now: YearReport;
  comparison: Comparison;
}

/** Bounds on the word diff, so that a long or rewritten section costs a bounded time (Myers: O((N+M)·D)). */
export const WORD_DIFF_LIMITS = { segments: 3000, edits: 500 };

export function compareReports(then: Report, now: Report, limits = WORD_DIFF_LIMITS): Comparison {
  return {
    tables: TABLE_IDS.map((id) => compareTable(then, now, id)),
    carryOver: carryOver(then, now),
    sections: SECTIONS.map((s) => compareSection(s.number, s.title, then, now, limits)),
  };
}

function sideOf(report: Report, key: string): Side {
  if (report.provenance[key]?.status === 'unknown') return { state: 'unread', value: null };
  const v: unknown = valueAt(report, key);
  if (typeof v === 'number') return { state: 'number', value: v };
  if (v === null) return { state: 'blank', value: null };
  if (v === '/') return { state: 'slash', value: null };
  // No such cell; or, across formats, a row of another shape under the same path (2019's 行政许可 has columns).
  return { state: 'absent', value: null };
}

const COMPARABLE = new Set<CellState>(['number', 'blank', 'slash']);
const decimals = (n: number) => (String(n).split('.')[1] ?? '').length;

/** `perCent`: false for a column that is itself a change (2019's 本年增/减), whose change in per cent means nothing. */
export function compareCell(then: Side, now: Side, perCent = true): Pick<CellComparison, 'delta' | 'percent' | 'changed'> {
  const changed = COMPARABLE.has(then.state) && COMPARABLE.has(now.state) && (then.state !== now.state || then.value !== now.value);
  if (then.value === null || now.value === null) return { delta: null, percent: null, changed };
  // Rounded to the decimals the values have: 125.04 − 100.5 is 24.54, not 24.540000000000006.
  const delta = Number((now.value - then.value).toFixed(Math.max(decimals(then.value), decimals(now.value))));
  const percent = perCent && then.value > 0 ? Math.round((delta / then.value) * 1000) / 10 : null;
  return { delta, percent, changed };
}

function compareTable(then: Report, now: Report, id: TableId): TableComparison {
  const [thenDef, nowDef] = [tableDefOf(then, id), tableDefOf(now, id)];
  const def = nowDef ?? thenDef;
  const cells = (def ? cellsOf(def) : []).map((cell): CellComparison => {
    const sides = { then: sideOf(then, cell.key), now: sideOf(now, cell.key) };
    return { key: cell.key, row: cell.row.id, label: cellLabel(cell), ...sides, ...compareCell(sides.then, sides.now, cell.column.kind !== 'change') };
  });
  return {
    id,
    name: tableName(id),
    versions: { then: thenDef?.version ?? null, now: nowDef?.version ?? null },
    cells,
    changed: cells.filter((c) => c.changed).length,
  };
}

/**
 * The later year's 上年结转 against the earlier year's 结转下年度, column by column (the carried-over rule's rows);
 * only for consecutive years: 2024's carry-over is 2023's carry-forward, not 2021's.
 */
function carryOver(then: Report, now: Report): CarryOver | undefined {
  if (then.year === null || now.year !== then.year + 1) return undefined;
  const [thenDef, nowDef] = [tableDefOf(then, 'table3'), tableDefOf(now, 'table3')];
  const over = nowDef && rowDef(nowDef, TABLE3_CARRY.over);
  const forward = thenDef && rowDef(thenDef, TABLE3_CARRY.forward);
  if (!over || !forward) return undefined;
  const [overKeys, forwardKeys] = [rowKeys(nowDef!, over.id), rowKeys(thenDef!, forward.id)];
  const columns = over.columns.map((column, i): CarryColumn => {
    const o = sideOf(now, overKeys[i]);
    const f = sideOf(then, forwardKeys[i]);
    return { column: column.label, over: o, forward: f, agree: o.value === null || f.value === null ? null : o.value === f.value };
  });
  return { over: over.label, forward: forward.label, columns };
}

function compareSection(number: string, title: string, then: Report, now: Report, limits: typeof WORD_DIFF_LIMITS): SectionComparison {
  const [was, is] = [then.sections.find((s) => s.number === number), now.sections.find((s) => s.number === number)];
  const base = { number, title: is?.title ?? was?.title ?? title, present: { then: Boolean(was), now: Boolean(is) } };
  if (!was && !is) return { ...base, status: 'absent', segments: { then: 0, now: 0 }, parts: [] };
  const [a, b] = [segments(was?.text ?? ''), segments(is?.text ?? '')];
  const counts = { then: a.length, now: b.length };
  if (was?.text === is?.text) return { ...base, status: 'same', segments: counts, parts: is!.text ? [{ op: 'same', text: is!.text }] : [] };
  if (a.length > limits.segments || b.length > limits.segments) return { ...base, status: 'too-long', segments: counts, parts: [] };
  const changes = diffArrays(a, b, { maxEditLength: limits.edits });
  if (!changes) return { ...base, status: 'too-different', segments: counts, parts: [] };
  const parts = changes.map((c): WordPart => ({ op: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value.join('') }));
  return { ...base, status: 'changed', segments: counts, parts };
}

/** Shown parts for the differences-only view: a long unchanged run keeps `context` characters beside each change. */
export type ShownPart = WordPart | { op: 'gap' };

export function elideSame(parts: WordPart[], context = 40): ShownPart[] {
  return parts.flatMap((part, i): ShownPart[] => {
    const chars = Array.from(part.text);
    const keepHead = i > 0 ? context : 0;
    const keepTail = i < parts.length - 1 ? context : 0;
    if (part.op !== 'same' || chars.length <= keepHead + keepTail + 1) return [part];
    const head = chars.slice(0, keepHead).join('');
    const tail = chars.slice(chars.length - keepTail).join('');
    const kept = (text: string): ShownPart[] => (text ? [{ op: 'same', text }] : []);
    return [...kept(head), { op: 'gap' }, ...kept(tail)];
  });
}
