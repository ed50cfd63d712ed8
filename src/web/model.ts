/**
 * The plain data the pages show: what the views are pure functions of. The server's data interface (src/server/data.ts)
 * returns these shapes.
 */
import type { Finding, Report } from '../report/types.ts';

export type ReviewStatus = 'open' | 'confirmed' | 'dismissed';
export type Severity = Finding['severity'];

/** One report in a list: the current version's facts and its finding counts. */
export interface ReportSummary {
  id: number;
  agency: string | null;
  region: string | null;
  level: string | null;
  year: number | null;
  format: string;
  errors: number;
  warnings: number;
  infos: number;
  /** File name or path as imported. */
  source: string;
  importedAt: string;
}

export interface ReviewState {
  status: ReviewStatus;
  by?: string | null;
  at?: string | null;
  comment?: string | null;
}

/** A finding of the current version with its review; `key` is stable across re-checks and identical re-imports. */
export interface FindingView {
  key: string;
  finding: Finding;
  review: ReviewState;
}

export interface VersionInfo {
  version: number;
  sha256: string;
  source: string;
  importedAt: string;
  current: boolean;
}

export interface ReportDetail {
  summary: ReportSummary;
  report: Report;
  findings: FindingView[];
  versions: VersionInfo[];
}

export interface Overview {
  reports: number;
  byYear: { year: number | null; count: number }[];
  byRegion: { region: string | null; count: number }[];
  bySeverity: { severity: Severity; count: number }[];
  byRule: { rule: string; count: number }[];
  recent: ReportSummary[];
}

export interface RegionNode {
  id: number;
  name: string;
  kind: string;
  agencies: { name: string; level: string | null; reports: number }[];
  children: RegionNode[];
}

export interface AgencyYears {
  agency: string;
  years: { year: number | null; reportId: number; errors: number }[];
}

export type ImportStatus = 'imported' | 'unchanged' | 'new-version' | 'unreadable';

export interface ImportResult {
  name: string;
  status: ImportStatus;
  reportId?: number;
  /** The reader's reason in Chinese, for an unreadable file. */
  error?: string;
}

export interface SourceFile {
  name: string;
  mediaType: string;
  bytes: Uint8Array;
}
