/**
 * The one Finding every stage emits (reading, extraction, checks), shaped like a linter message (vfile-message):
 * rule id, severity, origin, message, and one place — the logical cells and the source position. Whoever raises a
 * finding hands over the node's position or the cells' paths; `createFinding` derives everything else, so no stage
 * copies coordinates by hand.
 */
import { cellAddress, type CellAddress } from '../format/cells.ts';
import type { SourcePos } from './position.ts';

export type { CellAddress } from '../format/cells.ts';
export type Severity = 'error' | 'warning' | 'info';
/** Severities in the words findings are printed with. */
export const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
/** The stage that raised a finding. */
export type Origin = 'read' | 'extract' | 'check';
/** The kind of source a position points into. */
export type Medium = 'text' | 'html' | 'pdf' | 'docx';

/** A place in the source, one shape per medium. */
export type SourcePlace =
  | { medium: 'text'; line: number; column?: number }
  | { medium: 'html'; line: number; column?: number; table?: number; row?: number; cell?: number }
  | { medium: 'pdf'; page: number; x?: number; y?: number; ocr?: number }
  | { medium: 'docx'; paragraph?: number; table?: number; row?: number; cell?: number };

export interface Place {
  /** The logical cells involved, in the order the message names them. */
  cells?: CellAddress[];
  /** Where the first thing pointed at stands in the source. */
  source?: SourcePlace;
}

export interface Finding {
  rule: string;
  severity: Severity;
  origin: Origin;
  /** Chinese message naming the place and the numbers. */
  message: string;
  expected?: number | string;
  actual?: number | string;
  /** What was done about it, or a hint. */
  note?: string;
  /** Derived from `place.source` for compiler-style output (FORMAT.md's `line`); never set by hand. */
  line?: number;
  page?: number;
  place: Place;
}

/** A catalogue entry: what one rule id means, whichever stage emits it. */
export interface RuleMeta {
  /** Stable kebab-case id, printed in brackets and used to filter. */
  id: string;
  severity: Severity;
  origin: Origin;
  /** What the rule is checked against: `template`, `plausibility`, `reading`, or a law article. */
  basis: string;
  /** Short Chinese title. */
  title: string;
  /** Chinese description of what is found. */
  description: string;
  /** An example message, exactly as the rule prints it. */
  example: string;
}

/** A maker of catalogue entries for one stage and basis: `entry(id, severity, title, description, example)`. */
export function entriesOf(origin: Origin, basis: string) {
  return (id: string, severity: Severity, title: string, description: string, example: string): RuleMeta =>
    ({ id, severity, origin, basis, title, description, example });
}

/** What the raiser of a finding knows: the message, the cells' Report JSON paths, the node's place. */
export interface FindingInit {
  message: string;
  cells?: readonly string[];
  source?: SourcePlace;
  expected?: number | string;
  actual?: number | string;
  note?: string;
}

/** Stamps the catalogue entry's id, severity and origin on what a stage found, and derives line/page. */
export function createFinding(meta: RuleMeta, init: FindingInit): Finding {
  const finding: Finding = { rule: meta.id, severity: meta.severity, origin: meta.origin, message: init.message, place: {} };
  if (init.expected !== undefined) finding.expected = init.expected;
  if (init.actual !== undefined) finding.actual = init.actual;
  if (init.note !== undefined) finding.note = init.note;
  const source = init.source;
  if (source?.medium === 'pdf') finding.page = source.page;
  else if (source && 'line' in source) finding.line = source.line;
  if (init.cells?.length) finding.place.cells = init.cells.map(cellAddress);
  if (source) finding.place.source = source;
  return finding;
}

/** The source place of a reader's position in a document of the given medium. */
export function sourcePlace(medium: Medium, pos: SourcePos): SourcePlace | undefined {
  switch (medium) {
    case 'pdf':
      return pos.page === undefined ? undefined : pick({ medium, page: pos.page }, pos, ['x', 'y', 'ocr']);
    case 'docx':
      // DOCX paragraphs are numbered by `line` in the document model; table cells by table/row/cell.
      if (pos.table !== undefined || pos.row !== undefined) return pick({ medium }, pos, ['table', 'row', 'cell']);
      return pos.line === undefined ? undefined : { medium, paragraph: pos.line };
    case 'html':
      return pos.line === undefined ? undefined : pick({ medium, line: pos.line }, pos, ['column', 'table', 'row', 'cell']);
    default:
      return pos.line === undefined ? undefined : pick({ medium, line: pos.line }, pos, ['column']);
  }
}

function pick<T extends SourcePlace>(base: T, pos: SourcePos, keys: (keyof SourcePos)[]): T {
  const out = base as Record<string, unknown>;
  for (const k of keys) if (pos[k] !== undefined) out[k] = pos[k];
  return base;
}

/** A source place in words for messages: 第3页, 第12行, 第5段, 表2第4行, 第8行表1第3行; empty when unknown. */
export function placeWords(place: SourcePlace | undefined): string {
  if (!place) return '';
  switch (place.medium) {
    case 'pdf':
      return `第${place.page}页`;
    case 'docx':
      return place.table !== undefined ? tableRowWords(place.table, place.row) : place.paragraph !== undefined ? `第${place.paragraph}段` : '';
    case 'html':
      // A page is often one long line: the table and row say where on it.
      return `第${place.line}行${place.table !== undefined ? tableRowWords(place.table, place.row) : ''}`;
    default:
      return `第${place.line}行`;
  }
}

/** Tables and rows are counted from 0 in places and from 1 in words. */
function tableRowWords(table: number, row: number | undefined): string {
  return `表${table + 1}${row !== undefined ? `第${row + 1}行` : ''}`;
}
