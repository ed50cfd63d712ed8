/**
 * A region's dashboard in a real browser (Debian's Chromium through playwright-core): reports of 淮安市's agencies
 * for two years imported into a fresh store, the region found from the regions page, its charts drawn with the
 * years' numbers, and the page usable at 1280 px and at phone width. Screenshots go to test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { expandInputs } from '../../src/pipeline/index.ts';
import { renderHtmlPage } from '../../src/render/index.ts';
import { importFiles } from '../../src/store/index.ts';
import { browserApp, WIDTHS } from '../support/browser-app.ts';
import { generateReport } from '../support/generate.ts';

const AGENCIES = ['淮安市人民政府', '淮安市公安局', '淮安市教育局', '淮安市洪泽区卫生健康局', '淮安市洪泽区人民政府'];
const YEARS = [2022, 2023];

describe('region dashboard in a browser', () => {
  const web = browserApp('dashboard', {
    async seed(_data, store, dir) {
      const files = join(dir, 'reports');
      mkdirSync(files);
      AGENCIES.forEach((agency, i) =>
        YEARS.forEach((year) => {
          const data = generateReport(700 + i * 10 + year, { version: '2021' });
          writeFileSync(join(files, `${i}-${year}.html`), renderHtmlPage({ ...data, agency, year, published: `${year + 1}-01-20` }));
        }),
      );
      for await (const event of importFiles(store, await expandInputs([files]), { limits: { concurrency: 2 } })) assert.equal(event.status, 'imported');
    },
  });

  test('from the regions page to 淮安市: charts drawn with both years, roll-up tables, nothing wider than the screen', async () => {
    for (const size of ['desktop', 'phone'] as const) {
      const page = await web.open(size);
      await page.goto(`${web.url}/regions`);
      await page.locator('a', { hasText: /^淮安市$/ }).click();
      await page.waitForURL(/\/regions\/\d+$/);
      assert.match(await page.locator('h1').innerText(), /^淮安市 2023年度汇总/);
      assert.match(await page.locator('.facts').innerText(), new RegExp(`共汇总 ${AGENCIES.length} 份报告`));

      const chart = page.locator('img[data-chart="applications"]');
      assert.ok(await chart.evaluate((el: any) => el.complete && el.naturalWidth > 0), 'the chart image is drawn');
      // The image drawn for this width (a phone gets the narrow drawing of the same chart).
      const shown = await chart.evaluate((el: any) => el.currentSrc as string);
      assert.equal(shown === (await chart.getAttribute('src')), size === 'desktop', `${size} shows the drawing made for its width`);
      const svg = Buffer.from(shown.split(',')[1], 'base64').toString('utf8');
      for (const year of YEARS) assert.ok(svg.includes(`${year}年`), `${year} on the axis`);
      assert.ok((svg.match(/<path d="M/g) ?? []).length > 8, 'bars are drawn');
      assert.equal(await page.locator('table.statutory').count(), 3, 'tables 二, 三 and 四 summed');

      await page.locator('.charts details summary').first().click();
      assert.match(await page.locator('.charts details table').first().innerText(), /2022年/);
      await web.shot(page, `dashboard-${WIDTHS[size].width}`);
      await web.fits(page, `${size}: the dashboard`);
      await page.close();
    }
  });
});
