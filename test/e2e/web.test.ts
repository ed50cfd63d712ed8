/**
 * The web app in a real browser (Debian's Chromium through playwright-core), at 1280 px and at phone width (390 px):
 * upload, the wrong cell highlighted with its message, a dismissal with a comment that survives re-checking, and a
 * hostile report that stays inert, all on the real store (a fresh PGlite folder). Screenshots of every page go to
 * test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../../src/server/app.ts';
import { listen, type Listening } from '../../src/server/listen.ts';
import { ROOT } from '../helpers.ts';
import { launchChromium } from '../support/office.ts';
import { hostileReport } from '../support/web-client.ts';
import { storeData } from '../../src/server/store-data.ts';
import { Store } from '../../src/store/index.ts';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

describe('web app in a browser', () => {
  let browser: Browser;
  let server: Listening;
  let store: Store;
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-e2e-'));
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    store = await Store.open({ dir });
    const { app } = createApp({ data: storeData(store, { limits: { concurrency: 2 } }), mode: 'local' });
    server = await listen(app, { host: '127.0.0.1', port: 0, mode: 'local' });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(size: keyof typeof WIDTHS): Promise<Page> {
    const page = await browser.newPage({ viewport: WIDTHS[size] });
    page.on('dialog', () => assert.fail('a dialog opened: report content ran as script'));
    return page;
  }
  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  async function upload(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[] | string[]) {
    await page.goto(`${server.url}/upload`);
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
    await page.goto(`${server.url}/reports`);
    assert.equal(await page.locator('main img').count(), 0);
    await page.close();
  });

  test('every page at 1280 px and at phone width, with nothing wider than the screen but the tables', async () => {
    for (const size of ['desktop', 'phone'] as const) {
      const page = await open(size);
      const width = WIDTHS[size].width;
      for (const [name, path] of [['overview', '/'], ['list', '/reports'], ['report', '/reports/1'], ['regions', '/regions'], ['upload', '/upload']]) {
        await page.goto(`${server.url}${path}`);
        await shot(page, `${name}-${width}`);
        if (name === 'overview') {
          for (const img of await page.locator('.charts img').all()) {
            assert.ok(await img.evaluate((el: any) => el.complete && el.naturalWidth > 0), 'a dashboard chart is drawn');
          }
        }
        const overflow = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth - (globalThis as any).document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${path} at ${width} px scrolls sideways by ${overflow} px`);
      }
      await page.close();
    }
  });
});
