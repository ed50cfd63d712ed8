/**
 * XLSX export: generated reports (read back from their HTML, then checked) written as workbooks and read back with
 * exceljs: every cell where the statutory grid puts it with the report's value, merges where the grid spans, blank
 * cells empty, report text never a formula.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { checkReport } from '../../src/checks/index.ts';
import { SEVERITY_ZH, placeWords } from '../../src/document/finding.ts';
import { TABLE_IDS } from '../../src/format/index.ts';
import { parseReportBytes } from '../../src/index.ts';
import { occupancy } from '../../src/render/flatten.ts';
import { tableGrid } from '../../src/render/grid.ts';
import { renderHtml } from '../../src/render/html.ts';
import { FINDINGS_SHEET, INFO_SHEET, TABLE_TITLE_ROWS, renderXlsx, rowsToXlsx } from '../../src/render/xlsx.ts';
import { cellLabel, cellsOf, reportCells, tableDefOf, valueAt, withValue } from '../../src/report/cells.ts';
import type { Report } from '../../src/report/types.ts';
import { generateReport, type GenerateOptions } from '../support/generate.ts';

async function reportOf(seed: number, options: GenerateOptions, change?: (data: ReturnType<typeof generateReport>) => void): Promise<Report> {
  const data = generateReport(seed, options);
  change?.(data);
  return checkReport(await parseReportBytes(new TextEncoder().encode(renderHtml(data)), `seed-${seed}.html`));
}

async function workbookOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** "A1"-style name of a 1-based row and column. */
function address(row: number, col: number): string {
  let letters = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/** Asserts each statutory sheet against the report: values, merges, styles; returns the keys seen. */
function assertTables(workbook: ExcelJS.Workbook, report: Report, where: string): Set<string> {
  const seen = new Set<string>();
  for (const id of TABLE_IDS) {
    const table = tableDefOf(report, id);
    if (!table) continue;
    const sheet = workbook.getWorksheet(table.wording.name);
    assert.ok(sheet, `${where}: sheet ${table.wording.name}`);
    assert.equal(sheet.getCell(1, 1).value, `${table.section}、${table.title}`, `${where}: title`);
    const grid = tableGrid(table, report[id] as Record<string, unknown>);
    const merges = new Set([`A1:${address(1, grid.width)}`]);
    occupancy(grid).forEach((slots, r) => slots.forEach((slot, c) => {
      if (!slot || slot.row !== r || slot.col !== c) return;
      const [row, col] = [TABLE_TITLE_ROWS + r + 1, c + 1];
      const cell = sheet.getCell(row, col);
      const here = `${where}: ${table.wording.name}!${address(row, col)}`;
      if (slot.cell.role === 'value') {
        seen.add(slot.cell.key!);
        assert.deepEqual(cell.value, valueAt(report, slot.cell.key!) ?? null, here);
      } else {
        assert.equal(cell.value, slot.cell.text, here);
        assert.equal(cell.font?.bold, slot.cell.role === 'header' ? true : undefined, `${here}: bold`);
      }
      assert.equal(cell.border?.top?.style, 'thin', `${here}: border`);
      const [rows, cols] = [slot.cell.rowSpan ?? 1, slot.cell.colSpan ?? 1];
      if (rows > 1 || cols > 1) merges.add(`${address(row, col)}:${address(row + rows - 1, col + cols - 1)}`);
    }));
    assert.deepEqual(new Set(sheet.model.merges), merges, `${where}: merges of ${table.wording.name}`);
    const texts = new Set<unknown>();
    sheet.eachRow((row) => row.eachCell((cell) => texts.add(cell.value)));
    for (const row of table.rows) assert.ok(texts.has(row.label), `${where}: row label ${row.label}`);
  }
  return seen;
}

describe('XLSX export of a report', () => {
  const cases: [string, GenerateOptions][] = [
    ['the 2021 format', { version: '2021' }],
    ['the 2019 format', { version: '2019' }],
    ['blank cells', { version: '2021', blanks: true }],
    ['cells marked "/"', { version: '2021', slashes: true }],
  ];
  for (const [name, options] of cases) {
    it(`writes every cell of ${name} where the template puts it, with the report's value and the grid's merges`, async () => {
      for (let seed = 1; seed <= 3; seed++) {
        const report = await reportOf(seed, options);
        const workbook = await workbookOf(await renderXlsx(report));
        const seen = assertTables(workbook, report, `seed ${seed} ${name}`);
        assert.deepEqual(seen, new Set([...reportCells(report)].map((c) => c.key)), `seed ${seed}: every cell once`);
      }
    });
  }

  it('keeps numbers as numbers and blank cells empty, never 0', async () => {
    const report = await reportOf(2, { version: '2021', blanks: true });
    const blanks = [...reportCells(report)].filter((c) => c.value === null);
    assert.ok(blanks.length > 0, 'the generated report has blank cells');
    const workbook = await workbookOf(await renderXlsx(report));
    const types = new Map<string, ExcelJS.ValueType>();
    for (const id of TABLE_IDS) {
      const table = tableDefOf(report, id)!;
      const sheet = workbook.getWorksheet(table.wording.name)!;
      occupancy(tableGrid(table, report[id] as Record<string, unknown>)).forEach((slots, r) => slots.forEach((slot, c) => {
        if (slot?.cell.key && slot.row === r && slot.col === c) types.set(slot.cell.key, sheet.getCell(TABLE_TITLE_ROWS + r + 1, c + 1).type);
      }));
    }
    for (const cell of reportCells(report)) {
      const expected = cell.value === null ? ExcelJS.ValueType.Null : ExcelJS.ValueType.Number;
      assert.equal(types.get(cell.key), expected, cell.key);
    }
  });

  it('has the sheets 表二 表三 表四 基本信息 问题, in that order', async () => {
    const workbook = await workbookOf(await renderXlsx(await reportOf(1, { version: '2021' })));
    assert.deepEqual(workbook.worksheets.map((s) => s.name), ['表二', '表三', '表四', INFO_SHEET, FINDINGS_SHEET]);
  });

  it('leaves out the sheet of a table the report lacks', async () => {
    const report = await reportOf(1, { version: '2021' });
    delete report.table4;
    const workbook = await workbookOf(await renderXlsx(report));
    assert.deepEqual(workbook.worksheets.map((s) => s.name), ['表二', '表三', INFO_SHEET, FINDINGS_SHEET]);
  });

  it('names agency, year, format version and source file in 基本信息', async () => {
    const report = await reportOf(4, { version: '2019' });
    const sheet = (await workbookOf(await renderXlsx(report))).getWorksheet(INFO_SHEET)!;
    const info = new Map<unknown, unknown>();
    sheet.eachRow((row) => info.set(row.getCell(1).value, row.getCell(2).value));
    assert.equal(info.get('机关'), report.agency);
    assert.equal(info.get('年度'), report.year);
    assert.match(String(info.get('格式版本')), /^2019版（国办公开办函〔2019〕60号）$/);
    assert.equal(info.get('源文件'), 'seed-4.html');
  });

  it('lists each finding in 问题 with its severity in Chinese, rule, message, cells and place', async () => {
    const base = await reportOf(5, { version: '2021' });
    const report = checkReport(withValue(base, 'table3.granted.0', (valueAt(base, 'table3.granted.0') as number) + 10));
    assert.ok(report.findings.some((f) => f.place.cells?.length), 'the changed cell raises a finding that names cells');
    const sheet = (await workbookOf(await renderXlsx(report))).getWorksheet(FINDINGS_SHEET)!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    assert.deepEqual(rows[0], ['严重程度', '规则', '问题', '单元格', '原文位置']);
    const table3 = tableDefOf(report, 'table3')!;
    const labelOf = (path: string) => cellLabel(cellsOf(table3).find((c) => c.key === path)!);
    assert.deepEqual(rows.slice(1), report.findings.map((f) => [
      SEVERITY_ZH[f.severity], f.rule, f.message, (f.place.cells ?? []).map((a) => labelOf(a.path)).join('；'),
      placeWords(f.place.source),
    ]));
  });

  it('writes report text that looks like a formula as text', async () => {
    const formula = "=cmd|' /C calc'!A0";
    const report = await reportOf(6, { version: '2021' });
    report.agency = formula;
    const sheet = (await workbookOf(await renderXlsx(report))).getWorksheet(INFO_SHEET)!;
    const cell = sheet.getCell(2, 2);
    assert.equal(cell.type, ExcelJS.ValueType.String);
    assert.equal(cell.value, formula);
  });

  it('shows characters XML cannot hold escaped, so that Excel still opens the file', async () => {
    const report = await reportOf(6, { version: '2021' });
    report.agency = '某\u0001局\u001b';
    const sheet = (await workbookOf(await renderXlsx(report))).getWorksheet(INFO_SHEET)!;
    assert.equal(sheet.getCell(2, 2).value, '某\\u{1}局\\u{1b}');
  });
});

describe('XLSX export of tabular results', () => {
  it('writes a header of labels and one row per result, numbers, dates and empty cells as such', async () => {
    const published = new Date(Date.UTC(2025, 0, 20));
    const bytes = await rowsToXlsx(
      [{ key: 'agency', label: '机关' }, { key: 'year', label: '年度' }, { key: 'errors' }, { key: 'published', label: '发布日期' }],
      [
        { agency: '=1+1', year: 2024, errors: 3n, published },
        { agency: '某局', year: 2023, errors: null },
      ],
      '核查结果/2024:[全部]',
    );
    const workbook = await workbookOf(bytes);
    const sheet = workbook.worksheets[0];
    assert.equal(sheet.name, '核查结果_2024__全部_');
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
    assert.deepEqual(rows, [
      ['机关', '年度', 'errors', '发布日期'],
      ['=1+1', 2024, 3, published],
      ['某局', 2023],
    ]);
    assert.equal(sheet.getCell('A2').type, ExcelJS.ValueType.String);
  });
});
