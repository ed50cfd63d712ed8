/** Deadlines and event rules on real dates: 补正 restart, consultation pause, extension, fee lapse, refusals. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chineseCalendar } from '../../src/ledger/calendar.ts';
import { asOf, deadlineOf, statusOf } from '../../src/ledger/deadline.ts';
import { appendEvent, foldEvents, stateOf } from '../../src/ledger/events.ts';
import type { Application, LedgerEvent, Received } from '../../src/ledger/model.ts';

const cal = chineseCalendar([]);
const by = '张三';
const at = '2024-01-01T09:00:00+08:00';

function received(date: string, extra: Partial<Received> = {}): Received {
  return { type: 'received', channel: 'in_person', submitted: date, applicantType: 'natural_person', applicant: '李四', request: '某项目环评批复', by, at, ...extra };
}

/** An application built event by event, each event required to be accepted. */
function application(...events: LedgerEvent[]): Application {
  return events.reduce<Application>((app, e) => {
    const r = appendEvent(app, e, cal);
    assert.ok(r.accepted, JSON.stringify(r.issues));
    return r.application;
  }, { id: 'A1', events: [] });
}

const due = (app: Application) => deadlineOf(stateOf(app, cal), cal).due;
const codes = (app: Application, e: LedgerEvent) => appendEvent(app, e, cal).issues.map((i) => [i.code, i.severity]);

describe('day of receipt (条例第三十一条)', () => {
  it('is the day of signing for post and the day of confirmation online', () => {
    const post = stateOf({ id: 'P', events: [received('2024-09-25', { channel: 'post', signed: '2024-09-27' })] }, cal);
    const online = stateOf({ id: 'O', events: [received('2024-09-28', { channel: 'online', confirmed: '2024-09-30' })] }, cal);
    assert.deepEqual([post.receipt, online.receipt], ['2024-09-27', '2024-09-30']);
  });

  it('is refused for post without the day the agency signed', () => {
    assert.deepEqual(codes({ id: 'P', events: [] }, received('2024-09-25', { channel: 'post' })), [['receipt-date-missing', 'error']]);
  });

  it('refuses a date outside 1990–2100 as invalid, for a receipt as for a reply (a far date would make every count crawl)', () => {
    assert.deepEqual(codes({ id: 'P', events: [] }, received('9999-12-31')), [['invalid-date', 'error']]);
    const app = application(received('2024-09-25'));
    assert.deepEqual(codes(app, { type: 'replied', date: '2100-12-32', outcome: 'granted', by, at }), [['outcome-needs-date', 'error']]);
    assert.deepEqual(codes(app, { type: 'withdrawn', date: '2101-01-01', by, at }), [['invalid-date', 'error']]);
    assert.deepEqual(codes(app, { type: 'withdrawn', date: '2100-12-31', by, at }), [], 'the last day taken');
  });

  it('refuses an applicant type that is not a table 三 column', () => {
    assert.deepEqual(codes({ id: 'P', events: [] }, received('2024-09-25', { applicantType: 'total' })), [['unknown-applicant-type', 'error']]);
  });
});

