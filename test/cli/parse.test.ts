/** `xxgk parse` as a user runs it: exit codes, one-line reasons, JSON Lines aligned with inputs, bounded memory. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, ftruncateSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { csvRows } from '../../src/cli/csv.ts';
import { parseReportFile } from '../../src/index.ts';
import { CLI, SEEDS_DIR, seedsAvailable } from '../helpers.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'xxgk-cli-'));

async function xxgk(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = run(process.execPath, [...CLI, ...args], { maxBuffer: 64 * 2 ** 20 });
  if (input !== undefined) {
    child.child.stdin!.end(input);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (e: any) {
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const REPORT = [
  '某县统计局2024年政府信息公开工作年度报告', '一、总体情况', '本年度工作平稳。', '二、主动公开政府信息情况',
  '规章\t0\t0\t0', '行政规范性文件\t0\t0\t0', '行政许可\t5', '行政处罚\t2', '行政强制\t0', '行政事业性收费\t0',
  '三、收到和处理政府信息公开申请情况',
].join('\n');

describe('xxgk parse: unusable inputs', () => {
  const cases: [string, string | Uint8Array, string, RegExp][] = [
    ['empty.txt', '', 'empty', /文件为空 \(empty file\)/],
    ['blank.txt', '\n  \n\t\n', 'empty', /文件为空/],
    ['junk.bin', new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), 'binary', /二进制/],
    ['news.txt', '我县召开春季农业生产工作会议\n会议强调，要抓好春耕备耕，确保粮食安全。\n各乡镇负责同志参加会议。', 'not-a-report', /不是政府信息公开工作年度报告/],
    ['picture.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'image-only', /图片/],
  ];
  for (const [name, content, code, message] of cases) {
    it(`refuses ${name} with exit 2, a one-line reason, and an error record in --json`, async () => {
      const path = file(name, content);
      const human = await xxgk(['parse', path]);
      assert.equal(human.code, 2);
      assert.equal(human.stdout, '');
      assert.equal(human.stderr.trim().split('\n').length, 1);
      assert.match(human.stderr, message);
      const json = await xxgk(['parse', '--json', path]);
      assert.equal(json.code, 2);
      assert.equal(JSON.parse(json.stdout).error.code, code);
    });
  }

  it('refuses a 200 MB file before loading it', async () => {
    const path = join(dir, 'huge.txt');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 200 * 2 ** 20);
    closeSync(fd);
    const { code, stderr } = await xxgk(['parse', path]);
    assert.equal(code, 2);
    assert.match(stderr, /文件过大（200 MB，上限 100 MB）/);
  });

  it('reports a missing file and a folder with no reports', async () => {
    const { code, stderr } = await xxgk(['parse', join(dir, 'nope.txt')]);
    assert.equal(code, 2);
    assert.match(stderr, /文件不存在/);
  });
});

describe('xxgk parse: readable inputs', () => {
  it('exits 1 for a report whose tables are images (headings only)', async () => {
    const path = file('headings.txt', '某县统计局2024年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n[图片]\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n');
    const { code, stdout } = await xxgk(['parse', path]);
    assert.equal(code, 1);
    assert.match(stdout, /错误 \[table-missing\] 未找到统计表（表二、表三、表四），表格可能是图片或已缺失/);
  });

  it('reads a truncated file: what is there, nothing invented', async () => {
    const path = file('truncated.txt', REPORT);
    const { code, stdout } = await xxgk(['parse', '--json', path]);
    assert.equal(code, 1);
    const report = JSON.parse(stdout);
    assert.deepEqual(report.table2.licensing, 5);
    assert.equal(report.table3, undefined);
    assert.equal(report.table4, undefined);
  });

  it('reads standard input when the file is -', async () => {
    const { stdout } = await xxgk(['parse', '--json', '-'], REPORT);
    const report = JSON.parse(stdout);
    assert.equal(report.source.path, '-');
    assert.equal(report.agency, '某县统计局');
  });

  it('prints one JSON line per input in input order, an error line for an unusable one, and keeps going', async () => {
    const good = file('good.txt', REPORT);
    const empty = file('empty2.txt', '');
    const { code, stdout, stderr } = await xxgk(['parse', '--json', good, empty, good]);
    assert.equal(code, 2);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.error?.code ?? l.agency), ['某县统计局', 'empty', '某县统计局']);
    assert.equal(stderr.trim().split('\n').length, 1);
  });

  it('prints --help for the command, in Chinese', async () => {
    const { code, stdout } = await xxgk(['parse', '--help']);
    assert.equal(code, 0);
    assert.match(stdout, /退出码：0 读取成功；1 读取成功但有错误级问题；2 有无法读取的输入/);
  });

  it('reads a GBK-encoded text file', async () => {
    const path = join(dir, 'gbk.txt');
    const utf8 = file('utf8.txt', REPORT);
    const { execFileSync } = await import('node:child_process');
    writeFileSync(path, execFileSync('iconv', ['-f', 'utf-8', '-t', 'gbk', utf8]));
    assert.notDeepEqual(readFileSync(path), readFileSync(utf8));
    const { stdout } = await xxgk(['parse', '--json', path]);
    const report = JSON.parse(stdout);
    assert.equal(report.source.encoding, 'gb18030');
    assert.equal(report.agency, '某县统计局');
  });

  it('reads every seed and exits 1 only for the seed with ragged rows', { skip: !seedsAvailable && 'no seeds' }, async () => {
    const { code, stdout } = await xxgk(['parse', '--json', SEEDS_DIR]);
    assert.equal(code, 1);
    const reports = stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(reports.map((r) => r.findings.some((f: any) => f.severity === 'error')), [false, true, false, false, false]);
  });
});

describe('xxgk parse --csv', () => {
  it('writes one row per report × cell, with a BOM for spreadsheets and formula-like text disarmed', async () => {
    const path = file('csv.txt', REPORT);
    const { stdout } = await xxgk(['parse', '--csv', path]);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines[0], '\uFEFF文件,机关,年度,格式版本,表,行,列,单元格,值,来源');
    assert.ok(lines.includes(`${path},某县统计局,2024,2021,table2,licensing,,表二·行政许可,5,`));
    assert.ok(lines.slice(1).every((l) => l.startsWith(`${path},`)));
    const [row] = csvRows('=1+1.txt', (await parseReportFile(path)));
    assert.match(row, /^'=1\+1\.txt,/);
  });

  it('refuses --csv with --json: one output form at a time', async () => {
    const { code, stderr } = await xxgk(['parse', '--csv', '--json', file('csv2.txt', REPORT)]);
    assert.equal(code, 2);
    assert.match(stderr, /cannot be used with/);
  });
});
