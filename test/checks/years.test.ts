/** Publication deadline, and the rules across two years of the same agency (carried over, in force, copied narrative). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { agencyKey, checkPair, checkReport, pairReports } from '../../src/checks/index.ts';
import { similarity } from '../../src/checks/rules/cross-year.ts';
import { buildReport, findingsOf, SECTION_TEXTS, TABLE2_SAMPLE, TABLE3_SAMPLE, TABLE_LINES } from './builder.ts';
import { pathsOf } from '../helpers.ts';

describe('published-late', () => {
  it('accepts a department report published on 31 January and a 本级政府 report on 31 March', () => {
    assert.deepEqual(findingsOf('published-late', buildReport({ published: '2025-01-31' })), []);
    assert.deepEqual(findingsOf('published-late', buildReport({ agency: '石嘴山市人民政府', published: '2025-03-31' })), []);
  });

  it('holds a government office to the department deadline', () => {
    assert.equal(findingsOf('published-late', buildReport({ agency: '石嘴山市人民政府办公室', published: '2025-03-01' })).length, 1);
  });

  it('does not check a report without a publication date', () => {
    assert.deepEqual(findingsOf('published-late', buildReport({ published: null })), []);
  });
});

describe('cross-year rules', () => {
  const last = (over: Parameters<typeof buildReport>[0] = {}) => buildReport({
    year: 2023,
    table2: { ...TABLE2_SAMPLE, normative_docs: { issued: 1, repealed: 0, in_force: 11 } },
    sections: { ...SECTION_TEXTS, 一: '上一年的叙述写的是别的内容。' },
    ...over,
  });

  it('finds nothing when last year\'s carried forward and documents in force carry on', () => {
    assert.deepEqual(checkPair(last(), buildReport()), []);
  });

  it('reports each column whose carried over differs from last year\'s carried forward, at this year\'s cell', () => {
    const previous = last({ table3: { ...TABLE3_SAMPLE, carried_forward: [0, 1, 0, 0, 0, 0, 1] } });
    const found = checkPair(previous, buildReport()).filter((f) => f.rule === 'carried-over');
    assert.deepEqual(found.map((f) => [pathsOf(f), f.line, f.severity]), [
      [['table3.carried_over.0'], TABLE_LINES.table3 + 1, 'error'],
      [['table3.carried_over.1'], TABLE_LINES.table3 + 1, 'error'],
    ]);
  });

  it('pairs only consecutive years', () => {
    const previous = last({ year: 2022, table3: { ...TABLE3_SAMPLE, carried_forward: [0, 0, 0, 0, 0, 0, 0] } });
    assert.deepEqual(checkPair(previous, buildReport()), []);
    assert.deepEqual(checkReport(buildReport(), { previous }).findings, []);
  });

  it('does not call short narratives copies, and measures similarity with digits folded', () => {
    assert.deepEqual(findingsOf('narrative-similar', buildReport(), { previous: buildReport({ year: 2023 }) }), []);
    assert.equal(similarity('2023年发布信息100条', '2024年发布信息250条'), 1);
    assert.ok(similarity('加强组织领导', '完善平台建设') < 0.1);
  });
});

describe('pairing reports of one agency', () => {
  it('treats 委员会 and 委 and spacing as the same agency', () => {
    assert.equal(agencyKey('石嘴山市卫生健康委员会'), agencyKey('石嘴山市 卫生健康委'));
  });

  it('pairs each report with last year\'s report of the same agency, whatever the input order', () => {
    const reports = [
      buildReport({ year: 2024, agency: '甲县卫生健康局' }),
      buildReport({ year: 2023, agency: '乙县卫生健康局' }),
      buildReport({ year: 2023, agency: '甲县卫生健康局' }),
      undefined,
      buildReport({ year: 2022, agency: '甲县卫生健康局' }),
    ];
    assert.deepEqual([...pairReports(reports)].sort(), [[0, 2], [2, 4]]);
  });
});
