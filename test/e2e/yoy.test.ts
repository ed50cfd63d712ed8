/**
 * Year over year in a real browser (Debian's Chromium through playwright-core) on the real store (a fresh PGlite
 * folder): two years of one agency imported, the comparison opened from the agency page, a known difference read off
 * the page, at 1280 px and at phone width (390 px) with nothing wider than the screen but the tables' scroll boxes.
 * Screenshots: test-results/screenshots/yoy-1280.png and yoy-390.png (every row: yoy-all-1280.png, yoy-all-390.png).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { createApp } from '../../src/server/app.ts';
import { listen, type Listening } from '../../src/server/listen.ts';
import { storeData } from '../../src/server/store-data.ts';
import { Store } from '../../src/store/index.ts';
import { ROOT } from '../helpers.ts';
import { launchChromium } from '../support/office.ts';
import { PAIR_AGENCY, yearPair } from '../support/year-pair.ts';

const SHOTS = join(ROOT, 'test-results', 'screenshots');

describe('year over year in a browser', () => {
  let browser: Browser;
  let server: Listening;
  let store: Store;
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-e2e-yoy-'));
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    store = await Store.open({ dir });
    const data = storeData(store, { limits: { concurrency: 2 } });
    const imported = await data.importFiles(yearPair());
    assert.deepEqual(imported.map((r) => r.status), ['imported', 'imported']);
    const { app } = createApp({ data, mode: 'local' });
    server = await listen(app, { host: '127.0.0.1', port: 0, mode: 'local' });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    test(`from the agency page to the comparison at ${viewport.width} px`, async () => {
      const page = await browser.newPage({ viewport });
      page.on('dialog', () => assert.fail('a dialog opened: report content ran as script'));
      await page.goto(`${server.url}/agencies/${encodeURIComponent(PAIR_AGENCY)}`);
      await page.locator('a', { hasText: '与2023年度比较' }).click();
      await page.waitForURL(/\/compare\?year=2024&with=2023$/);

      // 行政许可 8 in 2023, 10 in 2024: +2, +25.0 %.
      const cell = page.locator('td[data-cell="table2.licensing"]');
      assert.equal(await cell.locator('.now').innerText(), '10');
      assert.equal(await cell.locator('.delta').innerText(), '+2（+25.0%）');
      assert.equal(await page.locator('td.carry-mismatch').count(), 3);
      assert.deepEqual(await page.locator('.word-diff ins').allInnerTexts(), ['2024', '10', '491', '2024', '持续', '2025']);
      assert.equal(await page.locator('main img').count(), 0);
      const overflow = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth - (globalThis as any).document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
      await page.screenshot({ path: join(SHOTS, `yoy-${viewport.width}.png`), fullPage: true });

      // Every row: the unchanged rows come back.
      const changedRows = await page.locator('table.table2 td.value').count();
      await page.locator('a', { hasText: '显示全部行和全文' }).click();
      await page.waitForURL(/rows=all$/);
      assert.ok((await page.locator('table.table2 td.value').count()) > changedRows);
      await page.screenshot({ path: join(SHOTS, `yoy-all-${viewport.width}.png`), fullPage: true });
      await page.close();
    });
  }
});
