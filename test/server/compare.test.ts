/** Year over year in-process: the JSON API, the page and its CSV for two years of one agency (test/support/year-pair.ts). */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createApp } from '../../src/server/app.ts';
import type { CompareView } from '../../src/web/compare.ts';
import { sample } from '../support/web-client.ts';
import { MemoryData } from '../support/web-data.ts';
import { PAIR_AGENCY, yearPair } from '../support/year-pair.ts';

const agency = encodeURIComponent(PAIR_AGENCY);

interface OpenApi {
  paths: Record<string, { get: { parameters: { name: string }[] } }>;
  components: { schemas: Record<string, unknown> };
}

describe('year over year', () => {
  let get: (path: string) => Promise<Response>;
  before(async () => {
    const data = new MemoryData();
    await data.importFiles([...yearPair(), sample('2024-mistakes.txt')]);
    const { app } = createApp({ data, mode: 'local' });
    get = async (path) => app.request(`http://127.0.0.1${path}`);
  });

  test('the API compares the latest year with the one before by default', async () => {
    const res = await get(`/api/agencies/${agency}/compare`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as CompareView;
    assert.deepEqual([body.then, body.now], [{ year: 2023, reportId: 1 }, { year: 2024, reportId: 2 }]);
    const cells = body.comparison.tables.flatMap((t) => t.cells);
    const at = (key: string) => cells.find((c) => c.key === key)!;
    assert.deepEqual(
      ['table2.licensing', 'table2.punishment'].map((k) => [at(k).then.value, at(k).now.value, at(k).delta, at(k).percent, at(k).changed]),
      [[8, 10, 2, 25, true], [500, 491, -9, -1.8, true]],
    );
    // 行政强制 was left out of 2023's table: not read, so neither a change nor a difference.
    assert.deepEqual([at('table2.coercion').then.state, at('table2.coercion').changed, at('table2.coercion').delta], ['unread', false, null]);
    assert.deepEqual(body.comparison.carryOver!.columns.map((c) => c.agree), [false, false, true, true, true, true, false]);
    const five = body.comparison.sections.find((s) => s.number === '五')!;
    assert.deepEqual(five.parts.filter((p) => p.op !== 'same'), [{ op: 'removed', text: '<img src=x onerror="window.xss=4">' }]);
  });

  test('the OpenAPI document lists the comparison with its schema', async () => {
    const doc = (await (await get('/api/openapi.json')).json()) as OpenApi;
    const op = doc.paths['/api/agencies/{name}/compare'].get;
    assert.deepEqual(op.parameters.map((p) => p.name).sort(), ['name', 'with', 'year']);
    assert.ok(doc.components.schemas.Comparison);
  });

  test('the page shows only the changed rows, marks inserted words and escapes the text', async () => {
    const res = await get(`/agencies/${agency}/compare?year=2024&with=2023`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /data-cell="table2\.licensing"><span class="now">10<\/span><span class="was">2023年 8<\/span><span class="delta">\+2（\+25\.0%）<\/span>/);
    assert.doesNotMatch(html, /data-cell="table2\.regulations\.issued"/, 'unchanged rows are left out');
    assert.match(html, /<ins>持续<\/ins>加强政务新媒体管理/);
    assert.match(html, /<del>&lt;img src=x onerror=&quot;window\.xss=4&quot;&gt;<\/del>/);
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /有3列不一致/);
    const all = await (await get(`/agencies/${agency}/compare?year=2024&with=2023&rows=all`)).text();
    assert.match(all, /data-cell="table2\.regulations\.issued"><span class="now">0<\/span><span class="was">2023年 0<\/span><span class="delta">±0<\/span>/);
  });

  test('the CSV has one line per cell with both years, the difference and the per cent', async () => {
    const res = await get(`/agencies/${agency}/compare.csv?year=2024&with=2023`);
    assert.equal(res.status, 200);
    const lines = (await res.text()).replace(/^\uFEFF/, '').split('\r\n');
    assert.equal(lines[0], '表,单元格,2023年,2024年,差值,变化率（%）,有变化');
    assert.ok(lines.includes('表二,表二·行政许可,8,10,2,25,是'));
    assert.ok(lines.includes('表二,表二·行政强制,无法读取,0,,,否'));
  });

  test('the agency and report pages link to the comparison; one year alone has none', async () => {
    const link = `/agencies/${agency}/compare?year=2024&amp;with=2023`;
    assert.ok((await (await get(`/agencies/${agency}`)).text()).includes(link));
    assert.ok((await (await get('/reports/1')).text()).includes(link), 'the earlier report links to the later');
    const alone = await get('/reports/3');
    assert.doesNotMatch(await alone.text(), /年度比较/);
    assert.equal((await get(`/api/agencies/${encodeURIComponent('江沙市商务局')}/compare`)).status, 404);
    assert.equal((await get(`/api/agencies/${agency}/compare?year=2024&with=2024`)).status, 400);
    assert.equal((await get(`/agencies/${agency}/compare?year=2022`)).status, 404);
  });
});

describe('year over year of years that are not consecutive', () => {
  let get: (path: string) => Promise<Response>;
  before(async () => {
    const [y2023, y2024] = yearPair();
    // The 2023 report moved back to 2021 (its year, and the publication date in January of the year after).
    const text = new TextDecoder().decode(y2023.bytes).replaceAll('2023年', '2021年').replaceAll('2024年1月30日', '2022年1月30日');
    const data = new MemoryData();
    await data.importFiles([{ name: '2021-惠安区发改委.txt', bytes: new TextEncoder().encode(text) }, y2024]);
    const { app } = createApp({ data, mode: 'local' });
    get = async (path) => app.request(`http://127.0.0.1${path}`);
  });

  test('2024 against 2021: the tables are compared, the carry-over is not (2024 carries over what 2023 carried forward)', async () => {
    const body = (await (await get(`/api/agencies/${agency}/compare`)).json()) as CompareView;
    assert.deepEqual([body.then.year, body.now.year], [2021, 2024]);
    assert.equal(body.comparison.carryOver, undefined);
    const html = await (await get(`/agencies/${agency}/compare`)).text();
    assert.match(html, /2021年与2024年不相邻，不核对结转衔接/);
    assert.doesNotMatch(html, /列不一致/);
  });

  test('the years named the other way round, or one left blank, still compare the later year with the earlier', async () => {
    const swapped = (await (await get(`/api/agencies/${agency}/compare?year=2021&with=2024`)).json()) as CompareView;
    assert.deepEqual([swapped.then.year, swapped.now.year], [2021, 2024]);
    const licensing = swapped.comparison.tables.flatMap((t) => t.cells).find((c) => c.key === 'table2.licensing')!;
    assert.deepEqual([licensing.then.value, licensing.now.value, licensing.delta], [8, 10, 2]);
    assert.equal((await get(`/agencies/${agency}/compare?year=&with=2021`)).status, 200);
    assert.equal((await get(`/agencies/${agency}/compare.csv?year=2021&with=2024&rows=`)).status, 200);
  });
});
