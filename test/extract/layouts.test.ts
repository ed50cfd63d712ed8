/** Text layouts and label variants met in the wild, each written out by hand with the values it must yield. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseText } from '../helpers.ts';

const TITLE = '某市交通运输局2023年政府信息公开工作年度报告';
const lines = (...l: string[]) => l.join('\n');
const zeros = [0, 0, 0, 0, 0, 0, 0];
const errors = (r: { findings: { severity: string; rule: string }[] }) =>
  r.findings.filter((f) => f.severity === 'error').map((f) => f.rule);

describe('table 二 layouts', () => {
  const expected2021 = {
    regulations: { issued: 1, repealed: 0, in_force: 5 },
    normative_docs: { issued: 3, repealed: 2, in_force: 17 },
    licensing: 1010,
    punishment: 117,
    coercion: 0,
    fees_wan_yuan: 43.5824,
  };

  it('reads pipe rows without outer pipes (a | b | c)', async () => {
    const r = await parseText(lines(TITLE, '二、主动公开政府信息情况',
      '第二十条第（一）项 | | |', '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数',
      '规章 | 1 | 0 | 5', '行政规范性文件 | 3 | 2 | 17',
      '第二十条第（五）项 | |', '信息内容 | 本年处理决定数量', '行政许可 | 1,010',
      '第二十条第（六）项', '信息内容 | 本年处理决定数量', '行政处罚 | 117', '行政强制 | 0',
      '第二十条第（八）项', '信息内容 | 本年收费金额（单位：万元）', '行政事业性收费 | 43.5824'));
    assert.deepEqual(r.table2, expected2021);
    assert.equal(r.table_versions.table2, '2021');
  });

  it('reads one cell per line ending in | with ||| spacer lines', async () => {
    const r = await parseText(lines(TITLE, '二、主动公开政府信息情况',
      '第二十条第（一）项|', '|||', '信息内容|', '本年制发件数|', '本年废止件数|', '现行有效件数|', '|||',
      '规章|', '1|', '0|', '5|', '|||', '行政规范性文件|', '3|', '2|', '17|', '|||',
      '行政许可|', '1010|', '|||', '行政处罚|', '117|', '|||', '行政强制|', '0|', '|||',
      '行政事业性收费|', '43.5824|', '|||'));
    assert.deepEqual(r.table2, expected2021);
  });

  it('reads full-width digits and punctuation, and spaces inside a ruled number', async () => {
    const r = await parseText(lines(TITLE, '二、主动公开政府信息情况',
      '规章\t１\t０\t５', '行政规范性文件\t３\t２\t１７', '行政许可\t1 010', '行政处罚\t１１７', '行政强制\t0',
      '行政事业性收费\t４３．５８２４'));
    assert.deepEqual(r.table2, expected2021);
  });

  it('reads a label line followed by a value line', async () => {
    const r = await parseText(lines(TITLE, '二、主动公开政府信息情况',
      '规章', '1 0 5', '行政规范性文件', '3 2 17', '行政许可', '1010', '行政处罚', '117', '行政强制', '0',
      '行政事业性收费', '43.5824'));
    assert.deepEqual(r.table2, expected2021);
  });

  it('reads a whole table flattened into one line of words (a crawler dump)', async () => {
    const r = await parseText(lines(TITLE, '二、主动公开政府信息情况',
      '第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 1 0 5 行政规范性文件 3 2 17 第二十条第（五）项 ' +
      '信息内容 本年处理决定数量 行政许可 1010 第二十条第（六）项 信息内容 本年处理决定数量 行政处罚 117 行政强制 0 ' +
      '第二十条第（八）项 信息内容 本年收费金额（单位：万元） 行政事业性收费 43.5824'));
    assert.deepEqual(r.table2, expected2021);
  });

  it('keeps blank cells as null and marked cells as "/", never as 0', async () => {
    const r = await parseText(lines(TITLE, '二、主动公开政府信息情况',
      '| 规章 | / | / | / |', '| 行政规范性文件 | 3 |  | 17 |', '| 行政许可 | — |', '| 行政处罚 | 无 |',
      '| 行政强制 |  |', '| 行政事业性收费 | 0 |'));
    assert.deepEqual(r.table2, {
      regulations: { issued: '/', repealed: '/', in_force: '/' },
      normative_docs: { issued: 3, repealed: null, in_force: 17 },
      licensing: '/',
      punishment: '/',
      coercion: null,
      fees_wan_yuan: 0,
    });
  });

  it('interprets free text in a number cell only where the meaning is certain', async () => {
    const r = await parseText(lines(TITLE, '二、主动公开政府信息情况',
      '规章\t0\t0\t0', '行政规范性文件\t0\t0\t0', '行政许可\t若干', '行政处罚\t31批次', '行政强制\t0',
      '行政事业性收费\t709455.9元'));
    assert.equal(r.table2!.punishment, 31);
    assert.equal(r.table2!.fees_wan_yuan, 70.94559);
    assert.equal(r.table2!.licensing, null);
    assert.equal(r.provenance['table2.licensing'].status, 'unknown');
    assert.equal(r.provenance['table2.licensing'].raw, '若干');
    assert.equal(r.provenance['table2.fees_wan_yuan'].status, 'text');
    assert.deepEqual(r.findings.filter((f) => f.rule === 'value-text' || f.rule === 'value-interpreted').map((f) => [f.severity, f.line]), [
      ['error', 5], ['info', 6], ['info', 8],
    ]);
  });

  it('tells a 2019 table 二 in a 2021+ report by its shape, and reads 未增未减 and 减4', async () => {
    const r = await parseText(lines(TITLE, '二、主动公开政府信息情况',
      '第二十条第（一）项', '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
      '规章\t0\t0\t0', '规范性文件\t2\t2\t30',
      '第二十条第（五）项', '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
      '行政许可\t120\t未增未减\t3500', '其他对外管理服务事项\t8\t减4\t20',
      '第二十条第（六）项', '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
      '行政处罚\t300\t+5\t88', '行政强制\t20\t0\t1',
      '第二十条第（八）项', '信息内容\t上一年项目数量\t本年增/减', '行政事业性收费\t3\t0',
      '第二十条第（九）项', '信息内容\t采购项目数量\t采购总金额', '政府集中采购\t12\t356.7'));
    assert.equal(r.table_versions.table2, '2019');
    assert.equal(r.format_version, '2019');
    assert.deepEqual(r.table2, {
      regulations: { new_made: 0, new_published: 0, total_published: 0 },
      normative_docs: { new_made: 2, new_published: 2, total_published: 30 },
      licensing: { prev_year_items: 120, change: 0, decisions: 3500 },
      other_admin_services: { prev_year_items: 8, change: -4, decisions: 20 },
      punishment: { prev_year_items: 300, change: 5, decisions: 88 },
      coercion: { prev_year_items: 20, change: 0, decisions: 1 },
      fees: { prev_year_items: 3, change: 0 },
      procurement: { items: 12, total_amount: 356.7 },
    });
  });
});

/** Table 三 rows in template order, as label + 7 values; `label` may be replaced per layout. */
const T3: [string, number[]][] = [
  ['一、本年新收政府信息公开申请数量', [12, 3, 0, 0, 1, 0, 16]],
  ['二、上年结转政府信息公开申请数量', [1, 0, 0, 0, 0, 0, 1]],
  ['（一）予以公开', [5, 1, 0, 0, 0, 0, 6]],
  ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', [1, 0, 0, 0, 0, 0, 1]],
  ['1.属于国家秘密', zeros], ['2.其他法律行政法规禁止公开', zeros], ['3.危及“三安全一稳定”', zeros],
  ['4.保护第三方合法权益', [1, 0, 0, 0, 0, 0, 1]], ['5.属于三类内部事务信息', zeros], ['6.属于四类过程性信息', zeros],
  ['7.属于行政执法案卷', zeros], ['8.属于行政查询事项', zeros],
  ['1.本机关不掌握相关政府信息', [4, 1, 0, 0, 1, 0, 6]], ['2.没有现成信息需要另行制作', zeros],
  ['3.补正后申请内容仍不明确', zeros], ['1.信访举报投诉类申请', [1, 0, 0, 0, 0, 0, 1]], ['2.重复申请', zeros],
  ['3.要求提供公开出版物', zeros], ['4.无正当理由大量反复申请', zeros], ['5.要求行政机关确认或重新出具已获取信息', zeros],
  ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', zeros],
  ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', zeros],
  ['3.其他', [0, 1, 0, 0, 0, 0, 1]], ['（七）总计', [12, 3, 0, 0, 1, 0, 16]], ['四、结转下年度继续办理', [1, 0, 0, 0, 0, 0, 1]],
];
const T3_IDS = ['new_received', 'carried_over', 'granted', 'partially_granted', 'denied_state_secret', 'denied_law_forbidden',
  'denied_three_security', 'denied_third_party', 'denied_internal_affairs', 'denied_process_info', 'denied_enforcement_file',
  'denied_admin_query', 'unable_not_held', 'unable_need_creation', 'unable_unclear', 'not_processed_petition',
  'not_processed_repeat', 'not_processed_publication', 'not_processed_mass_repeat', 'not_processed_confirm',
  'other_overdue_correction', 'other_overdue_fee', 'other_other', 'total_processed', 'carried_forward'];
