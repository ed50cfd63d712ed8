/** The Report JSON contract (see FORMAT.md); the Finding every stage emits is declared with the document model. */
import type { Finding, SourcePlace } from '../document/finding.ts';
import type { SourceInfo } from '../document/model.ts';
import type { AgencyLevelId } from '../format/levels.ts';
import type { FormatVersionId, TableId } from '../format/types.ts';
import type { CellValue } from '../text/values.ts';
import type { Versions } from './version.ts';

export type { CellValue } from '../text/values.ts';
export type { Finding, Severity, Origin, Place, SourcePlace, CellAddress, RuleMeta } from '../document/finding.ts';

export type Table2Json = Record<string, CellValue | Record<string, CellValue>>;
export type Table3Json = Record<string, CellValue[]>;
export type Table4Json = Record<string, Record<string, CellValue>>;

/** A paragraph of prose with its place, so findings about a sentence can point at it. */
export interface ParagraphJson {
  text: string;
  source?: SourcePlace;
}

export interface SectionJson {
  number: string;
  title: string;
  /** The section's prose (tables left out), paragraphs joined by newlines. */
  text: string;
  /** Where the heading stands. */
  source?: SourcePlace;
  paragraphs: ParagraphJson[];
}

/** Where a cell was read, and how: `recovered` cells were inferred from the template arithmetic. */
export type CellProvenance = (SourcePlace | { medium?: undefined }) & {
  status?: 'recovered' | 'text' | 'unknown';
  /** The source text when it was not a plain number. */
  raw?: string;
};

/** The agency's level and how it is known: inferred from its name, or declared in a roster. */
export interface AgencyLevelJson {
  id: AgencyLevelId;
  source: 'inferred' | 'declared';
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
  /** Absent or null when neither the name nor a roster says (deadline and fee checks then use the most lenient level). */
  level?: AgencyLevelJson | null;
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
