/**
 * The fold over an application's events, with the rules each event must satisfy. An event that breaks a rule is
 * refused (severity error: it is not applied, and `appendEvent` does not record it); one that keeps the law loosely is
 * recorded with a warning (a 补正 notice after 7 working days, a late reply, a date after the recorder's today). An
 * event may not be dated before the event it answers (a payment before its fee notice, a reply before a consultation it ends).
 *
 * @example
 *   const { application, issues } = appendEvent(app, { type: 'replied', date: '2024-10-08', outcome: 'granted', by, at }, cal);
 *   stateOf(application, cal).outcome;   // "granted"
 */
import type { Calendar } from './calendar.ts';
import { isIsoDate, type IsoDate } from './day.ts';
import { CONSULTATION_DAYS, CORRECTION_NOTICE_DAYS, deadlineOf, MAX_EXTENSION_DAYS } from './deadline.ts';
import { FEE_PAYMENT_DAYS, feeFor } from './fees.ts';
import {
  APPEAL_RESULTS, APPEAL_ROUTES, APPLICANT_COLUMNS, CHANNELS, eventDate, IMPLIED_OUTCOMES, OUTCOME_ROWS, receiptDate, REPLY_OUTCOME_ROWS,
  type Application, type ApplicationState, type EventType, type LedgerEvent,
} from './model.ts';

export interface LedgerIssue {
  code: string;
  severity: 'error' | 'warning';
  zh: string;
  en: string;
  /** Index of the event in the application's list; -1 for a rule across applications. */
  event: number;
}

/** Chinese names of the events, for messages and the spreadsheet. */
export const EVENT_NAMES: Record<EventType, string> = {
  received: '收到申请', correction_requested: '补正通知', correction_received: '收到补正', correction_lapsed: '逾期未补正',
  consultation_started: '征求意见', consultation_ended: '征求意见结束', extended: '延长答复期限', fee_notified: '收费通知',
  fee_paid: '缴费', fee_lapsed: '逾期未缴费', withdrawn: '撤回申请', replied: '答复', appeal_filed: '行政复议或诉讼',
  appeal_decided: '复议或诉讼结果',
};

type Problem = Omit<LedgerIssue, 'event'>;
const error = (code: string, zh: string, en: string): Problem => ({ code, severity: 'error', zh, en });
const warning = (code: string, zh: string, en: string): Problem => ({ code, severity: 'warning', zh, en });

/**
 * What the rules know of the world outside the events. `today` (Beijing) is given by whoever records an event, so the
 * rules stay pure: without it no event is taken to be in the future (a stored history is never judged against the clock).
 */
export interface RuleOptions {
  today?: IsoDate;
}

export const emptyState = (id: string): ApplicationState => ({ id, pauses: [], extensionDays: 0, fees: [], appeals: [] });

/**
 * The state and every issue, events applied in order; refused events are reported and skipped. `options.today` is for
 * events being recorded now (a sheet imported); a stored history is replayed without it.
 */
export function foldEvents(app: Application, cal: Calendar, options: RuleOptions = {}): { state: ApplicationState; issues: LedgerIssue[] } {
  let state = emptyState(app.id);
  const issues: LedgerIssue[] = [];
  app.events.forEach((e, event) => {
    const result = applyEvent(state, e, cal, options);
    issues.push(...result.problems.map((p) => ({ ...p, event })));
    if (!result.problems.some((p) => p.severity === 'error')) state = result.state;
  });
  return { state, issues };
}

export function stateOf(app: Application, cal: Calendar): ApplicationState {
  return foldEvents(app, cal).state;
}

/** Records an event unless a rule refuses it; the issues say why, or warn (an event dated after `options.today`). */
export function appendEvent(
  app: Application, e: LedgerEvent, cal: Calendar, options: RuleOptions = {},
): { application: Application; accepted: boolean; issues: LedgerIssue[] } {
  const { state } = foldEvents(app, cal);
  const { problems } = applyEvent(state, e, cal, options);
  const issues = problems.map((p) => ({ ...p, event: app.events.length }));
  const accepted = !problems.some((p) => p.severity === 'error');
  return { application: accepted ? { ...app, events: [...app.events, e] } : app, accepted, issues };
}

