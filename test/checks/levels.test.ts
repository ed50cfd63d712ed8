/** Agency levels: inferred from the name, declared by a roster; the deadline and the fee limit follow the level. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inferLevel } from '../../src/extract/metadata.ts';
import { buildReport, checkText, findingsOf, textReport, withCell, type BuildOptions } from './builder.ts';

describe('inferLevel', () => {
  it('tells 本级政府, townships and departments from the agency name', () => {
    const names = ['平罗县', '平潭综合实验区', '平罗县人民政府', '淮安市洪泽区', '西咸新区', '阿克苏地区行政公署',
      '武汉东湖新技术开发区管委会', '重庆市九龙坡区二郎街道办事处', '佳县螅镇人民政府', '万源市玉带乡人民政府', '西咸新区太平镇人民政府',
      '武汉市汉阳区人民政府办公室', '湛江市人民政府地方志办公室', '信丰县卫生健康委员会', '石嘴山市卫生健康委',
      '重庆磁器口古镇管理委员会', '武汉经济技术开发区(汉南区)医疗保障局', '某某', '平罗县人民政府办公室关于平罗县'];
    assert.deepEqual(names.map((n) => [n, inferLevel(n)]), [
      ['平罗县', 'government'], ['平潭综合实验区', 'government'], ['平罗县人民政府', 'government'], ['淮安市洪泽区', 'government'],
      ['西咸新区', 'government'], ['阿克苏地区行政公署', 'government'], ['武汉东湖新技术开发区管委会', 'government'],
      ['重庆市九龙坡区二郎街道办事处', 'township'], ['佳县螅镇人民政府', 'township'], ['万源市玉带乡人民政府', 'township'],
      ['西咸新区太平镇人民政府', 'township'], ['武汉市汉阳区人民政府办公室', 'department'], ['湛江市人民政府地方志办公室', 'department'],
      ['信丰县卫生健康委员会', 'department'], ['石嘴山市卫生健康委', 'department'], ['重庆磁器口古镇管理委员会', 'department'],
      ['武汉经济技术开发区(汉南区)医疗保障局', 'department'], ['某某', null], ['平罗县人民政府办公室关于平罗县', 'government'],
    ]);
  });

  it('puts the inferred level on the Report read from a document', async () => {
    const report = await checkText(textReport({ title: '平潭综合实验区2024年政府信息公开工作年度报告' }));
    assert.deepEqual([report.agency, report.level], ['平潭综合实验区', { id: 'government', source: 'inferred' }]);
  });
});

describe('published-late by level', () => {
  const late = (agency: string, published: string, level?: BuildOptions['level']) =>
    findingsOf('published-late', buildReport({ agency, published, ...(level !== undefined ? { level } : {}) })).map((f) => f.message);

  it('holds 本级政府 named by place alone (XX县, 平潭综合实验区) to 31 March', () => {
    assert.deepEqual(late('平罗县', '2025-03-31'), []);
    assert.deepEqual(late('平潭综合实验区', '2025-03-20'), []);
    assert.deepEqual(late('平罗县', '2025-04-01'), ['发布日期为2025-04-01，晚于本级政府（由机关名称推断）的法定期限2025-03-31']);
  });

  it('holds departments to 31 January and townships to 31 March', () => {
    assert.deepEqual(late('平罗县卫生健康局', '2025-02-01'), ['发布日期为2025-02-01，晚于部门（由机关名称推断）的法定期限2025-01-31']);
    assert.deepEqual(late('某某街道办事处', '2025-03-01'), []);
    assert.deepEqual(late('某某镇人民政府', '2025-04-02'), ['发布日期为2025-04-02，晚于乡镇街道（由机关名称推断）的法定期限2025-03-31']);
  });

  it('uses a declared level over the name, and the latest deadline when the level is unknown', () => {
    assert.deepEqual(late('平罗县', '2025-02-01', { id: 'department', source: 'declared' }),
      ['发布日期为2025-02-01，晚于部门（名册登记）的法定期限2025-01-31']);
    assert.deepEqual(late('某某', '2025-03-01', null), []);
    assert.deepEqual(late('某某', '2025-04-01', null), ['发布日期为2025-04-01，晚于法定期限2025-03-31（级别不明，按最宽松的标准）']);
  });
});

describe('fee-unit by level', () => {
  const fee = (agency: string, v: number) => findingsOf('fee-unit', withCell(buildReport({ agency }), 'table2.fees_wan_yuan', v)).map((f) => f.message);

  it('accepts a city government\'s 9.6亿元 and flags the same figure from a department or a township', () => {
    assert.deepEqual(fee('石嘴山市人民政府', 96000), []);
    assert.deepEqual(fee('石嘴山市卫生健康委员会', 96000),
      ['表二「行政事业性收费」：本年收费金额为96000万元，部门（由机关名称推断）的收费很少达到10000万元，疑似按元填报（应为9.6万元？）']);
    assert.deepEqual(fee('某某镇人民政府', 1200),
      ['表二「行政事业性收费」：本年收费金额为1200万元，乡镇街道（由机关名称推断）的收费很少达到1000万元，疑似按元填报（应为0.12万元？）']);
    assert.deepEqual(fee('某某镇人民政府', 999), []);
  });

  it('flags a government\'s fee only above its own limit', () => {
    assert.equal(fee('石嘴山市人民政府', 1_000_000).length, 1);
  });
});