describe('deadline', () => {
  it('runs 20 working days past National Day week for a receipt just before it', () => {
    assert.equal(due(application(received('2024-09-27'))), '2024-10-30');
    assert.equal(due(application(received('2025-09-30'))), '2025-11-04');
  });

  it('runs past the 2024 Spring Festival, counting the make-up Sunday 02-18', () => {
    assert.equal(due(application(received('2024-02-08'))), '2024-03-13');
  });

  it('stops while a 补正 is awaited and restarts from the day the corrected request comes in', () => {
    const asked = application(received('2024-03-01'), { type: 'correction_requested', date: '2024-03-05', until: '2024-03-20', by, at });
    assert.deepEqual(deadlineOf(stateOf(asked, cal), cal).waiting, { kind: 'correction', since: '2024-03-05', until: '2024-03-20' });
    assert.equal(statusOf(stateOf(asked, cal), '2024-03-10', cal).status, 'waiting');
    const corrected = application(...asked.events, { type: 'correction_received', date: '2024-03-15', by, at });
    // Qingming 2024-04-04..06 off, Sunday 04-07 worked.
    assert.equal(due(corrected), '2024-04-15');
  });

  it('owes no reply once the 补正 lapsed: not late, and no due date', () => {
    const asked = application(received('2024-03-01'), { type: 'correction_requested', date: '2024-03-05', until: '2024-04-30', by, at });
    const lapsed = application(...asked.events, { type: 'correction_lapsed', date: '2024-05-06', by, at });
    const s = statusOf(stateOf(lapsed, cal), '2024-05-07', cal);
    assert.deepEqual([s.status, s.due, s.late], ['concluded', undefined, false]);
    // A corrected request answered after its due date (03-15 + 20 working days = 04-15, see above) is still late.
    const corrected = application(...asked.events, { type: 'correction_received', date: '2024-03-15', by, at },
      { type: 'replied', date: '2024-04-16', outcome: 'granted', by, at });
    assert.equal(statusOf(stateOf(corrected, cal), '2024-04-17', cal).late, true);
  });

  it('flags a 补正 notice sent after 7 working days', () => {
    assert.deepEqual(codes(application(received('2024-03-01')), { type: 'correction_requested', date: '2024-03-13', by, at }),
      [['correction-late', 'warning']]);
  });

  it('leaves a consultation out of the count (the 2024-05-11 make-up Saturday included)', () => {
    const app = application(received('2024-05-06'), { type: 'consultation_started', date: '2024-05-08', party: 'third_party', by, at },
      { type: 'consultation_ended', date: '2024-05-15', by, at });
    const d = deadlineOf(stateOf(app, cal), cal);
    assert.equal(d.excluded, 6);
    assert.equal(d.due, cal.addWorkingDays('2024-05-06', 26));
  });

  it('counts a consultation at most its 15 working days', () => {
    const app = application(received('2024-03-04'), { type: 'consultation_started', date: '2024-03-04', party: 'other_agency', by, at });
    const r = appendEvent(app, { type: 'consultation_ended', date: '2024-04-15', by, at }, cal);
    assert.deepEqual(r.issues.map((i) => i.code), ['consultation-overrun']);
    assert.equal(deadlineOf(stateOf(r.application, cal), cal).excluded, 15);
  });

  // Received Friday 2024-03-01: 20 working days end Friday 03-29 (4 full weeks). A consultation begun Monday 03-04
  // may stop the clock 15 working days: 03-05..08 (4), 03-11..15 (9), 03-18..22 (14), 03-25 (15). Those 15 added to
  // 03-29: 04-01..03 (3), Qingming 04-04..06 off, Sunday 04-07 worked (4), 04-08..12 (9), 04-15..19 (14), 04-22 (15).
  const consulting = application(received('2024-03-01'), { type: 'consultation_started', date: '2024-03-04', party: 'third_party', by, at });

  it('stops the clock for an open consultation up to its 15th working day only, then counts it as ended then', () => {
    const state = stateOf(consulting, cal);
    const within = statusOf(state, '2024-03-25', cal);
    assert.deepEqual([within.status, within.due, within.waiting?.until], ['waiting', undefined, '2024-03-25']);
    const after = statusOf(state, '2024-03-26', cal);
    // 03-27..29 (3), 04-01..03 (6), 04-07 (7), 04-08..12 (12), 04-15..19 (17), 04-22 (18).
    assert.deepEqual([after.status, after.due, after.excluded, after.remaining], ['open', '2024-04-22', 15, 18]);
    assert.deepEqual([statusOf(state, '2024-09-01', cal).status, statusOf(state, '2024-09-01', cal).due], ['overdue', '2024-04-22']);
  });

  it('warns of a reply after the due date a consultation past its 15 working days no longer holds back', () => {
    assert.deepEqual(codes(consulting, { type: 'replied', date: '2024-04-23', outcome: 'granted', by, at }), [['late-reply', 'warning']]);
    assert.deepEqual(codes(consulting, { type: 'replied', date: '2024-04-22', outcome: 'granted', by, at }), []);
  });

  it('does not let a pause begun after the due date hide an overdue application', () => {
    const late = application(received('2024-03-01'), { type: 'consultation_started', date: '2024-04-15', party: 'other_agency', by, at });
    assert.deepEqual([statusOf(stateOf(late, cal), '2024-04-16', cal).status, due(late)], ['overdue', '2024-03-29']);
    const ended = application(...late.events, { type: 'consultation_ended', date: '2024-04-18', by, at });
    assert.equal(due(ended), '2024-03-29');
    // Begun on the last day (03-29) the clock had not yet run out: it stops.
    const onTheDay = application(received('2024-03-01'), { type: 'consultation_started', date: '2024-03-29', party: 'other_agency', by, at });
    assert.equal(statusOf(stateOf(onTheDay, cal), '2024-04-01', cal).status, 'waiting');
  });

  it('adds an approved extension of at most 20 working days', () => {
    const app = application(received('2024-06-03'), { type: 'extended', date: '2024-06-20', days: 15, approvedBy: '王主任', by, at });
    assert.equal(due(app), cal.addWorkingDays('2024-06-03', 35));
    assert.deepEqual(codes(app, { type: 'extended', date: '2024-06-21', days: 6, approvedBy: '王主任', by, at }), [['extension-days', 'error']]);
  });

  it('tells due-soon and overdue as of a date', () => {
    const app = application(received('2024-09-27'));
    const state = stateOf(app, cal);
    assert.deepEqual([statusOf(state, '2024-10-08', cal).status, statusOf(state, '2024-10-25', cal).status,
      statusOf(state, '2024-10-31', cal).status], ['open', 'due-soon', 'overdue']);
    assert.equal(statusOf(state, '2024-10-25', cal).remaining, 3);
  });

  it('sees the application as it stood on a past day', () => {
    const app = application(received('2024-09-27'), { type: 'replied', date: '2024-10-10', outcome: 'granted', by, at });
    assert.equal(statusOf(stateOf(asOf(app, '2024-10-09'), cal), '2024-10-09', cal).status, 'open');
    assert.equal(statusOf(stateOf(app, cal), '2024-10-09', cal).status, 'concluded');
  });
});

