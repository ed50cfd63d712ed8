/**
 * A report built from a generated two-year ledger passes every rule, and its table 三 recounts from the raw events
 * independently of the ledger's fold.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { versionById } from '../../src/format/index.ts';
import { buildReport } from '../../src/ledger/build.ts';
import { chineseCalendar } from '../../src/ledger/calendar.ts';
import { APPLICANT_COLUMNS, OUTCOME_ROWS, type Application, type LedgerEvent } from '../../src/ledger/model.ts';
import type { Report } from '../../src/report/types.ts';
import { generateLedger } from './generate.ts';

const cal = chineseCalendar([]);
const ledger = generateLedger(cal);
const table2 = (inForce: number) => ({
  regulations: { issued: 0, repealed: 0, in_force: 0 },
  normative_docs: { issued: 2, repealed: 1, in_force: inForce },
  licensing: 120, punishment: 30, coercion: 0, fees_wan_yuan: 1.5,
});
const build = (year: number, previous?: Report) => buildReport(ledger, {
  year, agency: '某市生态环境局', table2: table2(year - 2012), calendar: cal, previous, published: `${year + 1}-01-20`,
});

/** Table 三 counted straight from the events: receipt by channel, the first concluding event, its outcome. */
function recount(apps: Application[], year: number): Record<string, number[]> {
  const rows: Record<string, number[]> = {};
  const add = (row: string, col: number) => ((rows[row] ??= Array(7).fill(0))[col]++, rows[row][6]++);
  const concluding: Record<string, (e: LedgerEvent) => string> = {
    replied: (e) => (e as { outcome: string }).outcome,
    withdrawn: () => 'other_other',
    correction_lapsed: () => 'other_overdue_correction',
    fee_lapsed: () => 'other_overdue_fee',
  };
  for (const app of apps) {
    const r = app.events[0] as Extract<LedgerEvent, { type: 'received' }>;
    const receipt = r.channel === 'in_person' ? r.submitted : r.channel === 'post' ? r.signed! : r.confirmed!;
    const end = app.events.find((e) => e.type in concluding) as (LedgerEvent & { date: string }) | undefined;
    const col = APPLICANT_COLUMNS.findIndex((c) => c.id === r.applicantType);
    const openOn = (day: string) => receipt <= day && !(end && end.date <= day);
    if (receipt.startsWith(String(year))) add('new_received', col);
    if (openOn(`${year - 1}-12-31`)) add('carried_over', col);
    if (end?.date.startsWith(String(year))) {
      add(concluding[end.type](end), col);
      add('total_processed', col);
    }
    if (openOn(`${year}-12-31`)) add('carried_forward', col);
  }
  return rows;
}

