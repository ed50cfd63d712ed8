/**
 * The ledger in the store, on both engines: applications added and events appended through the ledger's rules,
 * refusals with their reasons, the tables refusing every change to history, due status as of a day, sheets imported
 * all or nothing, and the report built from the stored ledger with last year's stored report as `previous`. Due dates
 * were counted by hand on the 2024 calendar (国庆 10-01…07, 调休 Sundays 09-29 and 10-12 worked).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { chineseCalendar } from '../../src/ledger/calendar.ts';
import { exportCsv, importCsv, SHEET_COLUMNS } from '../../src/ledger/import.ts';
import type { Application, Received } from '../../src/ledger/model.ts';
import { expandInputs } from '../../src/pipeline/index.ts';
import { renderTextTab } from '../../src/render/index.ts';
import {
  addLedgerApplication, appendLedgerEvent, buildLedgerReport, exportLedger, getLedgerApplication, importFiles, importLedger,
  ledgerAgencies, ledgerApplications, LedgerRefused, ledgerTable2, listLedger, saveLedgerTable2, Store, type NewReceived,
} from '../../src/store/index.ts';
import { generateLedger } from '../ledger/generate.ts';
import { generateReport } from '../support/generate.ts';
import { freshEngine, writeReportFile, type TestEngine } from '../support/store.ts';

const calendar = chineseCalendar([]);
const AGENCY = '某市生态环境局';
const received = (submitted: string): NewReceived => ({
  type: 'received', channel: 'in_person', submitted, applicantType: 'natural_person', applicant: '张某', request: '某项目环评批复', by: '李四',
});
const HEAD = SHEET_COLUMNS.map(([, h]) => h).join(',');
const sheetOf = (...rows: Record<string, string>[]) => [HEAD, ...rows.map((r) => SHEET_COLUMNS.map(([, h]) => r[h] ?? '').join(','))].join('\n');
const parse = (csv: string) => importCsv(csv, { calendar, by: '台账导入', at: '2026-01-05T09:00:00+08:00' });
/** The day of receipt as the generator sets it: signed for post, confirmed for the other channels but in person. */
const receiptOf = (app: Application) => {
  const r = app.events[0] as Received;
  return r.signed ?? r.confirmed ?? r.submitted;
};