const T3_JSON = Object.fromEntries(T3.map(([, v], i) => [T3_IDS[i], v]));
const SECTION3 = '三、收到和处理政府信息公开申请情况';

describe('table 三 layouts', () => {
  it('reads columns laid out by runs of spaces (PDF text)', async () => {
    const r = await parseText(lines(TITLE, SECTION3, ...T3.map(([l, v]) => `${l}    ${v.join('    ')}`)));
    assert.deepEqual(r.table3, T3_JSON);
    assert.deepEqual(errors(r), ['table-missing']);
  });

  it('reads label and values on one line separated by single spaces', async () => {
    const r = await parseText(lines(TITLE, SECTION3, ...T3.map(([l, v]) => `${l} ${v.join(' ')}`)));
    assert.deepEqual(r.table3, T3_JSON);
  });

  it('reads one cell per line with blank lines, a label broken over two lines, page furniture between', async () => {
    const cells = T3.flatMap(([l, v]) => (l.startsWith('5.要求') ? ['5.要求行政机关确认或重新', '出具已获取信息'] : [l]).concat(v.map(String)));
    cells.splice(60, 0, '- 2 -', '第 2 页 共 5 页');
    const r = await parseText(cells.join('\n\n').replace(/^/, `${TITLE}\n\n${SECTION3}\n\n`));
    assert.deepEqual(r.table3, T3_JSON);
    assert.deepEqual(r.findings.filter((f) => f.rule === 'stray-value'), []);
  });

  it('matches label variants: full-width dots, other quotes, 3、其他, spacing inside labels', async () => {
    const variants: Record<string, string> = {
      '3.危及“三安全一稳定”': '3．危及「三安全一稳定」',
      '4.保护第三方合法权益': '4、保护第三方合法权益',
      '3.其他': '3. 其 他',
      '（七）总计': '(七) 总计',
      '1.属于国家秘密': '（三）不予公开 1.属于国家秘密',
    };
    const r = await parseText(lines(TITLE, SECTION3, ...T3.map(([l, v]) => [variants[l] ?? l, ...v].join('\t'))));
    assert.deepEqual(r.table3, T3_JSON);
  });

  it('reports a ragged row from PDF text and does not shift its values', async () => {
    const rows = T3.map(([l, v]) => `${l}    ${v.join('    ')}`);
    rows[2] = '（一）予以公开    5    1    0    0    0    6'; // the 0 of 社会公益组织 is lost
    const r = await parseText(lines(TITLE, SECTION3, ...rows));
    const f = r.findings.find((x) => x.rule === 'row-value-count')!;
    assert.equal(f.line, 5);
    assert.match(f.message, /应有7个数值，实有6个/);
    // 5+1+0+0+0+x = 6 with x anywhere among the zeros, and columns force x = 0: one reading only.
    assert.deepEqual(r.table3!.granted, [5, 1, 0, 0, 0, 0, 6]);
    assert.equal(r.provenance['table3.granted.3'].status, 'recovered');
  });

  it('leaves cells unknown when more than one reading fits', async () => {
    const rows = T3.map(([l, v]) => `${l}\t${v.join('\t')}`);
    // Blanks dropped by a scrape in two rows of the same columns: the zeros could stand anywhere.
    rows[0] = '一、本年新收政府信息公开申请数量\t12\t3\t1\t16';
    rows[1] = '二、上年结转政府信息公开申请数量\t1\t1';
    const r = await parseText(lines(TITLE, SECTION3, ...rows));
    assert.deepEqual(r.table3!.new_received, [null, null, null, null, null, null, null]);
    assert.deepEqual(r.table3!.carried_over, [null, null, null, null, null, null, null]);
    assert.deepEqual(r.table3!.granted, T3_JSON.granted);
    assert.equal(r.provenance['table3.new_received.0'].status, 'unknown');
    assert.deepEqual(errors(r).filter((e) => e === 'row-value-count').length, 2);
  });

  it('splits digits that ran together only when one split fits the arithmetic', async () => {
    const busy = [217, 1, 0, 0, 0, 0, 218];
    const values: Record<string, number[]> = { new_received: busy, granted: busy, total_processed: busy };
    const rows = T3.map(([l], i) => `${l} ${(values[T3_IDS[i]] ?? zeros).join(' ')}`);
    rows[0] = '一、本年新收政府信息公开申请数量 21710000218';
    const r = await parseText(lines(TITLE, SECTION3, ...rows));
    assert.deepEqual(r.table3!.new_received, busy);
    assert.match(r.findings.find((f) => f.rule === 'row-value-count')!.message, /唯一拆分为 217、1、0、0、0、0、218/);
  });

  it('reads a 2019 table 三 with a single （六）其他处理 row', async () => {
    const rows2019 = [...T3.slice(0, 20), ['（六）其他处理', [0, 1, 0, 0, 0, 0, 1]] as [string, number[]], ...T3.slice(23)];
    const r = await parseText(lines('某县民政局2020年政府信息公开工作年度报告', SECTION3, ...rows2019.map(([l, v]) => [l, ...v].join('\t'))));
    assert.equal(r.table_versions.table3, '2019');
    assert.deepEqual(r.table3!.other_processing, [0, 1, 0, 0, 0, 0, 1]);
    assert.equal(r.table3!.other_other, undefined);
  });

  it('reads past text between the heading and its table', async () => {
    const r = await parseText(lines(TITLE, SECTION3, '本年度共收到申请16件，具体情况如下表：', '单位：件',
      ...T3.map(([l, v]) => [l, ...v].join('\t'))));
    assert.deepEqual(r.table3, T3_JSON);
  });

  it('ignores an older table quoted in another section, and reads the real one', async () => {
    const older = T3.map(([l, v]) => [l, ...v.map((x) => x + 100)].join('\t'));
    const r = await parseText(lines(TITLE, '一、总体情况', '上年度申请情况回顾如下：', ...older,
      SECTION3, ...T3.map(([l, v]) => [l, ...v].join('\t')), '四、政府信息公开行政复议、行政诉讼情况'));
    assert.deepEqual(r.table3, T3_JSON);
  });

  it('yields what a document cut off mid-table holds and invents nothing', async () => {
    const cut = T3.slice(0, 6).map(([l, v]) => [l, ...v].join('\t'));
    cut.push('5.属于三类内部事务信息\t0\t0\t0');
    const r = await parseText(lines(TITLE, SECTION3, ...cut));
    assert.deepEqual(Object.keys(r.table3!), T3_IDS.slice(0, 6).concat('denied_internal_affairs'));
    assert.deepEqual(r.table3!.denied_internal_affairs, [null, null, null, null, null, null, null]);
    assert.ok(errors(r).includes('row-missing'));
  });
});

