/**
 * A region's dashboard over the real store (PGlite), in-process: the page, its JSON and its two CSV downloads, every
 * number checked against sums computed here from the generated reports; the regions page links to it; a missing
 * member is named; the region's own agencies come a page at a time.
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
import { createApp } from '../../src/server/app.ts';
import { storeData } from '../../src/server/store-data.ts';
import { importFiles, Store } from '../../src/store/index.ts';
import { generateReport } from '../support/generate.ts';

const AGENCIES = ['淮安市人民政府', '淮安市公安局', '淮安市教育局', '淮安市洪泽区卫生健康局'];
/** Reported for 2022 only. */
const LAPSED = '淮安市民政局';
const reports: { agency: string; year: number; data: ReportData }[] = [...AGENCIES, LAPSED].flatMap((agency, i) =>
  [2022, 2023]
    .filter((year) => agency !== LAPSED || year === 2022)
    .map((year) => ({ agency, year, data: { ...generateReport(900 + i * 10 + year, { version: '2021' }), agency, year, published: `${year + 1}-01-20` } })),
);
const sumOf = (year: number, key: string) =>
  reports.filter((r) => r.year === year).reduce((n, r) => n + ((valueAt(r.data as unknown as Report, key) as number | null) ?? 0), 0);

describe('region dashboard over the store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-dashboard-web-'));
  let store: Store;
  let get: (path: string) => Promise<Response>;
  let city: number;
  before(async () => {
    mkdirSync(join(dir, 'reports'));
    reports.forEach((r, i) => writeFileSync(join(dir, 'reports', `${i}.html`), renderHtmlPage(r.data)));
    store = await Store.open({ dir: join(dir, 'data') });
    for await (const e of importFiles(store, await expandInputs([join(dir, 'reports')]), { limits: { concurrency: 2 } })) assert.equal(e.status, 'imported');
    const { app } = createApp({ data: storeData(store), mode: 'local' });
    const cookie = (await app.request('/api/session')).headers.getSetCookie()[0].split(';')[0];
    get = async (path) => app.request(path, { headers: { cookie } });
    const regions = await (await get('/regions')).text();
    const link = /<a href="\/regions\/(\d+)">淮安市<\/a> <small>市级 · (\d+) 份报告<\/small>/.exec(regions);
    assert.ok(link, 'the regions page links 淮安市 with its report count');
    assert.equal(Number(link[2]), reports.length);
    city = Number(link[1]);
  });
  after(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('JSON: the latest year by default, the roll-up, the years, the members and who is missing', async () => {
    const d = (await (await get(`/api/regions/${city}/dashboard`)).json()) as any;
    assert.equal(d.year, 2023);
    assert.equal(d.reports, AGENCIES.length);
    assert.deepEqual(d.years, [2022, 2023]);
    for (const key of ['table3.new_received.6', 'table3.granted.6', 'table4.review.total']) {
      assert.equal(d.rollup.find((r: any) => r.key === key).sum, sumOf(2023, key), key);
    }
    assert.deepEqual(d.trend.map((t: any) => [t.year, t.reports, t.measures.applications.count]), [
      [2022, AGENCIES.length + 1, sumOf(2022, 'table3.new_received.6')],
      [2023, AGENCIES.length, sumOf(2023, 'table3.new_received.6')],
    ]);
    assert.deepEqual(d.missing.map((m: any) => [m.name, m.lastYear]), [[LAPSED, 2022]]);
    assert.deepEqual(d.members.map((m: any) => m.agency).sort(), [...AGENCIES].sort());
    const earlier = (await (await get(`/api/regions/${city}/dashboard?year=2022`)).json()) as any;
    assert.equal(earlier.reports, AGENCIES.length + 1);
    assert.deepEqual(earlier.missing, []);
  });

  test('the page: summed statutory tables, charts as images with their numbers as tables, rankings, tree, links', async () => {
    const res = await get(`/regions/${city}?year=2023`);
    assert.equal(res.status, 200);
    assert.doesNotMatch(res.headers.get('content-security-policy')!, /unsafe-inline/);
    const html = await res.text();
    assert.doesNotMatch(html, /\sstyle=/);
    assert.equal(html.match(/<script/g)!.length, 1);
    assert.match(html, /共汇总 4 份报告/);
    assert.match(html, new RegExp(`data-cell="table3\\.new_received\\.6">${sumOf(2023, 'table3.new_received.6')}<`));
    assert.equal(html.match(/<table class="statutory/g)!.length, 3);
    assert.match(html, new RegExp(`未报送本年度报告的机关：1 个[\\s\\S]*${LAPSED}`));
    const charts = html.match(/<img src="data:image\/svg\+xml;base64,[^"]+" data-chart="[^"]+" alt="[^"]+（图中数字见下方数据表）"/g)!;
    assert.equal(charts.length, 5);
    // The fallback table of the first chart: one row per year with the applications received.
    assert.match(html, new RegExp(`<th scope="row">2022年</th><td class="num">${sumOf(2022, 'table3.new_received.6')}</td>`));
    assert.match(html, /<caption>新收申请数<\/caption>/);
    assert.match(html, /<caption>行政复议纠错率<\/caption>/);
    for (const link of [`/api/regions/${city}/dashboard?year=2023`, `/regions/${city}/rollup.csv?year=2023`, `/regions/${city}/agencies.csv?year=2023`]) {
      assert.ok(html.includes(`href="${link.replace(/&/g, '&amp;')}"`), link);
    }
    assert.match(html, /<a href="\/regions\/\d+\?year=2023">洪泽区<\/a>/);
  });

  test('the CSV downloads: every summed cell, and every member with its values', async () => {
    const bytes = new Uint8Array(await (await get(`/regions/${city}/rollup.csv?year=2023`)).arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a byte-order mark for spreadsheets');
    const rollup = new TextDecoder().decode(bytes).split('\r\n');
    assert.equal(rollup[0], '单元格,项目,合计,填数机关,列有此项');
    const received = rollup.find((l) => l.startsWith('table3.new_received.6,'))!.split(',');
    assert.equal(Number(received[2]), sumOf(2023, 'table3.new_received.6'));
    const members = (await (await get(`/regions/${city}/agencies.csv?year=2023`)).text()).trim().split('\r\n');
    assert.equal(members[0], '报告编号,机关,层级,地区,新收申请数,予以公开占比（%）,行政复议纠错率（%）,行政诉讼纠错率（%）,问题数,错误,警告');
    assert.equal(members.length, 1 + AGENCIES.length);
    const police = members.find((l) => l.includes(',淮安市公安局,'))!.split(',');
    const mine = reports.find((r) => r.agency === '淮安市公安局' && r.year === 2023)!.data as unknown as Report;
    assert.equal(Number(police[4]), valueAt(mine, 'table3.new_received.6'));
  });

  test('own agencies a page at a time; an unknown region or a bad year is refused', async () => {
    const first = await (await get(`/regions/${city}?limit=2`)).text();
    assert.match(first, /本级机关（4 个，第 1–2 个）/);
    assert.match(first, /<a href="\/regions\/\d+\?year=2023&amp;offset=2&amp;limit=2#agencies">下一页<\/a>/);
    const json = (await (await get(`/api/regions/${city}/dashboard?limit=2&offset=2`)).json()) as any;
    assert.deepEqual(json.agencies.items.map((a: any) => a.name), ['淮安市教育局', LAPSED].sort());
    assert.equal((await get('/regions/99999')).status, 404);
    assert.equal((await get('/api/regions/99999/dashboard')).status, 404);
    assert.equal((await get(`/regions/${city}?year=abc`)).status, 400);
  });
});
