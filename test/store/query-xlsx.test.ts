/** A query's answer written as XLSX reads back with the same header and rows as its CSV. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { CLI, ROOT } from '../helpers.ts';

test('xxgk query rank … --xlsx writes the ranking the CSV shows', async () => {
  const work = mkdtempSync(join(tmpdir(), 'xxgk-query-xlsx-'));
  try {
    const data = ['--data', join(work, 'data')];
    const run = (...args: string[]) => spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8' });
    assert.equal(run('import', '-q', ...data, join(ROOT, 'samples')).status, 0);
    const csv = run('query', 'rank', 'applications', '--year', '2025', '--csv', ...data);
    assert.equal(csv.status, 0);
    const file = join(work, 'rank.xlsx');
    assert.equal(run('query', 'rank', 'applications', '--year', '2025', '--xlsx', file, ...data).status, 0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0];
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const csvRows = csv.stdout.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
    assert.deepEqual(rows, csvRows);
    assert.equal(rows.length, 2, 'a header and the one 2025 sample');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