/** One event on a state: the next state (a copy) and the problems found. */
export function applyEvent(prev: ApplicationState, e: LedgerEvent, cal: Calendar, options: RuleOptions = {}): { state: ApplicationState; problems: Problem[] } {
  const problems = common(prev, e);
  if (problems.some((p) => p.severity === 'error')) return { state: prev, problems };
  problems.push(...future(e, options.today));
  const state: ApplicationState = {
    ...prev, pauses: prev.pauses.map((p) => ({ ...p })), fees: prev.fees.map((f) => ({ ...f })), appeals: prev.appeals.map((a) => ({ ...a })),
    correction: prev.correction && { ...prev.correction },
  };
  problems.push(...HANDLERS[e.type](state, e as never, cal));
  return { state, problems };
}

/** Rules every event keeps: a receipt first, real dates, nothing before receipt, nothing but appeals after conclusion. */
function common(state: ApplicationState, e: LedgerEvent): Problem[] {
  const name = EVENT_NAMES[e.type] ?? e.type;
  if (!(e.type in HANDLERS)) return [error('unknown-event', `未知的事件类型“${e.type}”`, `unknown event type "${e.type}"`)];
  if (!e.by?.trim() || !e.at?.trim()) return [error('who-when', `“${name}”须记录经办人和记录时间`, `${e.type} needs who recorded it and when`)];
  if (e.type === 'received') return [];
  if (!state.receipt) return [error('not-received', `尚未登记收到申请，不能记录“${name}”`, `no receipt recorded before "${e.type}"`)];
  if (!e.date || !isIsoDate(e.date)) {
    return e.type === 'replied'
      ? [error('outcome-needs-date', '办理结果须有答复日期', 'an outcome needs a reply date')]
      : [error('invalid-date', `“${name}”的日期“${e.date ?? ''}”无效`, `invalid date "${e.date ?? ''}" for ${e.type}`)];
  }
  if (e.date < state.receipt) {
    return [error('before-receipt', `“${name}”的日期${e.date}早于收到申请之日${state.receipt}`, `${e.type} dated ${e.date}, before the receipt on ${state.receipt}`)];
  }
  if (state.concluded && e.type !== 'appeal_filed' && e.type !== 'appeal_decided') {
    return [error('after-conclusion', `申请已于${state.concluded}办结，不能再记录“${name}”`, `the application concluded on ${state.concluded}; no ${e.type} after that`)];
  }
  return [];
}

/**
 * A date after today is most likely a typo (2052 for 2025): only warned, since an agency may record a reply it has
 * signed for tomorrow, but said at once because such a date keeps the application open for years.
 */
function future(e: LedgerEvent, today: IsoDate | undefined): Problem[] {
  const date = eventDate(e);
  if (!today || !date || !isIsoDate(date) || date <= today) return [];
  const name = EVENT_NAMES[e.type];
  return [warning('future-date', `“${name}”的日期${date}晚于今天${today}，请核对`, `${e.type} dated ${date}, after today ${today}; please check`)];
}

/**
 * An event that ends the application may not predate a step recorded before it: the start of a consultation, fee
 * notice, 补正 request or extension, nor the end of one (a payment, a corrected request, a consultation's end). Open,
 * the pause would end before it began; closed, the ledger would hold a step taken after the application ended.
 * The same day is in order. The latest step it predates is named, as the one to check first.
 */
function concludesBeforeStep(s: ApplicationState, e: { type: EventType; date: IsoDate }): Problem[] {
  const later = recordedSteps(s).filter((step) => e.date < step.date);
  if (!later.length) return [];
  const { date, type, open } = later.reduce((a, b) => (b.date > a.date ? b : a));
  return [error(
    'conclusion-order', `“${EVENT_NAMES[e.type]}”的日期${e.date}早于${open ? '尚未结束的' : '已记录的'}“${EVENT_NAMES[type]}”（${date}）`,
    `${e.type} dated ${e.date}, before the ${type} of ${date}${open ? ' that is still open' : ' already recorded'}`,
  )];
}

interface Step { date: IsoDate; type: EventType; open: boolean }

