/** `xxgk ledger`: the template, due dates from a sheet or the store, import and export, reports built from a sheet or (`xxgk author`) the store. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { chineseCalendar } from '../../src/ledger/calendar.ts';
import { exportCsv, SHEET_COLUMNS } from '../../src/ledger/import.ts';
import { CLI, parseText } from '../helpers.ts';
import { generateLedger } from './generate.ts';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-ledger-cli-'));
const run = (...args: string[]) => spawnSync(process.execPath, [...CLI, 'ledger', ...args], { encoding: 'utf8' });
const sheet = (rows: Record<string, string>[]) => {
  const file = join(dir, `sheet-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, [SHEET_COLUMNS.map(([, h]) => h).join(','), ...rows.map((r) => SHEET_COLUMNS.map(([, h]) => r[h] ?? '').join(','))].join('\n'));
  return file;
};

describe('xxgk ledger', () => {
  it('prints a template that imports cleanly', () => {
    const file = join(dir, 'template.csv');
    writeFileSync(file, run('template').stdout);
    const due = run('due', file, '--as-of', '2025-03-10');
    assert.equal(due.status, 0, due.stderr);
  });

  it('lists open applications overdue first, with their row problems, and exits 1 when one is overdue', () => {
    const base = { 申请人类型: '自然人', 收到方式: '当面' };
    const file = sheet([
      { ...base, 编号: 'A', 提交日期: '2024-09-27' },
      { ...base, 编号: 'B', 提交日期: '2024-08-01' },
      { ...base, 编号: 'C', 提交日期: '2024-10-20', 答复日期: '2024-10-10', 办理结果: '予以公开' },
    ]);
    const r = run('due', file, '--as-of', '2024-10-25');
    assert.equal(r.status, 1);
    assert.deepEqual(r.stdout.trim().split('\n'), [
      'B  已超期  答复期限 2024-08-29，剩余-37个工作日',
      'A  即将到期  答复期限 2024-10-30，剩余3个工作日',
      'C  办理中  答复期限 2024-11-15，剩余15个工作日',
    ]);
    assert.match(r.stderr, /sheet-\w+\.csv:4: 错误 \[C\] “答复”的日期2024-10-10早于收到申请之日2024-10-20/);
  });

  it('builds a report that may be final, in Markdown, HTML or Word', () => {
    const file = join(dir, 'ledger.csv');
    writeFileSync(file, exportCsv(generateLedger(chineseCalendar([]))));
    const table2 = join(dir, 'table2.json');
    writeFileSync(table2, JSON.stringify({
      regulations: { issued: 0, repealed: 0, in_force: 0 }, normative_docs: { issued: 2, repealed: 1, in_force: 12 },
      licensing: 120, punishment: 30, coercion: 0, fees_wan_yuan: 1.5,
    }));
    const md = run('build', file, '--year', '2025', '--agency', '某市生态环境局', '--table2', table2);
    assert.equal(md.status, 0, md.stderr);
    assert.match(md.stdout, /^# 某市生态环境局2025年政府信息公开工作年度报告/);
    assert.match(md.stdout, /2025年，本机关新收政府信息公开申请\d+件/);
    assert.match(md.stderr, /可以定稿/);
    const docx = join(dir, 'report.docx');
    assert.equal(run('build', file, '--year', '2025', '--agency', '某市生态环境局', '--table2', table2, '--to', 'docx', '-o', docx).status, 0);
    assert.equal(readFileSync(docx).subarray(0, 2).toString(), 'PK');
  });

  it('does not call a report without table 二 final', () => {
    const file = sheet([{ 编号: 'A', 申请人类型: '自然人', 收到方式: '当面', 提交日期: '2024-09-27', 答复日期: '2024-10-10', 办理结果: '予以公开' }]);
    const r = run('build', file, '--year', '2024', '--agency', '某市生态环境局', '--to', 'html');
    assert.equal(r.status, 1);
    assert.match(r.stdout, /<table/);
    assert.match(r.stderr, /不能定稿：尚未填写表二/);
  });

  it('does not call a report final while a sheet row has an error, and refuses a table 二 file it cannot trust', () => {
    const table2 = join(dir, 'table2-clean.json');
    writeFileSync(table2, JSON.stringify({ licensing: 120, punishment: 30 }));
    const reply = { 申请人类型: '自然人', 收到方式: '当面', 提交日期: '2024-09-27', 办理结果: '予以公开' };
    const file = sheet([{ ...reply, 编号: 'A', 答复日期: '2024-10-10' }, { ...reply, 编号: 'B', 答复日期: '2024-10-32' }]);
    const r = run('build', file, '--year', '2024', '--agency', '某市生态环境局', '--table2', table2, '--to', 'json');
    assert.equal(r.status, 1, r.stderr);
    assert.equal(JSON.parse(r.stdout).table3.new_received[0], 1, 'only A is counted');
    assert.match(r.stderr, /不能定稿：台账表格有1行错误（见上），改正后才能完整统计/);
    const clean = run('build', sheet([{ ...reply, 编号: 'A', 答复日期: '2024-10-10' }]), '--year', '2024', '--agency', '某市生态环境局', '--table2', table2);
    assert.equal(clean.status, 0, clean.stderr);
    const typo = join(dir, 'table2-typo.json');
    writeFileSync(typo, JSON.stringify({ licensing: '120', punishmnet: 30 }));
    const refused = run('build', file, '--year', '2024', '--agency', '某市生态环境局', '--table2', typo);
    assert.equal(refused.status, 2);
    assert.equal(refused.stdout, '');
    assert.match(refused.stderr, /表二没有“punishmnet”这一项/);
    assert.match(refused.stderr, /须为不小于0的数字或留空/);
  });
});

describe('the built report read back', () => {
  it('gives back every table cell when its Markdown is parsed', async () => {
    const file = join(dir, 'roundtrip.csv');
    writeFileSync(file, exportCsv(generateLedger(chineseCalendar([]))));
    const built = run('build', file, '--year', '2024', '--agency', '某市生态环境局', '--to', 'json');
    const md = run('build', file, '--year', '2024', '--agency', '某市生态环境局', '--to', 'md');
    const report = JSON.parse(built.stdout);
    const read = await parseText(md.stdout, 'draft.md');
    assert.deepEqual([read.agency, read.year, read.table3, read.table4], [report.agency, report.year, report.table3, report.table4]);
  });
});

describe('xxgk ledger with the store, and xxgk author', () => {
  const data = mkdtempSync(join(tmpdir(), 'xxgk-ledger-store-'));
  after(() => rmSync(data, { recursive: true, force: true }));
  const env = { ...process.env, DATABASE_URL: '', XXGK_DATA: data };
  const xxgk = (...args: string[]) => spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8', env });
  const agency = '某市自然资源局';
  const base = { 申请人类型: '自然人', 收到方式: '当面' };

  it('imports a sheet, lists what is due from the store, and exports it again', () => {
    const file = sheet([{ ...base, 编号: 'A', 提交日期: '2024-09-27' }, { ...base, 编号: 'B', 提交日期: '2024-08-01' }]);
    const imported = xxgk('ledger', 'import', file, '--agency', agency);
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(imported.stderr, /新登记2件，补记0条记录，未变0件/);
    const due = xxgk('ledger', 'due', '--agency', agency, '--as-of', '2024-10-25');
    assert.equal(due.status, 1, due.stderr);
    assert.deepEqual(due.stdout.trim().split('\n'), [
      'B  已超期  答复期限 2024-08-29，剩余-37个工作日',
      'A  即将到期  答复期限 2024-10-30，剩余3个工作日',
    ]);
    const json = xxgk('ledger', 'due', '--agency', agency, '--as-of', '2024-10-01', '--json');
    assert.equal(json.status, 1);
    assert.deepEqual(json.stdout.trim().split('\n').map((l) => JSON.parse(l).id), ['B', 'A']);
    const out = join(dir, 'exported.csv');
    assert.equal(xxgk('ledger', 'export', '--agency', agency, '-o', out).status, 0);
    assert.equal(readFileSync(out, 'utf8').trim().split('\n').length, 3);
    const again = xxgk('ledger', 'import', out, '--agency', agency);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stderr, /新登记0件，补记0条记录，未变2件/);
    const history = xxgk('ledger', 'export', '--agency', agency, '--history');
    assert.equal(history.status, 0, history.stderr);
    const rows = history.stdout.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(rows[0], '编号,序号,事项,内容,经办人,记录时间（北京时间）');
    assert.deepEqual(rows.slice(1).map((r) => r.split(',').slice(0, 3).join(',')), ['A,1,收到申请', 'B,1,收到申请']);
  });

  it('imports the Excel template the same way', () => {
    const book = join(dir, '台账模板.xlsx');
    assert.equal(xxgk('ledger', 'template', '-o', book).status, 0);
    const r = xxgk('ledger', 'import', book, '--agency', '某市统计局');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /新登记1件/);
    assert.match(xxgk('ledger', 'export', '--agency', '某市统计局').stdout, /\n2025-001,/);
  });

  it('stores nothing of a sheet with a bad row, and names the row', () => {
    const file = sheet([
      { ...base, 编号: 'D', 提交日期: '2024-10-08' },
      { ...base, 编号: 'C', 提交日期: '2024-10-20', 答复日期: '2024-10-10', 办理结果: '予以公开' },
    ]);
    const r = xxgk('ledger', 'import', file, '--agency', agency);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /sheet-\w+\.csv:3: 错误 \[C\] “答复”的日期2024-10-10早于收到申请之日2024-10-20/);
    assert.match(r.stderr, /未存入：有1处错误/);
    const csv = xxgk('ledger', 'export', '--agency', agency).stdout;
    assert.deepEqual(csv.trim().split('\n').slice(1).map((l) => l.split(',')[0]), ['A', 'B']);
  });

  it('asks for a sheet or an agency, and says when the agency has no ledger here', () => {
    assert.equal(xxgk('ledger', 'due').status, 2);
    const r = xxgk('ledger', 'export', '--agency', '某县不存在局');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /机关“某县不存在局”不在数据库中/);
  });

  it('authors the year from the stored ledger: final only with table 二, in any format', () => {
    const author = '某市生态环境局';
    const ledger = generateLedger(chineseCalendar([]));
    const file = join(dir, 'stored-ledger.csv');
    writeFileSync(file, exportCsv(ledger));
    assert.equal(xxgk('ledger', 'import', file, '--agency', author).status, 0);
    const draft = xxgk('author', '--year', '2025', '--agency', author);
    assert.equal(draft.status, 1);
    assert.match(draft.stdout, /^# 某市生态环境局2025年政府信息公开工作年度报告/);
    assert.match(draft.stderr, /库中没有2024年度报告/);
    assert.match(draft.stderr, /不能定稿：尚未填写表二/);
    const table2 = join(dir, 'table2-author.json');
    writeFileSync(table2, JSON.stringify({
      regulations: { issued: 0, repealed: 0, in_force: 0 }, normative_docs: { issued: 2, repealed: 1, in_force: 12 },
      licensing: 120, punishment: 30, coercion: 0, fees_wan_yuan: 1.5,
    }));
    const json = xxgk('author', '--year', '2025', '--agency', author, '--table2', table2, '--to', 'json');
    assert.equal(json.status, 0, json.stderr);
    assert.match(json.stderr, /可以定稿/);
    const receipts = ledger.map((a) => a.events[0] as { submitted: string; signed?: string; confirmed?: string }).map((r) => r.signed ?? r.confirmed ?? r.submitted);
    assert.equal(JSON.parse(json.stdout).table3.new_received.at(-1), receipts.filter((d) => d.startsWith('2025')).length);
    const docx = join(dir, 'authored.docx');
    assert.equal(xxgk('author', '--year', '2025', '--agency', author, '--table2', table2, '--to', 'docx', '-o', docx).status, 0);
    assert.equal(readFileSync(docx).subarray(0, 2).toString(), 'PK');
  });
});
