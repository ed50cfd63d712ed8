/**
 * The plain data the pages show: what the views are pure functions of. The server's data interface (src/server/data.ts)
 * returns these shapes.
 */
import type { Finding, Report } from '../report/types.ts';
export type { RosterRow } from '../roster/index.ts';

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

/** A region with its report count (every year, sub-regions included); id 0 gathers the agencies with no region. */
export interface RegionNode {
  id: number;
  name: string;
  kind: string;
  reports: number;
  children: RegionNode[];
}

/** A measure of src/format summed over a region: the count, and what a share of it is taken of. */
export interface MeasureSum {
  count: number | null;
  base: number | null;
}

/** One ranking of a region's members, as far as the page shows it. */
export interface DashboardRanking {
  id: string;
  name: string;
  share: boolean;
  rows: { rank: number; agency: string; reportId: number; value: number }[];
}

/** A member report of the year with its values by ranking id (null: blank, the ranking leaves it out). */
export interface MemberRow {
  reportId: number;
  agency: string;
  region: string | null;
  level: string | null;
  values: Record<string, number | null>;
  errors: number;
  warnings: number;
}

/** A region in a year: its members' tables summed, year-by-year measures, its members compared, the tree below. */
export interface RegionDashboard {
  region: { id: number; name: string; path: string[]; kind: string };
  /** The year shown; null when the region has no report of any year. */
  year: number | null;
  /** Every year the region has reports of, oldest first. */
  years: number[];
  /** Format version of the year's tables. */
  format: string;
  /** How many reports were summed. */
  reports: number;
  /** Agencies in the region or under it with no report of the year. */
  missing: { name: string; level: string | null; region: string | null; lastYear: number | null }[];
  /** Every cell of the year's tables summed (blank when every member left it blank), and how many members filled it. */
  rollup: { key: string; label: string; sum: number | null; filled: number; reported: number }[];
  trend: { year: number; reports: number; measures: Record<string, MeasureSum> }[];
  /** Measure and ranking names, by id (from src/format). */
  measures: { id: string; name: string; counts: string; base: string | null }[];
  members: MemberRow[];
  rankings: DashboardRanking[];
  children: { id: number; name: string; kind: string; yearReports: number; reports: number }[];
  agencies: { total: number; offset: number; limit: number; items: { name: string; level: string | null; reports: number; reportId: number | null }[] };
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

/** A store answer as a table: named columns and plain rows (the same shape the CSV and JSON exports carry). */
export interface DataTable<R extends Record<string, string | number | null> = Record<string, string | number | null>> {
  columns: { key: string; label: string; kind?: 'text' | 'number' | 'share' }[];
  rows: R[];
}

/** A roster file's faulty row: its line in the file and why. */
export interface RosterProblem {
  line: number;
  message: string;
}

/** What importing a roster file did: how many agencies it declared, or every faulty row (and nothing written). */
export type RosterImport = { count: number; problems?: undefined } | { count?: undefined; problems: RosterProblem[] };

/**
 * Reports of one year against the roster: agencies without a report (agency, region, level, parent) and reports
 * published after their deadline (agency, region, days late, publication date, deadline; `report_id` links them).
 */
export interface Deadlines {
  year: number;
  missing: DataTable;
  late: DataTable;
}
