/**
 * The ledger pages and API in server mode, in-process: entry and event forms with the ledger's rules shown beside
 * their fields, the list in working order with its filters, JSON and CSV, the draft report and its refused final, and
 * the editor who may open only their own agency's ledger; table 二 entered on the draft page over the store, then final. Due dates are counted by hand on the working-day calendar.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { LedgerEvent, Received } from '../../src/ledger/index.ts';
import { TABLE2_2021 } from '../../src/format/table2.ts';
import { createApp } from '../../src/server/app.ts';
import { beijingToday } from '../../src/web/ledger-model.ts';
import { storeData } from '../../src/server/store-data.ts';
import { ledgerTable2, Store } from '../../src/store/index.ts';
import { freshEngine, type TestEngine } from '../support/store.ts';
import type { AppEnv } from '../../src/server/http.ts';
import { EDITOR_AGENCY, sample, signIn, usersOfEveryRole, type Session } from '../support/web-client.ts';
import { MemoryData } from '../support/web-data.ts';

const OTHER = '河清市交通运输局';
const path = (agency: string, rest = '') => `/ledger/${encodeURIComponent(agency)}${rest}`;
const by = '王五';
const at = '2025-11-20T02:30:00Z'; // 10:30 in Beijing

const received = (submitted: string, applicantType = 'natural_person'): Received => ({
  type: 'received', channel: 'in_person', submitted, applicantType, applicant: '申请人', request: '某文件', by, at,
});
const dated = (type: string, date: string, extra: Record<string, unknown> = {}) => ({ type, date, by, at, ...extra }) as LedgerEvent;

/**
 * On 2025-11-20, counted by hand (no holidays from 20 October to mid-December 2025):
 * 003 received Mon 20 Oct → due Mon 17 Nov: overdue; 005 received Mon 27 Oct → due Mon 24 Nov, 2 working days
 * left: due soon; 004 waits for a correction; 001 received Mon 17 Nov → due Mon 15 Dec: in progress; 002 replied.
 */
async function seedOther(data: MemoryData) {
  const add = (id: string, r: Received, ...events: LedgerEvent[]) => data.ledger.addApplication(OTHER, id, r).then(() => Promise.all(events.map((e) => data.ledger.appendEvent(OTHER, id, e))));
  await add('001', received('2025-11-17'));
  await add('002', received('2025-11-03'), dated('replied', '2025-11-10', { outcome: 'granted' }));
  await add('003', received('2025-10-20', 'commercial'));
  await add('004', received('2025-11-03'), dated('correction_requested', '2025-11-04'));
  await add('005', received('2025-10-27'));
}

type App = OpenAPIHono<AppEnv>;

