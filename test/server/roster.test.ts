/**
 * The roster, deadline and export routes in-process (local mode, in-memory data read by the real readers): the roster
 * page, its CSV and JSON, an admin's CSV import (every faulty row listed, nothing written), the year's missing and late
 * reports on the overview and as CSV and JSON, a report as XLSX/CSV/JSON, the list CSVs, and .zip uploads.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { createApp } from '../../src/server/app.ts';
import { ROOT } from '../helpers.ts';
import { multipart, sample } from '../support/web-client.ts';
import { MemoryData } from '../support/web-data.ts';

async function localApp(upload?: { maxFiles?: number; maxTotalBytes?: number }) {
  const data = new MemoryData();
  const { app } = createApp({ data, mode: 'local', upload });
  const first = await app.request('/upload');
  const cookie = first.headers.getSetCookie()[0].split(';')[0];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await first.text())![1];
  const get = (path: string) => app.request(path, { headers: { cookie } });
  const postRoster = async (text: string | Uint8Array, token: string | null = csrf) => {
    const form = new FormData();
    if (token) form.append('_csrf', token);
    form.append('roster', new File([text as string | Uint8Array<ArrayBuffer>], '名册.csv'));
    const res = new Response(form);
    const body = new Uint8Array(await res.arrayBuffer());
    return app.request('/roster', { method: 'POST', body, headers: { cookie, 'content-type': res.headers.get('content-type')!, 'content-length': String(body.length) } });
  };
  const send = async (files: { name: string; bytes: Uint8Array }[]) => {
    const m = await multipart(files);
    return app.request('/api/reports', { method: 'POST', body: m.body as Uint8Array<ArrayBuffer>, headers: { ...m.headers, cookie, 'x-csrf-token': csrf } });
  };
  return { app, data, cookie, csrf, get, postRoster, send };
}

/** A CSV download's lines, after checking it starts with the UTF-8 byte-order mark (Excel on Chinese Windows needs it). */
async function csvLines(res: Response): Promise<string[]> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  return new TextDecoder().decode(bytes).split('\r\n');
}

/** 2024-tab.txt as if published on 20 February 2025: a department's report 20 days after 31 January. */
function latePublished() {
  const text = readFileSync(join(ROOT, 'samples', '2024-tab.txt'), 'utf8').replace('2025年1月30日', '2025年2月20日');
  return { name: '晚发布.txt', bytes: new TextEncoder().encode(text) };
}

const ROSTER = `机关,别名,地区,级别,上级
江沙市商务局,江沙市商务委,某省江沙市,部门,江沙市人民政府
河清市惠安区发展和改革委员会,,某省河清市惠安区,部门,
江沙市人民政府,,某省江沙市,本级政府,
"=HYPERLINK(""http://evil.example"")",,,,
`;

