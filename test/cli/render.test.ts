/** `xxgk render` as a user runs it: a sample report to a workbook file and to Markdown on stdout; exit codes. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { parseReportBytes, parseReportFile } from '../../src/index.ts';
import { CLI, ROOT } from '../helpers.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'xxgk-render-'));
const SAMPLE = join(ROOT, 'samples', '2025-official.html');

async function xxgk(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...CLI, ...args], { maxBuffer: 64 * 2 ** 20 });
    return { code: 0, stdout, stderr };
  } catch (e: any) {
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('xxgk render', () => {
  it('writes a workbook with the statutory tables, 基本信息 and 问题 to -o', async () => {
    const out = join(dir, '报告.xlsx');
    const { code, stderr } = await xxgk(['render', SAMPLE, '--to', 'xlsx', '-o', out]);
    assert.equal(code, 0, stderr);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
    assert.deepEqual(workbook.worksheets.map((s) => s.name), ['表二', '表三', '表四', '基本信息', '问题']);
  });

  it('re-lays a report as Markdown on stdout that reads back to the same tables', async () => {
    const { code, stdout, stderr } = await xxgk(['render', SAMPLE, '--to', 'md']);
    assert.equal(code, 0, stderr);
    const [original, again] = [await parseReportFile(SAMPLE), await parseReportBytes(new TextEncoder().encode(stdout), 'out.md')];
    for (const key of ['agency', 'year', 'format_version', 'table2', 'table3', 'table4'] as const) assert.deepEqual(again[key], original[key], key);
  });

  it('exits 2 with a reason when a report before the 2019 template cannot be laid out in it', async () => {
    const path = join(dir, '2017.txt');
    writeFileSync(path, '某县统计局2017年政府信息公开工作年度报告\n一、概述\n本年度工作平稳。\n二、主动公开政府信息情况\n全年公开信息20条。\n');
    const { code, stdout, stderr } = await xxgk(['render', path, '--to', 'html']);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^xxgk: .*2017\.txt: 未识别出机关、年度或法定格式，无法按法定格式重排 \(.+\)\n$/);
  });

  it('exits 2 with the reader\'s reason on an input that is not a report', async () => {
    const path = join(dir, 'notes.txt');
    writeFileSync(path, '会议纪要\n今天讨论了三件事。\n');
    const { code, stderr } = await xxgk(['render', path, '--to', 'xlsx', '-o', join(dir, 'notes.xlsx')]);
    assert.equal(code, 2);
    assert.match(stderr, /^xxgk: .*notes\.txt: 不是政府信息公开工作年度报告.*\(.+\)\n$/);
  });

  it('exits 2 on a format it does not know', async () => {
    const { code, stderr } = await xxgk(['render', SAMPLE, '--to', 'odt']);
    assert.equal(code, 2);
    assert.match(stderr, /odt/);
  });
});
