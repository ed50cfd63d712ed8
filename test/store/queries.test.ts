/**
 * The questions a store answers, on both engines: a small region tree from a roster (淮安市 with 洪泽区 and 金湖县
 * under it, and 石嘴山市 apart), generated reports for two or three years, and every answer checked against values
 * computed here from the generated data; then the same answers compared between PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { cellsOf, valueAt } from '../../src/report/cells.ts';
import { FORMAT_2021, TABLE_IDS } from '../../src/format/index.ts';
import { expandInputs } from '../../src/pipeline/index.ts';
import { agencyKey, parseRoster } from '../../src/roster/index.ts';
import { renderHtmlPage, type ReportData } from '../../src/render/index.ts';
import { reportSchema } from '../../src/report/schema.ts';
import type { Report } from '../../src/report/types.ts';
import * as q from '../../src/store/index.ts';
import { importFiles, Store } from '../../src/store/index.ts';
import { CLI, ROOT } from '../helpers.ts';
import { generateReport } from '../support/generate.ts';
import { freshEngine, type TestEngine } from '../support/store.ts';

const ROSTER = `机关,别名,地区,级别
淮安市人民政府,,江苏省淮安市,本级政府
淮安市公安局,,江苏省淮安市,部门
淮安市教育局,,江苏省淮安市,部门
洪泽区人民政府,淮安市洪泽区人民政府,江苏省淮安市洪泽区,本级政府
淮安市洪泽区卫生健康局,,江苏省淮安市洪泽区,部门
淮安市洪泽区高良涧街道办事处,,江苏省淮安市洪泽区,乡镇街道
金湖县人民政府,淮安市金湖县人民政府,江苏省淮安市金湖县,本级政府
石嘴山市卫生健康委,石嘴山市卫生健康委员会,宁夏回族自治区石嘴山市,部门
`;
const roster = parseRoster(ROSTER).entries;

interface Stored {
  agency: string;
  year: number;
  data: ReportData;
}

/** 淮安市's seven agencies for 2022 and 2023, 石嘴山市卫生健康委 for 2022–2024 under both its names. */
function corpus(): Stored[] {
  const out: Stored[] = [];
  roster.forEach((entry, i) => {
    const years = entry.region.startsWith('宁夏') ? [2022, 2023, 2024] : [2022, 2023];
    for (const year of years) {
      // Written under its alias in 2023: still the same agency.
      const written = year === 2023 && entry.aliases.length ? entry.aliases[0] : entry.agency;
      const generated = generateReport(1000 + i * 10 + year, { version: '2021', blanks: true });
      const published = `${year + 1}-0${1 + ((i + year) % 3)}-15`;
      const preface = i === 1 && year === 2023 ? `${generated.preface}本年度重点推进智慧档案馆建设。` : generated.preface;
      // 行政强制 left blank by everyone: blank in the sum too, not 0.
      const table2 = { ...generated.table2, coercion: null };
      out.push({ agency: entry.agency, year, data: { ...generated, agency: written, year, published, preface, table2 } });
    }
  });
  return out;
}

const stored = corpus();
const work = mkdtempSync(join(tmpdir(), 'xxgk-queries-test-'));
after(() => rmSync(work, { recursive: true, force: true }));
mkdirSync(join(work, 'reports'));
stored.forEach((s, i) => writeFileSync(join(work, 'reports', `${String(i).padStart(3, '0')}.html`), renderHtmlPage(s.data)));

const HUAIAN = roster.filter((e) => e.region.startsWith('江苏省淮安市')).map((e) => e.agency);
const HONGZE = roster.filter((e) => e.region.startsWith('江苏省淮安市洪泽区')).map((e) => e.agency);
const KEYS = TABLE_IDS.flatMap((id) => cellsOf(FORMAT_2021.tables[id]).map((c) => c.key));
const round = (n: number | null) => (n === null ? null : Math.round(n * 1e6) / 1e6);
const valueOf = (s: Stored, key: string) => valueAt(s.data as unknown as Report, key);

