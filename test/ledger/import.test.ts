/** The spreadsheet: the template imports, a ledger survives export and import, and bad rows are reported by row. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FORMAT_2021 } from '../../src/format/index.ts';
import { countTable3, replay } from '../../src/ledger/build.ts';
import { chineseCalendar } from '../../src/ledger/calendar.ts';
import { csvTemplate, exportCsv, importCsv, SHEET_COLUMNS } from '../../src/ledger/import.ts';
import { generateLedger } from './generate.ts';

const cal = chineseCalendar([]);
const options = { calendar: cal, by: '台账导入', at: '2026-01-05T09:00:00+08:00' };
const HEAD = SHEET_COLUMNS.map(([, h]) => h).join(',');
const sheet = (...rows: Record<string, string>[]) =>
  [HEAD, ...rows.map((r) => SHEET_COLUMNS.map(([, h]) => r[h] ?? '').join(','))].join('\n');

describe('importCsv', () => {
  it('reads the template without a problem', () => {
    const { applications, problems } = importCsv(csvTemplate(), options);
    assert.deepEqual(problems, []);
    assert.deepEqual(applications[0].events.map((e) => e.type), ['received', 'replied']);
  });

  it('gives back the same table 三 after export and import of a generated ledger', () => {
    const ledger = generateLedger(cal);
    const { applications, problems } = importCsv(exportCsv(ledger), options);
    assert.deepEqual(problems, []);
    const table = FORMAT_2021.tables.table3;
    for (const year of [2024, 2025]) {
      assert.deepEqual(countTable3(replay(applications, cal).states, year, table), countTable3(replay(ledger, cal).states, year, table));
    }
  });

  it('reads labels as people write them: with or without numbering and group', () => {
    const base = { 编号: 'A', 申请人类型: '商业企业', 收到方式: '邮寄', 提交日期: '2024/9/20', 签收日期: '2024年9月23日', 答复日期: '2024-10-08' };
    const { applications, problems } = importCsv(sheet({ ...base, 办理结果: '（三）不予公开 1.属于国家秘密' }, { ...base, 编号: 'B', 办理结果: '部分公开' }), options);
    assert.deepEqual(problems, []);
    assert.deepEqual(applications.map((a) => (a.events[1] as { outcome: string }).outcome), ['denied_state_secret', 'partially_granted']);
  });

  it('reports every bad row with its row number, column and both languages', () => {
    const ok = { 编号: 'A', 申请人类型: '自然人', 收到方式: '当面', 提交日期: '2024-09-27' };
    const { applications, problems } = importCsv(sheet(
      ok,
      { ...ok, 编号: 'B', 答复日期: '2024-09-20', 办理结果: '予以公开' },
      { ...ok, 编号: 'C', 办理结果: '予以公开' },
      { ...ok, 编号: 'D', 申请人类型: '法人' },
      { ...ok, 编号: 'A' },
      { ...ok, 编号: 'E', 收到方式: '网络' },
      { ...ok, 编号: 'F', 补正通知日期: '2024-10-15' },
    ), options);
    assert.deepEqual(problems.map((p) => [p.row, p.id, p.severity, p.column ?? null, p.zh]), [
      [3, 'B', 'error', null, '“答复”的日期2024-09-20早于收到申请之日2024-09-27'],
      [4, 'C', 'error', null, '办理结果须有答复日期'],
      [5, 'D', 'error', '申请人类型', '“申请人类型”的值“法人”无法识别'],
      [5, 'D', 'error', '申请人类型', '缺少申请人类型'],
      [6, 'A', 'error', '编号', '编号“A”重复'],
      [7, 'E', 'error', null, '网络提交的申请须填写确认日期（条例第三十一条）'],
      [8, 'F', 'warning', null, '补正通知在收到申请后第9个工作日发出，超过7个工作日（条例第三十条）'],
    ]);
    assert.equal(problems[0].en, 'replied dated 2024-09-20, before the receipt on 2024-09-27');
    assert.deepEqual(applications.map((a) => a.id), ['A', 'B', 'C', 'E', 'F']);
  });

  it('reports a problem at the file line its row starts on, blank lines and quoted line breaks counted', () => {
    const ok = { 编号: 'A', 申请人类型: '自然人', 收到方式: '当面', 提交日期: '2024-09-27' };
    const [head, a] = sheet(ok).split('\n');
    const b = sheet({ ...ok, 编号: 'B', 提交日期: '2024-13-01', 申请内容: '"两行\n内容"' }).slice(head.length + 1);
    // Line 1 header, line 2 blank, line 3 A, lines 4–5 B (its 申请内容 spans two lines), line 6 blank, line 7 C.
    const csv = [head, '', a, b, '', b.replace(/^B/, 'C')].join('\n');
    assert.deepEqual(importCsv(csv, options).problems.map((p) => [p.row, p.id, p.column]), [[4, 'B', '提交日期'], [4, 'B', '提交日期'], [7, 'C', '提交日期'], [7, 'C', '提交日期']]);
  });

  it('refuses a detail whose date column is blank, naming the filled column and the blank one', () => {
    const ok = { 申请人类型: '自然人', 收到方式: '当面', 提交日期: '2024-09-27' };
    const replied = { 答复日期: '2024-10-08', 办理结果: '予以公开' };
    const { applications, problems } = importCsv(sheet(
      { ...ok, 编号: 'A', 延长工作日数: '20' },
      { ...ok, 编号: 'B', 收费方式: '按件', 收费数量: '1', '收费金额（元）': '100' },
      { ...ok, 编号: 'C', 补正期限: '2024-10-15' },
      { ...ok, 编号: 'D', 征求意见对象: '第三方', 延长批准人: '张某' },
      { ...ok, ...replied, 编号: 'E', 行政复议申请日期: '2024-10-20', 行政复议结果: '结果纠正' },
      { ...ok, ...replied, 编号: 'F', 行政诉讼类型: '未经复议直接起诉', 行政诉讼结果: '结果维持' },
      // Must not fire: each detail with its date (a 复议 decided 结果纠正; 5 working days extended).
      { ...ok, ...replied, 编号: 'G', 行政复议申请日期: '2024-10-20', 行政复议决定日期: '2024-12-20', 行政复议结果: '结果纠正' },
      { ...ok, 编号: 'H', 延长批准日期: '2024-10-21', 延长工作日数: '5', 延长批准人: '李某' },
    ), options);
    assert.deepEqual(problems.map((p) => [p.row, p.id, p.severity, p.column, p.zh]), [
      [2, 'A', 'error', '延长工作日数', '填写了“延长工作日数”，但“延长批准日期”为空'],
      [3, 'B', 'error', '收费方式', '填写了“收费方式”，但“收费通知日期”为空'],
      [3, 'B', 'error', '收费数量', '填写了“收费数量”，但“收费通知日期”为空'],
      [3, 'B', 'error', '收费金额（元）', '填写了“收费金额（元）”，但“收费通知日期”为空'],
      [4, 'C', 'error', '补正期限', '填写了“补正期限”，但“补正通知日期”为空'],
      [5, 'D', 'error', '征求意见对象', '填写了“征求意见对象”，但“征求意见开始日期”为空'],
      [5, 'D', 'error', '延长批准人', '填写了“延长批准人”，但“延长批准日期”为空'],
      [6, 'E', 'error', '行政复议结果', '填写了“行政复议结果”，但“行政复议决定日期”为空'],
      [7, 'F', 'error', '行政诉讼类型', '填写了“行政诉讼类型”，但“起诉日期”为空'],
      [7, 'F', 'error', '行政诉讼结果', '填写了“行政诉讼结果”，但“行政诉讼审结日期”为空'],
    ]);
    assert.equal(problems[0].en, 'extensionDays is filled but extended is blank');
    assert.deepEqual(applications.map((a) => a.id), ['G', 'H']);
    assert.deepEqual(applications[0].events.map((e) => [e.type, (e as { result?: string }).result ?? null]),
      [['received', null], ['replied', null], ['appeal_filed', null], ['appeal_decided', 'corrected']]);
    assert.deepEqual(applications[1].events.map((e) => [e.type, (e as { days?: number }).days ?? null]), [['received', null], ['extended', 5]]);
  });

  it('refuses a column it cannot read that holds data, and only warns of an empty one', () => {
    const ok = { 编号: 'A', 申请人类型: '自然人', 收到方式: '当面', 提交日期: '2024-09-27' };
    const rows = sheet(ok, { ...ok, 编号: 'B' }).split('\n');
    // The 34 ledger columns, then column 35 "撤回时间" (a misspelt 撤回日期) filled in row 3, column 36 "备注" empty, and
    // column 37 with no header, filled in row 3.
    const csv = [`${rows[0]},撤回时间,备注,`, `${rows[1]},,,`, `${rows[2]},2024-10-08,,已核对`].join('\n');
    const { applications, problems } = importCsv(csv, options);
    assert.deepEqual(problems.map((p) => [p.row, p.severity, p.column ?? null, p.zh]), [
      [1, 'error', '撤回时间', '“撤回时间”不是台账的列，该列填写的内容无法导入；请改用模板的列名，或删除该列'],
      [1, 'warning', '备注', '“备注”不是台账的列，已忽略'],
      [1, 'error', null, '第37列没有表头，该列填写的内容无法导入；请改用模板的列名，或删除该列'],
    ]);
    assert.equal(problems[0].en, `column "撤回时间" is not a ledger column, and its data cannot be imported; use the template's header or delete the column`);
    assert.deepEqual(applications.map((a) => a.id), ['A', 'B']); // the rows are read; the error stops a store import
    const remarks = importCsv([`${rows[0]},备注`, `${rows[1]},电话已告知`].join('\n'), options).problems;
    assert.deepEqual(remarks.map((p) => [p.severity, p.zh]), [['warning', '“备注”列是备注，不导入台账']], 'notes filled in: said, not refused');
  });

  it('refuses a second column of a header when the one left unread holds data', () => {
    const ok = { 编号: 'A', 申请人类型: '自然人', 收到方式: '当面', 提交日期: '2024-09-27' };
    const [head, row] = sheet(ok).split('\n');
    // 撤回日期 twice: the last is read, so a date in the first is lost; an empty first one is only a warning.
    assert.deepEqual(importCsv(`撤回日期,${head}\n2024-10-08,${row}\n`, options).problems.map((p) => [p.row, p.severity, p.column, p.zh]),
      [[1, 'error', '撤回日期', '“撤回日期”列重复，只读取最后一列，该列填写的内容无法导入；请改用模板的列名，或删除该列']]);
    assert.deepEqual(importCsv(`撤回日期,${head}\n,${row}\n`, options).problems.map((p) => [p.severity, p.zh]),
      [['warning', '“撤回日期”列重复，只读取最后一列，已忽略']]);
  });

  it('refuses a sheet without the required columns', () => {
    assert.deepEqual(importCsv('编号,申请人\nA,张某\n', options).problems.map((p) => p.zh), ['表头缺少申请人类型、收到方式、提交日期列']);
  });
});

describe('per-application fees across the sheet', () => {
  it("warns when a notice's ordinal is not the applicant's count in the month (国办函〔2020〕109号 按件计收)", () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({
      编号: `N${i + 1}`, 申请人类型: '自然人', 申请人: '王某', 收到方式: '当面', 提交日期: `2024-05-${String(6 + i).padStart(2, '0')}`,
    }));
    Object.assign(rows[10], { 收费方式: '按件', 收费数量: '11', '收费金额（元）': '100', 收费通知日期: '2024-05-20' });
    Object.assign(rows[11], { 收费方式: '按件', 收费数量: '11', '收费金额（元）': '100', 收费通知日期: '2024-05-20' });
    const { problems } = importCsv(sheet(...rows), options);
    assert.deepEqual(problems.map((p) => [p.row, p.id, p.zh]), [[13, 'N12', '按件计收：该申请是申请人2024-05的第12件申请，收费通知记为第11件']]);
  });
});

describe('dates after today', () => {
  const rows = sheet(
    { 编号: 'F', 申请人类型: '自然人', 申请人: '王某', 收到方式: '当面', 提交日期: '2099-01-05' },
    { 编号: 'P', 申请人类型: '自然人', 申请人: '李某', 收到方式: '当面', 提交日期: '2025-12-01' },
  );

  it('warns of a row dated after the today given, and still imports it; a past date is not warned of', () => {
    const { applications, problems } = importCsv(rows, { ...options, today: '2026-01-05' });
    // Row 2 (F, received 2099-01-05) is after 2026-01-05; row 3 (P, 2025-12-01) is before it.
    assert.deepEqual(problems.map((p) => [p.row, p.id, p.severity, p.zh, p.en]), [[2, 'F', 'warning',
      '“收到申请”的日期2099-01-05晚于今天2026-01-05，请核对', 'received dated 2099-01-05, after today 2026-01-05; please check']]);
    assert.deepEqual(applications.map((a) => a.id), ['F', 'P']);
  });

  it('says nothing of a future date when no today is given (an exported sheet re-read)', () => {
    assert.deepEqual(importCsv(rows, options).problems, []);
  });
});
