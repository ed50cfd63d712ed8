/** The Report JSON contract (see FORMAT.md) and the Finding every stage emits. */
import type { SourceInfo, SourcePos } from '../document/model.ts';
import type { FormatVersionId, TableId } from '../format/types.ts';
import type { CellValue } from '../text/values.ts';
import type { Versions } from './version.ts';

export type { CellValue } from '../text/values.ts';
export type Severity = 'error' | 'warning' | 'info';

/** A problem found by any stage, shaped like a linter message: rule id, severity, message, place. */
export interface Finding {
  rule: string;
  severity: Severity;
  /** Chinese message naming the place and the numbers. */
  message: string;
  /** Source line (text, Markdown, HTML) or page (PDF) for compiler-style output. */
  line?: number;
  page?: number;
  /** Logical cells involved, as Report JSON paths ("table3.granted.6"). */
  cells?: string[];
  /** Full source position of the first thing pointed at. */
  pos?: SourcePos;
  expected?: number | string;
  actual?: number | string;
}

export type Table2Json = Record<string, CellValue | Record<string, CellValue>>;
export type Table3Json = Record<string, CellValue[]>;
export type Table4Json = Record<string, Record<string, CellValue>>;

/** A paragraph of prose with its place, so findings about a sentence can point at it. */
export interface ParagraphJson {
  text: string;
  line?: number;
  page?: number;
}

export interface SectionJson {
  number: string;
  title: string;
  /** The section's prose (tables left out), paragraphs joined by newlines. */
  text: string;
  line?: number;
  page?: number;
  paragraphs: ParagraphJson[];
}

/** Where a cell was read, and how: `recovered` cells were inferred from the template arithmetic. */
export interface CellProvenance extends SourcePos {
  status?: 'recovered' | 'text' | 'unknown';
  /** The source text when it was not a plain number. */
  raw?: string;
}

/** One report as read (and checked): the Report JSON contract of docs/report-json.md. */
export interface Report extends Versions {
  source: SourceInfo;
  agency: string | null;
  year: number | null;
  format_version: FormatVersionId | 'free';
  /** The template version each table's shape matches; differs from format_version in mixed reports. */
  table_versions: Partial<Record<TableId, FormatVersionId>>;
  published: string | null;
  title?: string;
  table2?: Table2Json;
  table3?: Table3Json;
  table4?: Table4Json;
  sections: SectionJson[];
  /** The prose before section 一: title, page metadata, the opening paragraph. */
  preamble: ParagraphJson[];
  provenance: Record<string, CellProvenance>;
  findings: Finding[];
}

/** What `parse --json` prints for an input that could not be read at all. */
export interface UnreadableReport extends Versions {
  source: { path: string };
  error: { code: string; message: string; message_en: string };
}