/** The dated steps of a state not yet concluded: each pause, 补正 and extension, by the event that started or ended it. */
function recordedSteps(s: ApplicationState): Step[] {
  const steps = s.pauses.flatMap((p): Step[] => {
    const [start, end]: EventType[] = p.kind === 'fee' ? ['fee_notified', 'fee_paid'] : ['consultation_started', 'consultation_ended'];
    return p.to ? [{ date: p.from, type: start, open: false }, { date: p.to, type: end, open: false }] : [{ date: p.from, type: start, open: true }];
  });
  const c = s.correction;
  if (c) steps.push({ date: c.requested, type: 'correction_requested', open: !c.received && !c.lapsed });
  if (c?.received) steps.push({ date: c.received, type: 'correction_received', open: false });
  if (s.extended) steps.push({ date: s.extended, type: 'extended', open: false });
  return steps;
}

type Handler<T extends LedgerEvent> = (s: ApplicationState, e: T, cal: Calendar) => Problem[];
type Handlers = { [K in EventType]: Handler<Extract<LedgerEvent, { type: K }>> };

const isColumn = (id: string) => APPLICANT_COLUMNS.some((c) => c.id === id);

function conclude(s: ApplicationState, date: IsoDate, outcome: string): void {
  s.outcome = outcome;
  s.concluded = date;
  // A consultation or fee still open ends with the application.
  for (const p of s.pauses) p.to ??= date;
}