describe('fees (国办函〔2020〕109号)', () => {
  const noticed = application(received('2024-07-01'), { type: 'fee_notified', date: '2024-07-03', basis: 'per_page', quantity: 150, amount: 1700, by, at });

  it('checks the amount against the progressive bands', () => {
    const app = application(received('2024-07-01'));
    assert.deepEqual(codes(app, { type: 'fee_notified', date: '2024-07-03', basis: 'per_page', quantity: 150, amount: 1500, by, at }), [['fee-amount', 'error']]);
    assert.deepEqual(codes(app, { type: 'fee_notified', date: '2024-07-03', basis: 'per_application', quantity: 10, amount: 0, by, at }), [['fee-free-band', 'error']]);
    assert.deepEqual(codes(app, { type: 'fee_notified', date: '2024-07-03', basis: 'per_application', quantity: 35, amount: 200, by, at }), []);
  });

  it('stops the clock until payment', () => {
    const paid = application(...noticed.events, { type: 'fee_paid', date: '2024-07-10', by, at });
    assert.equal(deadlineOf(stateOf(noticed, cal), cal).waiting?.kind, 'fee');
    assert.equal(due(paid), cal.addWorkingDays('2024-07-01', 25));
  });

  it('does not let a fee notice sent after the due date hide an overdue application', () => {
    // Received Monday 2024-07-01: 07-02..05 (4), 07-08..12 (9), 07-15..19 (14), 07-22..26 (19), 07-29 (20).
    const late = application(received('2024-07-01'), { type: 'fee_notified', date: '2024-08-05', basis: 'per_page', quantity: 150, amount: 1700, by, at });
    assert.deepEqual([statusOf(stateOf(late, cal), '2024-08-06', cal).status, due(late)], ['overdue', '2024-07-29']);
    // Sent in time, an unpaid fee keeps the clock stopped until its payment or lapse is recorded.
    assert.equal(statusOf(stateOf(noticed, cal), '2024-09-30', cal).status, 'waiting');
  });

  it('lapses after 20 working days without payment: reported under （六）2, a warning when too early', () => {
    const lapsed = application(...noticed.events, { type: 'fee_lapsed', date: '2024-08-01', by, at });
    const state = stateOf(lapsed, cal);
    assert.deepEqual([state.outcome, state.concluded, statusOf(state, '2024-08-02', cal).status], ['other_overdue_fee', '2024-08-01', 'concluded']);
    assert.deepEqual(codes(noticed, { type: 'fee_lapsed', date: '2024-07-20', by, at }), [['fee-lapsed-early', 'warning']]);
  });
});

