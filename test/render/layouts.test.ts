/** The layouts themselves: the official table structure, the HTML page, and the text shapes real dumps have. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateReport } from '../support/generate.ts';
import { FORMAT_2019, FORMAT_2021 } from '../../src/format/index.ts';
import type { TableDef } from '../../src/format/types.ts';
import { LAYOUTS, renderHtml, renderHtmlPage, renderTextCells, renderTextTab, tableGrid } from '../../src/render/index.ts';

/** Spanned cells of a grid as "text rowSpan×colSpan". */
const spans = (table: TableDef) =>
  tableGrid(table).rows.flat().filter((c) => (c.rowSpan ?? 1) > 1 || (c.colSpan ?? 1) > 1)
    .map((c) => `${c.text.slice(0, 8)} ${c.rowSpan ?? 1}×${c.colSpan ?? 1}`);

describe('official table grids', () => {
  it('table 三 (2021) spans its headers and label groups as the template does', () => {
    assert.deepEqual(spans(FORMAT_2021.tables.table3), [
      '（本列数据的勾稽 3×3', '申请人情况 1×7', '自然人 2×1', '法人或其他组织 1×5', '总计 2×1',
      '一、本年新收政府 1×3', '二、上年结转政府 1×3', '三、本年度办理结 22×1', '（一）予以公开 1×2', '（二）部分公开（ 1×2',
      '（三）不予公开 8×1', '（四）无法提供 3×1', '（五）不予处理 5×1', '（六）其他处理 3×1', '（七）总计 1×2', '四、结转下年度继 1×3',
    ]);
  });

  it('table 三 (2019) has （六）其他处理 as one row beside the sub-groups', () => {
    const s = spans(FORMAT_2019.tables.table3);
    assert.ok(s.includes('三、本年度办理结 20×1'));
    assert.ok(s.includes('（六）其他处理 1×2'));
  });

  it('table 四 puts 行政诉讼 over two groups and the review labels over two header rows', () => {
    assert.deepEqual(spans(FORMAT_2021.tables.table4), [
      '行政复议 1×5', '行政诉讼 1×10', '结果维持 2×1', '结果纠正 2×1', '其他结果 2×1', '尚未审结 2×1', '总计 2×1',
      '未经复议直接起诉 1×5', '复议后起诉 1×5',
    ]);
    assert.deepEqual(tableGrid(FORMAT_2021.tables.table4).rows.map((r) => r.length), [2, 7, 10, 15]);
  });

  it('table 二 has a clause row, a header row and data rows per clause; narrow rows stretch their last cell', () => {
    const rows = tableGrid(FORMAT_2021.tables.table2, { licensing: 418 }).rows;
    assert.equal(rows.length, 14);
    const licensing = rows.find((r) => r[0].text === '行政许可')!;
    assert.deepEqual(licensing.map((c) => [c.text, c.colSpan ?? 1]), [['行政许可', 1], ['418', 3]]);
    assert.equal(tableGrid(FORMAT_2019.tables.table2).rows.length, 19);
  });
});

describe('HTML', () => {
  const report = generateReport(5);

  it('is a complete UTF-8 page in Chinese with print CSS', () => {
    const html = renderHtml(report);
    assert.match(html, /^<!DOCTYPE html>\n<html lang="zh-CN">/);
    assert.match(html, /<meta charset="utf-8">/);
    assert.match(html, /@page \{ size: A4;/);
    // A title longer than a line of 二号 (20 characters) breaks after the agency's name.
    assert.ok(`${report.agency}2023年政府信息公开工作年度报告`.length > 20);
    assert.match(html, new RegExp(`<h1>${report.agency}<br>2023年政府信息公开工作年度报告</h1>`));
    assert.match(html, /@page \{ size: A4; margin: 37mm 26mm 35mm 28mm; \}/);
    assert.match(html, /<thead>/);
    assert.equal((html.match(/<h2>/g) ?? []).length, 6);
    assert.equal((html.match(/<table /g) ?? []).length, 3);
  });

  it('a page scrape wraps the same tables in site chrome', () => {
    const page = renderHtmlPage(report);
    for (const chrome of ['字号：', '打印', '扫码使用手机浏览本页内容', '网站标识码', `发布日期：${report.published}`]) {
      assert.ok(page.includes(chrome), chrome);
    }
    assert.equal((page.match(/<table /g) ?? []).length, 3);
    assert.ok(page.includes('<td rowspan="8"><p class="MsoNormal"'));
  });

  it('escapes markup in names and text', () => {
    const html = renderHtml({ ...report, agency: '<b>局&</b>' });
    assert.ok(html.includes('&lt;b&gt;局&amp;&lt;/b&gt;'));
    assert.ok(!html.includes('<b>局'));
  });
});

describe('text layouts', () => {
  const report = generateReport(5);

  it('tab rows carry every grid slot and a trailing tab', () => {
    const row = renderTextTab(report).split('\n').find((l) => l.startsWith('一、本年新收'))!;
    const values = report.table3!.new_received.map(String);
    assert.deepEqual(row.split('\t'), ['一、本年新收政府信息公开申请数量', '', '', ...values, '']);
  });

  it('one-cell-per-line rows wrap four-character column headers onto an unindented line', () => {
    assert.ok(renderTextCells(report).includes('\t商业\n企业\n\t科研\n机构\n'));
  });

  it('every layout renders both format versions deterministically', () => {
    for (const layout of LAYOUTS) {
      for (const version of ['2021', '2019'] as const) {
        const r = generateReport(9, { version });
        assert.equal(layout.render(r), layout.render(generateReport(9, { version })), layout.id);
      }
    }
  });
});
