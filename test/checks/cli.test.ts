/** `xxgk check`: compiler-style output grouped per file, summary, exit codes, JSON Lines, the catalogue, year pairs. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CATALOGUE } from '../../src/pipeline/catalogue.ts';
import { CLI } from '../helpers.ts';
import { textReport } from './builder.ts';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-check-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function xxgk(...args: string[]) {
  const r = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const clean = file('clean.txt', textReport());
const broken = file('broken.txt', textReport({ sections: { 六: '无其他需要报告的事项。' } }).replace('（一）予以公开\t2\t1', '（一）予以公开\t2\t2'));

describe('xxgk check', () => {
  it('prints nothing but the summary for a clean report and exits 0', () => {
    const r = xxgk('check', clean);
    assert.deepEqual([r.code, r.out], [0, '1 个文件，0 个错误，0 个警告，0 个提示\n']);
  });

  it('prints findings like a compiler, in source order, and exits 1 on an error', () => {
    const r = xxgk('check', broken);
    const lines = r.out.trim().split('\n');
    assert.equal(r.code, 1);
    assert.deepEqual(lines.map((l) => l.replace(broken, 'F').replace(/\] .*/, ']')), [
      'F — 石嘴山市卫生健康委员会 · 2024年度 · 2021版格式',
      'F:49: 错误 [table3-row-total]',
      'F:70: 错误 [table3-outcomes]',
      'F:83: 警告 [fee-statement]',
      '',
      '1 个文件，2 个错误，1 个警告，0 个提示',
    ]);
    assert.match(lines[1], /表三·「（一）予以公开」行：总计=3，自然人\+法人或其他组织各列之和=4，相差1$/);
    assert.match(lines[2], /表三·商业企业列：（七）总计=1，（一）至（六）各项之和=2，相差1$/);
  });

  it('shows, counts and exits by the findings --quiet, --severity and --ignore keep', () => {
    const quiet = xxgk('check', '--quiet', broken);
    assert.doesNotMatch(quiet.out, /fee-statement/);
    assert.match(quiet.out, /1 个文件，2 个错误，0 个警告，0 个提示\n$/);
    assert.equal(xxgk('check', '--severity', 'warning', broken).out.match(/\[/g)?.length, 3);
    const ignored = xxgk('check', '--ignore', 'table3-row-total,table3-outcomes', broken);
    assert.deepEqual([ignored.code, ignored.out.match(/\[[a-z0-9-]+\]/g)], [0, ['[fee-statement]']]);
    const json = JSON.parse(xxgk('check', '--json', '--quiet', broken).out);
    assert.deepEqual(json.findings.map((f: { rule: string }) => f.rule).sort(), ['table3-outcomes', 'table3-row-total']);
  });

  it('refuses an unknown option, an unknown rule in --ignore and an unknown --severity: exit 2, one line', () => {
    for (const args of [['--bogus'], ['--ignore', 'no-such-rule'], ['--severity', 'fatal']]) {
      const r = xxgk('check', ...args, clean);
      assert.equal(r.code, 2);
      assert.match(r.err, /^xxgk: .*（用法错误，见 xxgk --help；usage error, see xxgk --help）\n$/);
    }
  });

  it('keeps going after an unusable input, says why on stderr, and exits 2', () => {
    const empty = file('empty.txt', '');
    const r = xxgk('check', empty, broken);
    assert.equal(r.code, 2);
    assert.match(r.err, /empty\.txt: 文件为空 \(empty file\)/);
    assert.match(r.out, /1 个无法读取\n$/);
    assert.match(r.out, /2 个文件，2 个错误，1 个警告，0 个提示/);
  });

  it('prints the Report JSON with findings, one line per input with several inputs', () => {
    const r = xxgk('check', '--json', clean, broken);
    const reports = r.out.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(reports.map((x) => x.findings.map((f: { rule: string }) => f.rule)), [[], ['table3-outcomes', 'table3-row-total', 'fee-statement']]);
    assert.match(r.err, /2 个文件/);
  });

  it('pairs reports of the same agency in consecutive years and runs the cross-year rules', () => {
    const lastYear = file('2023.txt', textReport({ year: 2023 }).replace('四、结转下年度继续办理\t1', '四、结转下年度继续办理\t2'));
    const r = xxgk('check', clean, lastYear);
    assert.match(r.out, /clean\.txt:\d+: 错误 \[carried-over\] 表三“自然人”列：本年「二、上年结转政府信息公开申请数量」为1，上年报告「四、结转下年度继续办理」为2/);
    assert.doesNotMatch(r.out, /2023\.txt:\d+: 错误 \[carried-over\]/);
  });

  it('lists the catalogue with --rules', () => {
    const r = xxgk('check', '--rules');
    assert.equal(r.code, 0);
    for (const rule of CATALOGUE) assert.match(r.out, new RegExp(`^${rule.id}\\s`, 'm'));
    assert.match(r.out, new RegExp(`共 ${CATALOGUE.length} 条`));
  });

  it('exits 2 when given no file and no --rules', () => {
    const r = xxgk('check');
    assert.equal(r.code, 2);
    assert.match(r.err, /缺少要核查的文件/);
  });

  it('pairs two years written with and without the city, and prints which files were paired and why', () => {
    const now = file('hz2024.txt', textReport({ title: '洪泽区人民政府2024年政府信息公开工作年度报告' }));
    const before = file('hz2023.txt', textReport({ year: 2023, title: '淮安市洪泽区人民政府2023年政府信息公开工作年度报告' }));
    const r = xxgk('check', now, before);
    assert.match(r.out, /^跨年度比对：.*hz2024\.txt（洪泽区人民政府2024年），上年报告 .*hz2023\.txt（淮安市洪泽区人民政府2023年）（去掉地区前缀“淮安市”后名称相同）$/m);
    assert.doesNotMatch(xxgk('check', clean).out, /跨年度比对/);
  });

  it('takes the level from --roster, and exits 2 with the reason when the roster is unusable', () => {
    const late = file('pl.txt', textReport({ title: '平罗县2024年政府信息公开工作年度报告' }).replace(/$/, '\n\n2025年2月15日\n'));
    assert.doesNotMatch(xxgk('check', late).out, /published-late/);
    const roster = file('roster.csv', 'agency,aliases,region,level,parent\n平罗县,,,部门,\n');
    assert.match(xxgk('check', '--roster', roster, late).out, /警告 \[published-late\] 发布日期为2025-02-15，晚于部门（名册登记）的法定期限2025-01-31/);
    const bad = file('bad.csv', 'agency,level\n平罗县,省级\n');
    const r = xxgk('check', '--roster', bad, late);
    assert.equal(r.code, 2);
    assert.match(r.err, /名册第2行：级别“省级”/);
  });
});
