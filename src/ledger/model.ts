/**
 * The ledger of 依申请公开 (条例第四十五条: 登记、审核、办理、答复、归档): an application is its id and an append-only
 * list of events, each saying who recorded it and when. Nothing is overwritten; the state is a fold over the events
 * (events.ts). A store saves an application as a row and its events as rows in order.
 *
 * Applicant types and reportable outcomes are the table 三 columns and leaf rows of the statutory format, taken from
 * src/format; table 四 routes and results likewise.
 */
import { FORMAT_2021 } from '../format/index.ts';
import type { ColumnDef, RowDef, TableDef } from '../format/types.ts';
import type { IsoDate } from './day.ts';

const TABLE3 = FORMAT_2021.tables.table3;
const TABLE4 = FORMAT_2021.tables.table4;

/** The six applicant columns of table 三 (自然人 … 其他), without 总计. */
export const APPLICANT_COLUMNS: readonly ColumnDef[] = TABLE3.rows[0].columns.filter((c) => c.role !== 'total');

/** A table 三 definition's outcome rows: those its （七）总计 identity sums. */
export function outcomeRowsOf(table: TableDef): RowDef[] {
  const ids = table.identities.find((i) => i.id === 'table3-outcomes')!.rhs;
  return ids.map((id) => table.rows.find((r) => r.id === id)!);
}

/** The outcome rows of table 三 (（一）予以公开 … （六）3.其他): exactly one per concluded application. */
export const OUTCOME_ROWS: readonly RowDef[] = outcomeRowsOf(TABLE3);

/** Table 四 groups (行政复议, 未经复议直接起诉, 复议后起诉) and the result columns a decided case falls in. */
export const APPEAL_ROUTES: readonly RowDef[] = TABLE4.rows;
export const APPEAL_RESULTS: readonly ColumnDef[] = TABLE4.rows[0].columns.filter((c) => c.role !== 'total' && c.id !== 'pending');

/** A table 三 column id (natural_person …). */
export type ApplicantType = string;
/** A table 三 outcome row id (granted, partially_granted, denied_state_secret …). */
export type Outcome = string;
/** A table 四 group id (review, litigation_direct, litigation_after_review). */
export type AppealRoute = string;
/** A table 四 result column id (upheld, corrected, other). */
export type AppealResult = string;

/**
 * How an application came in; 条例第三十一条 fixes the day of receipt for each: in person, the day it is handed in;
 * by post, the day the agency signs for it; by ordinary letter needing no signature, the day the agency confirms it
 * with the applicant; online or by fax, the day both sides confirm it.
 */
export const CHANNELS = {
  in_person: { label: '当面', receipt: 'submitted' },
  post: { label: '邮寄', receipt: 'signed' },
  ordinary_mail: { label: '平常信函', receipt: 'confirmed' },
  online: { label: '网络', receipt: 'confirmed' },
  fax: { label: '传真', receipt: 'confirmed' },
} as const satisfies Record<string, { label: string; receipt: 'submitted' | 'signed' | 'confirmed' }>;
export type Channel = keyof typeof CHANNELS;

/** Who recorded an event and when (ISO date-time): the audit trail. */
export interface Recorded {
  by: string;
  at: string;
}

export interface Received extends Recorded {
  type: 'received';
  channel: Channel;
  /** The day the applicant handed in, posted or sent it. */
  submitted: IsoDate;
  /** 邮寄: the day the agency signed for it. */
  signed?: IsoDate;
  /** 平常信函, 网络, 传真: the day the receipt was confirmed with the applicant. */
  confirmed?: IsoDate;
  applicantType: ApplicantType;
  /** The applicant as the agency identifies them (for the per-month fee count); not reported. */
  applicant: string;
  request: string;
}

/** Dated events: `date` is the day it happened, which may be earlier than the day it was recorded. */
interface Dated extends Recorded {
  date: IsoDate;
}

/** 条例第三十条: a one-time notice to correct an unclear request, within 7 working days of receipt. */
export interface CorrectionRequested extends Dated {
  type: 'correction_requested';
  /** The reasonable time limit the notice gives. */
  until?: IsoDate;
  items?: string;
}
/** The corrected request: the reply period starts again from this day. */
export interface CorrectionReceived extends Dated { type: 'correction_received' }
/** No correction without good reason: treated as given up (（六）1). */
export interface CorrectionLapsed extends Dated { type: 'correction_lapsed' }

/** 条例第三十二条 (third party) and 第三十四条 (another agency): 15 working days to reply, not counted in the limit. */
export interface ConsultationStarted extends Dated {
  type: 'consultation_started';
  party: 'third_party' | 'other_agency';
  name?: string;
}
export interface ConsultationEnded extends Dated { type: 'consultation_ended' }

