/** Template arithmetic (FORMAT.md rules 1–4) and blank cells. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkReport } from '../../src/checks/index.ts';
import { buildReport, findingsOf, TABLE_LINES, withCell } from './builder.ts';
import { pathsOf } from '../helpers.ts';

const IDENTITY_RULES = ['table3-balance', 'table3-outcomes', 'table3-row-total', 'table4-total'];
const arithmetic = (r: ReturnType<typeof buildReport>) =>
  checkReport(r, { rules: IDENTITY_RULES }).findings.map((f) => [f.rule, pathsOf(f)?.[0], f.line]);

describe('template arithmetic', () => {
  it('finds every identity satisfied in consistent 2021 and 2019 reports', () => {
    assert.deepEqual(arithmetic(buildReport()), []);
    assert.deepEqual(arithmetic(buildReport({ version: '2019' })), []);
  });

  it('reports a changed cell once along its row and once along its column, placed at the first cell of each identity', () => {
    const r = withCell(buildReport(), 'table3.granted.1', 2);
    assert.deepEqual(arithmetic(r), [
      ['table3-outcomes', 'table3.total_processed.1', TABLE_LINES.table3 + 23],
      ['table3-row-total', 'table3.granted.6', TABLE_LINES.table3 + 2],
    ]);
  });

  it('says the total and the parts with their difference, naming the column', () => {
    const [f] = findingsOf('table3-outcomes', withCell(buildReport(), 'table3.granted.1', 2));
    assert.equal(f.message, '表三·商业企业列：（七）总计=1，（一）至（六）各项之和=2，相差1');
    assert.equal(f.severity, 'error');
    assert.deepEqual([f.expected, f.actual], [2, 1]);
    assert.ok(pathsOf(f)!.includes('table3.granted.1'));
  });

  it('checks the 2019 table 三 with its single （六）其他处理 row among the outcomes', () => {
    const r = withCell(buildReport({ version: '2019' }), 'table3.other_processing.6', 1);
    assert.deepEqual(findingsOf('table3-outcomes', r).map((f) => f.message), ['表三·总计列：（七）总计=4，（一）至（六）各项之和=5，相差1']);
  });

  it('checks each table 四 group: total = 维持 + 纠正 + 其他 + 尚未审结', () => {
    const r = withCell(buildReport(), 'table4.litigation_after_review.corrected', 1);
    assert.deepEqual(findingsOf('table4-total', r).map((f) => f.message), ['表四·「复议后起诉」：总计=1，结果维持+结果纠正+其他结果+尚未审结=2，相差1']);
  });

  it('counts a blank or "/" cell as 0 in a broken identity and says so', () => {
    const r = withCell(withCell(buildReport(), 'table3.granted.1', null), 'table3.granted.6', '/');
    const messages = findingsOf('table3-outcomes', r).map((f) => f.message);
    assert.deepEqual(messages, [
      '表三·商业企业列：（七）总计=1，（一）至（六）各项之和=0，相差1（其中1个空白或“/”单元格按0计）',
      '表三·总计列：（七）总计=4，（一）至（六）各项之和=1，相差3（其中1个空白或“/”单元格按0计）',
    ]);
  });

  it('lets a blank that is 0 by the arithmetic pass, and reports blanks separately as info', () => {
    const r = withCell(buildReport(), 'table3.denied_state_secret.0', null);
    assert.deepEqual(checkReport(r, { rules: IDENTITY_RULES }).findings, []);
    const blanks = findingsOf('blank-cells', r);
    assert.deepEqual(blanks.map((f) => [f.severity, f.message, pathsOf(f)]), [
      ['info', '表三有1个空白单元格：「1.属于国家秘密」行“自然人”列', ['table3.denied_state_secret.0']],
    ]);
  });

  it('does not evaluate identities over cells lost in reading (already reading errors), nor count them as blanks', () => {
    const r = withCell(withCell(buildReport(), 'table3.granted.1', null), 'table3.granted.6', null);
    r.provenance['table3.granted.1'] = { line: 52, status: 'unknown' };
    r.provenance['table3.granted.6'] = { line: 52, status: 'unknown' };
    assert.deepEqual(arithmetic(r), []);
    assert.deepEqual(findingsOf('blank-cells', r), []);
  });

  it('finds no blanks in a report without any', () => {
    assert.deepEqual(findingsOf('blank-cells', buildReport()), []);
  });
});

describe('one cause, one finding: a blank side of an identity', () => {
  const blankTotals = (rows: string[]) => {
    let report = buildReport();
    for (const row of rows) report = withCell(report, `table3.${row}.6`, null);
    return report;
  };

  it('gives one finding for a 总计 column left blank, listing the rows and holding all their cells', () => {
    const rows = ['new_received', 'carried_over', 'granted', 'partially_granted', 'total_processed', 'carried_forward'];
    const found = findingsOf('table3-row-total', blankTotals(rows));
    assert.deepEqual(found.map((f) => f.message), ['表三有6行的总计为空白（按0计），而自然人+法人或其他组织各列之和不为0：'
      + '「一、本年新收政府信息公开申请数量」行=4、「二、上年结转政府信息公开申请数量」行=1、「（一）予以公开」行=3等']);
    assert.equal(pathsOf(found[0])?.length, 6 * 7);
    assert.deepEqual(pathsOf(found[0])?.slice(0, 6), rows.map((r) => `table3.${r}.6`));
    assert.equal(found[0].line, TABLE_LINES.table3);
  });

  it('keeps one blank total and differences in filled cells as findings of their own', () => {
    const one = findingsOf('table3-row-total', blankTotals(['granted']));
    assert.deepEqual(one.map((f) => f.message), ['表三·「（一）予以公开」行：总计=0，自然人+法人或其他组织各列之和=3，相差3（其中1个空白或“/”单元格按0计）']);
    const two = withCell(withCell(buildReport(), 'table3.granted.6', 9), 'table3.new_received.6', 9);
    assert.equal(findingsOf('table3-row-total', two).length, 2);
  });
});
