/**
 * Copies whose blank cells a scraper broke into line breaks or dropped: values are placed only where the copy's
 * pipes or the table arithmetic leave one column, and every placed cell says it was inferred.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseText } from '../helpers.ts';

const TITLE = '某市统计局2023年政府信息公开工作年度报告';
const SECTION3 = '三、收到和处理政府信息公开申请情况';
const HEADER = ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |',
  '自然人 | 法人或其他组织 | 总计 |', '商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |'];
const NEXT = '四、政府信息公开行政复议、行政诉讼情况';
const _ = null;

describe('blank cells a copy broke or dropped', () => {
  it('reads a pipe row broken at its blank cells by its pipes', async () => {
    const r = await parseText([TITLE, SECTION3, ...HEADER,
      '一、本年新收政府信息公开申请数量 | 25 |', '|', '|', '|', '|', '| 25 |',
      '二、上年结转政府信息公开申请数量 |', '|', '|', '|', '|', '|', '| 0 |',
      '三、本年度办理结果 | （一）予以公开 | 7 | 1 |', '|', '|', '|', '|', '|',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 1 | 0 | 0 | 0 | 0 | 0 | 1 |', NEXT].join('\n'));
    assert.deepEqual(r.table3!.new_received, [25, _, _, _, _, _, 25]);
    assert.deepEqual(r.table3!.carried_over, [_, _, _, _, _, _, 0]);
    assert.deepEqual(r.table3!.granted, [7, 1, _, _, _, _, _]);
    assert.deepEqual(r.table3!.partially_granted, [1, 0, 0, 0, 0, 0, 1]);
    assert.ok(!r.findings.some((f) => f.rule === 'row-value-count'));
  });

  it('places a total that every reading agrees on when blank cells were collapsed, and says so', async () => {
    const r = await parseText([TITLE, SECTION3, ...HEADER.map((l) => l.replaceAll(' | ', ' |\n')),
      '一、本年新收政府信息公开申请数量 |', '3 |', '3 |', '|||||||',
      '二、上年结转政府信息公开申请数量 |', '0 |', '0 |', '|||||||',
      '三、本年度办理结果 |', '（一）予以公开 |', '5 |', '2 |', '7 |', '||||||', NEXT].join('\n'));
    assert.deepEqual(r.table3!.new_received, [_, _, _, _, _, _, 3]);
    assert.deepEqual(r.table3!.granted, [_, _, _, _, _, _, 7]);
    // Two zeros fit every pair of columns, the total blank or zero: nothing is placed.
    assert.deepEqual(r.table3!.carried_over, [_, _, _, _, _, _, _]);
    assert.equal(r.provenance['table3.new_received.6'].status, 'recovered');
    assert.equal(r.provenance['table3.new_received.0'].status, 'unknown');
    assert.equal(r.provenance['table3.carried_over.6'].status, 'unknown');
    const said = r.findings.find((f) => f.rule === 'row-value-count' && f.message.includes('本年新收'));
    assert.match(said!.message, /“总计”为 3，其余各列无法唯一确定/);
  });

  it('places a total in a copy of one value per line, which cannot show a blank', async () => {
    const r = await parseText([TITLE, SECTION3, ...HEADER.flatMap((l) => l.split(' | ').map((c) => c.replace(' |', ''))),
      '一、本年新收政府信息公开申请数量', '', '1', '', '1', '', '二、上年结转政府信息公开申请数量', '', '0', '', NEXT].join('\n'));
    assert.deepEqual(r.table3!.new_received, [_, _, _, _, _, _, 1]);
    assert.equal(r.provenance['table3.new_received.6'].status, 'recovered');
  });

  it('places nothing in the last row of a copy cut off inside it', async () => {
    const r = await parseText([TITLE, SECTION3, ...HEADER,
      '一、本年新收政府信息公开申请数量 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |', '二、上年结转政府信息公开申请数量 |', '2 |', '2 |'].join('\n'));
    assert.deepEqual(r.table3!.new_received, [4, 0, 0, 0, 0, 0, 4]);
    assert.deepEqual(r.table3!.carried_over, [_, _, _, _, _, _, _]);
    assert.equal(r.provenance['table3.carried_over.6'].status, 'unknown');
  });
});