function client(app: App, s: Session) {
  const get = (url: string) => app.request(url, { headers: { cookie: s.cookie } });
  const post = (url: string, fields: Record<string, string>, csrf: string | null = s.csrf) =>
    app.request(url, {
      method: 'POST',
      body: new URLSearchParams({ ...fields, ...(csrf && { _csrf: csrf }) }),
      headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
  return { get, post };
}

/** The text of the message shown beside a form's field. */
const fieldError = (html: string, form: string, field: string) => new RegExp(`id="${form}-${field}-error"[^>]*>([^<]*)<`).exec(html)?.[1];
/** The application numbers in the list, top to bottom. */
const listed = (html: string) => [...html.matchAll(/<th scope="row"><a href="\/ledger\/[^"]+\/([^"]+)">/g)].map((m) => m[1]);

describe('ledger pages', () => {
  let app: App;
  let data: MemoryData;
  let editor: ReturnType<typeof client>;
  let editorSession: Session;
  let viewer: ReturnType<typeof client>;
  before(async () => {
    data = new MemoryData();
    ({ app } = createApp({ data, mode: 'server', users: await usersOfEveryRole() }));
    editorSession = await signIn(app, 'editor1');
    editor = client(app, editorSession);
    viewer = client(app, await signIn(app, 'viewer1'));
    await seedOther(data);
  });

  test('an application entered through the form gets its due date: 20 working days across National Day week', async () => {
    const form = await (await editor.get(path(EDITOR_AGENCY, '/new'))).text();
    assert.match(form, /name="_csrf"/);
    // Every applicant type and channel is a choice, not free text.
    assert.match(form, /<select id="received-applicantType" name="applicantType"/);
    const res = await editor.post(path(EDITOR_AGENCY, '/new'), {
      no: '2024-001', channel: 'in_person', submitted: '2024-09-27', applicantType: 'natural_person', applicant: '张某', request: '<script>alert(1)</script>',
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), path(EDITOR_AGENCY, '/2024-001'));
    const html = await (await editor.get(res.headers.get('location')!)).text();
    // Fri 27 Sep 2024 + 20 working days: 29 Sep (调休 Sunday), 30 Sep, 8–12 Oct (12 Oct a 调休 Saturday), 14–18, 21–25, 28–30 Oct.
    assert.match(html, /答复期限 2024-10-30/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(html, /<script>alert/);
    assert.doesNotMatch(html, /\sstyle=/, 'no inline style under the CSP');
    // Who recorded it, and when in Beijing time (the record's own time is UTC).
    assert.match(html, /<td>editor1<\/td>/);
  });

  test('a write without the CSRF token is refused', async () => {
    const res = await editor.post(path(EDITOR_AGENCY, '/new'), { no: '2024-009', channel: 'in_person', submitted: '2024-10-08', applicantType: 'natural_person' }, null);
    assert.equal(res.status, 403);
    assert.equal((await data.ledger.applications(EDITOR_AGENCY)).some((a) => a.id === '2024-009'), false);
  });

  test('the rules answer beside their field: an outcome needs a reply date; nothing before receipt', async () => {
    const app1 = path(EDITOR_AGENCY, '/2024-001/events');
    const noDate = await editor.post(app1, { type: 'replied', date: '', outcome: 'granted' });
    assert.equal(noDate.status, 422);
    assert.equal(fieldError(await noDate.text(), 'event-replied', 'date'), '办理结果须有答复日期');
    const early = await editor.post(app1, { type: 'correction_requested', date: '2024-09-20' });
    assert.equal(early.status, 422);
    assert.equal(fieldError(await early.text(), 'event-correction_requested', 'date'), '“补正通知”的日期2024-09-20早于收到申请之日2024-09-27');
    const noOutcome = await editor.post(app1, { type: 'replied', date: '2024-10-10' });
    assert.equal(fieldError(await noOutcome.text(), 'event-replied', 'outcome'), '请填写“办理结果”');
    const entry = await editor.post(path(EDITOR_AGENCY, '/new'), { no: '2024-002', channel: 'post', submitted: '2024-10-08', applicantType: 'natural_person' });
    assert.equal(entry.status, 422);
    assert.equal(fieldError(await entry.text(), 'received', 'signed'), '邮寄提交的申请须填写签收日期（条例第三十一条）');
    assert.equal((await data.ledger.application(EDITOR_AGENCY, '2024-001'))!.events.length, 1, 'nothing refused was recorded');
  });

  test('an event kept loosely is recorded with its warning shown', async () => {
    await editor.post(path(EDITOR_AGENCY, '/new'), { no: '2024-003', channel: 'in_person', submitted: '2024-10-08', applicantType: 'natural_person' });
    // Working days after Tue 8 Oct 2024: 9, 10, 11, 12 (a 调休 Saturday), 14–18, 21 Oct: the 10th.
    const res = await editor.post(path(EDITOR_AGENCY, '/2024-003/events'), { type: 'correction_requested', date: '2024-10-21' });
    // A redirect, so that reloading the page cannot record it twice; the page it leads to says the warning.
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `${path(EDITOR_AGENCY, '/2024-003')}?noted`);
    const shown = await (await editor.get(res.headers.get('location')!)).text();
    assert.match(shown, /已记录，但请注意：补正通知在收到申请后第10个工作日发出，超过7个工作日（条例第三十条）/);
    assert.doesNotMatch(await (await editor.get(path(EDITOR_AGENCY, '/2024-003'))).text(), /已记录，但请注意/);
    assert.equal((await data.ledger.application(EDITOR_AGENCY, '2024-003'))!.events.length, 2);
  });

  test('an answer dated before the notice it answers is refused beside its date; one the same day is recorded', async () => {
    await editor.post(path(EDITOR_AGENCY, '/new'), { no: '2024-004', channel: 'in_person', submitted: '2024-10-08', applicantType: 'natural_person' });
    await editor.post(path(EDITOR_AGENCY, '/2024-004/events'), { type: 'correction_requested', date: '2024-10-10' });
    const early = await editor.post(path(EDITOR_AGENCY, '/2024-004/events'), { type: 'correction_received', date: '2024-10-09' });
    assert.equal(early.status, 422);
    assert.equal(fieldError(await early.text(), 'event-correction_received', 'date'), '“收到补正”的日期2024-10-09早于补正通知之日2024-10-10');
    const sameDay = await editor.post(path(EDITOR_AGENCY, '/2024-004/events'), { type: 'correction_received', date: '2024-10-10' });
    assert.equal(sameDay.status, 303);
    assert.equal((await data.ledger.application(EDITOR_AGENCY, '2024-004'))!.events.length, 3, 'the refused answer was not recorded');
  });

  test('a date after today (Beijing) is recorded with a warning, on the entry form as on an event; a past date is not', async () => {
    // 2099 is after any day this suite runs on; the message names that day, so only its form is matched.
    const future = /已记录，但请注意：“收到申请”的日期2099-01-04晚于今天\d{4}-\d{2}-\d{2}，请核对/;
    const followed = async (res: Response) => {
      assert.equal(res.status, 303);
      return (await editor.get(res.headers.get('location')!)).text();
    };
    const entry = await editor.post(path(EDITOR_AGENCY, '/new'), { no: '2099-001', channel: 'in_person', submitted: '2099-01-04', applicantType: 'natural_person' });
    assert.match(await followed(entry), future);
    const event = await editor.post(path(EDITOR_AGENCY, '/2099-001/events'), { type: 'consultation_started', date: '2099-01-05', party: 'third_party' });
    assert.match(await followed(event), /已记录，但请注意：“征求意见”的日期2099-01-05晚于今天\d{4}-\d{2}-\d{2}，请核对/);
    const past = await editor.post(path(EDITOR_AGENCY, '/new'), { no: '2024-005', channel: 'in_person', submitted: '2024-10-08', applicantType: 'natural_person' });
    assert.equal(past.status, 303);
  });

  test('after the reply only 复议/诉讼 are offered', async () => {
    const before = await (await editor.get(path(EDITOR_AGENCY, '/2024-001'))).text();
    assert.ok(before.includes('id="event-replied"') && before.includes('id="event-correction_requested"'));
    assert.equal((await editor.post(path(EDITOR_AGENCY, '/2024-001/events'), { type: 'replied', date: '2024-10-10', outcome: 'granted' })).status, 303);
    const after = await (await editor.get(path(EDITOR_AGENCY, '/2024-001'))).text();
    assert.deepEqual([...after.matchAll(/<form class="ledger-form" id="([^"]+)"/g)].map((m) => m[1]), ['event-appeal_filed']);
    assert.equal((await editor.post(path(EDITOR_AGENCY, '/2024-001/events'), { type: 'withdrawn', date: '2024-10-11' })).status, 409);
    assert.match(after, /<th scope="row">答复<\/th><td>答复日期：2024-10-10；办理结果：（一）予以公开<\/td>/);
  });

  test('the list puts overdue first, then due soon, paused, in progress, concluded; filters narrow it', async () => {
    const html = await (await viewer.get(`${path(OTHER)}?as_of=2025-11-20`)).text();
    assert.deepEqual(listed(html), ['003', '005', '004', '001', '002']);
    assert.match(html, /<td>2025-11-17<\/td><td><span class="badge due-overdue">已超期<\/span><\/td><td>超期3个工作日<\/td>/);
    assert.match(html, /<td>2025-11-24<\/td><td><span class="badge due-due-soon">即将到期<\/span><\/td><td>剩2个工作日<\/td>/);
    assert.deepEqual(listed(await (await viewer.get(`${path(OTHER)}?as_of=2025-11-20&status=overdue`)).text()), ['003']);
    assert.deepEqual(listed(await (await viewer.get(`${path(OTHER)}?as_of=2025-11-20&applicant_type=commercial`)).text()), ['003']);
    assert.deepEqual(listed(await (await viewer.get(`${path(OTHER)}?year=2024`)).text()), []);
    assert.equal((await viewer.get(`${path(OTHER)}?status=bogus`)).status, 400);
    const hostile = await (await viewer.get(path('<img src=x onerror=alert(1)>局'))).text();
    assert.match(hostile, /&lt;img src=x onerror=alert\(1\)&gt;局 · 依申请公开台账/);
    assert.doesNotMatch(hostile, /<img/);
  });

  test('the same list as JSON and as the ledger sheet', async () => {
    const api = await viewer.get(`/api${path(OTHER, '/applications')}?as_of=2025-11-20`);
    assert.equal(api.status, 200);
    const body = (await api.json()) as { asOf: string; items: { id: string; due: string | null; status: string }[] };
    assert.equal(body.asOf, '2025-11-20');
    assert.deepEqual(body.items.map((i) => [i.id, i.due, i.status]), [
      ['003', '2025-11-17', 'overdue'], ['005', '2025-11-24', 'due-soon'], ['004', null, 'waiting'], ['001', '2025-12-15', 'open'], ['002', '2025-12-01', 'concluded'],
    ]);
    const one = (await (await viewer.get(`/api${path(OTHER, '/applications/002')}`)).json()) as { events: { type: string }[] };
    assert.deepEqual(one.events.map((e) => e.type), ['received', 'replied']);
    const csv = await viewer.get(path(OTHER, '/applications.csv'));
    assert.match(csv.headers.get('content-type')!, /text\/csv/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM for Excel');
    const lines = new TextDecoder().decode(bytes).trim().split('\n');
    assert.equal(lines.length, 6, 'header and five applications');
    assert.match(lines[0], /^编号,申请人类型/);
    assert.ok(lines.some((l) => l.startsWith('002,自然人,') && l.includes('（一）予以公开')));
    const single = (await (await viewer.get(`${path(OTHER, '/applications.csv')}?no=002`)).text()).trim().split('\n');
    assert.deepEqual(single.slice(1).map((l) => l.split(',')[0]), ['002']);
    const spec = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    assert.ok(spec.paths['/api/ledger/{agency}/applications'] && spec.paths['/api/ledger/{agency}/draft']);
  });

  test('a day asked for must be a real date within 1990–2100, and a bad query is explained in Chinese', async () => {
    // Working days are counted day by day: 9999-99-99 sorts after every real date and would never be reached.
    for (const asOf of ['9999-99-99', '9999-12-31', '2025-13-45', '2025-02-29']) {
      const res = await viewer.get(`/api${path(OTHER, '/applications')}?as_of=${asOf}`);
      assert.equal(res.status, 400, asOf);
      const { error } = (await res.json()) as { error: { message: string; message_en: string } };
      assert.match(error.message, /^请求参数有误：“as_of”须为1990年至2100年间实际存在的日期/, asOf);
    }
    assert.equal((await viewer.get(`/api${path(OTHER, '/applications')}?as_of=2024-02-29`)).status, 200);
    const page = await viewer.get(`${path(OTHER)}?year=abc`);
    assert.equal(page.status, 400);
    assert.match(await page.text(), /请求参数有误：“year”类型不对/);
    assert.match(await (await viewer.get(`${path(OTHER)}?status=bogus`)).text(), /请求参数有误：“status”不是可选的值/);
  });

  test('the sheet holds the first event of each kind; the history CSV holds every event with its details', async () => {
    const agency = '河清市自然资源局';
    await data.ledger.addApplication(agency, 'H1', received('2025-03-03'));
    for (const e of [
      dated('consultation_started', '2025-03-04', { party: 'third_party', name: '甲公司' }),
      dated('consultation_ended', '2025-03-10'),
      dated('consultation_started', '2025-03-11', { party: 'other_agency', name: '河清市税务局' }),
      dated('consultation_ended', '2025-03-14'),
      dated('replied', '2025-03-20', { outcome: 'granted' }),
      dated('appeal_filed', '2025-04-01', { caseId: '河复〔2025〕7号', route: 'review' }),
      dated('appeal_decided', '2025-05-20', { caseId: '河复〔2025〕7号', result: 'upheld' }),
      dated('appeal_filed', '2025-06-01', { caseId: '（2025）河行初12号', route: 'litigation_after_review' }),
    ]) await data.ledger.appendEvent(agency, 'H1', e);
    const sheet = (await (await viewer.get(path(agency, '/applications.csv'))).text()).trim().split('\n');
    assert.equal(sheet.length, 2);
    assert.doesNotMatch(sheet[1], /2025-03-11/, 'the sheet has no columns for a second consultation');
    const list = await (await viewer.get(path(agency))).text();
    assert.match(list, /<a href="\/ledger\/[^"]+\/history\.csv">全部办理记录 CSV<\/a>/);
    const res = await viewer.get(path(agency, '/history.csv'));
    assert.match(res.headers.get('content-disposition')!, /attachment; filename\*=UTF-8''/);
    const rows = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(rows[0], '编号,序号,事项,内容,经办人,记录时间（北京时间）');
    assert.equal(rows.length, 1 + 9, 'the receipt and eight events');
    assert.equal(rows[1], 'H1,1,收到申请,收到方式：当面；提交日期：2025-03-03；申请人类型：自然人；申请人：申请人；申请内容：某文件,王五,2025-11-20 10:30');
    assert.equal(rows[4], 'H1,4,征求意见,征求意见开始日期：2025-03-11；征求意见对象：其他机关；征求意见对象名称：河清市税务局,王五,2025-11-20 10:30');
    assert.equal(rows[9], 'H1,9,行政复议或诉讼,立案日期：2025-06-01；案号：（2025）河行初12号；复议诉讼类型：复议后起诉,王五,2025-11-20 10:30');
    const one = (await (await viewer.get(`${path(agency, '/history.csv')}?no=none`)).text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.deepEqual(one, [rows[0]], 'the list filters apply');
  });

  test('the draft report counts the ledger, and final is refused with its reasons', async () => {
    const html = await (await viewer.get(`${path(OTHER, '/draft')}?year=2025`)).text();
    // Five received in 2025, all by natural persons but 003; one concluded (002, granted).
    assert.match(html, /data-cell="table3\.new_received\.0"[^>]*>4</);
    assert.match(html, /data-cell="table3\.new_received\.1"[^>]*>1</);
    assert.match(html, /data-cell="table3\.granted\.0"[^>]*>1</);
    assert.match(html, /<caption>表三/);
    assert.match(html, /<li>尚未填写表二<\/li>/);
    assert.match(html, /<p class="absent">（尚未填写表二）<\/p>/);
    const final = await editor.post(`${path(EDITOR_AGENCY, '/draft/final')}?year=2024`, {});
    assert.equal(final.status, 409);
    assert.match(await final.text(), /尚未填写表二/);
    const md = await viewer.get(`${path(OTHER, '/draft.md')}?year=2025`);
    assert.equal(md.status, 200);
    assert.match(md.headers.get('content-disposition')!, /attachment/);
    assert.match(await md.text(), new RegExp(OTHER));
    const docx = new Uint8Array(await (await viewer.get(`${path(OTHER, '/draft.docx')}?year=2025`)).arrayBuffer());
    assert.deepEqual([...docx.slice(0, 2)], [0x50, 0x4b]);
    const cells = await (await viewer.get(`${path(OTHER, '/draft.csv')}?year=2025`)).text();
    assert.ok(cells.split('\n').some((l) => l.startsWith('table3.granted.0,') && l.includes(',1,')), 'the CSV has the granted cell');
    assert.equal((await viewer.get(`${path(OTHER, '/draft')}?year=2018`)).status, 400);
  });

  test('the draft lists what the ledger warns of, and a lapsed 补正 owes no reply date in the list', async () => {
    const agency = '河清市市场监督管理局';
    await data.ledger.addApplication(agency, 'L1', received('2025-03-03'));
    await data.ledger.appendEvent(agency, 'L1', dated('correction_requested', '2025-03-05', { until: '2025-03-20' }));
    await data.ledger.addApplication(agency, 'L2', received('2025-03-03'));
    await data.ledger.appendEvent(agency, 'L2', dated('correction_requested', '2025-03-05', { until: '2025-03-20' }));
    await data.ledger.appendEvent(agency, 'L2', dated('correction_lapsed', '2025-03-21'));
    const draft = await (await viewer.get(`${path(agency, '/draft')}?year=2025`)).text();
    // L1's 补正 ran out on 2025-03-20 with no lapse recorded: carried forward, and said so.
    assert.match(draft, /<h3>请注意<\/h3><ul class="cautions"><li><a href="[^"]+\/L1">L1<\/a>：申请L1的补正期限2025-03-20已过，但未记录逾期未补正/);
    assert.doesNotMatch(draft, />L2<\/a>：/);
    const list = await (await viewer.get(`${path(agency)}?as_of=2025-12-31`)).text();
    assert.match(list, /L2<\/a><\/th><td>2025-03-03<\/td><td>自然人<\/td><td>[^<]*<\/td><td>—<\/td>/);
  });

  test('final, once nothing blocks it, stores the draft as the agency\'s report of the year', async () => {
    await data.importFiles([sample('2025-official.html')]);
    const table2 = data.reports.find((r) => r.name === '2025-official.html')!.report.table2!;
    data.ledger.tables2.set(`${EDITOR_AGENCY}/2025`, table2);
    await data.ledger.addApplication(EDITOR_AGENCY, '2025-001', received('2025-03-03'));
    await data.ledger.appendEvent(EDITOR_AGENCY, '2025-001', dated('replied', '2025-03-10', { outcome: 'granted' }));
    const draft = await (await editor.get(`${path(EDITOR_AGENCY, '/draft')}?year=2025`)).text();
    assert.match(draft, /可以定稿/);
    const res = await editor.post(`${path(EDITOR_AGENCY, '/draft/final')}?year=2025`, {});
    assert.equal(res.status, 303);
    const id = Number(/^\/reports\/(\d+)$/.exec(res.headers.get('location')!)![1]);
    const { report } = (await data.getReport(id))!;
    assert.deepEqual([report.agency, report.year, report.table2?.licensing], [EDITOR_AGENCY, 2025, table2.licensing]);
    // One application received and granted in 2025, by a natural person.
    assert.deepEqual([report.table3?.new_received?.[0], report.table3?.granted?.[0], report.table3?.granted?.[6]], [1, 1, 1]);
  });

  test('the API writes with the token in a header, through the same rules', async () => {
    const send = (url: string, body: unknown, token: string | null = editorSession.csrf) =>
      app.request(url, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { cookie: editorSession.cookie, 'content-type': 'application/json', ...(token && { 'x-csrf-token': token }) },
      });
    const apps = `/api${path(EDITOR_AGENCY, '/applications')}`;
    const body = { no: '2024-010', channel: 'online', submitted: '2024-12-27', confirmed: '2024-12-30', applicantType: 'other' };
    assert.equal((await send(apps, body, null)).status, 403);
    const created = await send(apps, body);
    assert.equal(created.status, 201);
    // Confirmed Mon 30 Dec 2024 (条例第三十一条: online, the day of confirmation): 31 Dec (1); 1 Jan 2025 off; 2, 3 (3);
    // 6–10 (8); 13–17 (13); 20–24 (18); Sun 26 Jan, a 调休 working day before the Spring Festival (19); Mon 27 Jan (20).
    assert.equal(((await created.json()) as { row: { due: string } }).row.due, '2025-01-27');
    const refused = await send(`${apps}/2024-010/events`, { type: 'replied', outcome: 'granted' });
    assert.equal(refused.status, 422);
    const { issues } = (await refused.json()) as { issues: { field: string; code: string; zh: string }[] };
    assert.deepEqual(issues, [{ ...issues[0], field: 'date', code: 'outcome-needs-date', zh: '办理结果须有答复日期' }]);
    assert.equal((await send(`${apps}/2024-010/events`, { type: 'replied', date: '2025-01-10', outcome: 'nonsense' })).status, 400);
    const done = await send(`${apps}/2024-010/events`, { type: 'replied', date: '2025-01-10', outcome: 'granted' });
    assert.equal(done.status, 200);
    assert.equal(((await done.json()) as { row: { status: string } }).row.status, 'concluded');
    assert.equal((await send(`/api${path(OTHER, '/applications')}`, { ...body, no: '2024-011' })).status, 403);
  });

  test('an editor opens only their own agency: pages, forms and API', async () => {
    for (const url of [path(OTHER), path(OTHER, '/001'), path(OTHER, '/new'), path(OTHER, '/draft'), path(OTHER, '/applications.csv'), `/api${path(OTHER, '/applications')}`, `/api${path(OTHER, '/draft')}`]) {
      const res = await editor.get(url);
      assert.equal(res.status, 403, url);
      assert.match(await res.text(), /只能查看和填写本机关/);
    }
    const write = await editor.post(path(OTHER, '/001/events'), { type: 'withdrawn', date: '2025-11-18' });
    assert.equal(write.status, 403);
    assert.equal((await data.ledger.application(OTHER, '001'))!.events.length, 1);
    const index = await (await editor.get('/ledger')).text();
    assert.ok(index.includes(EDITOR_AGENCY) && !index.includes(OTHER));
    assert.deepEqual(((await (await editor.get('/api/ledger')).json()) as { agencies: string[] }).agencies, [EDITOR_AGENCY]);
    // A viewer picks any agency from a list (no free text) and reads every ledger, but writes none.
    const pick = await (await viewer.get('/ledger')).text();
    const options = [...(/<select name="agency" required="">(.*?)<\/select>/s.exec(pick)?.[1] ?? '').matchAll(/<option value="([^"]+)">/g)].map((m) => m[1]);
    assert.ok(options.includes(OTHER) && options.includes(EDITOR_AGENCY), options.join());
    const picked = await viewer.get(`/ledger?agency=${encodeURIComponent(OTHER)}`);
    assert.equal(picked.headers.get('location'), path(OTHER));
    assert.equal((await viewer.get(path(EDITOR_AGENCY))).status, 200);
    assert.equal((await viewer.post(path(OTHER, '/new'), { no: 'x' })).status, 403);
  });

  test('the form suggests the next number of this year\'s series and refuses a page\'s name as a number', async () => {
    const year = Number(beijingToday().slice(0, 4));
    await data.ledger.addApplication(EDITOR_AGENCY, `${year}-007`, received(`${year}-01-05`));
    await data.ledger.addApplication(EDITOR_AGENCY, `${year - 1}-050`, received(`${year - 1}-01-05`));
    // 2024-001 … 2024-003 and the two above: this year's highest is 007, whatever the count of all years.
    const form = await (await editor.get(path(EDITOR_AGENCY, '/new'))).text();
    assert.match(form, new RegExp(`name="no"[^>]* value="${year}-008" maxlength="40"`));
    const res = await editor.post(path(EDITOR_AGENCY, '/new'), { no: 'history.csv', channel: 'in_person', submitted: '2024-10-08', applicantType: 'natural_person' });
    assert.equal(res.status, 422);
    assert.match(fieldError(await res.text(), 'received', 'no')!, /不能是页面名称/);
  });
});

describe('table 二 entered on the draft page, over the store', () => {
  let engine: TestEngine;
  let store: Store;
  let app: App;
  let editor: ReturnType<typeof client>;
  let editorSession: Session;
  const draft = `${path(EDITOR_AGENCY, '/draft')}?year=2025`;
  const post = (fields: Record<string, string>, agency = EDITOR_AGENCY) => editor.post(`${path(agency, '/draft/table2')}?year=2025`, fields);
  // Typed by hand: 规章 1 issued, 0 repealed, 6 in force; 行政规范性文件 4/1/30; the decisions and 1.25 万元 of fees.
  const typed = {
    'regulations.issued': '1', 'regulations.repealed': '0', 'regulations.in_force': '6',
    'normative_docs.issued': '4', 'normative_docs.repealed': '1', 'normative_docs.in_force': '30',
    licensing: '', punishment: '12', coercion: '0', fees_wan_yuan: '1.25',
  };
  before(async () => {
    engine = await freshEngine('pglite');
    store = await Store.open(engine.options);
    ({ app } = createApp({ data: storeData(store, { limits: { concurrency: 2 } }), mode: 'server', users: await usersOfEveryRole() }));
    editorSession = await signIn(app, 'editor1');
    editor = client(app, editorSession);
  });
  after(async () => {
    await store?.close();
    await engine?.drop();
  });

  test('the form has a decimal input per cell of the format, labelled from it', async () => {
    const html = await (await editor.get(draft)).text();
    assert.match(html, /<li>尚未填写表二<\/li>/);
    const inputs = [...html.matchAll(/<input id="table2-([^"]+)" name="[^"]+" type="text" inputmode="decimal"/g)].map((m) => m[1]);
    assert.deepEqual(inputs, Object.keys(typed));
    assert.ok(html.includes(`${TABLE2_2021.rows[0].label} · ${TABLE2_2021.rows[0].columns[0].label}`));
  });

  test('a negative or non-numeric value is refused beside its field, and nothing is stored', async () => {
    const res = await post({ ...typed, 'regulations.issued': '-1', punishment: '十二' });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(fieldError(html, 'table2', 'regulations\\.issued')!, /不能为负数/);
    assert.match(fieldError(html, 'table2', 'punishment')!, /须为数字/);
    assert.equal(fieldError(html, 'table2', 'coercion'), undefined);
    assert.match(html, /value="十二"/); // what was typed comes back to correct
    await assert.rejects(ledgerTable2(store.db, EDITOR_AGENCY, 2025)); // the agency is not even known yet
  });

  test('an editor of another agency may not enter its table 二, on the page or over the API', async () => {
    const res = await post(typed, OTHER);
    assert.equal(res.status, 403);
    const api = await app.request(`/api${path(OTHER, '/table2')}?year=2025`, {
      method: 'PUT', body: JSON.stringify({ punishment: 1 }),
      headers: { cookie: editorSession.cookie, 'content-type': 'application/json', 'x-csrf-token': editorSession.csrf },
    });
    assert.equal(api.status, 403);
  });

  test('entered (blank kept blank), entered again, then final stores the report with the latest table 二', async () => {
    assert.equal((await post(typed)).status, 303);
    const first = (await ledgerTable2(store.db, EDITOR_AGENCY, 2025))!;
    assert.equal(first.table2.licensing, null);
    assert.equal(first.by, 'editor1');
    const put = await app.request(`/api${path(EDITOR_AGENCY, '/table2')}?year=2025`, {
      method: 'PUT', body: JSON.stringify({ ...first.table2, licensing: -3 }),
      headers: { cookie: editorSession.cookie, 'content-type': 'application/json', 'x-csrf-token': editorSession.csrf },
    });
    assert.equal(put.status, 422);
    assert.equal(((await put.json()) as { issues: { field: string }[] }).issues[0].field, 'licensing');
    assert.equal((await post({ ...typed, licensing: '57' })).status, 303);
    const html = await (await editor.get(draft)).text();
    assert.match(html, /id="table2-licensing" name="licensing" type="text" inputmode="decimal" value="57"/);
    assert.doesNotMatch(html, /尚未填写表二/);
    const versions = await store.db.selectFrom('ledger_table2').select('recorded_by').execute();
    assert.equal(versions.length, 2, 'both versions kept');
    const res = await editor.post(`${path(EDITOR_AGENCY, '/draft/final')}?year=2025`, {});
    assert.equal(res.status, 303, await res.text());
    const id = Number(/^\/reports\/(\d+)$/.exec(res.headers.get('location')!)![1]);
    const json = (await (await editor.get(`/api/reports/${id}`)).json()) as { report: { table2: Record<string, unknown> } };
    assert.deepEqual(json.report.table2, {
      regulations: { issued: 1, repealed: 0, in_force: 6 }, normative_docs: { issued: 4, repealed: 1, in_force: 30 },
      licensing: 57, punishment: 12, coercion: 0, fees_wan_yuan: 1.25,
    });
  });
});