const HANDLERS: Handlers = {
  received(s, e) {
    if (s.received) return [error('duplicate-received', '已登记收到申请，不能重复登记', 'the receipt is already recorded')];
    const channel = CHANNELS[e.channel];
    if (!channel) return [error('unknown-channel', `收到方式“${e.channel}”无效`, `unknown channel "${e.channel}"`)];
    const dates = [e.submitted, e.signed, e.confirmed].filter((d) => d !== undefined);
    if (dates.some((d) => !isIsoDate(d))) return [error('invalid-date', '收到申请的日期无效', 'invalid receipt date')];
    const receipt = receiptDate(e);
    if (!receipt) {
      const what = channel.receipt === 'signed' ? '签收日期' : '确认日期';
      return [error('receipt-date-missing', `${channel.label}提交的申请须填写${what}（条例第三十一条）`, `a ${e.channel} application needs its ${channel.receipt} date (art. 31)`)];
    }
    if (e.submitted && receipt < e.submitted) {
      return [error('receipt-before-submission', `收到申请之日${receipt}早于提交之日${e.submitted}`, `receipt ${receipt} before submission ${e.submitted}`)];
    }
    if (!isColumn(e.applicantType)) {
      return [error('unknown-applicant-type', `申请人类型“${e.applicantType}”不是表三的列`, `applicant type "${e.applicantType}" is not a table 3 column`)];
    }
    s.received = e;
    s.receipt = receipt;
    s.clockStart = receipt;
    s.applicantType = e.applicantType;
    return [];
  },
  correction_requested(s, e, cal) {
    if (s.correction) return [error('correction-repeated', '补正应一次性告知，已发过补正通知', 'a correction is requested once only')];
    if (e.until && (!isIsoDate(e.until) || e.until < e.date)) {
      return [error('correction-until', `补正期限${e.until}早于通知日期`, `correction deadline ${e.until} before the notice`)];
    }
    s.correction = { requested: e.date, until: e.until };
    const days = cal.workingDaysBetween(s.receipt!, e.date);
    return days > CORRECTION_NOTICE_DAYS
      ? [warning('correction-late', `补正通知在收到申请后第${days}个工作日发出，超过7个工作日（条例第三十条）`, `correction requested ${days} working days after receipt, over 7 (art. 30)`)]
      : [];
  },
  correction_received(s, e) {
    if (!s.correction || s.correction.received || s.correction.lapsed) return [noCorrection()];
    if (e.date < s.correction.requested) return [correctionOrder(e, s.correction.requested)];
    s.correction.received = e.date;
    s.clockStart = e.date;
    return [];
  },
  correction_lapsed(s, e) {
    if (!s.correction || s.correction.received || s.correction.lapsed) return [noCorrection()];
    if (e.date < s.correction.requested) return [correctionOrder(e, s.correction.requested)];
    const order = concludesBeforeStep(s, e);
    if (order.length) return order;
    s.correction.lapsed = e.date;
    conclude(s, e.date, IMPLIED_OUTCOMES.correction_lapsed!);
    return s.correction.until && e.date <= s.correction.until
      ? [warning('correction-lapsed-early', `补正期限${s.correction.until}尚未届满`, `the correction period runs until ${s.correction.until}`)]
      : [];
  },
  consultation_started(s, e) {
    if (e.party !== 'third_party' && e.party !== 'other_agency') {
      return [error('unknown-party', `征求意见对象“${e.party}”无效`, `unknown consultation party "${e.party}"`)];
    }
    s.pauses.push({ kind: 'consultation', from: e.date, cap: CONSULTATION_DAYS });
    return [];
  },
  consultation_ended(s, e, cal) {
    const open = s.pauses.find((p) => p.kind === 'consultation' && !p.to);
    if (!open) return [error('no-open-consultation', '没有正在进行的征求意见', 'no consultation is open')];
    if (e.date < open.from) return [error('consultation-order', '征求意见结束早于开始', 'consultation ends before it starts')];
    open.to = e.date;
    const days = cal.workingDaysBetween(open.from, e.date);
    return days > CONSULTATION_DAYS
      ? [warning('consultation-overrun', `征求意见用时${days}个工作日，超过15个工作日的部分计入答复期限`, `consultation took ${days} working days; beyond 15 they count toward the limit`)]
      : [];
  },
  extended(s, e, cal) {
    if (!Number.isInteger(e.days) || e.days < 1 || s.extensionDays + e.days > MAX_EXTENSION_DAYS) {
      return [error('extension-days', `延长答复期限最长20个工作日（已延长${s.extensionDays}个，本次${e.days}个）`, `extensions total at most 20 working days (${s.extensionDays} so far, ${e.days} now)`)];
    }
    const due = deadlineOf(s, cal, e.date).due;
    s.extensionDays += e.days;
    s.extended = e.date;
    return due && e.date > due
      ? [warning('extension-after-due', `延期于${e.date}批准，晚于原答复期限${due}`, `extension approved on ${e.date}, after the due date ${due}`)]
      : [];
  },
  fee_notified(s, e) {
    if (s.fees.some((f) => !f.paid && !f.lapsed)) return [error('fee-open', '已有未缴的收费通知', 'a fee notice is already open')];
    if (e.basis !== 'per_application' && e.basis !== 'per_page') {
      return [error('fee-basis', `收费方式“${e.basis}”应为按件或按量`, `fee basis "${e.basis}" must be per_application or per_page`)];
    }
    const expected = Number.isInteger(e.quantity) && e.quantity > 0 ? feeFor(e.basis, e.quantity) : undefined;
    if (!expected) {
      return [error('fee-free-band', `按国办函〔2020〕109号，${e.basis === 'per_page' ? `${e.quantity}页` : `当月第${e.quantity}件`}不收费`, `no fee is due for ${e.quantity} under 国办函〔2020〕109号`)];
    }
    if (e.amount !== expected) {
      return [error('fee-amount', `收费金额${e.amount}元与国办函〔2020〕109号标准${expected}元不符`, `fee ${e.amount} yuan differs from the bands: ${expected} yuan`)];
    }
    s.fees.push({ notified: e.date, basis: e.basis, quantity: e.quantity, amount: e.amount });
    s.pauses.push({ kind: 'fee', from: e.date });
    return [];
  },
  fee_paid(s, e) {
    const fee = openFee(s);
    if (!fee) return [noFee()];
    if (e.date < fee.notified) return [feeOrder(e, fee.notified)];
    fee.paid = e.date;
    closePause(s, 'fee', e.date);
    return [];
  },
  fee_lapsed(s, e, cal) {
    const fee = openFee(s);
    if (!fee) return [noFee()];
    if (e.date < fee.notified) return [feeOrder(e, fee.notified)];
    const order = concludesBeforeStep(s, e);
    if (order.length) return order;
    fee.lapsed = e.date;
    conclude(s, e.date, IMPLIED_OUTCOMES.fee_lapsed!);
    const days = cal.workingDaysBetween(fee.notified, e.date);
    return days <= FEE_PAYMENT_DAYS
      ? [warning('fee-lapsed-early', `收费通知后仅${days}个工作日，缴费期限（20个工作日）尚未届满`, `only ${days} working days after the fee notice; 20 are given to pay`)]
      : [];
  },
  withdrawn(s, e) {
    const order = concludesBeforeStep(s, e);
    if (order.length) return order;
    conclude(s, e.date, IMPLIED_OUTCOMES.withdrawn!);
    return [];
  },
  replied(s, e, cal) {
    if (!OUTCOME_ROWS.some((r) => r.id === e.outcome)) {
      return [error('unknown-outcome', `办理结果“${e.outcome ?? ''}”不是表三的办理结果项`, `outcome "${e.outcome ?? ''}" is not a table 3 outcome row`)];
    }
    if (!REPLY_OUTCOME_ROWS.some((r) => r.id === e.outcome)) {
      return [error('outcome-by-event', '逾期未补正、逾期未缴费应记录为相应事件', 'record an overdue correction or fee as its own event')];
    }
    const order = concludesBeforeStep(s, e);
    if (order.length) return order;
    const { due, waiting } = deadlineOf(s, cal, e.date);
    conclude(s, e.date, e.outcome);
    const problems: Problem[] = [];
    if (due && e.date > due) problems.push(warning('late-reply', `答复日期${e.date}晚于答复期限${due}`, `replied on ${e.date}, after the due date ${due}`));
    if (waiting?.kind === 'correction') problems.push(warning('reply-while-correcting', '补正通知尚未得到答复', 'the correction notice is still open'));
    if (e.outcome === 'unable_unclear' && !s.correction?.received) {
      problems.push(warning('unclear-without-correction', '“补正后申请内容仍不明确”须先有补正', '"still unclear after correction" needs a correction first'));
    }
    return problems;
  },
  appeal_filed(s, e) {
    if (!APPEAL_ROUTES.some((r) => r.id === e.route)) return [error('unknown-route', `复议诉讼类型“${e.route}”无效`, `unknown appeal route "${e.route}"`)];
    if (!e.caseId || s.appeals.some((a) => a.caseId === e.caseId)) return [error('case-id', `案号“${e.caseId}”为空或重复`, `case id "${e.caseId}" empty or repeated`)];
    s.appeals.push({ caseId: e.caseId, route: e.route, filed: e.date });
    const reviewed = s.appeals.some((a) => a.route === 'review' && a.decided);
    return e.route === 'litigation_after_review' && !reviewed
      ? [warning('no-review-before', '复议后起诉，但台账中没有已决的行政复议', 'litigation after review, but no decided review in the ledger')]
      : [];
  },
  appeal_decided(s, e) {
    const c = s.appeals.find((a) => a.caseId === e.caseId);
    if (!c || c.decided) return [error('no-open-case', `没有待决的案件“${e.caseId}”`, `no open case "${e.caseId}"`)];
    if (!APPEAL_RESULTS.some((r) => r.id === e.result)) return [error('unknown-result', `复议诉讼结果“${e.result}”无效`, `unknown appeal result "${e.result}"`)];
    if (e.date < c.filed) return [error('decided-before-filed', `结果日期${e.date}早于立案日期${c.filed}`, `decided ${e.date}, before filing ${c.filed}`)];
    c.result = e.result;
    c.decided = e.date;
    return [];
  },
};

const noCorrection = () => error('no-open-correction', '没有待补正的通知', 'no correction request is open');
const correctionOrder = (e: { type: EventType; date: IsoDate }, requested: IsoDate) => error(
  'correction-order', `“${EVENT_NAMES[e.type]}”的日期${e.date}早于补正通知之日${requested}`, `${e.type} dated ${e.date}, before the correction request of ${requested}`,
);
const feeOrder = (e: { type: EventType; date: IsoDate }, notified: IsoDate) => error(
  'fee-order', `“${EVENT_NAMES[e.type]}”的日期${e.date}早于收费通知之日${notified}`, `${e.type} dated ${e.date}, before the fee notice of ${notified}`,
);
const noFee = () => error('no-open-fee', '没有待缴的收费通知', 'no fee notice is open');
const openFee = (s: ApplicationState) => s.fees.find((f) => !f.paid && !f.lapsed);

function closePause(s: ApplicationState, kind: 'fee' | 'consultation', date: IsoDate): void {
  const open = s.pauses.find((p) => p.kind === kind && !p.to);
  if (open) open.to = date;
}
