/**
 * The ledger in a real browser (Debian's Chromium through playwright-core) on the real store (a fresh PGlite folder):
 * enter an application at phone width and see its due date, reply with an outcome, and see table 三 of the draft
 * report count it; enter table 二 on the draft page at phone width. Screenshots go to test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserApp } from '../support/browser-app.ts';

const AGENCY = '河清市生态环境局';
const ledger = (rest = '') => `/ledger/${encodeURIComponent(AGENCY)}${rest}`;

describe('ledger in a browser', () => {
  const web = browserApp('ledger');
  const { open, shot, fits } = web;
  /** Natural persons' 予以公开 in the draft's table 三. */
  const grantedCell = (page: Page) => page.locator('td[data-cell="table3.granted.0"]').innerText();

  async function enter(page: Page, no: string, submitted: string) {
    await page.goto(`${web.url}${ledger('/new')}`);
    await page.fill('#received-no', no);
    await page.selectOption('#received-channel', { label: '当面' });
    await page.fill('#received-submitted', submitted);
    await page.selectOption('#received-applicantType', { label: '自然人' });
    await page.fill('#received-applicant', '张某');
    await page.fill('#received-request', '2026年某项目环境影响评价批复文件');
  }

  test('enter an application, see its due date, reply, and see table 三 of the draft count it', async () => {
    const desk = await open('desktop');
    await desk.goto(`${web.url}${ledger('/draft')}?year=2026`);
    const before = Number(await grantedCell(desk));

    const phone = await open('phone');
    await enter(phone, '2026-001', '2026-09-28');
    await fits(phone, 'the entry form at 390 px');
    await shot(phone, 'ledger-entry-390');
    await phone.click('#received button[type=submit]');
    await phone.waitForURL(/\/ledger\/[^/]+\/2026-001$/);
    // Mon 28 Sep 2026 + 20 working days: 29, 30 Sep; National Day 1–7 Oct off; 8, 9, 10 (a 调休 Saturday) Oct;
    // 12–16, 19–23, 26–30 Oct.
    assert.match(await phone.locator('.counts').innerText(), /答复期限 2026-10-30/);

    // A reply without its date is refused beside the date field.
    await phone.locator('summary', { hasText: /^答复$/ }).click();
    await phone.selectOption('#event-replied-outcome', 'granted');
    await phone.click('#event-replied button[type=submit]');
    assert.equal(await phone.locator('#event-replied-date-error').innerText(), '办理结果须有答复日期');
    await phone.fill('#event-replied-date', '2026-10-20');
    await phone.click('#event-replied button[type=submit]');
    await phone.waitForURL(/\/ledger\/[^/]+\/2026-001$/);
    assert.match(await phone.locator('.counts').innerText(), /已办结/);
    assert.deepEqual(await phone.locator('.ledger-form').evaluateAll((forms) => forms.map((f: any) => f.id)), ['event-appeal_filed']);
    await fits(phone, 'the application page at 390 px');
    await shot(phone, 'ledger-detail-390');

    await enter(phone, '2026-002', '2026-11-02');
    await phone.click('#received button[type=submit]');
    await phone.waitForURL(/2026-002$/);

    await desk.goto(`${web.url}${ledger()}`);
    assert.deepEqual(await desk.locator('table.ledger tbody th a').allInnerTexts(), ['2026-002', '2026-001']);
    await fits(desk, 'the list at 1280 px');
    await shot(desk, 'ledger-list-1280');

    await desk.goto(`${web.url}${ledger('/draft')}?year=2026`);
    assert.equal(Number(await grantedCell(desk)), before + 1);
    await shot(desk, 'ledger-draft-1280');
    await desk.goto(`${web.url}/ledger`);
    assert.equal(await desk.locator('.ledgers a').innerText(), AGENCY);
    await desk.close();
    await phone.close();
  });

  test('enter table 二 on the draft page at phone width: a negative value is refused beside its field', async () => {
    const phone = await open('phone');
    await phone.goto(`${web.url}${ledger('/draft')}?year=2026`);
    await phone.fill('#table2-punishment', '-3');
    await phone.fill('#table2-coercion', '2');
    await fits(phone, 'the table 二 form at 390 px');
    await phone.click('#table2 button[type=submit]');
    assert.match(await phone.locator('[id="table2-punishment-error"]').innerText(), /不能为负数/);
    await shot(phone, 'ledger-table2-390');
    await phone.fill('#table2-punishment', '9');
    await phone.click('#table2 button[type=submit]');
    await phone.waitForURL(/\/draft\?year=2026$/);
    assert.equal(await phone.locator('#table2-punishment').inputValue(), '9');
    assert.equal(await phone.locator('#table2-licensing').inputValue(), ''); // left blank, kept blank
    assert.equal((await phone.locator('[data-cell="table2.punishment"]').innerText()).trim(), '9');
    await phone.close();
  });
});