describe('buildReport from a generated ledger', () => {
  const y2024 = build(2024);
  const y2025 = build(2025, y2024.report);

  it('has a few hundred applications with every kind of event', () => {
    const types = new Set(ledger.flatMap((a) => a.events.map((e) => e.type)));
    assert.ok(ledger.length >= 300);
    assert.deepEqual([...types].sort(), ['appeal_decided', 'appeal_filed', 'consultation_ended', 'consultation_started',
      'correction_lapsed', 'correction_received', 'correction_requested', 'extended', 'fee_lapsed', 'fee_notified', 'fee_paid',
      'received', 'replied', 'withdrawn']);
  });

  it('passes every rule in both years, the second checked against the first', () => {
    const errors = (r: Report) => r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`);
    assert.deepEqual([errors(y2024.report), errors(y2025.report)], [[], []]);
    assert.deepEqual([y2024.final, y2025.final], [true, true]);
    // An unedited draft reads like last year's: the agency is told to write this year's prose.
    assert.deepEqual(y2025.report.findings.filter((f) => f.severity !== 'error').map((f) => f.rule), ['narrative-similar']);
  });

  it('recounts table 三 from the raw events', () => {
    for (const { report } of [y2024, y2025]) {
      const expected = recount(ledger, report.year!);
      const table = versionById('2021').tables.table3;
      for (const row of table.rows) assert.deepEqual([row.id, report.table3![row.id]], [row.id, expected[row.id] ?? Array(7).fill(0)]);
    }
  });

  it('carries 2024 forward into 2025 and reports something in every outcome group', () => {
    assert.deepEqual(y2025.report.table3!.carried_over, y2024.report.table3!.carried_forward);
    const used = OUTCOME_ROWS.filter((r) => [y2024, y2025].some(({ report }) => Number(report.table3![r.id][6]) > 0)).length;
    assert.ok(used >= OUTCOME_ROWS.length - 2, `${used} of ${OUTCOME_ROWS.length} outcome rows used`);
    assert.ok(Number(y2025.report.table4!.review.total) > 0);
  });

  it('states the fees collected in section 六', () => {
    const six = y2025.report.sections.find((s) => s.number === '六')!.text;
    assert.match(six, /收取信息处理费\d+元，涉及政府信息公开申请\d+件/);
  });
});

describe('buildReport details', () => {
  const by = '经办人';
  const at = '2021-01-01T09:00:00+08:00';
  const app = (id: string, date: string, ...events: Record<string, unknown>[]): Application => ({
    id,
    events: [
      { type: 'received', channel: 'in_person', submitted: date, applicantType: 'commercial', applicant: '某公司', request: '某信息', by, at },
      ...events.map((e) => ({ by, at, ...e }) as LedgerEvent),
    ],
  });

  it('counts 2020 under the 2019 template, the 2021 （六） rows in its one （六）其他处理 row', () => {
    const { report } = buildReport([
      app('A', '2020-03-02', { type: 'withdrawn', date: '2020-03-05' }),
      app('B', '2020-03-02', { type: 'replied', date: '2020-03-10', outcome: 'granted' }),
      app('C', '2020-12-28'),
    ], { year: 2020, agency: '某县交通运输局', calendar: cal });
    assert.equal(report.format_version, '2019');
    assert.deepEqual([report.table3!.other_processing, report.table3!.granted, report.table3!.carried_forward],
      [[0, 1, 0, 0, 0, 0, 1], [0, 1, 0, 0, 0, 0, 1], [0, 1, 0, 0, 0, 0, 1]]);
    assert.equal(report.table3!.other_other, undefined);
  });

  it('warns of an application carried forward whose correction or fee limit ran out with no lapse recorded', () => {
    const ledger = [
      app('2024-017', '2024-11-01', { type: 'correction_requested', date: '2024-11-05', until: '2024-12-10' }),
      // Fee notice Monday 2024-11-04: 20 working days to pay, 11-05..08 (4), 11-11..15 (9), 11-18..22 (14),
      // 11-25..29 (19), 12-02 (20).
      app('2024-018', '2024-11-01', { type: 'fee_notified', date: '2024-11-04', basis: 'per_page', quantity: 50, amount: 200 }),
      // Not warned: the period ends on 31 December itself; the lapse is recorded; the payment is due in January
      // (12-10 + 20 working days); concluded since (withdrawn in the next year).
      app('2024-019', '2024-11-01', { type: 'correction_requested', date: '2024-11-05', until: '2024-12-31' }),
      app('2024-020', '2024-11-01', { type: 'correction_requested', date: '2024-11-05', until: '2024-12-10' }, { type: 'correction_lapsed', date: '2024-12-16' }),
      app('2024-021', '2024-11-01', { type: 'fee_notified', date: '2024-12-10', basis: 'per_page', quantity: 50, amount: 200 }),
      app('2024-022', '2024-11-01', { type: 'correction_requested', date: '2024-11-05', until: '2024-12-10' }, { type: 'withdrawn', date: '2025-01-06' }),
    ];
    const built = buildReport(ledger, { year: 2024, agency: '某县交通运输局', calendar: cal });
    const warnings = built.issues.filter((i) => i.issue.severity === 'warning').map((i) => [i.application, i.issue.code, i.issue.zh, i.issue.en]);
    assert.deepEqual(warnings, [
      ['2024-017', 'correction-lapse-unrecorded', '申请2024-017的补正期限2024-12-10已过，但未记录逾期未补正：如已视为撤回，请补记后再统计',
        'application 2024-017: the correction period ended 2024-12-10 and no lapse is recorded: if it is deemed withdrawn, record the lapse before counting'],
      ['2024-018', 'fee-lapse-unrecorded', '申请2024-018的缴费期限2024-12-02已过，但未记录逾期未缴费：如已视为放弃申请，请补记后再统计',
        'application 2024-018: the fee was due by 2024-12-02 and no lapse is recorded: if the application is deemed given up, record the lapse before counting'],
    ]);
    // A warning, not a reason to withhold "final": only table 二 is missing.
    assert.deepEqual(built.blocking.map((b) => b.en), ['table 2 not entered']);
    // Not carried forward in 2023 (received in 2024).
    assert.deepEqual(buildReport(ledger, { year: 2023, agency: '某县交通运输局', calendar: cal }).issues, []);
  });

  it("starts from last year's prose for the parts the ledger does not write", () => {
    const previous = build(2024).report;
    previous.sections = previous.sections.map((s) => (s.number === '一'
      ? { ...s, text: '（一）主动公开情况\n全年通过门户网站主动公开政府信息。\n（三）政府信息管理情况\n严格落实公开审查。', paragraphs: [] }
      : s.number === '五' ? { ...s, text: '公开内容的规范性有待提高。', paragraphs: [] } : s));
    const { report } = build(2025, previous);
    const text = (n: string) => report.sections.find((s) => s.number === n)!.text;
    assert.match(text('一'), /（一）主动公开情况\n全年通过门户网站主动公开政府信息。\n（二）依申请公开情况\n2025年，本机关新收/);
    assert.match(text('一'), /（三）政府信息管理情况\n严格落实公开审查。\n（四）/);
    assert.equal(text('五'), '公开内容的规范性有待提高。');
  });
});

describe('table 四 from the ledger', () => {
  const by = '经办人';
  const at = '2024-01-01T09:00:00+08:00';
  const replied = (id: string, date: string, ...events: LedgerEvent[]): Application => ({
    id,
    events: [
      { type: 'received', channel: 'in_person', submitted: date, applicantType: 'natural_person', applicant: '甲', request: '某信息', by, at },
      { type: 'replied', date: cal.addWorkingDays(date, 5), outcome: 'denied_process_info', by, at },
      ...events,
    ],
  });
  const ledger4 = [
    replied('R1', '2024-03-01', { type: 'appeal_filed', date: '2024-11-20', caseId: 'R1-1', route: 'review', by, at },
      { type: 'appeal_decided', date: '2025-01-15', caseId: 'R1-1', result: 'corrected', by, at }),
    replied('R2', '2024-04-01', { type: 'appeal_filed', date: '2024-05-01', caseId: 'R2-1', route: 'review', by, at },
      { type: 'appeal_decided', date: '2024-06-01', caseId: 'R2-1', result: 'upheld', by, at },
      { type: 'appeal_filed', date: '2024-06-10', caseId: 'R2-2', route: 'litigation_after_review', by, at }),
  ];
  const table4 = (year: number) => buildReport(ledger4, { year, agency: '某市生态环境局', calendar: cal }).report.table4!;

  it('counts a case in every year it is open: pending while undecided on 31 December, its result in the year decided', () => {
    assert.deepEqual(table4(2024).review, { upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 });
    assert.deepEqual(table4(2025).review, { upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 });
    assert.deepEqual(table4(2024).litigation_after_review, { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    assert.deepEqual(table4(2025).litigation_after_review, { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    assert.deepEqual(table4(2023).review, { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
  });
});
