/** The web app in local mode, in-process: pages, safety headers, escaping, reviews, uploads, the API document. */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createApp } from '../../src/server/app.ts';
import { hostileReport, multipart, sample } from '../support/web-client.ts';
import { MemoryData } from '../support/web-data.ts';

async function localApp(upload?: { maxFiles?: number; maxTotalBytes?: number }) {
  const data = new MemoryData();
  const { app } = createApp({ data, mode: 'local', upload });
  const first = await app.request('/upload');
  const cookie = first.headers.getSetCookie()[0].split(';')[0];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await first.text())![1];
  const get = (path: string) => app.request(path, { headers: { cookie } });
  return { app, data, cookie, csrf, get };
}

describe('web app, local mode', () => {
  let ctx: Awaited<ReturnType<typeof localApp>>;
  before(async () => {
    ctx = await localApp();
    await ctx.data.importFiles([sample('2024-mistakes.txt'), hostileReport(), sample('2025-official.html')]);
  });

  test('every page answers with a CSP that allows no inline script, and the usual safety headers', async () => {
    for (const path of ['/', '/reports', '/reports/1', '/regions', '/regions/1', '/upload', '/agencies/%E6%B1%9F%E6%B2%99%E5%B8%82%E5%95%86%E5%8A%A1%E5%B1%80']) {
      const res = await ctx.get(path);
      assert.equal(res.status, 200, path);
      const csp = res.headers.get('content-security-policy')!;
      assert.match(csp, /script-src 'self';/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.match(csp, /object-src 'none'/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('x-frame-options'), 'SAMEORIGIN');
      const html = await res.text();
      assert.deepEqual(html.match(/<script[^>]*>/g), ['<script src="/static/app.js" defer="">'], path);
      assert.doesNotMatch(html, /\sstyle=/, `${path}: no inline style`);
    }
  });

  test('a host other than 127.0.0.1 or localhost is refused (no DNS rebinding)', async () => {
    const res = await ctx.app.request('http://evil.example/reports');
    assert.equal(res.status, 421);
  });

  test('report text with <script> and <img onerror> reaches the page as text only', async () => {
    const html = await (await ctx.get('/reports/2')).text();
    assert.match(html, /&lt;script&gt;window\.\S*xss=1&lt;\/script&gt;/);
    assert.match(html, /&lt;img src=x onerror=&quot;window\.\S*xss=2&quot;&gt;/);
    assert.doesNotMatch(html, /<img/);
    assert.equal(html.match(/<script/g)!.length, 1);
    const list = await (await ctx.get('/reports')).text();
    assert.doesNotMatch(list, /<img/);
    assert.match(list, /&lt;script&gt;/);
  });

  test('the wrong cell is highlighted, focusable and described by its finding', async () => {
    const html = await (await ctx.get('/reports/1')).text();
    const cell = /<td class="([^"]*)" data-cell="table3\.granted\.6" tabindex="0" data-tip="([^"]*)" aria-describedby="([^"]*)">59</.exec(html);
    assert.ok(cell, 'table3.granted.6 is a flagged cell');
    assert.match(cell[1], /flagged tone-error primary/);
    assert.match(cell[2], /总计=59，自然人\+法人或其他组织各列之和=69/);
    for (const id of cell[3].split(' ')) assert.match(html, new RegExp(`<li id="${id}" class="finding`));
    // Header cells of the statutory layout are real header cells with a scope.
    assert.match(html, /<th scope="colgroup" colspan="7" class="header">申请人情况<\/th>/);
    assert.match(html, /<th scope="row" colspan="2" class="label">（一）予以公开<\/th>/);
  });

  test('a finding dismissed with a comment stays dismissed after re-checking', async () => {
    const detail = (await ctx.data.getReport(1))!;
    const key = detail.findings.find((f) => f.finding.rule === 'table3-row-total')!.key;
    const action = `/reports/1/findings/${key}/review`;
    const form = (fields: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams(fields), headers: { cookie: ctx.cookie } });
    assert.equal((await ctx.app.request(action, form({ status: 'dismissed', comment: '原表如此' }))).status, 403, 'no CSRF token');
    assert.equal((await ctx.app.request(action, form({ status: 'bogus', _csrf: ctx.csrf }))).status, 400);
    assert.equal((await ctx.app.request(action, form({ status: 'dismissed', comment: '原表如此', _csrf: ctx.csrf }))).status, 303);
    assert.equal((await ctx.app.request('/reports/1/recheck', form({ _csrf: ctx.csrf }))).status, 303);
    assert.equal(ctx.data.rechecks, 1);
    const html = await (await ctx.get('/reports/1')).text();
    assert.match(html, /已驳回：本机用户，[^<]*。意见：原表如此/);
    assert.match(html, /data-cell="table3\.granted\.6" tabindex="0"/);
    assert.match(html, /class="value flagged tone-dismissed primary" data-cell="table3\.granted\.6"/);
  });

  test('the API reviews by JSON with the token in a header and validates the body', async () => {
    const detail = (await ctx.data.getReport(1))!;
    const key = detail.findings[0].key;
    const put = (body: unknown, token?: string) =>
      ctx.app.request(`/api/reports/1/findings/${key}/review`, {
        method: 'PUT',
        body: JSON.stringify(body),
        headers: { cookie: ctx.cookie, 'content-type': 'application/json', ...(token ? { 'x-csrf-token': token } : {}) },
      });
    assert.equal((await put({ status: 'confirmed' })).status, 403);
    const bad = await put({ status: 'maybe' }, ctx.csrf);
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { error: { code: string } }).error.code, 'invalid');
    assert.equal((await put({ status: 'confirmed', comment: '属实' }, ctx.csrf)).status, 200);
    const json = (await (await ctx.get('/api/reports/1')).json()) as { findings: { key: string; review: { status: string } }[] };
    assert.equal(json.findings.find((f) => f.key === key)!.review.status, 'confirmed');
  });

  test('the OpenAPI document is generated from the request schemas', async () => {
    const doc = (await (await ctx.get('/api/openapi.json')).json()) as any;
    assert.deepEqual(Object.keys(doc.paths).sort(), [
      '/api/agencies/{name}', '/api/agencies/{name}/compare', '/api/deadlines', '/api/ledger',
      '/api/ledger/{agency}/applications',
      '/api/ledger/{agency}/applications/{no}', '/api/ledger/{agency}/applications/{no}/events',
      '/api/ledger/{agency}/draft', '/api/ledger/{agency}/table2', '/api/overview', '/api/regions', '/api/regions/{id}/dashboard', '/api/reports',
      '/api/reports/{id}', '/api/reports/{id}/findings/{key}/review', '/api/reports/{id}/recheck', '/api/roster',
      '/api/session',
    ]);
    assert.deepEqual(doc.components.schemas.ReviewInput.properties.status.enum, ['open', 'confirmed', 'dismissed']);
    assert.ok(doc.paths['/api/reports'].get.parameters.some((p: any) => p.name === 'has_errors'));
    assert.ok(doc.paths['/api/reports'].post.requestBody.content['multipart/form-data']);
  });

  test('the list filters, and offers the same data as JSON and CSV', async () => {
    const html = await (await ctx.get('/reports?has_errors=true&year=')).text();
    assert.match(html, /共 \d+ 份/);
    assert.match(html, /href="\/api\/reports\?has_errors=true"/);
    const csv = await (await ctx.get('/reports.csv?agency=江沙')).text();
    assert.equal(csv.split('\r\n')[1].split(',')[1], '江沙市商务局');
    assert.equal((await ctx.get('/reports?year=abc')).status, 400);
  });

  test('the original file is only ever a download', async () => {
    const res = await ctx.get('/reports/3/source');
    assert.equal(res.headers.get('content-type'), 'application/octet-stream');
    assert.match(res.headers.get('content-disposition')!, /^attachment;/);
  });
});

