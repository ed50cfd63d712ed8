/**
 * The five seed reports as published files (test/fixtures/seeds-rendered, built by build.ts there): printed to PDF by
 * Chromium, exported to PDF by LibreOffice, converted to DOCX by LibreOffice and written by the `docx` library. Each
 * must read to the statutory values transcribed from the text seed.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseReportFile } from '../../src/index.ts';
import { expectedSeed, FIXTURES, seedNames } from '../helpers.ts';

const DIR = join(FIXTURES, 'seeds-rendered');

const ROUTES: { file: string; what: string }[] = [
  { file: 'chromium.pdf', what: 'the official HTML printed to PDF by Chromium (A4, table 三 over two pages)' },
  { file: 'lo.pdf', what: 'a Word file exported to PDF by LibreOffice (labels wrapped over many lines)' },
  { file: 'lo-html.pdf', what: 'the official HTML converted to PDF by LibreOffice (no ruling lines at all)' },
  { file: 'lo.docx', what: 'the official HTML converted to DOCX by LibreOffice' },
  { file: 'docx.docx', what: 'a DOCX written by the docx library with vMerge and gridSpan' },
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
  });
}
