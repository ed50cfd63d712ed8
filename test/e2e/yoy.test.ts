/**
 * Year over year in a real browser (Debian's Chromium through playwright-core) on the real store (a fresh PGlite
 * folder): two years of one agency imported, the comparison opened from the agency page, a known difference read off
 * the page, at 1280 px and at phone width (390 px) with nothing wider than the screen but the tables' scroll boxes.
 * Screenshots: test-results/screenshots/yoy-1280.png and yoy-390.png (every row: yoy-all-1280.png, yoy-all-390.png).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { browserApp, WIDTHS } from '../support/browser-app.ts';
import { PAIR_AGENCY, yearPair } from '../support/year-pair.ts';

describe('year over year in a browser', () => {
  const web = browserApp('yoy', {
    async seed(data) {
      const imported = await data.importFiles(yearPair());
      assert.deepEqual(imported.map((r) => r.status), ['imported', 'imported']);
    },
  });

  for (const size of ['desktop', 'phone'] as const) {
    const { width } = WIDTHS[size];
    test(`from the agency page to the comparison at ${width} px`, async () => {
      const page = await web.open(size);
      await page.goto(`${web.url}/agencies/${encodeURIComponent(PAIR_AGENCY)}`);
      await page.locator('a', { hasText: '与2023年度比较' }).click();
      await page.waitForURL(/\/compare\?year=2024&with=2023$/);

      // 行政许可 8 in 2023, 10 in 2024: +2, +25.0 %.
      const cell = page.locator('td[data-cell="table2.licensing"]');
      assert.equal(await cell.locator('.now').innerText(), '10');
      assert.equal(await cell.locator('.delta').innerText(), '+2（+25.0%）');
      assert.equal(await page.locator('td.carry-mismatch').count(), 3);
      assert.deepEqual(await page.locator('.word-diff ins').allInnerTexts(), ['2024', '10', '491', '2024', '持续', '2025']);
      assert.equal(await page.locator('main img').count(), 0);
      await web.fits(page, 'the page');
      await web.shot(page, `yoy-${width}`);

      // Every row: the unchanged rows come back.
      const changedRows = await page.locator('table.table2 td.value').count();
      await page.locator('a', { hasText: '显示全部行和全文' }).click();
      await page.waitForURL(/rows=all$/);
      assert.ok((await page.locator('table.table2 td.value').count()) > changedRows);
      await web.shot(page, `yoy-all-${width}`);
      await page.close();
    });
  }
});
