/**
 * Reports against the roster, on both engines: the roster's parent column kept and exported again; for a year, the
 * agencies without a report and the reports published after their level's deadline (31 January for a department,
 * 31 March for the 本级政府 report), each expected value worked out by hand below.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { expandInputs } from '../../src/pipeline/index.ts';
import { renderHtmlPage } from '../../src/render/index.ts';
import { RosterError } from '../../src/roster/index.ts';
import { exportRoster, importFiles, importRoster, lateReports, missingReports, Store } from '../../src/store/index.ts';
import { generateReport } from '../support/generate.ts';
import { freshEngine, type TestEngine } from '../support/store.ts';

const ROSTER = `机关,别名,地区,级别,上级
淮安市人民政府,,江苏省淮安市,本级政府,
淮安市公安局,,江苏省淮安市,部门,淮安市人民政府
淮安市教育局,,江苏省淮安市,部门,淮安市人民政府
淮安市民政局,,江苏省淮安市,部门,淮安市人民政府
淮安市交通运输局,,江苏省淮安市,部门,
`;

/** [agency, year, published]: who reported for which year, and when it was published. */
const REPORTS: [string, number, string][] = [
  ['淮安市人民政府', 2023, '2024-03-15'], // 本级政府: on time (deadline 2024-03-31)
  ['淮安市公安局', 2023, '2024-02-10'], // department: 10 days after 2024-01-31
  ['淮安市教育局', 2023, '2024-01-20'], // department: on time
  ['淮安市民政局', 2022, '2023-04-01'], // a 2022 report only: missing for 2023, 60 days late for 2022 (28 + 31 + 1)
];

const work = mkdtempSync(join(tmpdir(), 'xxgk-deadlines-'));
after(() => rmSync(work, { recursive: true, force: true }));
REPORTS.forEach(([agency, year, published], i) => {
  const data = { ...generateReport(500 + i, { version: '2021' }), agency, year, published };
  writeFileSync(join(work, `${i}.html`), renderHtmlPage(data));
});

for (const name of ['pglite', 'postgres'] as const) {
  describe(`roster and deadlines on ${name}`, () => {
    let engine: TestEngine;
    let store: Store;
    before(async () => {
      engine = await freshEngine(name);
      store = await Store.open(engine.options);
      assert.equal(await importRoster(store.db, ROSTER), 5);
      for await (const event of importFiles(store, await expandInputs([work]), { limits: { concurrency: 2 } })) {
        assert.equal(event.status, 'imported', event.path);
      }
    });
    after(async () => {
      await store?.close();
      await engine?.drop();
    });

    test('the parent a roster declares is stored and exported; a blank parent later leaves it', async () => {
      await importRoster(store.db, '机关,上级\n淮安市公安局,\n');
      const { rows } = await exportRoster(store.db);
      const parents = Object.fromEntries(rows.map((r) => [r.agency, r.parent]));
      assert.deepEqual(parents, {
        淮安市人民政府: '', 淮安市公安局: '淮安市人民政府', 淮安市教育局: '淮安市人民政府', 淮安市民政局: '淮安市人民政府', 淮安市交通运输局: '',
      });
    });

    test('a roster with faulty rows names each row and writes nothing', async () => {
      const before = await store.db.selectFrom('agency').select('name').execute();
      const faulty = '机关,级别,上级\n淮安市财政局,部门,淮安市人民政府\n,部门,\n淮安市审计局,省级,\n淮安市财政局,部门,\n';
      await assert.rejects(importRoster(store.db, faulty), (e: Error) => {
        assert.ok(e instanceof RosterError);
        assert.deepEqual(e.problems.map((p) => p.line), [3, 4, 5]);
        return true;
      });
      assert.equal((await store.db.selectFrom('agency').select('name').execute()).length, before.length);
    });

    test('agencies without a report of the year', async () => {
      const missing = await missingReports(store.db, 2023);
      assert.deepEqual(missing.rows.map((r) => [r.agency, r.region, r.level, r.parent]), [
        ['淮安市交通运输局', '江苏省淮安市', '部门', null],
        ['淮安市民政局', '江苏省淮安市', '部门', '淮安市人民政府'],
      ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
      assert.equal((await missingReports(store.db, 2022)).rows.length, 4);
    });

    test('reports published after their level\'s deadline', async () => {
      const late = await lateReports(store.db, 2023);
      assert.deepEqual(late.rows.map((r) => [r.agency, r.value, r.numerator, r.denominator]), [['淮安市公安局', 10, '2024-02-10', '2024-01-31']]);
      const earlier = await lateReports(store.db, 2022);
      assert.deepEqual(earlier.rows.map((r) => [r.agency, r.value]), [['淮安市民政局', 60]]);
    });
  });
}
