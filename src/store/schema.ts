/**
 * The database as Kysely sees it. Cells are rows keyed by their Report JSON path ("table3.granted.6"), described by
 * `cell_def`, which is filled from src/format on every open: a row added to the format needs no new column.
 */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { CellProvenance, Finding, Report } from '../report/types.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type RegionKind = 'province' | 'city' | 'county' | 'township';
export type ReviewState = 'open' | 'confirmed' | 'dismissed';

export interface RegionTable {
  id: Generated<number>;
  name: string;
  parent_id: number | null;
  kind: RegionKind;
}

export interface AgencyTable {
  id: Generated<number>;
  name: string;
  /** The loose key of the name (src/roster agencyKey): what aliases resolve to. */
  key: string;
  /** The key without its leading places, to recognise 淮安市洪泽区人民政府 as 洪泽区人民政府. */
  core: string;
  region_id: number | null;
  level: string | null;
  /** 'declared' by a roster or flag, 'inferred' from the name. */
  level_source: string | null;
  /** The parent agency's name as a roster declares it (上级); null when none was declared. */
  parent: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AgencyAliasTable {
  key: string;
  name: string;
  agency_id: number;
}

export interface BlobTable {
  sha256: string;
  size: number;
  bytes: Uint8Array;
}

export interface ReportTable {
  id: Generated<number>;
  agency_id: number;
  year: number | null;
}

export interface ReportVersionTable {
  id: Generated<number>;
  report_id: number;
  version: number;
  sha256: string;
  /** The file's path or name as imported. */
  path: string;
  format_version: string;
  published: string | null;
  title: string | null;
  is_current: boolean;
  imported_at: Generated<Timestamp>;
  body: JSONColumnType<Report>;
  search: ColumnType<string, unknown, unknown>;
}

export interface CellTable {
  version_id: number;
  key: string;
  /** The number; null for a blank or "/" cell (blank is not zero). */
  num: number | null;
  /** "/" when the cell says so; null otherwise. */
  mark: string | null;
  /** How the value was obtained: null when read as printed, else 'recovered' | 'text' | 'unknown'. */
  status: string | null;
  place: JSONColumnType<CellProvenance> | null;
}

export interface CellDefTable {
  format_version: string;
  key: string;
  table_id: string;
  row_id: string;
  col: number;
  label: string;
}

export interface FindingTable {
  id: Generated<number>;
  version_id: number;
  /** 'report' for the report's own rules, 'pair' for the cross-year rules (replaced when a neighbour year changes). */
  scope: 'report' | 'pair';
  seq: number;
  rule: string;
  severity: string;
  origin: string;
  message: string;
  fingerprint: string;
  detail: JSONColumnType<Finding>;
}

export interface ReviewTable {
  report_id: number;
  fingerprint: string;
  state: ReviewState;
  reviewer: string | null;
  comment: string | null;
  at: Generated<Timestamp>;
}

/** Every review ever set, oldest first: `review` holds only the latest. */
export interface ReviewLogTable extends ReviewTable {
  id: Generated<number>;
}

export interface UnreadableTable {
  sha256: string;
  path: string;
  code: string;
  message: string;
  message_en: string;
  at: Generated<Timestamp>;
}

/** A 依申请公开 application, written once with its receipt (the `received` event repeated for lists and look-ups). */
export interface LedgerApplicationTable {
  id: Generated<number>;
  agency_id: number;
  /** The agency's own number for it (src/ledger Application.id). */
  number: string;
  /** The day of receipt (条例第三十一条), ISO. */
  received: string;
  channel: string;
  applicant_type: string;
  applicant: string;
  request: string;
}

/** One ledger event (src/ledger LedgerEvent without type, by and at), in recorded order; never updated or deleted. */
export interface LedgerEventTable {
  id: Generated<number>;
  application_id: number;
  seq: number;
  kind: string;
  payload: JSONColumnType<Record<string, unknown>>;
  recorded_by: string;
  /** When the store recorded it (its own clock, set on insert). */
  recorded_at: Timestamp;
}

/** Table 二 of a ledger's report as entered for a year (Report JSON `table2`); the latest row is current, none is changed. */
export interface LedgerTable2Table {
  id: Generated<number>;
  agency_id: number;
  year: number;
  values: JSONColumnType<Record<string, unknown>>;
  recorded_by: string;
  /** When the store recorded it (its own clock, set on insert). */
  recorded_at: Timestamp;
}

export interface Database {
  region: RegionTable;
  agency: AgencyTable;
  agency_alias: AgencyAliasTable;
  blob: BlobTable;
  report: ReportTable;
  report_version: ReportVersionTable;
  cell: CellTable;
  cell_def: CellDefTable;
  finding: FindingTable;
  review: ReviewTable;
  review_log: ReviewLogTable;
  unreadable: UnreadableTable;
  ledger_application: LedgerApplicationTable;
  ledger_event: LedgerEventTable;
  ledger_table2: LedgerTable2Table;
}