/** A cell summed over some stored reports, as the store should: null when none has a number there. */
function sumOf(reports: Stored[], key: string): number | null {
  const numbers = reports.map((s) => valueOf(s, key)).filter((v): v is number => typeof v === 'number');
  return numbers.length ? round(numbers.reduce((a, b) => a + b, 0)) : null;
}

const of = (agencies: string[], year: number) => stored.filter((s) => agencies.includes(s.agency) && s.year === year);
const answers: Record<string, unknown> = {};

for (const name of ['pglite', 'postgres'] as const) {
  describe(`queries on ${name}`, () => {
    let engine: TestEngine;
    let store: Store;
    const seen: Record<string, unknown> = {};
    before(async () => {
      engine = await freshEngine(name);
      store = await Store.open(engine.options);
      assert.equal(await q.importRoster(store.db, ROSTER), roster.length);
      for await (const event of importFiles(store, await expandInputs([join(work, 'reports')]), { limits: { concurrency: 2 } })) {
        assert.equal(event.status, 'imported', event.path);
      }
    });
    after(async () => {
      answers[name] = seen;
      await store?.close();
      await engine?.drop();
    });

    test('the roster builds the region tree; exported, it reads back as the same roster', async () => {
      const exported = await q.exportRoster(store.db);
      const header = exported.columns.map((c) => c.label).join(',');
      const csv = [header, ...exported.rows.map((r) => exported.columns.map((c) => r[c.key]).join(','))].join('\n');
      const back = parseRoster(csv).entries;
      // An alias that differs only as names are compared (委员会 = 委) is the name itself.
      const norm = (e: (typeof roster)[number]) => ({ ...e, aliases: e.aliases.filter((a) => agencyKey(a) !== agencyKey(e.agency)).sort() });
      assert.deepEqual(back.map(norm).sort((a, b) => a.agency.localeCompare(b.agency)), roster.map(norm).sort((a, b) => a.agency.localeCompare(b.agency)));
      assert.deepEqual((await q.findRegion(store.db, '洪泽区')).path, ['江苏省', '淮安市', '洪泽区']);
      seen.roster = exported;
    });

    test('one agency across years: every cell per year, under either of its names', async () => {
      const history = await q.agencyHistory(store.db, '石嘴山市卫生健康委员会');
      assert.equal(history.agency.name, '石嘴山市卫生健康委');
      assert.deepEqual(history.years, [2022, 2023, 2024]);
      const mine = stored.filter((s) => s.agency === '石嘴山市卫生健康委');
      for (const key of KEYS) {
        const row = history.rows.find((r) => r.key === key)!;
        assert.deepEqual(history.years.map((y) => row[String(y)]), mine.map((s) => valueOf(s, key)), key);
      }
      assert.deepEqual(history.years.map((y) => history.rows[0][String(y)]), mine.map((s) => s.data.published));
      seen.agency = history;
    });

    test('a region for a year: its members (sub-regions included) and the sum of each cell; blank stays blank', async () => {
      const sum = await q.regionSum(store.db, '淮安市', 2023);
      assert.equal(sum.members, HUAIAN.length);
      assert.deepEqual(sum.rows.map((r) => r.key), KEYS);
      for (const row of sum.rows) assert.equal(round(row.sum as number | null), sumOf(of(HUAIAN, 2023), row.key as string), row.key as string);
      assert.equal(sum.rows.find((r) => r.key === 'table2.coercion')!.sum, null, 'blank in every member');
      const hongze = await q.regionSum(store.db, '江苏省淮安市洪泽区', 2022);
      assert.equal(hongze.members, HONGZE.length);
      for (const row of hongze.rows) assert.equal(round(row.sum as number | null), sumOf(of(HONGZE, 2022), row.key as string));
      const members = await q.regionMembers(store.db, { regionId: sum.region.id, year: 2023 });
      assert.deepEqual(members.rows.map((r) => r.agency).sort(), [...HUAIAN].sort());
      seen.region = [sum, hongze, members];
    });

    test('the 本级政府 report against the sum of the other members (sub-region governments left out)', async () => {
      const comparison = await q.governmentVsMembers(store.db, '淮安市', 2023);
      assert.equal(comparison.government?.agency, '淮安市人民政府');
      const government = of(['淮安市人民政府'], 2023)[0];
      const others = of(HUAIAN, 2023).filter((s) => !s.agency.endsWith('人民政府'));
      assert.equal(comparison.members, others.length);
      assert.ok(comparison.rows.every((r) => /^table[34]\./.test(r.key as string)));
      for (const row of comparison.rows) {
        const key = row.key as string;
        assert.equal(row.government, valueOf(government, key), key);
        assert.equal(round(row.members_sum as number | null), sumOf(others, key), key);
        const own = valueOf(government, key);
        const expected = typeof own === 'number' && sumOf(others, key) !== null ? round(own - sumOf(others, key)!) : null;
        assert.equal(row.difference, expected, key);
      }
      seen.government = comparison;
    });

    test('rankings: applications received, share granted, 纠错率, findings and late publication', async () => {
      const members = of(HUAIAN, 2023);
      const applications = await q.rank(store.db, 'applications', { year: 2023, region: '淮安市' });
      const expected = members
        .map((s) => ({ agency: s.agency, value: valueOf(s, 'table3.new_received.6') }))
        .filter((x): x is { agency: string; value: number } => typeof x.value === 'number')
        .sort((a, b) => b.value - a.value || (a.agency < b.agency ? -1 : 1));
      assert.deepEqual(applications.rows.map((r) => [r.agency, r.value]), expected.map((x) => [x.agency, x.value]));
      assert.equal(applications.rows[0].rank, 1);

      const granted = await q.rank(store.db, 'granted', { year: 2023, region: '淮安市' });
      for (const row of granted.rows) {
        const s = members.find((m) => m.agency === row.agency)!;
        assert.equal(row.value, (valueOf(s, 'table3.granted.6') as number) / (valueOf(s, 'table3.total_processed.6') as number));
      }
      const withResults = members.filter((s) => typeof valueOf(s, 'table3.total_processed.6') === 'number' && (valueOf(s, 'table3.total_processed.6') as number) > 0);
      assert.equal(granted.rows.length, withResults.length);

      const review = await q.rank(store.db, 'review_corrected', { year: 2023 });
      for (const row of review.rows) {
        const s = stored.find((m) => m.year === 2023 && m.agency === row.agency)!;
        assert.equal(row.value, (valueOf(s, 'table4.review.corrected') as number) / (valueOf(s, 'table4.review.total') as number));
      }

      const late = await q.rank(store.db, 'late', { year: 2023, region: '淮安市' });
      const days = (a: string, b: string) => (Date.parse(a) - Date.parse(b)) / 86_400_000;
      const lateExpected = members
        .filter((s) => roster.find((e) => e.agency === s.agency)!.level === 'department' && s.data.published! > '2024-01-31')
        .map((s) => [s.agency, days(s.data.published!, '2024-01-31')])
        .sort((a, b) => (b[1] as number) - (a[1] as number) || (a[0] < b[0] ? -1 : 1));
      assert.deepEqual(late.rows.map((r) => [r.agency, r.value]), lateExpected);

      const findings = await q.rank(store.db, 'findings', { year: 2023, region: '淮安市' });
      assert.equal(findings.rows.length, members.length, 'a report without findings ranks with 0');
      seen.rank = [applications, granted, review, late, findings];
    });

    test('findings by rule across a region, with review states', async () => {
      const late = (await q.rank(store.db, 'late', { year: 2023, region: '淮安市' })).rows.length;
      const finding = await store.db
        .selectFrom('finding as f')
        .innerJoin('report_version as v', 'v.id', 'f.version_id')
        .innerJoin('report as r', 'r.id', 'v.report_id')
        .select(['v.report_id', 'f.fingerprint'])
        .where('f.rule', '=', 'published-late')
        .where('r.year', '=', 2023)
        .orderBy('f.id')
        .execute();
      await store.review(finding[0].report_id, finding[0].fingerprint, 'confirmed', '甲', null);
      await store.review(finding[1].report_id, finding[1].fingerprint, 'dismissed', '乙', '已说明');
      const rules = await q.findingsByRule(store.db, { region: '淮安市', year: 2023 });
      const row = rules.rows.find((r) => r.rule === 'published-late')!;
      assert.deepEqual(row, { rule: 'published-late', severity: 'warning', findings: late, reports: late, open: late - 2, confirmed: 1, dismissed: 1 });
      seen.rules = [rules, await q.findingsByRule(store.db, {})];
    });

    test('full-text search over the narrative, ranked, with a snippet', async () => {
      const hits = await q.search(store.db, '智慧档案馆');
      assert.deepEqual(hits.rows.map((r) => [r.agency, r.year]), [[roster[1].agency, 2023]]);
      assert.match(hits.rows[0].snippet as string, /推进【智慧档案馆】建设/);
      const common = await q.search(store.db, '依申请公开', { region: '洪泽区', limit: 50 });
      assert.ok(common.rows.length > 0 && common.rows.every((r) => HONGZE.includes(r.agency as string)));
      assert.deepEqual((await q.search(store.db, '不存在的词语组合甲乙丙')).rows, []);
      seen.search = [hits, common];
    });

    test('a region as a dataset: the current Report JSON of each member, valid against the published schema', async () => {
      const validate = new Ajv2020({ allErrors: true, allowUnionTypes: true }).compile(reportSchema());
      const reports: Report[] = [];
      for await (const report of q.dataset(store.db, { region: '淮安市' })) reports.push(report);
      assert.equal(reports.length, HUAIAN.length * 2);
      for (const report of reports) assert.ok(validate(JSON.parse(JSON.stringify(report))), JSON.stringify(validate.errors));
      seen.dataset = reports.map((r) => [r.agency, r.year]);
    });

    // The command line on the server engine (an embedded folder is held by this process while the test runs).
    if (name === 'postgres') {
      test('xxgk query, export and roster print the same answers as JSON Lines, CSV and aligned text', async () => {
        const env = { ...process.env, DATABASE_URL: engine.options.url };
        const run = (...args: string[]) => spawnSync(process.execPath, [...CLI, ...args], { cwd: ROOT, env, encoding: 'utf8' });
        const json = run('query', 'region', '淮安市', '--year', '2023', '--json');
        assert.equal(json.status, 0, json.stderr);
        assert.deepEqual(json.stdout.trim().split('\n').map((l) => JSON.parse(l)), (await q.regionSum(store.db, '淮安市', 2023)).rows);
        const csv = run('query', 'rank', 'applications', '--year', '2023', '--region', '淮安市', '--csv');
        assert.equal(csv.stdout.split('\r\n')[0], '\uFEFF名次,机关,地区,新收申请数');
        const text = run('query', 'agency', '石嘴山市卫生健康委员会');
        assert.match(text.stdout, /^石嘴山市卫生健康委（部门 · 宁夏回族自治区石嘴山市）\n项目 +2022年度 +2023年度 +2024年度\n/);
        const lines = run('export', 'dataset', '--region', '洪泽区').stdout.trim().split('\n');
        assert.equal(lines.length, HONGZE.length * 2);
        assert.deepEqual(parseRoster(run('roster', 'export').stdout).entries.length, roster.length);
        const missing = run('query', 'region', '不存在市');
        assert.equal(missing.status, 2);
        assert.match(missing.stderr, /没有地区“不存在市”/);
      });
    }
  });
}

test('PGlite and PostgreSQL give identical answers', () => {
  assert.ok(answers.pglite && answers.postgres);
  assert.deepEqual(answers.pglite, answers.postgres);
});