describe('uploads', () => {
  test('files are read by content, one result each in order; the same file again is unchanged', async () => {
    const { app, cookie, csrf } = await localApp();
    const files = [sample('2024-tab.txt'), { name: 'report.pdf', bytes: new TextEncoder().encode('not a report at all') }, sample('2024-tab.txt')];
    const m = await multipart(files);
    const res = await app.request('/api/reports', { method: 'POST', body: m.body, headers: { ...m.headers, cookie, 'x-csrf-token': csrf } });
    const results = (await res.json()) as { name: string; status: string }[];
    assert.deepEqual(results.map((r) => [r.name, r.status]), [['2024-tab.txt', 'imported'], ['report.pdf', 'unreadable'], ['2024-tab.txt', 'unchanged']]);
  });

  test('the form upload needs the CSRF field and renders links to the results', async () => {
    const { app, cookie, csrf } = await localApp();
    const without = await multipart([sample('2024-tab.txt')]);
    assert.equal((await app.request('/upload', { method: 'POST', body: without.body, headers: { ...without.headers, cookie } })).status, 403);
    const m = await multipart([sample('2024-tab.txt')], csrf);
    const html = await (await app.request('/upload', { method: 'POST', body: m.body, headers: { ...m.headers, cookie } })).text();
    assert.match(html, /<a href="\/reports\/1">2024-tab\.txt<\/a>：已导入/);
  });

  test('too many files, too many bytes, or no length are refused before anything is read', async () => {
    const { app, cookie, csrf, data } = await localApp({ maxFiles: 2, maxTotalBytes: 64 * 1024 });
    const post = (m: { body: Uint8Array; headers: Record<string, string> }) =>
      app.request('/api/reports', { method: 'POST', body: m.body as Uint8Array<ArrayBuffer>, headers: { ...m.headers, cookie, 'x-csrf-token': csrf } });
    const three = await multipart([sample('2024-tab.txt'), sample('2024-tab.txt'), sample('2024-tab.txt')]);
    assert.equal((await post(three)).status, 413);
    const big = await multipart([{ name: 'big.txt', bytes: new Uint8Array(100 * 1024).fill(65) }]);
    assert.equal((await post(big)).status, 413);
    const one = await multipart([sample('2024-tab.txt')]);
    const { 'content-length': _, ...noLength } = one.headers;
    assert.equal((await post({ body: one.body, headers: noLength })).status, 413);
    assert.equal(data.reports.length, 0);
  });
});
