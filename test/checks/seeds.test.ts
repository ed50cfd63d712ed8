/** The checker on the five real seed reports: the real problems found, nothing else (info findings aside). */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Report } from '../../src/report/types.ts';
import { SEEDS_DIR, seedsAvailable } from '../helpers.ts';
import { checkSeed, SEED_FINDINGS } from './seed-findings.ts';
import { pathsOf } from '../helpers.ts';

const added = ({ read, checked }: { read: Report; checked: Report }) => checked.findings.slice(read.findings.length);
const byLine = (a: [string, number | null], b: [string, number | null]) => (a[1] ?? 0) - (b[1] ?? 0) || a[0].localeCompare(b[0]);

describe('checker on the seed reports', { skip: !seedsAvailable && 'shared seeds not present' }, () => {
  it('covers every seed present', () => {
    const present = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, '')).sort();
    assert.deepEqual(present, Object.keys(SEED_FINDINGS).sort());
  });

  for (const [name, expected] of Object.entries(SEED_FINDINGS)) {
    it(`${name}: finds exactly the verified problems`, async () => {
      const found = added(await checkSeed(name))
        .filter((f) => f.severity !== 'info')
        .map((f): [string, number | null] => [f.rule, f.line ?? null])
        .sort(byLine);
      assert.deepEqual(found, [...expected].sort(byLine));
    });
  }

  it('001: the checker adds no arithmetic error over the ragged rows that reading recovered', async () => {
    const seed = await checkSeed('001_62e18fc6e57dfc2d');
    assert.ok(seed.read.findings.length > 0 && seed.read.findings.every((f) => f.rule === 'row-value-count'));
    assert.deepEqual(added(seed).filter((f) => pathsOf(f)?.length && f.severity === 'error'), []);
  });

  it('001: the messages name the numbers', async () => {
    const messages = added(await checkSeed('001_62e18fc6e57dfc2d')).filter((f) => f.severity !== 'info').map((f) => f.message);
    assert.deepEqual(messages, [
      '第一部分小标题编号不连续：（四）之后是（六），缺（五）',
      '引用国办公开办函〔2021〕30号时名称写作《国务院办公厅政府信息公开与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》，'
        + '原文为《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》',
      '第六部分未说明信息处理费的收取情况（未收取也应写明）',
      '“2021年共制发268件”，其中各项之和120+147+2=269，超过总数268',
      '“本年度共制发公文253件”（第11行）与“2021年共制发268件”（第13行）是同一数量（制发公文）的两个不同总数',
      '“其中其中”重复：“…相关信息380余条，其中其中疫情信息325余条，…”',
    ]);
  });

  it('003: points the repealed 规范性文件 at table 二\'s cell', async () => {
    const [f] = added(await checkSeed('003_d20f3da8d3ab99e3')).filter((x) => x.rule === 'narrative-table2');
    assert.deepEqual([pathsOf(f), f.expected, f.actual, f.severity], [['table2.normative_docs.repealed'], 0, 34, 'warning']);
  });

  it('gives info on what it cannot confirm: 004 states no period', async () => {
    const info = async (name: string) => added(await checkSeed(name)).filter((f) => f.severity === 'info').map((f) => [f.rule, f.line ?? null]);
    assert.deepEqual(await info('002_cf59cfa8c9ac4fc5'), []);
    assert.deepEqual(await info('004_e3c010c5c349aa33'), [['statistics-period-missing', null]]);
  });
});
