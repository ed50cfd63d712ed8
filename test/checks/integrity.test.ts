/** Template integrity: format version for the year, count values, fee unit, who may make 规章. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { belowRegulationLevel } from '../../src/checks/rules/integrity.ts';
import { buildReport, findingsOf, TABLE_LINES, withCell } from './builder.ts';

describe('table-version', () => {
  it('accepts 2019-format tables in a 2020 report and 2021-format tables in a 2021 report', () => {
    assert.deepEqual(findingsOf('table-version', buildReport({ version: '2019', year: 2020 })), []);
    assert.deepEqual(findingsOf('table-version', buildReport({ year: 2021 })), []);
  });

  it('flags 2021-format tables in a 2020 report, one finding per table, placed at the table', () => {
    const found = findingsOf('table-version', buildReport({ year: 2020 }));
    assert.deepEqual(found.map((f) => [f.line, f.expected, f.actual]), [
      [TABLE_LINES.table2, '2019', '2021'], [TABLE_LINES.table3, '2019', '2021'], [TABLE_LINES.table4, '2019', '2021'],
    ]);
  });

  it('does not check free-form reports (before 2019)', () => {
    assert.deepEqual(findingsOf('table-version', buildReport({ year: 2017 })), []);
  });
});

describe('count-value', () => {
  it('flags a count with decimals', () => {
    const found = findingsOf('count-value', withCell(buildReport(), 'table2.licensing', 12.5));
    assert.deepEqual(found.map((f) => f.message), ['表二「行政许可」：12.5不是非负整数']);
  });

  it('accepts fees in 万元 with decimals and a signed 本年增/减 in the 2019 table 二', () => {
    assert.deepEqual(findingsOf('count-value', withCell(buildReport(), 'table2.fees_wan_yuan', 43.5824)), []);
    assert.deepEqual(findingsOf('count-value', withCell(buildReport({ version: '2019' }), 'table2.licensing.change', -2)), []);
  });

  it('flags a negative fee', () => {
    const found = findingsOf('count-value', withCell(buildReport(), 'table2.fees_wan_yuan', -1));
    assert.deepEqual(found.map((f) => f.message), ['表二「行政事业性收费」：-1不是非负数']);
  });
});

describe('fee-unit', () => {
  it('accepts a fee just under 10,000 万元 and flags one at 10,000', () => {
    assert.deepEqual(findingsOf('fee-unit', withCell(buildReport(), 'table2.fees_wan_yuan', 9999.5)), []);
    assert.equal(findingsOf('fee-unit', withCell(buildReport(), 'table2.fees_wan_yuan', 10000)).length, 1);
  });
});

describe('regulation-issuer', () => {
  it('tells county-level and lower agencies from those that may make 规章 by the name', () => {
    const names = ['惠农区卫生健康局', '平罗县卫生健康局', '某某街道办事处', '阿拉善左旗人民政府', '某某镇人民政府',
      '宁夏回族自治区卫生健康委员会', '石嘴山市住房和城乡建设局', '某某省乡村振兴局', '石嘴山市人民政府', '阿克苏地区行政公署'];
    assert.deepEqual(names.map((n) => [n, belowRegulationLevel(n)]), [
      ['惠农区卫生健康局', true], ['平罗县卫生健康局', true], ['某某街道办事处', true], ['阿拉善左旗人民政府', true],
      ['某某镇人民政府', true], ['宁夏回族自治区卫生健康委员会', false], ['石嘴山市住房和城乡建设局', false],
      ['某某省乡村振兴局', false], ['石嘴山市人民政府', false], ['阿克苏地区行政公署', false],
    ]);
  });

  it('accepts 0 规章 from a district agency and 规章 made by a city government', () => {
    assert.deepEqual(findingsOf('regulation-issuer', buildReport({ agency: '惠农区卫生健康局' })), []);
    assert.deepEqual(findingsOf('regulation-issuer', withCell(buildReport({ agency: '石嘴山市人民政府' }), 'table2.regulations.issued', 2)), []);
  });
});