describe('event rules', () => {
  const app = application(received('2024-09-27'));

  it('refuses an outcome without a reply date', () => {
    assert.deepEqual(codes(app, { type: 'replied', date: '', outcome: 'granted', by, at }), [['outcome-needs-date', 'error']]);
  });

  it('refuses a date before receipt, with a Chinese and an English message', () => {
    const r = appendEvent(app, { type: 'replied', date: '2024-09-20', outcome: 'granted', by, at }, cal);
    assert.equal(r.accepted, false);
    assert.deepEqual([r.issues[0].zh, r.issues[0].en], ['“答复”的日期2024-09-20早于收到申请之日2024-09-27', 'replied dated 2024-09-20, before the receipt on 2024-09-27']);
  });

  it('refuses an outcome that is not a table 三 outcome row', () => {
    assert.deepEqual(codes(app, { type: 'replied', date: '2024-10-10', outcome: 'total_processed', by, at }), [['unknown-outcome', 'error']]);
  });

  it('keeps every event, and refuses changes after conclusion except appeals', () => {
    const done = application(...app.events, { type: 'replied', date: '2024-10-10', outcome: 'denied_third_party', by, at });
    assert.deepEqual(codes(done, { type: 'withdrawn', date: '2024-10-11', by, at }), [['after-conclusion', 'error']]);
    const appealed = application(...done.events, { type: 'appeal_filed', date: '2024-11-01', caseId: 'F1', route: 'review', by, at },
      { type: 'appeal_decided', date: '2024-12-20', caseId: 'F1', result: 'upheld', by, at });
    assert.deepEqual(stateOf(appealed, cal).appeals, [{ caseId: 'F1', route: 'review', filed: '2024-11-01', result: 'upheld', decided: '2024-12-20' }]);
    assert.equal(appealed.events.length, 4);
  });

  it('warns of a late reply', () => {
    assert.deepEqual(codes(app, { type: 'replied', date: '2024-11-04', outcome: 'granted', by, at }), [['late-reply', 'warning']]);
  });

  it('reports refused events found when replaying stored events, and skips them', () => {
    const stored: Application = { id: 'S', events: [...app.events, { type: 'correction_received', date: '2024-10-01', by, at }] };
    const { state, issues } = foldEvents(stored, cal);
    assert.deepEqual(issues.map((i) => [i.code, i.event]), [['no-open-correction', 1]]);
    assert.equal(state.clockStart, '2024-09-27');
  });
});

