/**
 * The reply deadline (条例第三十三条): 20 working days from the day of receipt, not counting that day; from the day a
 * corrected request comes in when a 补正 was asked for (第三十条); plus an approved extension of at most 20 working
 * days; not counting the time consultations take (第三十二条、第三十四条, 15 working days each at most) nor the time from a
 * fee notice to its payment (国办函〔2020〕109号).
 *
 * @example
 *   deadlineOf(state, cal).due;                 // "2024-10-25"
 *   statusOf(state, '2024-10-21', cal);        // { status: 'due-soon', due: '2024-10-25', remaining: 4, … }
 */
import type { Calendar } from './calendar.ts';
import { addDays, yearOf, type IsoDate } from './day.ts';
import { FEE_PAYMENT_DAYS } from './fees.ts';
import { eventDate, type Application, type ApplicationState, type Pause } from './model.ts';

/** 条例第三十三条. */
export const REPLY_DAYS = 20;
export const MAX_EXTENSION_DAYS = 20;
/** 条例第三十二条、第三十四条. */
export const CONSULTATION_DAYS = 15;
/** 条例第三十条: the correction notice goes out within 7 working days of receipt. */
export const CORRECTION_NOTICE_DAYS = 7;
/** "Due soon" when this many working days or fewer are left. */
export const DUE_SOON_DAYS = 5;

export interface Deadline {
  /** The last day to reply; undefined while the clock is stopped, before receipt, or when no reply is owed. */
  due?: IsoDate;
  /** The open pause that stops the clock now (awaiting a correction, a consultation reply or a fee payment). */
  waiting?: { kind: 'correction' | Pause['kind']; since: IsoDate; until?: IsoDate };
  /** Working days the clock stood still (closed pauses, and consultations past their 15 working days). */
  excluded: number;
  /** Years the count ran through without holiday data: the due date may be too early. */
  uncoveredYears: number[];
}

/**
 * The deadline the state implies, as it stands on `asOf` when given: a consultation still open after its 15 working
 * days no longer stops the clock then (第三十二条 excludes those 15 days only), it counts as ended on its 15th day.
 * Without `asOf` an open pause stops the clock for as long as it is open.
 */
export function deadlineOf(state: ApplicationState, cal: Calendar, asOf?: IsoDate): Deadline {
  const start = state.clockStart;
  if (!start) return { excluded: 0, uncoveredYears: [] };
  const c = state.correction;
  // 逾期未补正: the application is deemed withdrawn (第三十条), so no reply is owed and there is no due date. Not the
  // correction's `until` either: that is the applicant's limit, and the lapse is always recorded after it, so taking it
  // as the reply deadline would call every lapse late.
  if (c?.lapsed) return { excluded: 0, uncoveredYears: [] };
  if (c && !c.received) {
    return { waiting: { kind: 'correction', since: c.requested, until: c.until }, excluded: 0, uncoveredYears: [] };
  }
  const pauses = state.pauses.map((p) => endedAtCap(p, cal, asOf));
  const { due, excluded } = runningDue(pauses.filter((p) => p.to), start, REPLY_DAYS + state.extensionDays, cal);
  // An open pause stops the clock only if it began while the clock still ran: one begun after the due date does not
  // hide an application that was already overdue.
  const open = pauses.find((p) => !p.to && p.from <= due);
  if (open) return { waiting: { kind: open.kind, since: open.from, until: pauseLimit(open, cal) }, excluded, uncoveredYears: [] };
  return { due, excluded, uncoveredYears: uncovered(start, due, cal) };
}

/**
 * The due date after `days` working days from `start` with the pauses left out: only pauses begun by the due date
 * count (a pause begun on the last day still does, the clock having not yet run out); counting them moves the due date
 * on, which may let a later pause count, so this repeats until the due date stays put.
 */
function runningDue(pauses: Pause[], start: IsoDate, days: number, cal: Calendar): { due: IsoDate; excluded: number } {
  let due = cal.addWorkingDays(start, days);
  for (;;) {
    const excluded = pausedDays(pauses.filter((p) => p.from <= due), start, cal);
    const next = cal.addWorkingDays(start, days + excluded);
    if (next === due) return { due, excluded };
    due = next;
  }
}

