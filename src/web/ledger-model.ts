/**
 * What the ledger pages and API show of an agency's applications, computed from their events by src/ledger: one row
 * per application with its due date and status, in the order a clerk works (overdue first), and the filters on them.
 */
import {
  APPLICANT_COLUMNS, EVENT_NAMES, foldEvents, OUTCOME_ROWS, statusOf, STATUS_NAMES, WAITING_NAMES, type Application,
  type Calendar, type DueStatusId, type IsoDate,
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
export const STATUS_ORDER: readonly DueStatusId[] = ['overdue', 'due-soon', 'waiting', 'open', 'concluded'];

export const applicantLabel = (id: string | null | undefined) => APPLICANT_COLUMNS.find((c) => c.id === id)?.label ?? '';
/** A numbered leaf (1.属于国家秘密) needs its group (（三）不予公开) to be understood; a top row stands alone. */
export const outcomeGroup = (row: RowDef) => (/^\d/.test(row.label) ? row.group : undefined);
export const outcomeLabel = (id: string | null | undefined) => {
  const row = OUTCOME_ROWS.find((r) => r.id === id);
  return row ? `${outcomeGroup(row) ?? ''}${row.label}` : '';
};

export function ledgerRow(app: Application, today: IsoDate, cal: Calendar): LedgerRow {
  const { state } = foldEvents(app, cal);
  const s = statusOf(state, today, cal);
  const stage = state.concluded ? outcomeLabel(state.outcome) : s.waiting ? WAITING_NAMES[s.waiting.kind] : `待${EVENT_NAMES.replied}`;
  return {
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
}

export interface LedgerFilter {
  status?: DueStatusId;
  /** Year of receipt. */
  year?: number;
  applicantType?: string;
}

export function ledgerRows(apps: Application[], today: IsoDate, cal: Calendar, filter: LedgerFilter = {}): LedgerRow[] {
  return apps
    .map((a) => ledgerRow(a, today, cal))
    .filter((r) => !filter.status || r.status === filter.status)
    .filter((r) => !filter.year || r.received?.slice(0, 4) === String(filter.year))
    .filter((r) => !filter.applicantType || r.applicantType === filter.applicantType)
    .sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || (a.due ?? '9').localeCompare(b.due ?? '9') || a.id.localeCompare(b.id));
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
