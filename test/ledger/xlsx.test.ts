/**
 * The ledger workbook: the template has the CSV template's columns, dropdowns, dates and notes; a filled-in workbook
 * reads as people fill it (Excel dates, serial numbers, text dates, numbers as text, a title row, blank rows, extra
 * columns, formulas by their saved value); hostile workbooks are refused with a message.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { chineseCalendar } from '../../src/ledger/calendar.ts';
import { csvTemplate, exportCsv, importCsv } from '../../src/ledger/import.ts';
import { importXlsx, xlsxTemplate } from '../../src/ledger/xlsx.ts';
import { parseCsv } from '../../src/roster/csv.ts';
import { generateLedger } from './generate.ts';

const cal = chineseCalendar([]);
const options = { calendar: cal, by: '台账导入', at: '2026-01-05T09:00:00+08:00' };
const [HEAD] = parseCsv(csvTemplate());

async function workbookOf(rows: ExcelJS.CellValue[][], sheetName = '台账'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  rows.forEach((r, i) => (r.length ? sheet.getRow(i + 1).values = r : undefined));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A row in the template's column order from header → value pairs. */
const rowOf = (cells: Record<string, ExcelJS.CellValue>) => HEAD.map((h) => cells[h] ?? null);

describe('xlsxTemplate', async () => {
  const bytes = await xlsxTemplate();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  const ledger = workbook.getWorksheet('台账')!;
  const column = (header: string) => HEAD.indexOf(header) + 1;
  const listOf = (header: string) => {
    const formula = ledger.getCell(2, column(header)).dataValidation.formulae[0] as string;
    const [, sheet, col, from, to] = /^'(.+)'!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(formula)!;
    const values = workbook.getWorksheet(sheet)!.getColumn(col).values.slice(Number(from), Number(to) + 1);
    return values;
  };

  it('has the ledger, the notes and a hidden sheet of choices', () => {
    assert.deepEqual(workbook.worksheets.map((s) => [s.name, s.state]), [['台账', 'visible'], ['填写说明', 'visible'], ['选项', 'hidden']]);
  });

  it('has the CSV template columns and its example row, dates as dates', () => {
    assert.deepEqual((ledger.getRow(1).values as unknown[]).slice(1), HEAD);
    assert.equal(ledger.getCell(2, 1).value, '2025-001');
    assert.deepEqual(ledger.getCell(2, column('提交日期')).value, new Date('2025-03-03T00:00:00Z'));
    assert.equal(ledger.getCell(2, column('提交日期')).numFmt, 'yyyy-mm-dd');
    assert.equal(ledger.getCell(500, column('答复日期')).numFmt, 'yyyy-mm-dd');
  });

  it('offers the statutory labels in dropdowns down the sheet', () => {
    assert.deepEqual(listOf('收到方式'), ['当面', '邮寄', '平常信函', '网络', '传真']);
    assert.deepEqual(listOf('申请人类型'), ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    assert.deepEqual(listOf('征求意见对象'), ['第三方', '其他机关']);
    assert.deepEqual(listOf('收费方式'), ['按件', '按量']);
    assert.deepEqual(listOf('行政诉讼类型'), ['未经复议直接起诉', '复议后起诉']);
    assert.deepEqual(listOf('行政复议结果'), ['结果维持', '结果纠正', '其他结果']);
    const outcomes = listOf('办理结果');
    assert.equal(outcomes.length, 19); // 21 rows but （六）1 and 2, which their own columns record
    assert.deepEqual(outcomes.slice(0, 3), ['（一）予以公开', '（二）部分公开', '（三）不予公开 1.属于国家秘密']);
    assert.equal(outcomes.at(-1), '（六）其他处理 3.其他');
    assert.equal(ledger.getCell(2001, column('办理结果')).dataValidation.type, 'list');
    assert.equal(ledger.getCell(9, column('延长工作日数')).dataValidation.type, 'decimal');
  });

  it('explains every column on the notes sheet', () => {
    const notes = workbook.getWorksheet('填写说明')!;
    const names = HEAD.map((_, i) => notes.getCell(i + 2, 1).value);
    assert.deepEqual(names, HEAD);
    assert.equal(notes.getCell(2, 2).value, '必填');
    assert.match(String(notes.getCell(HEAD.indexOf('补正通知日期') + 2, 3).value), /7个工作日/);
  });

  it('imports as it comes, and every dropdown value imports', async () => {
    const { applications, problems } = await importXlsx(bytes, options);
    assert.deepEqual(problems, []);
    assert.deepEqual(applications.map((a) => [a.id, a.events.map((e) => e.type)]), [['2025-001', ['received', 'replied']]]);
    const rows = listOf('办理结果').map((outcome, i) => rowOf({
      编号: `R${i}`, 申请人类型: '自然人', 收到方式: '当面', 提交日期: '2024-03-01', 答复日期: '2024-03-05', 办理结果: outcome as string,
    }));
    const all = await importXlsx(await workbookOf([HEAD, ...rows]), options);
    assert.deepEqual(all.problems.filter((p) => p.severity === 'error'), []);
    assert.equal(new Set(all.applications.map((a) => (a.events[1] as { outcome: string }).outcome)).size, 19);
  });
});

describe('importXlsx', () => {
  it('reads what people put in a sheet: a title row, blank rows, dates of every kind, numbers as text', async () => {
    const base = { 申请人类型: '自然人', 收到方式: '当面', 答复日期: '2024-01-19', 办理结果: '予以公开' };
    const bytes = await workbookOf([
      ['某市生态环境局2024年政府信息公开申请登记台账'],
      [...HEAD, '备注'],
      rowOf({ ...base, 编号: 'A', 提交日期: new Date(Date.UTC(2024, 0, 5)) }),
      [],
      rowOf({ ...base, 编号: 'B', 提交日期: 45296.75 }), // Excel's serial number of 2024-01-05 18:00
      rowOf({ ...base, 编号: 'C', 提交日期: '2024/1/5' }),
      rowOf({ ...base, 编号: 'D', 提交日期: '2024年1月5日' }),
      rowOf({
        ...base, 编号: 'E', 提交日期: ' 2024-01-05 ', 延长批准日期: '2024-01-15', 延长工作日数: '１０个工作日', 延长批准人: '公开办负责人',
      }),
    ]);
    const { applications, problems } = await importXlsx(bytes, options);
    assert.deepEqual(problems.map((p) => [p.row, p.severity, p.zh]), [[2, 'warning', '“备注”不是台账的列，已忽略']]);
    assert.deepEqual(applications.map((a) => [a.id, (a.events[0] as { submitted: string }).submitted]),
      [['A', '2024-01-05'], ['B', '2024-01-05'], ['C', '2024-01-05'], ['D', '2024-01-05'], ['E', '2024-01-05']]);
    assert.deepEqual(applications[4].events.map((e) => [e.type, (e as { days?: number }).days]), [['received', undefined], ['extended', 10], ['replied', undefined]]);
  });

  it('reports problems by the row number the sheet shows, blank rows included', async () => {
    const ok = { 申请人类型: '自然人', 收到方式: '当面', 提交日期: '2024-09-27' };
    const bytes = await workbookOf([HEAD, rowOf({ ...ok, 编号: 'A' }), [], [], rowOf({ ...ok, 编号: 'B', 提交日期: '2024-13-01' })]);
    const { applications, problems } = await importXlsx(bytes, options);
    assert.deepEqual(problems.map((p) => [p.row, p.id, p.column, p.zh]), [[5, 'B', '提交日期', '“提交日期”的日期“2024-13-01”无法识别'], [5, 'B', '提交日期', '缺少提交日期']]);
    assert.deepEqual(applications.map((a) => a.id), ['A']);
  });

  it('refuses a detail without its date and a misspelt header over data, by the row Excel shows', async () => {
    const ok = { 申请人类型: '自然人', 收到方式: '当面', 提交日期: '2024-09-27' };
    // Row 1 title, row 2 header with "撤回时间" after the 34 ledger columns, row 3 blank, row 4 A, row 5 B.
    const bytes = await workbookOf([
      ['某局台账'], [...HEAD, '撤回时间'], [],
      rowOf({ ...ok, 编号: 'A', 行政复议申请日期: '2024-10-20', 行政复议结果: '结果纠正' }),
      [...rowOf({ ...ok, 编号: 'B' }), new Date(Date.UTC(2024, 9, 8))],
    ]);
    const { applications, problems } = await importXlsx(bytes, options);
    assert.deepEqual(problems.map((p) => [p.row, p.id ?? null, p.severity, p.column]), [
      [2, null, 'error', '撤回时间'],
      [4, 'A', 'error', '行政复议结果'],
    ]);
    assert.equal(problems[1].zh, '填写了“行政复议结果”，但“行政复议决定日期”为空');
    assert.deepEqual(applications.map((a) => a.id), ['B']);
  });

  it('takes the value Excel saved for a formula and never runs it', async () => {
    const bytes = await workbookOf([HEAD, rowOf({
      编号: { formula: '"Q"&"1"', result: 'Q1' }, 申请人类型: '自然人', 收到方式: '当面',
      提交日期: { formula: 'DATE(2024,3,1)', result: new Date(Date.UTC(2024, 2, 1)) },
      答复日期: { formula: 'WEBSERVICE("http://example.invalid/")', result: undefined } as ExcelJS.CellValue,
      办理结果: { formula: 'HYPERLINK("http://example.invalid","予以公开")', result: '予以公开' },
    })]);
    const { applications, problems } = await importXlsx(bytes, options);
    assert.deepEqual(problems.map((p) => [p.row, p.severity, p.zh]), [
      [2, 'warning', '单元格Z2的公式没有保存计算结果，按空白读取'], // 答复日期 is the 26th column
      [2, 'error', '办理结果须有答复日期'],
    ]);
    assert.deepEqual(applications.map((a) => [a.id, (a.events[0] as { submitted: string }).submitted]), [['Q1', '2024-03-01']]);
  });

  it('gives the same applications as the CSV importer for a generated ledger', async () => {
    const csv = exportCsv(generateLedger(cal, 120));
    const fromXlsx = await importXlsx(await workbookOf(parseCsv(csv)), options);
    assert.deepEqual(fromXlsx, importCsv(csv, options));
    assert.equal(fromXlsx.applications.length, 120);
  });

  it('refuses a sheet over the row limit, a file that is not a workbook, and a workbook without the required columns', async () => {
    const rows = Array.from({ length: 6 }, (_, i) => rowOf({ 编号: `N${i}`, 申请人类型: '自然人', 收到方式: '当面', 提交日期: '2024-01-05' }));
    const big = await importXlsx(await workbookOf([HEAD, ...rows]), { ...options, maxRows: 5 });
    assert.deepEqual(big.problems.map((p) => p.zh), ['“台账”有7行，超过一次最多导入的5行，请分批导入']);
    assert.equal(big.applications.length, 0);
    const legacy = await importXlsx(new TextEncoder().encode('编号,申请人\n'), options);
    assert.deepEqual(legacy.problems.map((p) => p.zh), ['无法读取该文件：不是XLSX格式的工作簿（.xls请先另存为.xlsx）']);
    const notWorkbook = await importXlsx(zipSync({ 'a.txt': new TextEncoder().encode('x') }), options);
    assert.equal(notWorkbook.problems.length, 1);
    assert.match(notWorkbook.problems[0].zh, /^无法读取该文件|工作簿中没有工作表/);
    // A zip bomb: a small file whose directory says it unpacks to 2 GB is refused before anything is unpacked.
    const bomb = await workbookOf([HEAD]);
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    for (let i = 0; i + 46 <= bomb.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0x7fffffff, true);
    assert.deepEqual((await importXlsx(bomb, options)).problems.map((p) => p.zh), ['工作簿过大，无法导入，请分批导入']);
    const bare = await importXlsx(await workbookOf([['编号', '申请人'], ['A', '张某']], 'Sheet1'), options);
    assert.deepEqual(bare.problems.map((p) => p.zh), ['表头缺少申请人类型、收到方式、提交日期列']);
  });
});