for (const name of ['pglite', 'postgres'] as const) {
  describe(`ledger store on ${name}`, () => {
    let engine: TestEngine;
    let store: Store;
    before(async () => {
      engine = await freshEngine(name);
      store = await Store.open(engine.options);
    });
    after(async () => {
      await store.close();
      await engine.drop();
    });

    it('adds an application, appends events with who and when, and gives the history back', async () => {
      const started = Date.now();
      await addLedgerApplication(store.db, AGENCY, 'A', received('2024-09-27'), calendar);
      const reply = await appendLedgerEvent(store.db, AGENCY, 'A', { type: 'replied', date: '2024-10-10', outcome: 'granted', by: '王五' }, calendar);
      assert.equal(reply.seq, 1);
      const entry = (await getLedgerApplication(store.db, AGENCY, 'A', { calendar, asOf: '2024-10-25' }))!;
      assert.deepEqual(entry.application.events.map((e) => [e.type, e.by]), [['received', '李四'], ['replied', '王五']]);
      for (const e of entry.application.events) assert.ok(new Date(e.at) >= new Date(started - 1000), e.at);
      assert.equal(entry.state.outcome, 'granted');
      assert.equal(entry.status.status, 'concluded');
      assert.equal(entry.status.due, '2024-10-30');
      assert.equal(entry.status.late, false);
    });

    it('refuses what the rules refuse, in Chinese and English, and stores nothing', async () => {
      await addLedgerApplication(store.db, AGENCY, 'B', received('2024-10-21'), calendar);
      await assert.rejects(appendLedgerEvent(store.db, AGENCY, 'B', { type: 'replied', date: '2024-10-18', outcome: 'granted', by: '王五' }, calendar),
        (e: unknown) => e instanceof LedgerRefused && /早于收到申请之日2024-10-21.*before the receipt on 2024-10-21/.test(e.message));
      await assert.rejects(appendLedgerEvent(store.db, AGENCY, 'B', { type: 'replied', outcome: 'granted', by: '王五' } as never, calendar),
        /办理结果须有答复日期.*an outcome needs a reply date/);
      await assert.rejects(addLedgerApplication(store.db, AGENCY, 'B', received('2024-10-21'), calendar), /编号“B”的申请已登记/);
      await assert.rejects(addLedgerApplication(store.db, AGENCY, 'C', { ...received('2024-10-21'), channel: 'post' }, calendar), /须填写签收日期/);
      const entry = await getLedgerApplication(store.db, AGENCY, 'B', { calendar, asOf: '2024-10-25' });
      assert.equal(entry!.application.events.length, 1);
      assert.equal(await getLedgerApplication(store.db, AGENCY, 'C', { calendar, asOf: '2024-10-25' }), undefined);
    });

    it('keeps concurrent appends in one order, each with its own place', async () => {
      const cases = Array.from({ length: 8 }, (_, i) => `复议-${i}`);
      const appended = await Promise.all(cases.map((caseId) =>
        appendLedgerEvent(store.db, AGENCY, 'A', { type: 'appeal_filed', date: '2024-11-01', caseId, route: 'review', by: '王五' }, calendar)));
      assert.deepEqual(appended.map((a) => a.seq).sort((x, y) => x - y), [2, 3, 4, 5, 6, 7, 8, 9]);
      const entry = await getLedgerApplication(store.db, AGENCY, 'A', { calendar, asOf: '2024-12-31' });
      assert.equal(entry!.state.appeals.length, 8);
    });

    it('refuses every change to history in the database itself', async () => {
      for (const statement of [
        sql`update ledger_event set kind = 'withdrawn'`, sql`delete from ledger_event`, sql`truncate ledger_event`,
        sql`update ledger_application set applicant = '某'`, sql`delete from ledger_application`,
      ]) {
        await assert.rejects(statement.execute(store.db), /台账只能追加记录/);
      }
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from ledger_event`.execute(store.db);
      assert.equal(rows[0].n, 11); // A: received, replied, 8 appeals; B: received
    });

    it('lists the applications received by a day, overdue first', async () => {
      // D received 2024-08-01: 20 working days end on 2024-08-29, long past on 2024-10-25.
      await addLedgerApplication(store.db, AGENCY, 'D', received('2024-08-01'), calendar);
      const entries = await listLedger(store.db, AGENCY, { calendar, asOf: '2024-10-25' });
      // B received 2024-10-21: due 2024-11-18 (20 working days, no holiday), 18 left on 10-25 → open.
      assert.deepEqual(entries.map((e) => [e.number, e.status.status, e.status.due]), [
        ['D', 'overdue', '2024-08-29'], ['B', 'open', '2024-11-18'], ['A', 'concluded', '2024-10-30'],
      ]);
      // On 2024-10-09, A was not replied to yet (7 working days left: 10-10, 11, 12, 14, 15, 16, 17… due 10-30) and B not received.
      const earlier = await listLedger(store.db, AGENCY, { calendar, asOf: '2024-10-09' });
      assert.deepEqual(earlier.map((e) => [e.number, e.status.status]), [['D', 'overdue'], ['A', 'open']]);
      assert.deepEqual(await ledgerAgencies(store.db).then((a) => a.map((x) => [x.name, x.applications])), [[AGENCY, 3]]);
    });

    it('takes back its own export of events the sheet has no columns for, and appends what the sheet adds', async () => {
      const agency = '某市住房和城乡建设局';
      await addLedgerApplication(store.db, agency, 'E', received('2025-03-03'), calendar);
      for (const [type, date] of [['consultation_started', '2025-03-05'], ['consultation_ended', '2025-03-10'], ['consultation_started', '2025-03-11'], ['consultation_ended', '2025-03-12']]) {
        await appendLedgerEvent(store.db, agency, 'E', { type, date, party: 'third_party', name: '某公司', by: '李四' } as never, calendar);
      }
      const exported = await exportLedger(store.db, agency);
      const same = await importLedger(store.db, agency, parse(exported), calendar);
      assert.deepEqual([same.stored, same.unchanged, same.appended], [true, 1, 0], JSON.stringify(same.problems));
      const replied = exported.trimEnd().split('\n');
      const cells = replied[1].split(',');
      const column = (key: string) => SHEET_COLUMNS.findIndex(([k]) => k === key);
      cells[column('replied')] = '2025-04-10';
      cells[column('outcome')] = '予以公开';
      const added = await importLedger(store.db, agency, parse([replied[0], cells.join(',')].join('\n')), calendar);
      assert.deepEqual([added.stored, added.appended], [true, 1], JSON.stringify(added.problems));
      const events = (await ledgerApplications(store.db, agency))[0].events;
      assert.deepEqual(events.map((e) => e.type), ['received', 'consultation_started', 'consultation_ended', 'consultation_started', 'consultation_ended', 'replied']);
      assert.equal(events.at(-1)!.by, '台账导入');
    });

    it('imports a sheet all or nothing, appends what a stored application lacks, and refuses a rewrite', async () => {
      const agency = '某市交通运输局';
      const generated = exportCsv(generateLedger(calendar, 60)).trimEnd();
      const open = { 编号: 'OPEN-1', 申请人类型: '自然人', 收到方式: '当面', 提交日期: '2025-12-01' };
      const row = 62; // header, 60 generated rows, then this one
      const withRow = (r: Record<string, string>, ...more: Record<string, string>[]) => `${generated}\n${sheetOf(r, ...more).split('\n').slice(1).join('\n')}`;
      const first = await importLedger(store.db, agency, parse(withRow(open)), calendar);
      assert.deepEqual([first.stored, first.added, first.problems.filter((p) => p.severity === 'error')], [true, 61, []]);
      const again = await importLedger(store.db, agency, parse(await exportLedger(store.db, agency)), calendar);
      assert.deepEqual([again.stored, again.added, again.appended, again.unchanged], [true, 0, 0, 61]);

      const replied = { ...open, 答复日期: '2025-12-10', 办理结果: '予以公开' };
      const added = await importLedger(store.db, agency, parse(withRow(replied)), calendar);
      assert.deepEqual([added.stored, added.appended, added.unchanged], [true, 1, 60], JSON.stringify(added.problems));
      assert.equal((await getLedgerApplication(store.db, agency, 'OPEN-1', { calendar, asOf: '2025-12-31' }))?.state.outcome, 'granted');

      // The same reply with another date is a rewrite: refused at its row (a title row above the header counts), and
      // the new row after it not stored either.
      const titled = `2025年依申请公开登记台账\n${withRow({ ...replied, 答复日期: '2025-12-11' }, { ...open, 编号: 'NEW-1' })}`;
      const rewrite = await importLedger(store.db, agency, parse(titled), calendar);
      assert.equal(rewrite.stored, false);
      assert.deepEqual(rewrite.problems.map((p) => [p.row, p.id]), [[row + 1, 'OPEN-1']]);
      assert.match(rewrite.problems[0].zh, /库中已记录的“答复（2025-12-10）”在表格中没有或已改动；台账只能追加/);
      assert.equal((await ledgerApplications(store.db, agency)).length, 61);

      // A row breaking a rule: nothing of the file is stored, the row is named.
      const bad = await importLedger(store.db, agency, parse(sheetOf(
        { 编号: 'NEW-2', 申请人类型: '自然人', 收到方式: '当面', 提交日期: '2025-12-01' },
        { 编号: 'NEW-3', 申请人类型: '自然人', 收到方式: '当面', 提交日期: '2025-12-10', 答复日期: '2025-12-05', 办理结果: '予以公开' },
      )), calendar);
      assert.equal(bad.stored, false);
      assert.deepEqual(bad.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.id]), [[3, 'NEW-3']]);
      assert.equal((await ledgerApplications(store.db, agency)).length, 61);
    });

    it('builds the year from the stored ledger with last year\'s stored report as previous', async () => {
      const agency = '某市水利局';
      const ledger = generateLedger(calendar, 120, 7);
      assert.equal((await importLedger(store.db, agency, parse(exportCsv(ledger)), calendar)).stored, true);
      const none = await buildLedgerReport(store.db, agency, 2025, { calendar });
      assert.equal(none.previous, null);
      assert.equal(none.applications, 120);
      assert.equal(none.final, false);
      assert.ok(none.blocking.some((b) => b.zh === '尚未填写表二'));
      const newIn2025 = ledger.filter((a) => receiptOf(a).startsWith('2025')).length;
      assert.equal(none.report.table3!.new_received!.at(-1), newIn2025);

      const dir = mkdtempSync(join(tmpdir(), 'xxgk-ledger-prev-'));
      try {
        const data = { ...generateReport(3, { version: '2021' }), agency, year: 2024 };
        const file = writeReportFile(dir, '2024.txt', renderTextTab(data));
        for await (const event of importFiles(store, await expandInputs([file]), { agency, year: 2024 })) assert.notEqual(event.status, 'unreadable');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      const built = await buildLedgerReport(store.db, agency, 2025, { calendar });
      assert.equal(built.previous?.year, 2024);
      assert.equal(built.report.agency, agency);
      assert.equal(built.report.table3!.new_received!.at(-1), newIn2025);
    });

    it('keeps every version of table 二: the latest is current, blanks stay blank, history cannot change', async () => {
      const T2 = '某市交通运输局';
      const cells = (licensing: number | null) => ({
        regulations: { issued: 1, repealed: 0, in_force: 12 }, normative_docs: { issued: 3, repealed: 1, in_force: 40 },
        licensing, punishment: 25, coercion: 0, fees_wan_yuan: 1.5,
      });
      await saveLedgerTable2(store.db, T2, 2025, cells(null), '赵六');
      await saveLedgerTable2(store.db, T2, 2025, cells(318), '钱七');
      const current = (await ledgerTable2(store.db, T2, 2025))!;
      assert.equal(current.by, '钱七');
      assert.equal(current.table2.licensing, 318);
      assert.equal(await ledgerTable2(store.db, T2, 2024), undefined);
      const { rows } = await sql<{ by: string; licensing: number | null }>`select recorded_by as by, ("values"->>'licensing')::float as licensing
        from ledger_table2 order by id`.execute(store.db);
      assert.deepEqual(rows, [{ by: '赵六', licensing: null }, { by: '钱七', licensing: 318 }]);
      for (const statement of [sql`update ledger_table2 set year = 2024`, sql`delete from ledger_table2`, sql`truncate ledger_table2`]) {
        await assert.rejects(statement.execute(store.db), /台账只能追加记录/);
      }
      for (const bad of [{ ...cells(-1) }, { ...cells(1), punishment: '二十' as never }, { ...cells(1), invented: 3 }]) {
        await assert.rejects(saveLedgerTable2(store.db, T2, 2025, bad, '孙八'), (e: Error) => e.message.startsWith('表二有误'));
      }
      const built = await buildLedgerReport(store.db, T2, 2025, { calendar });
      assert.equal(built.report.table2?.punishment, 25);
      assert.ok(!built.blocking.some((b) => b.zh === '尚未填写表二'));
    });

    it('registers a number once when writers race to create a new agency: the others are told it is taken', async () => {
      const agency = '某县新设数据局';
      const tries = await Promise.allSettled([1, 2, 3].map(() => addLedgerApplication(store.db, agency, 'R-1', received('2024-10-08'), calendar)));
      assert.equal(tries.filter((t) => t.status === 'fulfilled').length, 1);
      for (const t of tries) if (t.status === 'rejected') assert.match(String(t.reason), /编号“R-1”的申请已登记/);
      assert.equal((await ledgerApplications(store.db, agency)).length, 1);
    });

    it('refuses a payment dated before its fee notice, and records a date after the caller\'s today with a warning', async () => {
      const agency = '某县自然资源局';
      const today = { today: '2025-03-10' };
      assert.deepEqual((await addLedgerApplication(store.db, agency, 'F', received('2025-03-03'), calendar, today)).issues, []);
      // 150 pages: 30 free, 70 (31–100) at 10 yuan = 700, 50 (101–150) at 20 yuan = 1000: 1700 yuan.
      await appendLedgerEvent(store.db, agency, 'F', { type: 'fee_notified', date: '2025-03-05', basis: 'per_page', quantity: 150, amount: 1700, by: '李四' }, calendar, today);
      await assert.rejects(appendLedgerEvent(store.db, agency, 'F', { type: 'fee_paid', date: '2025-03-04', by: '李四' }, calendar, today),
        (e: unknown) => e instanceof LedgerRefused && /早于收费通知之日2025-03-05.*before the fee notice of 2025-03-05/.test(e.message));
      const paid = await appendLedgerEvent(store.db, agency, 'F', { type: 'fee_paid', date: '2025-03-11', by: '李四' }, calendar, today);
      assert.deepEqual(paid.issues.map((i) => [i.code, i.severity]), [['future-date', 'warning']]);
      assert.equal((await ledgerApplications(store.db, agency))[0].events.length, 3, 'received, notified, paid: the early payment was not stored');
    });
  });
}
