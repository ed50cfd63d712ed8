/**
 * What the web app needs from storage, and nothing more: the pages and the API are written against this interface,
 * and the store (src/store) provides it. Everything here is plain data, so the views stay pure functions of it.
 */
import type { Application, BuildResult, IsoDate, LedgerEvent, LedgerIssue, Received } from '../ledger/index.ts';
import type { Table2Json } from '../report/types.ts';
import type {
  AgencyYears, DataTable, Deadlines, ImportResult, Overview, RegionDashboard, RegionNode, ReportDetail, ReportSummary, ReviewStatus, RosterImport,
  RosterRow, SourceFile,
} from '../web/model.ts';

export type * from '../web/model.ts';

export interface ReportFilter {
  region?: string;
  year?: number;
  agency?: string;
  level?: string;
  format?: string;
  /** Only reports with (true) or without (false) error findings. */
  hasErrors?: boolean;
  rule?: string;
  /** Full-text search over the narrative. */
  q?: string;
  limit: number;
  offset: number;
}

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export interface ReviewInput {
  status: ReviewStatus;
  comment: string;
  by: string;
}

export interface WebData {
  listReports(filter: ReportFilter): Promise<{ total: number; items: ReportSummary[] }>;
  getReport(id: number): Promise<ReportDetail | undefined>;
  /** false when the report or the finding does not exist. */
  reviewFinding(reportId: number, findingKey: string, review: ReviewInput): Promise<boolean>;
  /** Runs the checks again on the stored current version; reviews stay with their findings. false: no such report. */
  recheck(reportId: number): Promise<boolean>;
  /** Reads, checks and stores uploaded files (read in isolated workers), one result per file in order. */
  importFiles(files: UploadedFile[]): Promise<ImportResult[]>;
  overview(): Promise<Overview>;
  regionTree(): Promise<RegionNode[]>;
  /** A region's dashboard for a year (default its latest), its own agencies a page at a time; undefined: no such region. */
  regionDashboard(id: number, year: number | undefined, agencies: { limit: number; offset: number }): Promise<RegionDashboard | undefined>;
  agencyYears(agency: string): Promise<AgencyYears | undefined>;
  sourceFile(reportId: number): Promise<SourceFile | undefined>;
  /** Every agency with its aliases, region, level and parent: the columns of `xxgk roster export`. */
  roster(): Promise<DataTable<RosterRow>>;
  /** Declares the agencies of a roster CSV's text; a file with any faulty row writes nothing and lists every such row. */
  importRoster(text: string): Promise<RosterImport>;
  /** The year's reports against the roster: agencies without one, and reports published after their deadline. */
  deadlines(year: number): Promise<Deadlines>;
  /** The 依申请公开 ledgers. */
  ledger: LedgerData;
}

/** A write to the ledger: refused (not recorded) when a rule says error; warnings are recorded with the event. */
export interface LedgerWrite {
  accepted: boolean;
  issues: Pick<LedgerIssue, 'code' | 'severity' | 'zh' | 'en'>[];
}

/** Each agency's ledger of applications, every write checked by the ledger's rules (src/ledger). */
export interface LedgerData {
  /** Agencies that keep a ledger, in name order. */
  agencies(): Promise<string[]>;
  applications(agency: string): Promise<Application[]>;
  application(agency: string, id: string): Promise<Application | undefined>;
  /**
   * A new application from its receipt; refused with `duplicate-id` when the number is taken. `today` (Beijing) is the
   * day of the write: a date after it is recorded with a warning (the rules never read the clock themselves).
   */
  addApplication(agency: string, id: string, received: Received, today?: IsoDate): Promise<LedgerWrite>;
  appendEvent(agency: string, id: string, event: LedgerEvent, today?: IsoDate): Promise<LedgerWrite>;
  /** Records the agency's table 二 of `year` as entered (a new version; the earlier ones stay). */
  saveTable2(agency: string, year: number, table2: Table2Json, by: string): Promise<LedgerWrite>;
  /** The year's report built from the ledger and the latest table 二 entered (with last year's stored report as its starting point, when there is one). */
  draft(agency: string, year: number): Promise<BuildResult>;
}