/** 条例第三十三条第二款: approved by the head of the disclosure office, at most 20 more working days. */
export interface Extended extends Dated {
  type: 'extended';
  days: number;
  approvedBy: string;
}

/** 国办函〔2020〕109号: a fee per application (the applicant's n-th in the month) or per page. */
export interface FeeNotified extends Dated {
  type: 'fee_notified';
  basis: 'per_application' | 'per_page';
  /** per_application: the ordinal of this application among the applicant's in the calendar month; per_page: pages. */
  quantity: number;
  /** Yuan; must equal the bands (fees.ts). */
  amount: number;
}
export interface FeePaid extends Dated { type: 'fee_paid' }
/** Not paid within the time: the agency no longer processes it (（六）2). */
export interface FeeLapsed extends Dated { type: 'fee_lapsed' }

/** The applicant withdrew the application (（六）3 其他). */
export interface Withdrawn extends Dated { type: 'withdrawn' }

/** The reply, with the one table 三 outcome row it is reported under. */
export interface Replied extends Dated {
  type: 'replied';
  outcome: Outcome;
}

/** A 行政复议 or 行政诉讼 about this application; `caseId` ties the decision to its filing. */
export interface AppealFiled extends Dated {
  type: 'appeal_filed';
  caseId: string;
  route: AppealRoute;
}
export interface AppealDecided extends Dated {
  type: 'appeal_decided';
  caseId: string;
  result: AppealResult;
}

export type LedgerEvent =
  | Received | CorrectionRequested | CorrectionReceived | CorrectionLapsed | ConsultationStarted | ConsultationEnded
  | Extended | FeeNotified | FeePaid | FeeLapsed | Withdrawn | Replied | AppealFiled | AppealDecided;

export type EventType = LedgerEvent['type'];

/** One application: its id and its events in the order they were recorded. */
export interface Application {
  id: string;
  events: LedgerEvent[];
}

/** An event's business date (for `received`, the day of receipt under 条例第三十一条, when it can be known). */
export function eventDate(e: LedgerEvent): IsoDate | undefined {
  return e.type === 'received' ? receiptDate(e) : e.date;
}

/** The day of receipt under 条例第三十一条. */
export function receiptDate(e: Received): IsoDate | undefined {
  const rule = CHANNELS[e.channel]?.receipt;
  return rule ? e[rule] : undefined;
}

/** Outcomes an event implies by itself (the agency stops processing): 2021 table 三 （六）1–3. */
export const IMPLIED_OUTCOMES: Partial<Record<EventType, Outcome>> = {
  correction_lapsed: 'other_overdue_correction',
  fee_lapsed: 'other_overdue_fee',
  withdrawn: 'other_other',
};

/** Outcomes a reply may state: all but those only their own event brings (（六）1, 2); （六）3 其他 may be either. */
export const REPLY_OUTCOME_ROWS: readonly RowDef[] = OUTCOME_ROWS.filter(
  (r) => r.id === IMPLIED_OUTCOMES.withdrawn || !Object.values(IMPLIED_OUTCOMES).includes(r.id),
);

/** Time the reply limit does not run: a consultation (capped at its 15 working days) or a fee awaiting payment. */
export interface Pause {
  kind: 'consultation' | 'fee';
  from: IsoDate;
  to?: IsoDate;
  /** Working days the pause may count at most. */
  cap?: number;
}

export interface AppealCase {
  caseId: string;
  route: AppealRoute;
  filed: IsoDate;
  result?: AppealResult;
  decided?: IsoDate;
}

export interface FeeRecord {
  notified: IsoDate;
  basis: FeeNotified['basis'];
  quantity: number;
  amount: number;
  paid?: IsoDate;
  lapsed?: IsoDate;
}

/** What the events say about an application now (events.ts folds them). */
export interface ApplicationState {
  id: string;
  received?: Received;
  /** The day of receipt (条例第三十一条). */
  receipt?: IsoDate;
  applicantType?: ApplicantType;
  /** The day the reply period runs from: receipt, or the day the corrected request came in. */
  clockStart?: IsoDate;
  correction?: { requested: IsoDate; until?: IsoDate; received?: IsoDate; lapsed?: IsoDate };
  pauses: Pause[];
  extensionDays: number;
  /** The day the latest extension was approved: no conclusion may predate it. */
  extended?: IsoDate;
  fees: FeeRecord[];
  /** The one table 三 outcome row, once concluded. */
  outcome?: Outcome;
  concluded?: IsoDate;
  appeals: AppealCase[];
}
