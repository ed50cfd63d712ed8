/**
 * The questions a region's dashboard asks, on both engines: 淮安市 (with 洪泽区 under it) over 2022 and 2023, one
 * county government that skipped 2023 and a roster agency that never reported; every answer checked against values
 * computed here from the generated reports, then the two engines' answers compared.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { expandInputs } from '../../src/pipeline/index.ts';
import { renderHtmlPage, type ReportData } from '../../src/render/index.ts';
import { valueAt } from '../../src/report/cells.ts';
import type { Report } from '../../src/report/types.ts';
import { parseRoster } from '../../src/roster/index.ts';
import { findRegion, importFiles, importRoster, Store } from '../../src/store/index.ts';
import { regionAgencies } from '../../src/store/queries/region-agencies.ts';
import { regionTrend } from '../../src/store/queries/region-trend.ts';
import { missingMembers, regionAgencyPage, subRegions } from '../../src/store/queries/region-tree.ts';
import { regionForest } from '../../src/store/web-queries.ts';
import { generateReport } from '../support/generate.ts';
import { freshEngine, type TestEngine } from '../support/store.ts';

const ROSTER = `机关,别名,地区,级别
淮安市人民政府,,江苏省淮安市,本级政府
淮安市公安局,,江苏省淮安市,部门
淮安市教育局,,江苏省淮安市,部门
淮安市财政局,,江苏省淮安市,部门
淮安市洪泽区卫生健康局,,江苏省淮安市洪泽区,部门
淮安市洪泽区司法局,,江苏省淮安市洪泽区,部门
金湖县人民政府,,江苏省淮安市金湖县,本级政府
`;
const roster = parseRoster(ROSTER).entries;
const NEVER = '淮安市财政局';
const SKIPPED_2023 = '金湖县人民政府';

interface Stored {
  agency: string;
  year: number;
  data: ReportData;
}

const stored: Stored[] = roster.flatMap((entry, i) =>
  [2022, 2023]
    .filter((year) => entry.agency !== NEVER && !(entry.agency === SKIPPED_2023 && year === 2023))
    .map((year) => {
      const data = generateReport(500 + i * 10 + year, { version: '2021', blanks: true });
      return { agency: entry.agency, year, data: { ...data, agency: entry.agency, year, published: `${year + 1}-01-20` } };
    }),
);

const work = mkdtempSync(join(tmpdir(), 'xxgk-dashboard-test-'));
after(() => rmSync(work, { recursive: true, force: true }));
mkdirSync(join(work, 'reports'));
stored.forEach((s, i) => writeFileSync(join(work, 'reports', `${i}.html`), renderHtmlPage(s.data)));

const value = (s: Stored, key: string) => valueAt(s.data as unknown as Report, key);
/** A sum over some reports as the store should make it: null when none has a number there. */
function sum(reports: Stored[], keys: string[]): number | null {
  const numbers = reports.flatMap((s) => keys.map((k) => value(s, k))).filter((v): v is number => typeof v === 'number');
  return numbers.length ? numbers.reduce((a, b) => a + b, 0) : null;
}
const inYear = (year: number, prefix = '江苏省淮安市') =>
  stored.filter((s) => s.year === year && roster.find((e) => e.agency === s.agency)!.region.startsWith(prefix));

const answers: Record<string, unknown> = {};