describe('roster', () => {
  let ctx: Awaited<ReturnType<typeof localApp>>;
  before(async () => {
    ctx = await localApp();
    await ctx.data.importFiles([sample('2024-mistakes.txt'), latePublished()]);
  });

  test('an import without the CSRF field is refused; a faulty file lists every bad row in Chinese and writes nothing', async () => {
    assert.equal((await ctx.postRoster(ROSTER, null)).status, 403);
    const faulty = '机关,级别\n甲局,部门\n,部门\n乙局,省级\n甲局,\n';
    const res = await ctx.postRoster(faulty);
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /名册有 3 处问题，未导入任何内容/);
    assert.match(html, /<th scope="row">第3行<\/th><td>缺少机关名称/);
    assert.match(html, /<th scope="row">第4行<\/th><td>级别“省级”应为本级政府、部门、乡镇街道/);
    assert.match(html, /<th scope="row">第5行<\/th><td>“甲局”已在第2行登记/);
    assert.equal(ctx.data.declared.size, 0);
  });

  test('an admin imports a roster; the page groups agencies by region with aliases, levels and parents', async () => {
    const html = await (await ctx.postRoster(ROSTER)).text();
    assert.match(html, /名册已导入：登记 4 个机关/);
    assert.match(html, /<th scope="rowgroup" colspan="4">某省江沙市 <small>2 个机关<\/small><\/th>/);
    assert.match(html, /<th scope="row">江沙市商务局<\/th><td>江沙市商务委<\/td><td>部门<\/td><td>江沙市人民政府<\/td>/);
    assert.match(html, /href="\/roster\.csv"/);
    assert.match(html, /href="\/api\/roster"/);
  });

  test('a roster saved by Excel on Chinese Windows (GBK) reads as the same Chinese', async () => {
    const { postRoster, data } = await localApp();
    const gbk = execFileSync('iconv', ['-f', 'utf-8', '-t', 'gbk'], { input: '机关,级别,上级\n江沙市财政局,部门,江沙市人民政府\n' });
    assert.match(await (await postRoster(new Uint8Array(gbk))).text(), /登记 1 个机关/);
    assert.deepEqual([...data.declared.values()].map((e) => [e.agency, e.level, e.parent]), [['江沙市财政局', 'department', '江沙市人民政府']]);
    const binary = await postRoster(new Uint8Array([0, 1, 2, 3, 0, 0]));
    assert.equal(binary.status, 422);
    assert.match(await binary.text(), /名册不是文本（CSV）文件/);
  });

  test('the roster as CSV has the columns of xxgk roster export, formulas disarmed; as JSON the same rows', async () => {
    const res = await ctx.get('/roster.csv');
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    const lines = await csvLines(res);
    assert.equal(lines[0], '机关,别名,地区,级别,上级');
    assert.ok(lines.includes('江沙市商务局,江沙市商务委,某省江沙市,部门,江沙市人民政府'));
    assert.ok(lines.includes(`"'=HYPERLINK(""http://evil.example"")",,,,`), 'a formula is text');
    const json = (await (await ctx.get('/api/roster')).json()) as { columns: { key: string }[]; rows: Record<string, string>[] };
    assert.deepEqual(json.columns.map((c) => c.key), ['agency', 'aliases', 'region', 'level', 'parent']);
    assert.equal(json.rows.length, lines.filter(Boolean).length - 1);
  });

  test('the overview shows the year\'s missing and late reports, with CSV and JSON', async () => {
    const html = await (await ctx.get('/?year=2024')).text();
    assert.match(html, /2024年度报告：缺报与逾期/);
    assert.match(html, /未见报告（2）/);
    assert.match(html, /<th scope="row">江沙市人民政府<\/th><td>某省江沙市<\/td><td>本级政府<\/td>/);
    assert.match(html, /<th scope="row"><a href="\/reports\/2">河清市惠安区发展和改革委员会<\/a><\/th><td><\/td><td class="num">20<\/td>/);
    assert.match(html, /逾期发布（1）/);
    assert.match(html, /href="\/deadlines\/missing\.csv\?year=2024"/);
    assert.match(html, /href="\/deadlines\/late\.csv\?year=2024"/);
    assert.match(html, /href="\/api\/deadlines\?year=2024"/);
    // Without a year: the latest year with reports.
    assert.match(await (await ctx.get('/')).text(), /2024年度报告：缺报与逾期/);

    const missing = await csvLines(await ctx.get('/deadlines/missing.csv?year=2024'));
    assert.equal(missing[0], '机关,地区,级别,上级');
    assert.ok(missing.includes('江沙市人民政府,某省江沙市,本级政府,'));
    const late = await csvLines(await ctx.get('/deadlines/late.csv?year=2024'));
    assert.equal(late[1], '河清市惠安区发展和改革委员会,,20,2025-02-20,2025-01-31');
    const json = (await (await ctx.get('/api/deadlines?year=2024')).json()) as { year: number; late: { rows: { report_id: number }[] } };
    assert.equal(json.year, 2024);
    assert.equal(json.late.rows[0].report_id, 2);
    assert.equal((await ctx.get('/api/deadlines')).status, 400);
    assert.equal((await ctx.get('/deadlines/late.csv?year=abc')).status, 400);
  });
});