describe('table 四 layouts', () => {
  it('reads 15 values after the two header rows even when a header label is missing', async () => {
    const r = await parseText(lines(TITLE, '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议\t行政诉讼', '结果维持\t结果纠正\t其他结果\t尚未审结\t未经复议直接起诉\t复议后起诉',
      '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
      '1\t0\t0\t1\t2\t0\t1\t0\t0\t1\t0\t0\t0\t0\t0', '五、存在的主要问题及改进情况'));
    assert.deepEqual(r.table4, {
      review: { upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 },
      litigation_direct: { upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 },
      litigation_after_review: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
    });
  });

  it('reports a run of 14 values and recovers it when the group totals allow one reading only', async () => {
    const r = await parseText(lines(TITLE, '四、政府信息公开行政复议、行政诉讼情况', '行政复议 行政诉讼',
      '结果维持 结果纠正 其他结果 尚未审结 总计', '1 0 0 1 2 0 1 0 0 1 0 0 0 0', '五、存在的主要问题及改进情况'));
    // Only a missing last 0 keeps every group's 总计 equal to the sum of its four results.
    assert.match(r.findings.find((f) => f.rule === 'row-value-count')!.message, /表四：应有15个数值，实有14个，按表格勾稽关系唯一推定为/);
    assert.deepEqual(r.table4!.litigation_after_review, { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
    assert.deepEqual(r.table4!.review, { upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 });
  });
});

describe('labels wrapped or shortened in the source', () => {
  const spaced = (rows: [string, number[]][]) => rows.map(([l, v]) => `${l}    ${v.join('    ')}`);

  it('reads values printed between the two halves of a wrapped label (pdftotext -layout)', async () => {
    const rows = spaced(T3);
    rows.splice(3, 1, '（二）部分公开（区分处理的，只计', `                 ${T3[3][1].join('    ')}`, '这一情形，不计其他情形）');
    const r = await parseText(lines(TITLE, SECTION3, ...rows));
    assert.deepEqual(r.table3, T3_JSON);
  });

  it('reads values printed after the second half of a wrapped label', async () => {
    const rows = spaced(T3);
    rows.splice(3, 1, '（二）部分公开（区分处理的，只计', `这一情形，不计其他情形）    ${T3[3][1].join('    ')}`);
    const r = await parseText(lines(TITLE, SECTION3, ...rows));
    assert.deepEqual(r.table3, T3_JSON);
  });

  it('takes a bare 总计 followed by values as the （七）总计 row', async () => {
    const rows = T3.map(([l, v]) => [l === '（七）总计' ? '总计' : l, ...v].join('\t'));
    const r = await parseText(lines(TITLE, SECTION3, '\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计', ...rows));
    assert.deepEqual(r.table3, T3_JSON);
  });
});

describe('metadata', () => {
  it('reads a title with the year first and a labelled publication date in page metadata', async () => {
    const r = await parseText(lines('首页 > 政务公开 > 年度报告', '来源：本站  发布日期：2024-01-29  浏览次数：102',
      '2023年某市交通运输局政府信息公开工作年度报告', '一、总体情况', '正文。'));
    assert.deepEqual([r.agency, r.year, r.published], ['某市交通运输局', 2023, '2024-01-29']);
  });

  it('reads the year from the statistics period when the title has none', async () => {
    const r = await parseText(lines('某区司法局政府信息公开工作年度报告', '本报告统计数据从2022年1月1日至12月31日。', '一、总体情况', '正文。',
      '六、其他需要报告的事项', '无。', '某区司法局', '2023年1月20日'));
    assert.deepEqual([r.year, r.published], [2022, '2023-01-20']);
  });
});

describe('format version by shape', () => {
  it('reads a 2019 table 三 laid out one cell per line as 2019, not as a 2021 table with stray values', async () => {
    const rows2019 = [...T3.slice(0, 20), ['（六）其他处理', [1, 0, 0, 0, 0, 0, 1]] as [string, number[]], ...T3.slice(23)];
    const groups = rows2019.map(([l, v]) => ['\t', `\t${l}`, ...v.map((x) => `\t${x}`)].join('\n'));
    const r = await parseText(`某镇人民政府2020年政府信息公开工作年度报告\n\n${SECTION3}\n\n${groups.join('\n\n')}\n`);
    assert.equal(r.table_versions.table3, '2019');
    assert.deepEqual(r.table3!.other_processing, [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(r.findings.filter((f) => f.severity !== 'info').map((f) => f.rule), ['table-missing']);
  });
});
