/**
 * The five seed reports as published files (test/fixtures/seeds-rendered, built by build.ts there): printed to PDF by
 * Chromium, exported to PDF by LibreOffice, converted to DOCX by LibreOffice and written by the `docx` library. Each
 * must read to the statutory values transcribed from the text seed.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseReportFile, readPath } from '../../src/index.ts';
import { expectedSeed, FIXTURES, seedNames } from '../helpers.ts';

const DIR = join(FIXTURES, 'seeds-rendered');

const ROUTES: { file: string; what: string }[] = [
  { file: 'chromium.pdf', what: 'the official HTML printed to PDF by Chromium (A4, table 三 over two pages)' },
  { file: 'lo.pdf', what: 'a Word file exported to PDF by LibreOffice (labels wrapped over many lines)' },
  { file: 'lo-html.pdf', what: 'the official HTML converted to PDF by LibreOffice (no ruling lines at all)' },
  { file: 'lo.docx', what: 'the official HTML converted to DOCX by LibreOffice' },
  { file: 'docx.docx', what: 'a DOCX written by the docx library with vMerge and gridSpan' },
];

/**
 * Labels of table 三 that LibreOffice wraps over two to five lines, centred in their rows away from the numbers, when it
 * turns the HTML into PDF without ruling lines: group labels (first and second label columns) and row labels (third),
 * as the reader normalises them. Each must come out as one cell, neither cut nor run into its neighbours.
 */
const WRAPPED_LABELS = [
  '三、本年度办理结果', '(三)不予公开', '(四)无法提供', '(五)不予处理', '(六)其他处理',
  '(二)部分公开(区分处理的,只计这一情形,不计其他情形)', '3.危及“三安全一稳定”', '4.保护第三方合法权益',
  '5.要求行政机关确认或重新出具已获取信息', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
];

for (const name of seedNames()) {
  describe(`seed ${name} as published files`, () => {
    const expected = expectedSeed(name);
    for (const route of ROUTES) {
      it(`reads agency, year and tables 二, 三, 四 from ${route.what}`, async () => {
        const r = await parseReportFile(join(DIR, `${name}.${route.file}`));
        assert.deepEqual(
          { agency: r.agency, year: r.year, table2: r.table2, table3: r.table3, table4: r.table4 },
          { agency: expected.agency, year: expected.year, table2: expected.table2, table3: expected.table3, table4: expected.table4 },
        );
      });
    }

    it('keeps the labels LibreOffice wraps in three unruled label columns whole, each one cell', async () => {
      const doc = await readPath(join(DIR, `${name}.lo-html.pdf`));
      const cells = new Set(doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flat().map((c) => c.text) : [])));
      for (const label of WRAPPED_LABELS) assert.ok(cells.has(label), label);
    });
  });
}