describe('events in the order they answer', () => {
  const asked = application(received('2024-03-01'), { type: 'correction_requested', date: '2024-03-08', until: '2024-03-22', by, at });
  const noticed = application(received('2024-07-01'), { type: 'fee_notified', date: '2024-07-03', basis: 'per_page', quantity: 150, amount: 1700, by, at });
  const consulting = application(received('2024-03-01'), { type: 'consultation_started', date: '2024-03-20', party: 'third_party', by, at });

  it('refuses a corrected request or a lapse dated before the 补正 notice, not one the same day', () => {
    // 03-02 is six days before the notice of 03-08: the clock would restart before the request was made.
    const r = appendEvent(asked, { type: 'correction_received', date: '2024-03-02', by, at }, cal);
    assert.deepEqual([r.accepted, r.issues[0].zh, r.issues[0].en], [false, '“收到补正”的日期2024-03-02早于补正通知之日2024-03-08',
      'correction_received dated 2024-03-02, before the correction request of 2024-03-08']);
    assert.deepEqual(codes(asked, { type: 'correction_lapsed', date: '2024-03-02', by, at }), [['correction-order', 'error']]);
    assert.deepEqual(codes(asked, { type: 'correction_received', date: '2024-03-08', by, at }), []);
  });

  it('refuses a payment or a lapse dated before the fee notice, not a payment the same day', () => {
    assert.deepEqual(codes(noticed, { type: 'fee_paid', date: '2024-07-02', by, at }), [['fee-order', 'error']]);
    assert.deepEqual(codes(noticed, { type: 'fee_lapsed', date: '2024-07-02', by, at }), [['fee-order', 'error']]);
    assert.deepEqual(codes(noticed, { type: 'fee_paid', date: '2024-07-03', by, at }), []);
  });

  it('refuses a reply or a withdrawal dated before a consultation still open, not one the same day', () => {
    const r = appendEvent(consulting, { type: 'replied', date: '2024-03-05', outcome: 'granted', by, at }, cal);
    assert.deepEqual([r.accepted, r.issues[0].zh], [false, '“答复”的日期2024-03-05早于尚未结束的“征求意见”（2024-03-20）']);
    assert.deepEqual(codes(consulting, { type: 'withdrawn', date: '2024-03-05', by, at }), [['conclusion-order', 'error']]);
    // Received 03-01, 20 working days run to 03-29: a reply on 03-20 is neither out of order nor late.
    assert.deepEqual(codes(consulting, { type: 'replied', date: '2024-03-20', outcome: 'granted', by, at }), []);
  });

  it('refuses a conclusion dated before an open 补正 notice or fee notice, but not after a consultation that has ended', () => {
    assert.deepEqual(codes(asked, { type: 'withdrawn', date: '2024-03-05', by, at }), [['conclusion-order', 'error']]);
    assert.deepEqual(codes(noticed, { type: 'replied', date: '2024-07-02', outcome: 'granted', by, at }), [['conclusion-order', 'error']]);
    assert.deepEqual(codes(asked, { type: 'withdrawn', date: '2024-03-08', by, at }), []);
    const ended = application(...consulting.events, { type: 'consultation_ended', date: '2024-03-25', by, at });
    assert.deepEqual(codes(ended, { type: 'replied', date: '2024-03-26', outcome: 'granted', by, at }), []);
  });

  it('refuses a fee lapse dated before a consultation opened after the notice', () => {
    // Fee noticed 07-03, consultation from 07-10: a lapse on 07-08 (after the notice) would end the consultation before it began.
    const both = application(...noticed.events, { type: 'consultation_started', date: '2024-07-10', party: 'other_agency', by, at });
    assert.deepEqual(codes(both, { type: 'fee_lapsed', date: '2024-07-08', by, at }), [['conclusion-order', 'error']]);
  });

  it('refuses a reply or a withdrawal dated before a consultation that has ended, naming the step, not one the same day', () => {
    // Consultation 03-20 to 03-25: a reply on 03-05 predates both; the latest, the end of 03-25, is named.
    const ended = application(...consulting.events, { type: 'consultation_ended', date: '2024-03-25', by, at });
    const r = appendEvent(ended, { type: 'replied', date: '2024-03-05', outcome: 'granted', by, at }, cal);
    assert.deepEqual([r.accepted, r.issues[0].code, r.issues[0].zh, r.issues[0].en], [false, 'conclusion-order',
      '“答复”的日期2024-03-05早于已记录的“征求意见结束”（2024-03-25）', 'replied dated 2024-03-05, before the consultation_ended of 2024-03-25 already recorded']);
    assert.deepEqual(codes(ended, { type: 'withdrawn', date: '2024-03-22', by, at }), [['conclusion-order', 'error']]);
    // The day the consultation ended is in order (a withdrawal has no due date to be late for).
    assert.deepEqual(codes(ended, { type: 'withdrawn', date: '2024-03-25', by, at }), []);
  });

  it('refuses a reply dated between a 补正 notice and the corrected request received after it, not one the same day', () => {
    // Requested 03-08, received 03-12: a reply on 03-10 would conclude before the corrected request it answers came in.
    const corrected = application(...asked.events, { type: 'correction_received', date: '2024-03-12', by, at });
    const r = appendEvent(corrected, { type: 'replied', date: '2024-03-10', outcome: 'granted', by, at }, cal);
    assert.deepEqual([r.accepted, r.issues[0].zh], [false, '“答复”的日期2024-03-10早于已记录的“收到补正”（2024-03-12）']);
    assert.deepEqual(codes(corrected, { type: 'replied', date: '2024-03-12', outcome: 'granted', by, at }), []);
  });

  it('refuses a reply dated before a fee paid or an extension approved, not one the same day', () => {
    // Fee noticed 07-03, paid 07-05: a reply on 07-04 predates the payment; on 07-05, 4 working days after receipt, it is not late.
    const paid = application(...noticed.events, { type: 'fee_paid', date: '2024-07-05', by, at });
    assert.deepEqual(codes(paid, { type: 'replied', date: '2024-07-04', outcome: 'granted', by, at }), [['conclusion-order', 'error']]);
    assert.deepEqual(codes(paid, { type: 'replied', date: '2024-07-05', outcome: 'granted', by, at }), []);
    // Received 2024-07-01, extended on 07-19 (within the 20 working days to 07-26).
    const extended = application(received('2024-07-01'), { type: 'extended', date: '2024-07-19', days: 10, approvedBy: '王五', by, at });
    const r = appendEvent(extended, { type: 'withdrawn', date: '2024-07-18', by, at }, cal);
    assert.deepEqual([r.accepted, r.issues[0].zh, r.issues[0].en], [false, '“撤回申请”的日期2024-07-18早于已记录的“延长答复期限”（2024-07-19）',
      'withdrawn dated 2024-07-18, before the extended of 2024-07-19 already recorded']);
    assert.deepEqual(codes(extended, { type: 'withdrawn', date: '2024-07-19', by, at }), []);
  });

  it('refuses the end of a consultation or an appeal decision dated before its start, not one the same day', () => {
    assert.deepEqual(codes(consulting, { type: 'consultation_ended', date: '2024-03-19', by, at }), [['consultation-order', 'error']]);
    assert.deepEqual(codes(consulting, { type: 'consultation_ended', date: '2024-03-20', by, at }), []);
    const filed = application(received('2024-09-27'), { type: 'replied', date: '2024-10-10', outcome: 'granted', by, at },
      { type: 'appeal_filed', date: '2024-11-01', caseId: 'F1', route: 'review', by, at });
    assert.deepEqual(codes(filed, { type: 'appeal_decided', date: '2024-10-31', caseId: 'F1', result: 'upheld', by, at }), [['decided-before-filed', 'error']]);
    assert.deepEqual(codes(filed, { type: 'appeal_decided', date: '2024-11-01', caseId: 'F1', result: 'upheld', by, at }), []);
  });
});

