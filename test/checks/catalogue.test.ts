/**
 * The catalogue: every rule is documented (stable kebab-case id, Chinese title and description, basis) and its
 * documented example is exactly the message a fixture makes it print: a rule's example is also its test.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkReport, RULES } from '../../src/checks/index.ts';
import type { Finding, Report } from '../../src/report/types.ts';
import { buildReport, checkText, findingsOf, SECTION_TEXTS, TABLE2_SAMPLE, TABLE3_SAMPLE, textReport, withCell } from './builder.ts';

const zero3 = (over: Record<string, (number | null | '/')[]>) => ({ ...over });
const only = (rule: string, findings: Finding[]) => findings.filter((f) => f.rule === rule);
const textFindings = async (rule: string, text: string, options = {}) => only(rule, (await checkText(text, options)).findings);
const lastYear = (over: Parameters<typeof buildReport>[0] = {}) => buildReport({ year: 2023, ...over });
const pair = (rule: string, previous: Report, current: Report) => findingsOf(rule, current, { previous });

/** For each rule, a fixture that makes it fire with exactly its documented example. */
const FIRES: Record<string, () => Finding[] | Promise<Finding[]>> = {
  'table3-balance': () => findingsOf('table3-balance', buildReport({
    table3: zero3({ new_received: [2, 0, 0, 0, 0, 0, 0], carried_over: [1, 0, 0, 0, 0, 0, 0], total_processed: [1, 0, 0, 0, 0, 0, 0], carried_forward: [1, 0, 0, 0, 0, 0, 0] }),
  })),
  'table3-outcomes': () => findingsOf('table3-outcomes', buildReport({
    table3: zero3({ total_processed: [3, 0, 0, 0, 0, 0, 0], granted: [2, 0, 0, 0, 0, 0, 0] }),
  })),
  'table3-row-total': () => findingsOf('table3-row-total', buildReport({ table3: zero3({ new_received: [2, 0, 0, 0, 0, 0, 3] }) })),
  'table4-total': () => findingsOf('table4-total', withCell(buildReport(), 'table4.review.total', 3)),
  'blank-cells': () => {
    let r = withCell(buildReport(), 'table3.granted.2', null);
    r = withCell(r, 'table3.granted.3', null);
    return findingsOf('blank-cells', withCell(r, 'table3.granted.4', '/'));
  },
  'table-version': () => {
    const r = buildReport({ version: '2019', year: 2024 });
    return findingsOf('table-version', { ...r, table_versions: { ...r.table_versions, table3: '2021', table4: '2021' } });
  },
  'count-value': () => findingsOf('count-value', withCell(buildReport(), 'table3.granted.0', -1)),
  'fee-unit': () => findingsOf('fee-unit', withCell(buildReport(), 'table2.fees_wan_yuan', 43582)),
  'regulation-issuer': () => findingsOf('regulation-issuer', withCell(buildReport({ agency: '惠农区卫生健康局' }), 'table2.regulations.issued', 2)),
  'section-missing': async () => {
    const text = textReport().replace('五、存在的主要问题及改进情况', '六、存在的主要问题及改进情况');
    return textFindings('section-missing', text);
  },
  'subheading-sequence': () => findingsOf('subheading-sequence', buildReport({
    sections: { ...SECTION_TEXTS, 一: '（一）主动公开\n（二）依申请公开\n（三）政府信息管理\n（四）平台建设\n（六）监督保障' },
  })),
  'statistics-period-year': () => textFindings('statistics-period-year',
    textReport({ preamble: '现发布本报告，本报告统计数据从2023年1月1日至12月31日。' })),
  'statistics-period-missing': () => textFindings('statistics-period-missing', textReport({ preamble: '现发布本报告。' })),
  'title-year': () => textFindings('title-year', textReport({
    title: '惠农区卫生健康局2024年政府信息公开工作年度报告',
    preamble: '现发布《惠农区卫生健康局2023年政府信息公开工作年度报告》，本报告统计数据从2024年1月1日至12月31日。',
  })),
  'citation-number': () => textFindings('citation-number', textReport({
    preamble: '根据《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕31号）要求，本报告统计数据从2024年1月1日至12月31日。',
  })),
  'citation-title': () => textFindings('citation-title', textReport({
    preamble: '依据《国务院办公厅关于做好政府信息公开工作年度报告编制发布工作的通知》(国办公开办函〔2021〕30号)的规定，本报告统计数据从2024年1月1日至12月31日。',
  })),
  'fee-statement': () => findingsOf('fee-statement', buildReport({ sections: { ...SECTION_TEXTS, 六: '无其他需要报告的事项。' } })),
  'narrative-applications': () => findingsOf('narrative-applications', buildReport({
    table3: zero3({ new_received: [2, 0, 0, 0, 0, 0, 2], granted: [2, 0, 0, 0, 0, 0, 2], total_processed: [2, 0, 0, 0, 0, 0, 2] }),
    sections: { ...SECTION_TEXTS, 一: '（二）依申请公开方面。本年度我局共受理政府信息公开申请3条，均已办结。' },
  })),
  'narrative-review-litigation': () => findingsOf('narrative-review-litigation', withCell(withCell(buildReport({
    sections: { ...SECTION_TEXTS, 四: '因政府信息公开被申请行政复议2件。' },
  }), 'table4.review.total', 1), 'table4.review.pending', 0)),
  'narrative-review-outcome': () => findingsOf('narrative-review-outcome', buildReport({
    sections: { ...SECTION_TEXTS, 四: '因政府信息公开被申请行政复议2件，均获维持。' },
  })),
  'narrative-table2': () => findingsOf('narrative-table2', withCell(buildReport({
    sections: { ...SECTION_TEXTS, 一: '二是加强规范性文件管理。2023年，清理废止2000年-2022年规范性文件34件。' },
  }), 'table2.normative_docs.repealed', 0)),
  'narrative-sum': () => findingsOf('narrative-sum', buildReport({
    sections: { ...SECTION_TEXTS, 一: '八是公文制发数量。2021 年共制发 268 件，其中主动公开 120 件，不公开 147，依申请公开 2 件。' },
  })),
  'narrative-total-conflict': () => textFindings('narrative-total-conflict', textReport({
    sections: { 一: '（一）主动公开情况\n一是做好常态化信息公开。\n本年度共制发公文253件。\n八是公文制发数量。2021年共制发268件，其中主动公开120件。' },
  })),
  'duplicate-word': () => findingsOf('duplicate-word', buildReport({
    sections: { ...SECTION_TEXTS, 一: '共及时、准确发布疫情相关信息380余条，其中其中疫情信息325余条，通知公告类信息55条。' },
  })),
  'published-late': () => findingsOf('published-late', buildReport({ published: '2025-02-20' })),
  'carried-over': () => pair('carried-over', lastYear({ table3: { ...TABLE3_SAMPLE, carried_forward: [2, 0, 0, 0, 0, 0, 1] } }),
    buildReport({ table3: { ...TABLE3_SAMPLE, carried_over: [0, 0, 0, 0, 0, 0, 1] } })),
  'in-force-continuity': () => pair('in-force-continuity',
    lastYear({ table2: { regulations: { issued: 0, repealed: 0, in_force: 0 }, normative_docs: { issued: 1, repealed: 0, in_force: 12 } } }),
    buildReport({ table2: { regulations: { issued: 0, repealed: 0, in_force: 0 }, normative_docs: { issued: 3, repealed: 1, in_force: 10 } } })),
  'narrative-similar': () => {
    const long = (year: number) => ({
      ...SECTION_TEXTS,
      一: `${year}年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，围绕卫生健康中心工作，`
        + `持续加大主动公开力度，规范依申请公开办理流程，加强政府信息管理和政务公开平台建设，全年主动公开政府信息${year - 1800}条，`
        + '及时回应社会关切，政府信息公开工作取得积极成效。一是加强组织领导，调整政务公开领导小组；二是完善制度建设，修订信息发布审核制度；'
        + (year === 2024 ? '三是强化监督考核，将政务公开工作纳入年度综合考核。' : '三是强化监督考核，将政务公开纳入年度目标考核。'),
      五: '信息公开的及时性和准确性有待提高，政策解读形式较为单一。下一步将加强业务培训，丰富解读形式，提升政务公开质量和水平。',
    });
    return pair('narrative-similar', lastYear({ sections: long(2023) }), buildReport({ sections: long(2024) }));
  },
};

