/**
 * A generated ledger: a few hundred applications received from December 2023 to December 2025, with 补正 (answered or
 * lapsed), consultations, extensions, fees (paid or lapsed), withdrawals, replies of every outcome, and 行政复议 /
 * 行政诉讼. Every event is appended through the ledger's own rules and must be accepted without an issue.
 */
import assert from 'node:assert/strict';
import type { Calendar } from '../../src/ledger/calendar.ts';
import { addDays, type IsoDate } from '../../src/ledger/day.ts';
import { buildReport, type BuildResult } from '../../src/ledger/build.ts';
import { deadlineOf } from '../../src/ledger/deadline.ts';
import { appendEvent, stateOf } from '../../src/ledger/events.ts';
import { feePerPages } from '../../src/ledger/fees.ts';
import { APPLICANT_COLUMNS, IMPLIED_OUTCOMES, OUTCOME_ROWS, type Application, type Channel, type LedgerEvent } from '../../src/ledger/model.ts';

/** mulberry32: a small seeded generator, so the ledger is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Outcomes a reply may carry: the rows reached only through their own event are left to those events. */
const REPLY_OUTCOMES = OUTCOME_ROWS.map((r) => r.id).filter((id) => !Object.values(IMPLIED_OUTCOMES).includes(id) || id === 'other_other')
  .filter((id) => id !== 'unable_unclear');

export function generateLedger(cal: Calendar, count = 360, seed = 20261206): Application[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const chance = (p: number) => rnd() < p;
  const start = '2023-12-01';
  const span = 760;
  const apps: Application[] = [];
  for (let i = 0; i < count; i++) {
    let app: Application = { id: `YSQ-${String(i + 1).padStart(4, '0')}`, events: [] };
    const push = (e: Record<string, unknown>) => {
      const r = appendEvent(app, { by: '经办人', at: `${e.date ?? e.submitted}T10:00:00+08:00`, ...e } as unknown as LedgerEvent, cal);
      assert.deepEqual(r.issues, [], `${app.id}: ${JSON.stringify(e)}`);
      app = r.application;
    };
    const submitted = addDays(start, int(0, span));
    const channel = pick<Channel>(['in_person', 'post', 'online', 'online', 'fax', 'ordinary_mail']);
    const receipt = channel === 'in_person' ? submitted : cal.addWorkingDays(submitted, int(0, 2));
    push({
      type: 'received', channel, submitted, applicantType: chance(0.6) ? APPLICANT_COLUMNS[0].id : pick(APPLICANT_COLUMNS).id,
      applicant: `申请人${int(1, 40)}`, request: `第${i + 1}号申请的政府信息`,
      ...(channel === 'post' ? { signed: receipt } : channel === 'in_person' ? {} : { confirmed: receipt }),
    });
    let last: IsoDate = receipt;
    const later = (lo: number, hi: number) => (last = cal.addWorkingDays(last, int(lo, hi)));
    const due = () => deadlineOf(stateOf(app, cal), cal).due!;
    let corrected = false;
    if (chance(0.1)) {
      push({ type: 'correction_requested', date: later(1, 7), until: addDays(last, 15) });
      if (chance(0.3)) {
        push({ type: 'correction_lapsed', date: addDays(last, int(16, 30)) });
        apps.push(app);
        continue;
      }
      push({ type: 'correction_received', date: later(2, 9) });
      corrected = true;
    }
    if (chance(0.12)) {
      push({ type: 'consultation_started', date: later(1, 5), party: pick(['third_party', 'other_agency']) });
      push({ type: 'consultation_ended', date: later(3, 15) });
    }
    if (chance(0.1)) push({ type: 'extended', date: later(1, 3), days: int(5, 20), approvedBy: '公开办负责人' });
    if (chance(0.08)) {
      const pages = int(31, 320);
      push({ type: 'fee_notified', date: later(1, 3), basis: 'per_page', quantity: pages, amount: feePerPages(pages) });
      if (chance(0.3)) {
        push({ type: 'fee_lapsed', date: later(21, 25) });
        apps.push(app);
        continue;
      }
      push({ type: 'fee_paid', date: later(1, 15) });
    }
    if (chance(0.05)) {
      push({ type: 'withdrawn', date: later(1, 3) });
      apps.push(app);
      continue;
    }
    const replyBy = due();
    const reply = cal.addWorkingDays(last, Math.max(0, Math.min(int(1, 18), cal.workingDaysBetween(last, replyBy))));
    const outcome = corrected && chance(0.2) ? 'unable_unclear' : chance(0.35) ? 'granted' : pick(REPLY_OUTCOMES);
    push({ type: 'replied', date: reply, outcome });
    last = reply;
    if (chance(0.1)) {
      push({ type: 'appeal_filed', date: addDays(reply, int(5, 60)), caseId: `${app.id}-F`, route: 'review' });
      if (chance(0.7)) {
        push({ type: 'appeal_decided', date: addDays(reply, int(70, 150)), caseId: `${app.id}-F`, result: pick(['upheld', 'upheld', 'corrected', 'other']) });
        if (chance(0.4)) push({ type: 'appeal_filed', date: addDays(reply, int(160, 200)), caseId: `${app.id}-S`, route: 'litigation_after_review' });
      }
    } else if (chance(0.04)) {
      push({ type: 'appeal_filed', date: addDays(reply, int(5, 60)), caseId: `${app.id}-S`, route: 'litigation_direct' });
      if (chance(0.5)) push({ type: 'appeal_decided', date: addDays(reply, int(90, 200)), caseId: `${app.id}-S`, result: pick(['upheld', 'other']) });
    }
    apps.push(app);
  }
  return apps;
}

/**
 * The generated ledger's two reports as its agency publishes them: 2024, then 2025 with 2024 as its previous, both
 * with the same table 二 entered by hand.
 */
export function generatedYears(cal: Calendar): { ledger: Application[]; y2024: BuildResult; y2025: BuildResult } {
  const ledger = generateLedger(cal);
  const table2 = {
    regulations: { issued: 0, repealed: 0, in_force: 0 },
    normative_docs: { issued: 2, repealed: 1, in_force: 13 },
    licensing: 120, punishment: 30, coercion: 0, fees_wan_yuan: 1.5,
  };
  const options = { agency: '某市生态环境局', table2, calendar: cal };
  const y2024 = buildReport(ledger, { ...options, year: 2024, published: '2025-01-20' });
  const y2025 = buildReport(ledger, { ...options, year: 2025, previous: y2024.report, published: '2026-01-20' });
  return { ledger, y2024, y2025 };
}
