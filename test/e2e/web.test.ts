/**
 * The web app in a real browser (Debian's Chromium through playwright-core), at 1280 px and at phone width (390 px):
 * upload, the wrong cell highlighted with its message, a dismissal with a comment that survives re-checking, and a
 * hostile report that stays inert, all on the real store (a fresh PGlite folder). Screenshots of every page go to
 * test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ROOT } from '../helpers.ts';
import { browserApp, WIDTHS } from '../support/browser-app.ts';
import { hostileReport } from '../support/web-client.ts';

describe('web app in a browser', () => {
  const web = browserApp('web');
  const { open, shot, fits } = web;

  async function upload(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[] | string[]) {
    await page.goto(`${web.url}/upload`);
    await page.setInputFiles('input[type=file]', files as string[]);
    await page.click('form[data-upload] button[type=submit]');
    await page.locator('.progress li').nth(files.length - 1).locator('.status-text a, .status-text:has-text("无法读取")').waitFor();
  }

  test('upload, see the wrong cell, dismiss its finding with a comment, re-check: still dismissed', async () => {
    const page = await open('desktop');
    await upload(page, [join(ROOT, 'samples', '2024-mistakes.txt'), join(ROOT, 'samples', '2025-official.html')]);
    await shot(page, 'upload-1280');
    await page.locator('.progress li').first().locator('a', { hasText: '查看' }).click();
    await page.waitForURL(/\/reports\/\d+$/);

    const cell = page.locator('td[data-cell="table3.granted.6"]');
    assert.match((await cell.getAttribute('class'))!, /flagged tone-error primary/);
    assert.equal(await cell.evaluate((el) => (globalThis as any).getComputedStyle(el).backgroundColor), 'rgb(253, 232, 232)');
    await cell.focus();
    const tip = await cell.evaluate((el) => (globalThis as any).getComputedStyle(el, '::after').content);
    assert.match(tip, /总计=59，自然人\+法人或其他组织各列之和=69/);
    const described = await cell.getAttribute('aria-describedby');
    assert.match(await page.locator(`#${described}`).innerText(), /总计=59/);
    await shot(page, 'report-1280');

    const item = page.locator(`#${described}`);
    await item.locator('input[name=comment]').fill('原表如此，已核实');
    await item.locator('button[value=dismissed]').click();
    await page.waitForURL(/\/reports\/\d+$/);
    await page.locator('form[action$="/recheck"] button').click();
    await page.waitForURL(/\/reports\/\d+$/);
    await page.locator(`#${described}`).waitFor();
    assert.match(await page.locator(`#${described} .review-state`).innerText(), /已驳回：本机用户.*意见：原表如此，已核实/);
    assert.match((await cell.getAttribute('class'))!, /tone-dismissed/);
    await shot(page, 'report-dismissed-1280');
    await page.close();
  });

  test('a report with <script> and <img onerror> renders inert', async () => {
    const page = await open('desktop');
    const hostile = hostileReport();
    await upload(page, [{ name: hostile.name, mimeType: 'text/plain', buffer: Buffer.from(hostile.bytes) }]);
    await page.locator('.progress li a', { hasText: '查看' }).click();
    await page.waitForURL(/\/reports\/\d+$/);
    assert.match(await page.locator('h1').innerText(), /<script>window\.\S*xss=1<\/script>/);
    assert.equal(await page.locator('main img, main script').count(), 0);
    assert.deepEqual(await page.evaluate(() => [(globalThis as any).__xss, (globalThis as any).xss]), [undefined, undefined]);
    await shot(page, 'report-hostile-1280');
    await page.goto(`${web.url}/reports`);
    assert.equal(await page.locator('main img').count(), 0);
    await page.close();
  });

  test('every page at 1280 px and at phone width, with nothing wider than the screen but the tables', async () => {
    for (const size of ['desktop', 'phone'] as const) {
      const page = await open(size);
      const width = WIDTHS[size].width;
      for (const [name, path] of [['overview', '/'], ['list', '/reports'], ['report', '/reports/1'], ['regions', '/regions'], ['upload', '/upload'], ['ledgers', '/ledger']]) {
        await page.goto(`${web.url}${path}`);
        await shot(page, `${name}-${width}`);
        if (name === 'overview') {
          for (const img of await page.locator('.charts img').all()) {
            assert.ok(await img.evaluate((el: any) => el.complete && el.naturalWidth > 0), 'a dashboard chart is drawn');
          }
        }
        await fits(page, `${path} at ${width} px`);
      }
      await page.close();
    }
  });
});
