/** Structure: sections, sub-heading numbering, statistics period, title year, cited format notice, fee statement. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkReport } from '../../src/checks/index.ts';
import { extractReport } from '../../src/extract/index.ts';
import { readBytes } from '../../src/readers/index.ts';
import { renderTextTab, type ReportData } from '../../src/render/index.ts';
import type { Report } from '../../src/report/types.ts';
import { buildReport, checkText, findingsOf, SECTION_TEXTS, textReport } from './builder.ts';

const rulesOf = (r: Report, ...rules: string[]) => r.findings.filter((f) => rules.includes(f.rule)).map((f) => [f.rule, f.line ?? null, f.message]);
const withSections = (texts: Record<string, string>) => buildReport({ sections: { ...SECTION_TEXTS, ...texts } });

describe('section-missing', () => {
  it('accepts a report with the six sections', async () => {
    assert.deepEqual(rulesOf(await checkText(textReport()), 'section-missing'), []);
  });

  it('names a missing section without a hint when no heading looks like it', () => {
    const r = buildReport();
    r.sections = r.sections.filter((s) => s.number !== '四');
    assert.deepEqual(findingsOf('section-missing', r).map((f) => f.message), ['缺少第四部分「四、政府信息公开行政复议、行政诉讼情况」']);
  });

  it('says when a section stands out of order', async () => {
    const text = textReport();
    const five = text.slice(text.indexOf('五、存在的主要问题'), text.indexOf('六、其他需要报告的事项'));
    const swapped = text.replace(five, '').replace('二、主动公开政府信息情况', `${five}二、主动公开政府信息情况`);
    const found = rulesOf(await checkText(swapped), 'section-missing');
    // Sections are read in order, so 五 moved up before 二 is taken as 五 and 二, 三, 四 stand out of order.
    assert.deepEqual(found.map((f) => f.slice(0, 2)), [['section-missing', 31], ['section-missing', 48], ['section-missing', 77]]);
    assert.equal(found[0][2], '缺少第二部分「二、主动公开政府信息情况」（第31行「二、主动公开政府信息情况」顺序不对）');
  });

  it('does not check free-form reports (before 2019)', () => {
    const r = buildReport({ year: 2017 });
    r.sections = [];
    assert.deepEqual(findingsOf('section-missing', r), []);
  });
});

describe('subheading-sequence', () => {
  it('accepts consecutive sub-headings, and numbering that restarts at （一） inside a section', () => {
    const r = withSections({
      五: '（一）存在的问题\n（二）改进措施\n（一）加强培训\n（二）完善制度',
      六: '（一）信息处理费收取情况：未收取信息处理费。\n（二）其他事项：无。',
    });
    assert.deepEqual(findingsOf('subheading-sequence', r), []);
  });

  it('reports a repeated number', () => {
    const r = withSections({ 一: '（一）主动公开\n（二）依申请公开\n（二）政府信息管理' });
    assert.deepEqual(findingsOf('subheading-sequence', r).map((f) => f.message), ['第一部分小标题编号重复：两个（二）']);
  });

  it('points at the sub-heading line when it has the document', async () => {
    const r = await checkText(textReport({ sections: { 一: '（一）主动公开\n正文。\n（三）政府信息管理' } }));
    assert.deepEqual(rulesOf(r, 'subheading-sequence'), [['subheading-sequence', 11, '第一部分小标题编号不连续：（一）之后是（三），缺（二）']]);
  });

  it('numbers each section on its own', () => {
    const r = withSections({ 一: '（一）甲\n（二）乙', 六: '（一）丙\n（二）丁。未收取信息处理费。' });
    assert.deepEqual(findingsOf('subheading-sequence', r), []);
  });
});

describe('statistics period', () => {
  it('accepts the period written with both years, and with 起…止', async () => {
    for (const preamble of ['本报告所列数据的统计时限自2024年1月1日至2024年12月31日。', '本报告统计期限为2024年1月1日起至2024年12月31日止。']) {
      assert.deepEqual(rulesOf(await checkText(textReport({ preamble })), 'statistics-period-year', 'statistics-period-missing'), [], preamble);
    }
  });

  it('reads a period however a copy spaced it: spaces or zero-width spaces between characters, a line break inside', async () => {
    for (const preamble of ['本报告统 计 期 限 为 2024 年 1 月 1 日 至 2024 年 12 月 31 日。',
      '本报告统\u200b计期限为2024年1月1日至2024\u200b年12月31日。', '本报告统计数据从2024年1月\n1日至12月31日。']) {
      assert.deepEqual(rulesOf(await checkText(textReport({ preamble })), 'statistics-period-year', 'statistics-period-missing'), [], preamble);
    }
  });

  it('flags a spaced period of another year, at the line it starts on', async () => {
    const r = await checkText(textReport({ preamble: '本报告统 计 期 限 为 2023 年 1 月 1 日 至\n2023 年 12 月 31 日。' }));
    assert.deepEqual(rulesOf(r, 'statistics-period-year'),
      [['statistics-period-year', 3, '统计期写作“统计期限为2023年1月1日至2023年12月31日”，与报告年度2024年不符']]);
  });

  it('flags an end year other than the report year', async () => {
    const r = await checkText(textReport({ preamble: '本报告统计数据从2024年1月1日至2023年12月31日。' }));
    assert.deepEqual(rulesOf(r, 'statistics-period-year').map((f) => f[1]), [3]);
  });

  it('does not call the period missing when it cannot see the preamble (no document)', () => {
    assert.deepEqual(findingsOf('statistics-period-missing', buildReport()), []);
  });
});

describe('title-year', () => {
  it('accepts a title and preamble that name the report year', async () => {
    const preamble = '现发布《石嘴山市卫生健康委员会2024年政府信息公开工作年度报告》，本报告统计数据从2024年1月1日至12月31日。';
    assert.deepEqual(rulesOf(await checkText(textReport({ preamble })), 'title-year'), []);
  });

  it('flags a title whose year is not the report year', () => {
    const r = buildReport({ title: '某局2023年政府信息公开工作年度报告' });
    assert.deepEqual(findingsOf('title-year', r).map((f) => f.message), ['标题“某局2023年政府信息公开工作年度报告”的年度与报告年度2024年不符']);
  });
});

describe('citation of the format notice', () => {
  const cite = (title: string, number: string) =>
    textReport({ preamble: `根据《中华人民共和国政府信息公开条例》规定和《${title}》（国办公开办函${number}）要求，本报告统计数据从2024年1月1日至12月31日。` });
  const official = '国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知';

  it('accepts the notice cited by its exact title and number, with 〈〉 or <> inside the title', async () => {
    for (const title of [official, official.replace('〈', '<').replace('〉', '>')]) {
      assert.deepEqual(rulesOf(await checkText(cite(title, '〔2021〕30号')), 'citation-number', 'citation-title'), []);
    }
  });

  it('flags a wrong number and a title variant as warnings', async () => {
    const variant = official.replace('政府信息与政务公开办公室', '政府信息公开与政务公开办公室');
    const r = await checkText(cite(variant, '〔2019〕60号'));
    assert.deepEqual(r.findings.filter((f) => f.rule.startsWith('citation')).map((f) => [f.rule, f.severity, f.line]), [
      ['citation-number', 'warning', 3],
    ]);
    const titled = await checkText(cite(variant, '〔2021〕30号'));
    assert.deepEqual(titled.findings.map((f) => [f.rule, f.severity, f.line]), [['citation-title', 'warning', 3]]);
  });

  it('does not check reports before 2021, which cite the 2019 notice', async () => {
    const r = await checkText(cite('政府信息公开工作年度报告格式（试行）', '〔2019〕60号').replaceAll('2024', '2020'), {});
    assert.deepEqual(rulesOf(r, 'citation-number', 'citation-title'), []);
  });
});

describe('fee-statement', () => {
  it('accepts 信息处理费, 未收取依申请公开费用 and 未收取任何费用', () => {
    for (const text of ['未收取信息处理费。', '2024年本单位未收取依申请公开费用。', '本机关办理政府信息公开申请未收取任何费用。']) {
      assert.deepEqual(findingsOf('fee-statement', withSections({ 六: text })), [], text);
    }
  });

  it('does not require the statement before 2021', () => {
    assert.deepEqual(findingsOf('fee-statement', buildReport({ version: '2019', sections: { ...SECTION_TEXTS, 六: '无。' } })), []);
  });

  it('points at section 六 when the statement is missing', () => {
    assert.deepEqual(findingsOf('fee-statement', withSections({ 六: '无其他需要报告的事项。' })).map((f) => f.line), [110]);
  });
});

describe('the regional row 其他主动公开文件 of the 2019 table 二', () => {
  const data = (report: Report): ReportData => ({ ...report, agency: report.agency!, year: report.year!, format_version: '2019',
    sections: report.sections.map(({ number, title, text }) => ({ number, title, text })) });
  const read = async (text: string) => checkReport(extractReport(await readBytes(new TextEncoder().encode(text), 'r.txt')));
  const text = renderTextTab(data(buildReport({ version: '2019' })));

  it('may be left out: no row-missing for a 2019 report without it', async () => {
    const without = text.split('\n').filter((l) => !l.includes('其他主动公开文件')).join('\n');
    const report = await read(without);
    assert.deepEqual(report.findings.filter((f) => f.severity === 'error').map((f) => f.rule), []);
    assert.equal(report.table_versions.table2, '2019');
  });

  it('is read when present, and another 2019 row left out is still missing', async () => {
    assert.ok((await read(text)).table2?.other_active_docs);
    const withoutFees = text.split('\n').filter((l) => !/^行政事业性收费/.test(l)).join('\n');
    assert.deepEqual((await read(withoutFees)).findings.filter((f) => f.rule === 'row-missing').map((f) => f.message), ['表二缺少1行：「行政事业性收费」']);
  });
});
