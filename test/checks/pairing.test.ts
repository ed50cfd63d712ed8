/** Pairing two years of one agency written differently, the reasons given, and the roster that declares levels and aliases. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPairs, pairLine, checkReport } from '../../src/checks/index.ts';
import { applyRoster, parseRoster, RosterError } from '../../src/roster/index.ts';
import { buildReport } from './builder.ts';

const reports = (...names: [number, string][]) => names.map(([year, agency]) => buildReport({ year, agency }));
const pairsOf = (...names: [number, string][]) =>
  findPairs(reports(...names)).map((p) => [p.current, p.previous, p.reason.kind]);

describe('findPairs', () => {
  it('pairs a name written with and without its city, and says which places differ', () => {
    const rs = reports([2024, '洪泽区人民政府'], [2023, '淮安市洪泽区人民政府']);
    const pairs = findPairs(rs);
    assert.deepEqual(pairs, [{ current: 0, previous: 1, reason: { kind: 'places', places: ['淮安市'] } }]);
    assert.equal(pairLine(pairs[0], ['2024.txt', '2023.txt'], rs),
      '跨年度比对：2024.txt（洪泽区人民政府2024年），上年报告 2023.txt（淮安市洪泽区人民政府2023年）（去掉地区前缀“淮安市”后名称相同）');
  });

  it('gives the reason for same names and names differing in spacing or 委/委员会', () => {
    assert.deepEqual(pairsOf([2024, '甲县卫生健康局'], [2023, '甲县卫生健康局']), [[0, 1, 'same']]);
    assert.deepEqual(pairsOf([2024, '石嘴山市卫生健康委'], [2023, '石嘴山市 卫生健康委员会']), [[0, 1, 'spelling']]);
    assert.deepEqual(pairsOf([2024, '某市卫生健康委办公室'], [2023, '某市卫生健康委员会办公室']), [[0, 1, 'spelling']]);
  });

  it('does not pair districts of the same name in different cities, nor an agency with another one of its place', () => {
    assert.deepEqual(pairsOf([2024, '南京市鼓楼区人民政府'], [2023, '福州市鼓楼区人民政府']), []);
    assert.deepEqual(pairsOf([2024, '洪泽区卫生健康委员会'], [2023, '淮安市洪泽区人民政府']), []);
    assert.deepEqual(pairsOf([2024, '淮安市人民政府'], [2023, '淮安市洪泽区人民政府']), []);
  });

  it('pairs neither when two reports claim last year\'s through different places', () => {
    assert.deepEqual(pairsOf([2024, '南京市鼓楼区人民政府'], [2024, '福州市鼓楼区人民政府'], [2023, '鼓楼区人民政府']), []);
  });

  it('pairs names the roster gives as aliases of one agency', () => {
    const roster = parseRoster('agency,aliases,region,level,parent\n洪泽区人民政府,洪泽区政府;洪泽县人民政府,江苏省淮安市,本级政府,淮安市人民政府\n');
    const rs = reports([2024, '洪泽区政府'], [2023, '洪泽县人民政府']);
    assert.deepEqual(findPairs(rs), []);
    const pairs = findPairs(rs, roster);
    assert.deepEqual(pairs, [{ current: 0, previous: 1, reason: { kind: 'alias', agency: '洪泽区人民政府' } }]);
    assert.equal(pairLine(pairs[0], ['a.txt', 'b.txt'], rs), '跨年度比对：a.txt（洪泽区政府2024年），上年报告 b.txt（洪泽县人民政府2023年）（名册中为同一机关“洪泽区人民政府”）');
  });
});

describe('roster', () => {
  const roster = parseRoster('\uFEFF机关,别名,地区,级别,上级\r\n平罗县,"平罗县人民政府,平罗县政府",宁夏石嘴山市,部门,石嘴山市\r\n某某,,,,\r\n');

  it('reads Chinese headers, quoted fields and a BOM', () => {
    assert.deepEqual(roster.entries, [
      { agency: '平罗县', aliases: ['平罗县人民政府,平罗县政府'], region: '宁夏石嘴山市', level: 'department', parent: '石嘴山市' },
      { agency: '某某', aliases: [], region: '', level: null, parent: '' },
    ]);
  });

  it('declares the level over the inferred one, and keeps the inferred one when it declares none', () => {
    const declared = applyRoster(buildReport({ agency: '平罗县', published: '2025-02-15' }), roster);
    assert.deepEqual(declared.level, { id: 'department', source: 'declared' });
    assert.deepEqual(checkReport(declared, { rules: ['published-late'] }).findings.map((f) => f.message),
      ['发布日期为2025-02-15，晚于部门（名册登记）的法定期限2025-01-31']);
    const inferred = applyRoster(buildReport({ agency: '甲县卫生健康局' }), roster);
    assert.deepEqual(inferred.level, { id: 'department', source: 'inferred' });
  });

  it('rejects an unknown level and a file without an agency column, naming the line', () => {
    assert.throws(() => parseRoster('agency,level\n甲县,省级\n'), (e: Error) => e instanceof RosterError && /第2行.*省级/.test(e.message));
    assert.throws(() => parseRoster('name,level\n甲县,部门\n'), RosterError);
  });
});
