/**
 * CSV export: a report's cells written one per line and read back to the same values (blank as blank, "/" as "/"),
 * quoting that survives commas, quotes and line breaks, and text a spreadsheet would run as a formula disarmed, in
 * the exports and in `parse --csv` alike.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvRows } from '../../src/cli/csv.ts';
import { parseReportBytes } from '../../src/index.ts';
import { BOM, CELL_HEADER, csvField, renderCsv, rowsToCsv } from '../../src/render/csv.ts';
import { renderHtml } from '../../src/render/html.ts';
import { reportCells } from '../../src/report/cells.ts';
import type { CellValue, Report } from '../../src/report/types.ts';
import { generateReport, type GenerateOptions } from '../support/generate.ts';

async function reportOf(seed: number, options: GenerateOptions): Promise<Report> {
  const data = generateReport(seed, options);
  return parseReportBytes(new TextEncoder().encode(renderHtml(data)), `seed-${seed}.html`);
}

/** RFC 4180 records of a CSV file (after its byte-order mark): quoted fields may hold commas, quotes, line breaks. */
function parseCsv(text: string): string[][] {
  assert.ok(text.startsWith(BOM), 'starts with the UTF-8 byte-order mark');
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = BOM.length; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') record.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field), records.push(record), (record = []), (field = ''), i++;
    } else field += ch;
  }
  assert.equal(field + record.join(''), '', 'the file ends with a line break');
  return records;
}

/** A cell value from its CSV field: digits are a number, "/" stays, empty is blank. */
const valueOf = (field: string): CellValue => (field === '' ? null : field === '/' ? '/' : Number(field));

describe('CSV export of a report', () => {
  const cases: [string, GenerateOptions][] = [
    ['the 2021 format', { version: '2021' }],
    ['the 2019 format', { version: '2019' }],
    ['blank cells', { version: '2021', blanks: true }],
    ['cells marked "/"', { version: '2021', slashes: true }],
  ];
  for (const [name, options] of cases) {
    it(`reads back every cell of ${name} with its table, row, column and value`, async () => {
      for (let seed = 1; seed <= 3; seed++) {
        const report = await reportOf(seed, options);
        const [header, ...lines] = parseCsv(renderCsv(report));
        assert.deepEqual(header, CELL_HEADER);
        const cells = [...reportCells(report)];
        assert.deepEqual(
          lines.map(([key, table, row, column, value]) => [key, table, row, column, valueOf(value)]),
          cells.map((c) => [c.key, c.table.wording.name, c.row.label, c.column.label, c.value]),
          `seed ${seed} ${name}`,
        );
      }
    });
  }

  it('writes a blank cell as an empty field, not 0', async () => {
    const report = await reportOf(2, { version: '2021', blanks: true });
    const blanks = new Set([...reportCells(report)].filter((c) => c.value === null).map((c) => c.key));
    assert.ok(blanks.size > 0, 'the generated report has blank cells');
    const lines = parseCsv(renderCsv(report)).slice(1).filter(([key]) => blanks.has(key));
    assert.deepEqual(lines.map((l) => l[4]), [...blanks].map(() => ''));
  });

  it('says how a cell was read in 来源', async () => {
    const report = await reportOf(1, { version: '2021' });
    report.provenance['table3.granted.0'] = { ...report.provenance['table3.granted.0'], status: 'recovered' };
    const line = parseCsv(renderCsv(report)).find(([key]) => key === 'table3.granted.0')!;
    assert.equal(line[5], 'recovered');
  });
});

describe('CSV fields', () => {
  it('disarms text that a spreadsheet would run as a formula', () => {
    const formula = "=cmd|' /C calc'!A0";
    assert.equal(csvField(formula), `'${formula}`);
    for (const start of ['+', '-', '@', '\t', '\r']) assert.equal(csvField(`${start}1`).replace(/^"/, '')[0], "'", JSON.stringify(start));
    assert.equal(csvField(-3), '-3', 'a number is a number, not text');
  });

  it('quotes commas, quotes and line breaks so that they read back', () => {
    const texts = ['a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf', '某局'];
    const [header, row] = parseCsv(rowsToCsv(texts.map((_, i) => ({ key: `c${i}` })), [Object.fromEntries(texts.map((t, i) => [`c${i}`, t]))]));
    assert.deepEqual(header, ['c0', 'c1', 'c2', 'c3', 'c4']);
    assert.deepEqual(row, texts);
  });
});

describe('CSV export of tabular results', () => {
  it('writes a header of labels and one line per result, a formula in the text disarmed', () => {
    const csv = rowsToCsv(
      [{ key: 'agency', label: '机关' }, { key: 'year', label: '年度' }, { key: 'errors' }],
      [{ agency: "=cmd|' /C calc'!A0", year: 2024, errors: 3n }, { agency: '某局', year: 2023, errors: null }],
    );
    assert.deepEqual(parseCsv(csv), [['机关', '年度', 'errors'], ["'=cmd|' /C calc'!A0", '2024', '3'], ['某局', '2023', '']]);
  });

  it('is the escaping `parse --csv` uses too', async () => {
    const report = await reportOf(1, { version: '2021' });
    report.agency = "=cmd|' /C calc'!A0";
    assert.ok(csvRows('报告.html', report).every((row) => row.split(',')[1] === "'=cmd|' /C calc'!A0"));
  });
});