describe('the rule catalogue', () => {
  it('gives every rule a unique kebab-case id, a severity, a basis and a Chinese title, description and example', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of RULES) {
      assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, rule.id);
      assert.ok(['error', 'warning', 'info'].includes(rule.severity), rule.id);
      assert.ok(rule.basis, rule.id);
      for (const text of [rule.title, rule.description, rule.example]) assert.match(text, /[\u4e00-\u9fff]/, rule.id);
    }
  });

  it('has a firing fixture for every rule and none for rules that do not exist', () => {
    assert.deepEqual(Object.keys(FIRES).sort(), RULES.map((r) => r.id).sort());
  });

  for (const rule of RULES) {
    it(`${rule.id}: the documented example is the message its fixture produces`, async () => {
      const findings = await FIRES[rule.id]();
      assert.equal(findings.length, 1, JSON.stringify(findings, null, 1));
      assert.equal(findings[0].rule, rule.id);
      assert.equal(findings[0].severity, rule.severity);
      assert.equal(findings[0].message, rule.example);
    });
  }

  it('finds nothing on a consistent report built in code, checked alone and against a consistent last year', () => {
    const previous = buildReport({
      year: 2023,
      table2: { ...TABLE2_SAMPLE, normative_docs: { issued: 1, repealed: 0, in_force: 11 } },
      sections: { ...SECTION_TEXTS, 一: '去年的叙述完全不同，写的是另外的工作。' },
    });
    assert.deepEqual(checkReport(buildReport(), { previous }).findings, []);
  });

  it('finds nothing on a consistent plain-text report read through the whole pipeline', async () => {
    assert.deepEqual((await checkText(textReport())).findings, []);
  });
});
