/**
 * The roster and the deadline check in a real browser (Debian's Chromium through playwright-core) on the real store
 * (a fresh PGlite folder): a roster imported through the roster page, an agency of it without a report shown as
 * missing on the overview, and a report's XLSX export downloaded from its page and read back with exceljs.
 * Screenshots go to test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { browserApp, type Width } from '../support/browser-app.ts';
import { sample } from '../support/web-client.ts';

/** 江沙市商务局 has a 2024 report (samples/2024-mistakes.txt); 江沙市人民政府 and 江沙市财政局 have none. */
const ROSTER = `机关,别名,地区,级别,上级
江沙市商务局,江沙市商务委,某省江沙市,部门,江沙市人民政府
江沙市财政局,,某省江沙市,部门,江沙市人民政府
江沙市人民政府,,某省江沙市,本级政府,
`;

describe('roster, deadlines and exports in a browser', () => {
  let reportId: number;
  const web = browserApp('roster', {
    importOptions: { limits: { concurrency: 1 } },
    async seed(data) {
      [{ reportId: reportId! }] = (await data.importFiles([sample('2024-mistakes.txt')])) as { reportId: number }[];
    },
  });
  const { shot, fits } = web;
  const open = (size: Width) => web.open(size, { acceptDownloads: true });

  test('import the roster on its page; it lists the agencies by region at 1280 px and at phone width', async () => {
    const page = await open('desktop');
    await page.goto(`${web.url}/roster`);
    await page.setInputFiles('input[name=roster]', { name: '名册.csv', mimeType: 'text/csv', buffer: Buffer.from(ROSTER) });
    await page.click('form.roster-import button[type=submit]');
    await page.locator('.notice').waitFor();
    assert.match(await page.locator('.notice').innerText(), /登记 3 个机关/);
    const group = page.locator('table.roster tbody', { has: page.locator('th[scope=rowgroup]', { hasText: '某省江沙市' }) });
    assert.equal(await group.locator('th[scope=row]').count(), 3);
    const row = group.locator('tr', { has: page.locator('th[scope=row]', { hasText: '江沙市商务局' }) });
    assert.deepEqual(await row.locator('td').allInnerTexts(), ['江沙市商务委', '部门', '江沙市人民政府']);
    await page.goto(`${web.url}/roster`);
    await shot(page, 'roster-1280');
    await page.close();

    const phone = await open('phone');
    await phone.goto(`${web.url}/roster`);
    await fits(phone, 'the roster page at 390 px');
    await shot(phone, 'roster-390');
    await phone.close();
  });

  test('the overview names the agencies without a 2024 report', async () => {
    const page = await open('desktop');
    await page.goto(`${web.url}/?year=2024`);
    const missing = page.locator('table', { has: page.locator('caption', { hasText: '没有2024年度报告的机关' }) });
    const names = await missing.locator('tbody th[scope=row]').allInnerTexts();
    assert.deepEqual(names.sort(), ['江沙市人民政府', '江沙市财政局'].sort());
    assert.match(await page.locator('.deadlines').innerText(), /逾期发布（0）/);
    await shot(page, 'overview-1280');
    await page.close();
  });

  test('the report page downloads the report as XLSX with its numbers in the statutory places', async () => {
    const page = await open('desktop');
    await page.goto(`${web.url}/reports/${reportId}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("导出 Excel")')]);
    assert.match(download.suggestedFilename(), /^江沙市商务局2024年度\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets.find((s) => s.name.includes('表三'));
    assert.ok(sheet, 'a 表三 sheet');
    // The sample's 表三 row （一）予以公开 ends with its 总计, 59 (samples/2024-mistakes.txt, read by hand).
    let granted: unknown[] | undefined;
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      if (values.includes('（一）予以公开')) granted = values;
    });
    assert.ok(granted, 'the row （一）予以公开');
    assert.equal(granted.at(-1), 59);
    await page.close();
  });

  test('a .zip uploaded on the upload page gets one result per member, each with its link', async () => {
    const page = await open('desktop');
    await page.goto(`${web.url}/upload`);
    const zip = zipSync({ '2024/tab.txt': sample('2024-tab.txt').bytes, '2021/markdown.md': sample('2021-markdown.md').bytes });
    await page.setInputFiles('input[type=file]', { name: '报告.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
    await page.click('form[data-upload] button[type=submit]');
    const members = page.locator('.progress .members li');
    await members.nth(1).locator('a').waitFor();
    assert.match(await page.locator('.progress > li > span .status-text').first().innerText(), /压缩包：2 个文件/);
    assert.deepEqual((await members.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ')), ['报告.zip/2021/markdown.md：已导入 查看', '报告.zip/2024/tab.txt：已导入 查看']);
    await shot(page, 'upload-zip-1280');
    await members.nth(1).locator('a').click();
    await page.waitForURL(/\/reports\/\d+$/);
    assert.match(await page.locator('h1').innerText(), /河清市惠安区发展和改革委员会/);
    await page.close();
  });
});
