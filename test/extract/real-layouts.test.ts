/** Layouts of real copies made by other people's tools (mirror sites, crawlers, scrapers), written out by hand. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseText, pathsOf } from '../helpers.ts';

const lines = (...l: string[]) => l.join('\n');
const rules = (r: { findings: { rule: string }[] }) => r.findings.map((f) => f.rule);

describe('copies made by real-world tools', () => {
  it('reads rows of a cell-per-line copy that lost the spacer lines between them', async () => {
    const r = await parseText(lines('某局2021年政府信息公开工作年度报告', '二、主动公开政府信息情况',
      '第二十条第(一)项 |', '|||', '信息内容 |', '本年制发件数 |', '本年废止件数 |', '现行有效件数 |',
      '规章 |', '/ |', '/ |', '/ |', '规范性文件 |', '21 |', '0 |', '21 |', '第二十条第(五)项 |', '|||'));
    assert.deepEqual(r.table2, {
      regulations: { issued: '/', repealed: '/', in_force: '/' },
      normative_docs: { issued: 21, repealed: 0, in_force: 21 },
    });
  });

  it('matches labels of a traditional-script copy with pinyin glosses and keeps its prose as written', async () => {
    const r = await parseText(lines('某局2022年政府信息公開工作年度報告', '一、總體情況', '本機關堅持公開。',
      '二、主動(dòng)公開政府信息情況', '信息內(nèi)容 | 本年制發(fā)件數(shù) | 本年廢止件數(shù) | 現(xiàn)行有效件數(shù)',
      '規(guī)章 | 0 | 0 | 0', '行政規範性文件 | 3 | 1 | 9', '行政許可 | 412', '行政處罰 | 1058', '行政強制 | 0',
      '行政事業性收費 | 2.5'));
    assert.deepEqual(r.table2, {
      regulations: { issued: 0, repealed: 0, in_force: 0 },
      normative_docs: { issued: 3, repealed: 1, in_force: 9 },
      licensing: 412, punishment: 1058, coercion: 0, fees_wan_yuan: 2.5,
    });
    assert.equal(r.sections[0].text, '本機關堅持公開。');
  });

  it('leaves simplified text untouched', async () => {
    const r = await parseText(lines('某局2022年政府信息公开工作年度报告', '一、总体情况', '本机关坚持公开，著力提升。'));
    assert.equal(r.sections[0].text, '本机关坚持公开，著力提升。');
  });

  it('reports a table of labels without any value as present and blank, not missing', async () => {
    const r = await parseText(lines('某局2023年政府信息公开工作年度报告', '二、主动公开政府信息情况',
      '第二十条第(一)项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '规章', '行政规范性文件',
      '第二十条第(五)项', '信息内容', '本年处理决定数量', '行政许可', '第二十条第(六)项', '行政处罚', '行政强制',
      '第二十条第(八)项', '行政事业性收费', '三、收到和处理政府信息公开申请情况'));
    assert.deepEqual(r.table2, {
      regulations: { issued: null, repealed: null, in_force: null },
      normative_docs: { issued: null, repealed: null, in_force: null },
      licensing: null, punishment: null, coercion: null, fees_wan_yuan: null,
    });
    assert.ok(rules(r).includes('table-blank'));
    assert.ok(!rules(r).includes('table-missing') || !r.findings.find((f) => f.rule === 'table-missing')!.message.includes('表二'));
  });

  it('does not call a table blank when its rows hold values, nor blank a row the copy cut after its label', async () => {
    const r = await parseText(lines('某局2023年政府信息公开工作年度报告', '二、主动公开政府信息情况',
      '规章', '0', '0', '0', '行政规范性文件', '1', '0', '3', '行政许可', '5'));
    assert.ok(!rules(r).includes('table-blank'));
    const cut = await parseText(lines('某局2023年政府信息公开工作年度报告', '二、主动公开政府信息情况',
      '规章', '行政规范性文件', '行政许可', '行政处罚'));
    assert.deepEqual(Object.keys(cut.table2 ?? {}), ['regulations', 'normative_docs', 'licensing']);
  });

  it('reads a lone | inside a cell-per-line row as a blank cell, and a | wrapped onto its own line as the cell end', async () => {
    const r = await parseText(lines('某局2023年政府信息公开工作年度报告', '二、主动公开政府信息情况',
      '规章 |', '\t\t\t0  |', '\t\t\t1  |', '\t\t\t2', '   | ', '\t\t', '行政规范性文件 |', '|', '|', '4 |', '||'));
    assert.deepEqual(r.table2, {
      regulations: { issued: 0, repealed: 1, in_force: 2 },
      normative_docs: { issued: null, repealed: null, in_force: 4 },
    });
  });

  it('reads labels that carry the filling instructions some regions print in them, even cut off', async () => {
    const r = await parseText(lines('某局2020年政府信息公開工作年度報告', '二、主動公開政府信息情況',
      '信息内容 | 本年新 制作数量 | 本年新 公开数量 | 对外公开总数量',
      '规章（设区的市、自治州人民政府应提供相关数据） | 0 | 0 | 0',
      '規範性檔案（行政機關制定發布的決定、公告、通告、意見、通知，以及標題採用“規定”“辦法”等字樣的公文） | 2 | 2 | 19',
      '其他主动公开文件（含以本单位或本单位办公室名义正式签发的、除规范性文件以外 | 186 | 86 | 255'));
    assert.deepEqual(r.table2, {
      regulations: { new_made: 0, new_published: 0, total_published: 0 },
      normative_docs: { new_made: 2, new_published: 2, total_published: 19 },
      other_active_docs: { new_made: 186, new_published: 86, total_published: 255 },
    });
  });

  it('places a row whose label was dropped by template order, and a misspelt label by its neighbours, saying so', async () => {
    const r = await parseText(lines('某局2023年政府信息公开工作年度报告', '二、主动公开政府信息情况',
      '信息内容', '本年制发件数', '0', '0', '0', '行政规范性文件', '0', '1', '0', '政许可', '132', '行政处罚', '22'));
    assert.deepEqual(r.table2, {
      regulations: { issued: 0, repealed: 0, in_force: 0 }, normative_docs: { issued: 0, repealed: 1, in_force: 0 },
      licensing: 132, punishment: 22,
    });
    assert.deepEqual(r.findings.filter((f) => f.rule === 'row-label-inferred').map(pathsOf), [
      ['table2.regulations.issued', 'table2.regulations.repealed', 'table2.regulations.in_force'], ['table2.licensing']]);
    const misspelt = await parseText(lines('某局2023年政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况',
      '（三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0', '2.其他法律行政止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0',
      '3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0'));
    assert.deepEqual(misspelt.table3?.denied_law_forbidden, [0, 0, 0, 0, 0, 0, 0]);
    assert.ok(!misspelt.findings.some((f) => f.rule === 'stray-value'));
  });

  it('infers no row when values stand where no row is missing, nor from prose unlike the next label', async () => {
    const r = await parseText(lines('某局2023年政府信息公开工作年度报告', '二、主动公开政府信息情况',
      '规章', '0', '0', '0', '本年度未制发规范性文件。', '行政规范性文件', '0', '1', '0', '行政许可', '132'));
    assert.ok(!r.findings.some((f) => f.rule === 'row-label-inferred'));
  });

  it('reads a number behind a space garbled into "?" by a mirror, saying so', async () => {
    const r = await parseText(lines('某局2023年政府信息公开工作年度报告', '二、主动公开政府信息情况',
      '规章 |', '0 |', '? 0 |', '0 |', '||'));
    assert.deepEqual(r.table2?.regulations, { issued: 0, repealed: 0, in_force: 0 });
    assert.ok(r.findings.some((f) => f.rule === 'value-interpreted' && f.severity === 'info'));
  });

  it('reads the year from a statistics period that a PDF line join split with spaces', async () => {
    const r = await parseText(lines('某局政府信息公开工作年度报告', '本报告所列数据的统计期 限自2020 年1 月1日起至2020年12月31日止。',
      '一、总体情况', '略。'));
    assert.equal(r.year, 2020);
  });

  it('finds sections and tables in a whole report dumped on one line, its page metadata not in the agency', async () => {
    const filler = '本机关坚持以公开为常态、不公开为例外，持续推进政务公开工作。'.repeat(80);
    const r = await parseText(['标题: 某市交通运输局2023年政府信息公开工作年度报告 发布日期: 2024-01-15', '一、总体情况', filler,
      '二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 0 行政规范性文件 1 0 3',
      '三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量 640020470 四、政府信息公开行政复议、行政诉讼情况 略。'].join(' '));
    assert.equal(r.agency, '某市交通运输局');
    assert.equal(r.published, '2024-01-15');
    assert.deepEqual(r.sections.map((s) => s.number), ['一', '二', '三', '四']);
    assert.deepEqual(r.table2, { regulations: { issued: 0, repealed: 0, in_force: 0 }, normative_docs: { issued: 1, repealed: 0, in_force: 3 } });
    assert.deepEqual(r.table3?.new_received, [64, 0, 0, 2, 0, 4, 70]);
    assert.ok(r.findings.some((f) => f.rule === 'row-value-count' && f.message.includes('唯一拆分')));
  });

  it('takes the regional row 其他主动公开文件 of the 2019 table 二 as optional, and still reports a required row missing', async () => {
    const rows2019 = ['信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量', '规章 | 0 | 0 | 0', '规范性文件 | 1 | 1 | 9',
      '信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量', '行政许可 | 5 | 0 | 30', '其他对外管理服务事项 | 2 | 0 | 4',
      '行政处罚 | 3 | 1 | 12', '行政强制 | 0 | 0 | 0', '信息内容 | 上一年项目数量 | 本年增/减', '行政事业性收费 | 0 | 0',
      '信息内容 | 采购项目数量 | 采购总金额', '政府集中采购 | 2 | 15.5'];
    const missing = async (rows: string[]) => (await parseText(lines('某局2019年政府信息公开工作年度报告', '二、主动公开政府信息情况', ...rows)))
      .findings.filter((f) => f.rule === 'row-missing').map(pathsOf);
    assert.deepEqual(await missing(rows2019), []);
    assert.deepEqual(await missing(rows2019.filter((r) => !r.startsWith('行政许可'))), [['table2.licensing.prev_year_items', 'table2.licensing.change', 'table2.licensing.decisions']]);
  });
});