describe('exports', () => {
  let ctx: Awaited<ReturnType<typeof localApp>>;
  before(async () => {
    ctx = await localApp();
    await ctx.data.importFiles([sample('2024-mistakes.txt')]);
  });

  test('the overview lists the first 200 missing agencies of a long list; the CSV lists them all', async () => {
    const many = await localApp();
    await many.data.importFiles([sample('2024-mistakes.txt')]);
    const names = Array.from({ length: 250 }, (_, i) => `名册测试局${String(i).padStart(3, '0')}`);
    assert.equal((await many.postRoster(`机关,别名,地区,级别,上级\n${names.map((n) => `${n},,某省江沙市,部门,`).join('\n')}\n`)).status, 200);
    const html = await (await many.get('/?year=2024')).text();
    assert.match(html, /未见报告（250）/);
    assert.match(html, /以下列出前 200 个，完整名单见 CSV 或 JSON。/);
    assert.equal(html.match(/名册测试局\d{3}/g)?.length, 200);
    const csv = await csvLines(await many.get('/deadlines/missing.csv?year=2024'));
    assert.equal(csv.filter((l) => l.includes('名册测试局')).length, 250);
  });

  test('the report page links its XLSX, CSV and JSON exports; each is a download of that report', async () => {
    const html = await (await ctx.get('/reports/1')).text();
    for (const ext of ['xlsx', 'csv', 'json']) assert.match(html, new RegExp(`href="/reports/1/export\\.${ext}"`));

    const xlsx = await ctx.get('/reports/1/export.xlsx');
    assert.match(xlsx.headers.get('content-disposition')!, /^attachment; filename\*=UTF-8''.*\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const values = book.worksheets.flatMap((sheet) => sheet.getSheetValues().flat().map((v) => (typeof v === 'object' && v !== null ? '' : v)));
    assert.ok(values.includes('江沙市商务局'), 'the agency is in the workbook');
    assert.ok(values.includes(59), '表三 予以公开 总计 is the number 59');

    const csv = await csvLines(await ctx.get('/reports/1/export.csv'));
    assert.equal(csv[0], '单元格,表,行,列,值,来源');
    assert.ok(csv.some((l) => l.startsWith('table3.granted.6,') && l.split(',')[4] === '59'));

    const json = await ctx.get('/reports/1/export.json');
    assert.match(json.headers.get('content-disposition')!, /^attachment;/);
    assert.equal(((await json.json()) as { agency: string }).agency, '江沙市商务局');
    assert.equal((await ctx.get('/reports/9/export.xlsx')).status, 404);
  });

  test('the overview, the regions and an agency\'s years as CSV', async () => {
    const overview = await csvLines(await ctx.get('/overview.csv'));
    assert.equal(overview[0], '分类,项目,数量');
    assert.ok(overview.includes('按年度,2024年度,1'));
    assert.match(await (await ctx.get('/')).text(), /href="\/overview\.csv"/);
    const regions = await csvLines(await ctx.get('/regions.csv'));
    assert.deepEqual(regions.slice(0, 2), ['地区,报告数（含下级地区）', '全部,1']);
    const name = encodeURIComponent('江沙市商务局');
    assert.match(await (await ctx.get(`/agencies/${name}`)).text(), new RegExp(`href="/agencies/${name}/years\\.csv"`));
    const years = await csvLines(await ctx.get(`/agencies/${name}/years.csv`));
    assert.equal(years[0], '年度,报告编号,错误');
    assert.match(years[1], /^2024年度,1,[1-9]\d*$/);
  });
});

describe('zip uploads', () => {
  const zip = (members: Record<string, Uint8Array>) => ({ name: '报告.zip', bytes: zipSync(members) });
  const text = (name: string) => sample(name).bytes;

  test('each report member is read and gets its own result; other members are left out', async () => {
    const { send } = await localApp();
    const res = await send([zip({ '2024/a.txt': text('2024-tab.txt'), 'b.txt': new TextEncoder().encode('不是报告'), 'notes.xlsx': new Uint8Array(4), '__MACOSX/._a.txt': new Uint8Array(4) })]);
    assert.equal(res.status, 200);
    const results = (await res.json()) as { name: string; status: string; reportId?: number }[];
    assert.deepEqual(results.map((r) => [r.name, r.status]), [['报告.zip/2024/a.txt', 'imported'], ['报告.zip/b.txt', 'unreadable']]);
    assert.equal(results[0].reportId, 1);
  });

  test('the form upload links every member\'s report', async () => {
    const { app, data, cookie, csrf } = await localApp();
    const m = await multipart([zip({ 'x.txt': text('2024-tab.txt'), 'y.txt': text('2024-mistakes.txt') })], csrf);
    const html = await (await app.request('/upload', { method: 'POST', body: m.body as Uint8Array<ArrayBuffer>, headers: { ...m.headers, cookie } })).text();
    assert.match(html, /<a href="\/reports\/1">报告\.zip\/x\.txt<\/a>：已导入/);
    assert.match(html, /<a href="\/reports\/2">报告\.zip\/y\.txt<\/a>：已导入/);
    assert.equal(data.reports.length, 2);
  });

  test('members count against the file limit and, unpacked, against the size limit', async () => {
    const few = await localApp({ maxFiles: 2 });
    const three = zip({ 'a.txt': text('2024-tab.txt'), 'b.txt': text('2024-mistakes.txt'), 'c.txt': text('2020-format-2019.txt') });
    assert.equal((await few.send([three])).status, 413);
    assert.equal(few.data.reports.length, 0);
    // 1 MB of one letter packs into about 1 KB: small to send, too large unpacked.
    const small = await localApp({ maxTotalBytes: 256 * 1024 });
    const res = await small.send([zip({ 'big.txt': new Uint8Array(2 ** 20).fill(65) })]);
    assert.equal(res.status, 413);
    assert.match(((await res.json()) as { error: { message: string } }).error.message, /压缩包按解压后计/);
  });

  test('an archive that is not a zip, or holds no report, is one unreadable result', async () => {
    const { send } = await localApp();
    const broken = { name: '坏.zip', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) };
    const empty = { name: '空.zip', bytes: zipSync({ 'a.xlsx': new Uint8Array(4) }) };
    const results = (await (await send([broken, empty])).json()) as { name: string; status: string; error: string }[];
    assert.deepEqual(results.map((r) => [r.name, r.status]), [['坏.zip', 'unreadable'], ['空.zip', 'unreadable']]);
    assert.equal(results[0].error, '压缩包无法打开：文件已损坏或不是有效的 ZIP 压缩包');
    assert.match(results[1].error, /压缩包中没有报告文件/);
  });
});
