/**
 * What the ledger pages and API show of an agency's applications, computed from their events by src/ledger: one row
 * per application with its due date and status, in the order a clerk works (overdue first), and the filters on them.
 */
import {
  APPLICANT_COLUMNS, asOf, byUrgency, EVENT_NAMES, foldEvents, OUTCOME_ROWS, statusOf, STATUS_NAMES, URGENCY, WAITING_NAMES,
  type Application, type Calendar, type DueStatus, type DueStatusId, type IsoDate,
} from '../ledger/index.ts';
import type { RowDef } from '../format/types.ts';

export interface LedgerRow {
  id: string;
  received: IsoDate | null;
  applicantType: string | null;
  /** Where the application stands: its outcome, what the clock waits for, or awaiting the reply. */
  state: string;
  due: IsoDate | null;
  status: DueStatusId;
  /** Working days left (negative when overdue); null when the clock is stopped or the application concluded. */
  remaining: number | null;
  concluded: IsoDate | null;
  /** Concluded after its due date. */
  late: boolean;
}

/** Overdue first, then due soon, paused, in progress, concluded. */
export const STATUS_ORDER = URGENCY;

export const applicantLabel = (id: string | null | undefined) => APPLICANT_COLUMNS.find((c) => c.id === id)?.label ?? '';
/** A numbered leaf (1.属于国家秘密) needs its group (（三）不予公开) to be understood; a top row stands alone. */
export const outcomeGroup = (row: RowDef) => (/^\d/.test(row.label) ? row.group : undefined);
export const outcomeLabel = (id: string | null | undefined) => {
  const row = OUTCOME_ROWS.find((r) => r.id === id);
  return row ? `${outcomeGroup(row) ?? ''}${row.label}` : '';
};

/** The application as it stood on `today` (events dated later not yet counted). */
export function ledgerRow(app: Application, today: IsoDate, cal: Calendar): LedgerRow {
  return rowOf(app, today, cal).row;
}

function rowOf(app: Application, today: IsoDate, cal: Calendar): { row: LedgerRow; status: DueStatus } {
  const { state } = foldEvents(asOf(app, today), cal);
  const s = statusOf(state, today, cal);
  const stage = state.concluded ? outcomeLabel(state.outcome) : s.waiting ? WAITING_NAMES[s.waiting.kind] : `待${EVENT_NAMES.replied}`;
  const row = {
    id: app.id,
    received: state.receipt ?? null,
    applicantType: state.applicantType ?? null,
    state: stage,
    due: s.due ?? null,
    status: s.status,
    remaining: s.status === 'concluded' ? null : (s.remaining ?? null),
    concluded: state.concluded ?? null,
    late: s.late ?? false,
  };
  return { row, status: s };
}

export interface LedgerFilter {
  status?: DueStatusId;
  /** Year of receipt. */
  year?: number;
  applicantType?: string;
  /** One application's number. */
  id?: string;
}

export function ledgerRows(apps: Application[], today: IsoDate, cal: Calendar, filter: LedgerFilter = {}): LedgerRow[] {
  return apps
    .map((a) => rowOf(a, today, cal))
    .filter(({ row: r }) => r.received !== null)
    .filter(({ row: r }) => !filter.status || r.status === filter.status)
    .filter(({ row: r }) => !filter.year || r.received?.slice(0, 4) === String(filter.year))
    .filter(({ row: r }) => !filter.applicantType || r.applicantType === filter.applicantType)
    .filter(({ row: r }) => !filter.id || r.id === filter.id)
    .sort((a, b) => byUrgency(a.status, b.status))
    .map(({ row }) => row);
}

export const statusLabel = (s: DueStatusId) => STATUS_NAMES[s];

/** A recorded time (ISO, any zone) as Beijing time: 2026-09-28 09:30. */
export function beijingTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(d);
  const p = (t: string) => parts.find((x) => x.type === t)!.value;
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}`;
}

/** Today in Beijing: the day deadlines are counted against. */
export function beijingToday(now = new Date()): IsoDate {
  return beijingTime(now.toISOString()).slice(0, 10);
}
