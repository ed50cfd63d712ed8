/**
 * The web app over the real store on both engines (a PGlite folder and the PostgreSQL server): upload through the
 * API, list with filters and full-text search, the report page with its findings on their cells, a review that
 * survives re-checking and re-uploading, the overview, the region tree, an agency's years, the original file.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../src/server/app.ts';
import { storeData } from '../../src/server/store-data.ts';
import { Store } from '../../src/store/index.ts';
import { freshEngine, type TestEngine } from '../support/store.ts';
import { multipart, sample } from '../support/web-client.ts';

for (const name of ['pglite', 'postgres'] as const) {
  describe(`web app on the ${name} store`, () => {
    let engine: TestEngine;
    let store: Store;
    let app: ReturnType<typeof createApp>['app'];
    let cookie: string;
    let csrf: string;
    const get = (path: string) => app.request(path, { headers: { cookie } });
    const upload = async (files: { name: string; bytes: Uint8Array }[]) => {
      const m = await multipart(files);
      const res = await app.request('/api/reports', { method: 'POST', body: m.body, headers: { ...m.headers, cookie, 'x-csrf-token': csrf } });
      assert.equal(res.status, 200);
      return (await res.json()) as { name: string; status: string; reportId?: number; error?: string }[];
    };

    before(async () => {
      engine = await freshEngine(name);
      store = await Store.open(engine.options);
      app = createApp({ data: storeData(store, { limits: { concurrency: 2 } }), mode: 'local' }).app;
      const first = await app.request('/api/session');
      cookie = first.headers.getSetCookie()[0].split(';')[0];
      csrf = ((await first.json()) as { csrf: string }).csrf;
    });
    after(async () => {
      await store?.close();
      await engine?.drop();
    });

    test('uploads are read, stored and named by their file name; the same file again is unchanged', async () => {
      const results = await upload([sample('2024-mistakes.txt'), sample('2025-official.html'), { name: 'x.txt', bytes: new Uint8Array() }]);
      assert.deepEqual(results.map((r) => [r.name, r.status]), [['2024-mistakes.txt', 'imported'], ['2025-official.html', 'imported'], ['x.txt', 'unreadable']]);
      assert.ok(results[2].error);
      const again = await upload([sample('2024-mistakes.txt')]);
      assert.deepEqual(again.map((r) => r.status), ['unchanged']);
    });

    test('the list filters by errors, year, agency, rule and words of the text', async () => {
      const list = async (q: string) => ((await (await get(`/api/reports${q}`)).json()) as { total: number; items: { agency: string; source: string; errors: number }[] });
      assert.equal((await list('')).total, 2);
      const withErrors = await list('?has_errors=true');
      assert.deepEqual(withErrors.items.map((r) => [r.agency, r.source, r.errors]), [['江沙市商务局', '2024-mistakes.txt', 3]]);
      assert.equal((await list('?year=2025')).total, 1);
      assert.equal((await list('?agency=商务')).total, 1);
      assert.equal((await list('?rule=table3-row-total')).total, 1);
      assert.equal((await list('?q=' + encodeURIComponent('江沙市商务局'))).total, 1);
      assert.equal((await list('?q=' + encodeURIComponent('量子计算'))).total, 0);
    });

    test('the report page marks the wrong cell; a dismissal with a comment survives re-checking', async () => {
      const id = (await (await get('/api/reports?has_errors=true')).json() as { items: { id: number }[] }).items[0].id;
      const html = await (await get(`/reports/${id}`)).text();
      assert.match(html, /class="value flagged tone-error primary" data-cell="table3\.granted\.6" tabindex="0" data-tip="原文第56行\n表三·「（一）予以公开」行：总计=59/);
      const detail = (await (await get(`/api/reports/${id}`)).json()) as { findings: { key: string; finding: { rule: string } }[] };
      const key = detail.findings.find((f) => f.finding.rule === 'table3-row-total')!.key;
      const form = new URLSearchParams({ status: 'dismissed', comment: '原表如此', _csrf: csrf });
      const res = await app.request(`/reports/${id}/findings/${key}/review`, { method: 'POST', body: form, headers: { cookie } });
      assert.equal(res.status, 303);
      assert.equal((await app.request(`/reports/${id}/findings/nonesuch/review`, { method: 'POST', body: form, headers: { cookie } })).status, 404);
      assert.equal((await app.request(`/reports/${id}/recheck`, { method: 'POST', body: new URLSearchParams({ _csrf: csrf }), headers: { cookie } })).status, 303);
      await upload([sample('2024-mistakes.txt')]);
      const after = (await (await get(`/api/reports/${id}`)).json()) as { findings: { key: string; review: { status: string; by: string; comment: string; at: string } }[] };
      const { at, ...review } = after.findings.find((f) => f.key === key)!.review;
      assert.deepEqual(review, { status: 'dismissed', by: '本机用户', comment: '原表如此' });
      assert.match(at, /^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
      assert.match(await (await get(`/reports/${id}`)).text(), /class="value flagged tone-dismissed primary" data-cell="table3\.granted\.6"/);
    });

    test('overview, regions, agency years and the original file', async () => {
      const overview = (await (await get('/api/overview')).json()) as { reports: number; bySeverity: { severity: string; count: number }[]; byRule: { rule: string }[] };
      assert.equal(overview.reports, 2);
      assert.ok(overview.byRule.some((r) => r.rule === 'table3-row-total'));
      const regions = await (await get('/regions')).text();
      const city = /<a href="\/regions\/(\d+)">江沙市<\/a>/.exec(regions);
      assert.ok(city, 'the region links to its dashboard');
      assert.match(await (await get(`/regions/${city[1]}`)).text(), /<a href="\/agencies\/[^"]+">江沙市商务局<\/a>/);
      const agency = (await (await get(`/api/agencies/${encodeURIComponent('江沙市商务局')}`)).json()) as { years: { year: number }[] };
      assert.deepEqual(agency.years.map((y) => y.year), [2024]);
      assert.equal((await get('/agencies/nobody')).status, 404);
      const id = (await (await get('/api/reports?year=2025')).json() as { items: { id: number }[] }).items[0].id;
      const file = await get(`/reports/${id}/source`);
      assert.deepEqual(new Uint8Array(await file.arrayBuffer()), new Uint8Array(sample('2025-official.html').bytes));
      assert.match(file.headers.get('content-disposition')!, /2025-official\.html/);
    });

    test('the ledger API over the store: register, a refusal by field, a reply, the list and the draft', async () => {
      const agency = encodeURIComponent('河清市自然资源局');
      const send = (path: string, body: unknown) =>
        app.request(path, { method: 'POST', body: JSON.stringify(body), headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' } });
      const received = { no: 'A-1', channel: 'post', submitted: '2025-04-28', signed: '2025-04-29', applicantType: 'natural_person' };
      assert.equal((await send(`/api/ledger/${agency}/applications`, received)).status, 201);
      const again = await send(`/api/ledger/${agency}/applications`, received);
      assert.equal(again.status, 422);
      assert.equal(((await again.json()) as { issues: { field: string }[] }).issues[0].field, 'no');
      const early = await send(`/api/ledger/${agency}/applications/A-1/events`, { type: 'withdrawn', date: '2025-04-01' });
      assert.equal(early.status, 422);
      assert.deepEqual(((await early.json()) as { issues: { code: string; field: string }[] }).issues.map((i) => [i.code, i.field]), [['before-receipt', 'date']]);
      assert.equal((await send(`/api/ledger/${agency}/applications/A-1/events`, { type: 'replied', date: '2025-05-20', outcome: 'granted' })).status, 200);
      const list = (await (await get(`/api/ledger/${agency}/applications`)).json()) as { items: { id: string; due: string; status: string }[] };
      // Signed for on Tue 29 Apr 2025 (post: the day of signing): 30 Apr (1); 1–5 May off; 6–9 May (5); 12–16 (10);
      // 19–23 (15); 26–30 May (20).
      assert.deepEqual(list.items.map((i) => [i.id, i.due, i.status]), [['A-1', '2025-05-30', 'concluded']]);
      const draft = (await (await get(`/api/ledger/${agency}/draft?year=2025`)).json()) as { report: { table3: Record<string, number[]> }; final: boolean };
      assert.deepEqual([draft.report.table3.new_received[0], draft.report.table3.granted[0], draft.final], [1, 1, false]);
      const history = await (await get(`/ledger/${agency}/A-1`)).text();
      assert.match(history, /<th scope="row">答复<\/th><td>答复日期：2025-05-20；办理结果：（一）予以公开<\/td><td>本机用户<\/td>/);
    });
  });
}