describe('dates after today', () => {
  const app = application(received('2025-03-03'));
  const fresh: Application = { id: 'N', events: [] };
  const issuesOn = (target: Application, e: LedgerEvent, today?: string) => appendEvent(target, e, cal, { today }).issues;

  it('warns of, but records, a reply dated after today (2052 typed for 2025)', () => {
    const r = appendEvent(app, { type: 'replied', date: '2052-03-01', outcome: 'granted', by, at }, cal, { today: '2025-03-10' });
    assert.equal(r.accepted, true);
    assert.deepEqual([r.issues[0].zh, r.issues[0].en], ['“答复”的日期2052-03-01晚于今天2025-03-10，请核对', 'replied dated 2052-03-01, after today 2025-03-10; please check']);
    // Received 2025-03-03, due 20 working days later on 03-31: the 2052 reply is late as well.
    assert.deepEqual(r.issues.map((i) => [i.code, i.severity]), [['future-date', 'warning'], ['late-reply', 'warning']]);
  });

  it('warns of a receipt dated after today', () => {
    assert.deepEqual(issuesOn(fresh, received('2025-03-11'), '2025-03-10').map((i) => [i.code, i.severity]), [['future-date', 'warning']]);
  });

  it('says nothing of an event dated today, nor when no today is given (a stored history replayed)', () => {
    assert.deepEqual(issuesOn(app, { type: 'replied', date: '2025-03-10', outcome: 'granted', by, at }, '2025-03-10'), []);
    assert.deepEqual(issuesOn(fresh, received('2025-03-10'), '2025-03-10'), []);
    assert.deepEqual(issuesOn(app, { type: 'consultation_started', date: '2052-03-01', party: 'third_party', by, at }), []);
  });
});

describe('audit trail', () => {
  it('refuses an event that does not say who recorded it and when', () => {
    assert.deepEqual(codes({ id: 'W', events: [] }, { ...received('2024-09-27'), by: '' }), [['who-when', 'error']]);
  });
});