for (const name of ['pglite', 'postgres'] as const) {
  describe(`dashboard questions on ${name}`, () => {
    let engine: TestEngine;
    let store: Store;
    let huaian: number;
    const seen: Record<string, unknown> = {};
    before(async () => {
      engine = await freshEngine(name);
      store = await Store.open(engine.options);
      await importRoster(store.db, ROSTER);
      for await (const event of importFiles(store, await expandInputs([join(work, 'reports')]), { limits: { concurrency: 2 } })) {
        assert.equal(event.status, 'imported', event.path);
      }
      huaian = (await findRegion(store.db, '淮安市')).id;
    });
    after(async () => {
      answers[name] = seen;
      await store?.close();
      await engine?.drop();
    });

    test('year by year: reports, applications, results, reviews and suits summed over the region', async () => {
      const trend = await regionTrend(store.db, huaian);
      assert.deepEqual(trend.map((t) => [t.year, t.reports]), [[2022, inYear(2022).length], [2023, inYear(2023).length]]);
      for (const t of trend) {
        const reports = inYear(t.year);
        assert.equal(t.measures.applications.count, sum(reports, ['table3.new_received.6']));
        assert.equal(t.measures.applications.base, null, 'a plain count has no divisor');
        assert.equal(t.measures.granted.count, sum(reports, ['table3.granted.6']));
        assert.equal(t.measures.granted.base, sum(reports, ['table3.total_processed.6']));
        assert.equal(t.measures.review_corrected.count, sum(reports, ['table4.review.corrected']));
        assert.equal(t.measures.review_corrected.base, sum(reports, ['table4.review.total']));
        assert.equal(t.measures.litigation_corrected.base, sum(reports, ['table4.litigation_direct.total', 'table4.litigation_after_review.total']));
      }
      seen.trend = trend;
    });

    test('members side by side: applications, share granted and findings per report; blank where nothing divides', async () => {
      const { table, rankings } = await regionAgencies(store.db, huaian, 2023);
      const reports = inYear(2023);
      assert.deepEqual(table.rows.map((r) => r.agency).sort(), reports.map((s) => s.agency).sort());
      const findings = await store.db
        .selectFrom('finding as f')
        .innerJoin('report_version as v', (j) => j.onRef('v.id', '=', 'f.version_id').on('v.is_current', '=', true))
        .select(['v.report_id', 'f.severity'])
        .execute();
      for (const row of table.rows) {
        const s = reports.find((r) => r.agency === row.agency)!;
        assert.equal(row.applications, value(s, 'table3.new_received.6') ?? null, `${row.agency} applications`);
        const processed = value(s, 'table3.total_processed.6');
        const count = value(s, 'table3.granted.6');
        const granted = typeof count === 'number' && typeof processed === 'number' && processed > 0 ? count / processed : null;
        assert.equal(row.granted, granted, `${row.agency} granted`);
        const mine = findings.filter((f) => f.report_id === row.report_id);
        assert.equal(row.errors, mine.filter((f) => f.severity === 'error').length);
        assert.equal(row.warnings, mine.filter((f) => f.severity === 'warning').length);
      }
      assert.equal(rankings.find((r) => r.ranking.id === 'findings')!.rows.length, reports.length, 'every member ranks by findings');
      seen.agencies = { table, rankings };
    });

    test('the tree: sub-regions with their counts, own agencies a page at a time, members missing a year', async () => {
      const children = await subRegions(store.db, huaian, 2023);
      assert.deepEqual(
        children.map((c) => [c.name, c.yearReports, c.reports]),
        ['洪泽区', '金湖县'].map((n) => [n, inYear(2023, `江苏省淮安市${n}`).length, inYear(2022, `江苏省淮安市${n}`).length + inYear(2023, `江苏省淮安市${n}`).length]),
      );
      const own = roster.filter((e) => e.region === '江苏省淮安市').map((e) => e.agency).sort();
      const first = await regionAgencyPage(store.db, huaian, 2023, { limit: 2, offset: 0 });
      const rest = await regionAgencyPage(store.db, huaian, 2023, { limit: 2, offset: 2 });
      assert.equal(first.total, own.length);
      assert.deepEqual([...first.items, ...rest.items].map((a) => a.name), own);
      const never = first.items.concat(rest.items).find((a) => a.name === NEVER)!;
      assert.deepEqual([never.reports, never.reportId], [0, null]);
      const missing = await missingMembers(store.db, huaian, 2023);
      assert.deepEqual(missing.map((m) => [m.name, m.lastYear]), [[SKIPPED_2023, 2022], [NEVER, null]].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
      seen.tree = { children, first, rest, missing };
    });

    test('the regions page tree: each region with its reports, sub-regions included', async () => {
      const forest = await regionForest(store.db);
      assert.deepEqual(forest.map((r) => [r.name, r.reports]), [['江苏省', stored.length]]);
      const city = forest[0].children[0];
      assert.deepEqual([city.name, city.reports], ['淮安市', stored.length]);
      assert.deepEqual(
        city.children.map((c) => [c.name, c.reports]),
        ['洪泽区', '金湖县'].map((n) => [n, inYear(2022, `江苏省淮安市${n}`).length + inYear(2023, `江苏省淮安市${n}`).length]),
      );
      seen.forest = forest.map(function strip(r): unknown {
        return { name: r.name, kind: r.kind, reports: r.reports, children: r.children.map(strip) };
      });
    });
  });
}

test('PGlite and PostgreSQL give identical dashboard answers', () => {
  assert.ok(answers.pglite && answers.postgres);
  assert.deepEqual(answers.pglite, answers.postgres);
});