/** A consultation still open on `asOf` after its 15th working day, as ended on that day; any other pause as it is. */
function endedAtCap(p: Pause, cal: Calendar, asOf?: IsoDate): Pause {
  if (p.to || !asOf || p.kind !== 'consultation') return p;
  const limit = pauseLimit(p, cal);
  return asOf > limit ? { ...p, to: limit } : p;
}

/** The last day a pause may run: a consultation's 15 working days, a fee's 20 days to pay. */
function pauseLimit(p: Pause, cal: Calendar): IsoDate {
  return cal.addWorkingDays(p.from, p.kind === 'consultation' ? CONSULTATION_DAYS : FEE_PAYMENT_DAYS);
}

/**
 * Working days inside closed pauses after the clock start, each day once even when pauses overlap (two
 * consultations at the same time), a consultation counting at most its 15 working days.
 */
function pausedDays(pauses: Pause[], start: IsoDate, cal: Calendar): number {
  const days = new Set<IsoDate>();
  for (const p of pauses) {
    let counted = 0;
    for (let d = addDays(p.from > start ? p.from : start, 1); d <= p.to! && counted < (p.cap ?? Infinity); d = addDays(d, 1)) {
      if (!cal.isWorkingDay(d)) continue;
      counted++;
      days.add(d);
    }
  }
  return days.size;
}

function uncovered(from: IsoDate, to: IsoDate, cal: Calendar): number[] {
  const years: number[] = [];
  for (let y = yearOf(from); y <= yearOf(to); y++) if (!cal.covers(y)) years.push(y);
  return years;
}

export type DueStatusId = 'concluded' | 'waiting' | 'overdue' | 'due-soon' | 'open';

export interface DueStatus extends Deadline {
  id: string;
  status: DueStatusId;
  /** Working days left until the due date (negative when overdue). */
  remaining?: number;
  /** For a concluded application: whether it concluded after its due date. */
  late?: boolean;
}

/** Chinese names of the statuses, for lists and messages. */
export const STATUS_NAMES: Record<DueStatusId, string> = {
  concluded: '已办结', waiting: '中止计时', overdue: '已超期', 'due-soon': '即将到期', open: '办理中',
};
export const WAITING_NAMES: Record<NonNullable<Deadline['waiting']>['kind'], string> = {
  correction: '等待补正', consultation: '征求意见', fee: '等待缴费',
};

/** Statuses most urgent first. */
export const URGENCY: readonly DueStatusId[] = ['overdue', 'due-soon', 'waiting', 'open', 'concluded'];

/** Most urgent first: overdue, due soon, waiting, open, concluded; then by due date (or the end of the wait), then id. */
export function byUrgency(a: DueStatus, b: DueStatus): number {
  const due = (s: DueStatus) => s.due ?? s.waiting?.until ?? '9';
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return URGENCY.indexOf(a.status) - URGENCY.indexOf(b.status) || order(due(a), due(b)) || order(a.id, b.id);
}

/** The status as of a day, from the state (fold only the events up to that day to see the past). */
export function statusOf(state: ApplicationState, asOf: IsoDate, cal: Calendar, soonDays = DUE_SOON_DAYS): DueStatus {
  const deadline = deadlineOf(state, cal, asOf);
  const base = { id: state.id, ...deadline };
  if (state.concluded) {
    return { ...base, status: 'concluded', late: deadline.due !== undefined && state.concluded > deadline.due };
  }
  if (!deadline.due) return { ...base, status: 'waiting' };
  const remaining = cal.workingDaysBetween(asOf, deadline.due);
  const status: DueStatusId = asOf > deadline.due ? 'overdue' : remaining <= soonDays ? 'due-soon' : 'open';
  return { ...base, status, remaining };
}

/** Events up to a day (by their business date): the application as it stood then. */
export function asOf(app: Application, day: IsoDate): Application {
  return { ...app, events: app.events.filter((e) => (eventDate(e) ?? '') <= day) };
}
