/**
 * Narrative against the tables, and narrative arithmetic. The negative cases are the traps real reports set:
 * counts of published items, catalogue sizes, comparisons with last year, approximate numbers.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { breakdowns } from '../../src/checks/rules/narrative-arithmetic.ts';
import { narrativeOf, normalizeProse } from '../../src/checks/narrative.ts';
import { buildReport, findingsOf, SECTION_TEXTS, TABLE2_SAMPLE, TABLE3_SAMPLE, withCell, type BuildOptions } from './builder.ts';

/** Messages of one rule on the sample report (new 4, carried over 1, granted 3; 复议 2, 诉讼 1; 许可 120) with this text. */
const said = (rule: string, text: string, options: BuildOptions = {}) =>
  findingsOf(rule, buildReport({ ...options, sections: { ...SECTION_TEXTS, 一: text } })).map((f) => f.message);

describe('narrative-applications', () => {
  const rule = 'narrative-applications';

  it('accepts numbers equal to table 三, including received counted with last year\'s carried over', () => {
    for (const text of ['本年度共收到政府信息公开申请4件。', '全年共受理政府信息公开申请5件。', '2023年受理依申请公开材料4份，按照答复流程及时办理。',
      '收到申请4件，予以公开3件。', '上年结转政府信息公开申请1件。', '结转下年度继续办理1件。']) {
      assert.deepEqual(said(rule, text), [], text);
    }
  });

  it('flags 未收到申请 when table 三 says some were received, and a number when it says none', () => {
    assert.deepEqual(said(rule, '2024年，本机关未收到政府信息公开申请。'),
      ['叙述称“本机关未收到政府信息公开申请”（即0），与表三「一、本年新收政府信息公开申请数量」总计4不符']);
    const none = { table3: {} };
    assert.deepEqual(said(rule, '本年度共收到政府信息公开申请2件。', none),
      ['叙述称“本年度共收到政府信息公开申请2件”，与表三「一、本年新收政府信息公开申请数量」总计0不符']);
    assert.deepEqual(said(rule, '本年度未收到政府信息公开申请。', none), []);
  });

  it('flags a wrong 予以公开 and a wrong 结转下年度', () => {
    assert.deepEqual(said(rule, '共收到申请4件，予以公开2件。'), ['叙述称“予以公开2件”，与表三「（一）予以公开」总计3不符']);
    assert.deepEqual(said(rule, '结转下年度继续办理3件。'), ['叙述称“结转下年度继续办理3件”，与表三「四、结转下年度继续办理」总计1不符']);
  });

  it('leaves alone documents counted by 公开属性, comparisons with last year, other kinds of 申请 and sub-counts', () => {
    for (const text of ['主动公开111份文件，不公开269份文件，依申请公开2件。', '受理政府信息公开申请较上年增加3件。',
      '共收到议案提案20份。', '受理行政许可申请1291件。', '其中自然人申请3件。', '受理答复书记信箱2件、县长信箱3件。',
      '依法受理政府信息公开申请10余件。']) {
      assert.deepEqual(said(rule, text), [], text);
    }
  });
});

describe('narrative-review-litigation', () => {
  const rule = 'narrative-review-litigation';
  const noCases = { table4: { review: zeros(), litigation_direct: zeros(), litigation_after_review: zeros() } };

  it('accepts 未发生 when table 四 has no cases, and numbers equal to its totals', () => {
    assert.deepEqual(said(rule, '全年未发生因政府信息公开引起的行政复议、行政诉讼案件。', noCases), []);
    assert.deepEqual(said(rule, '因政府信息公开被申请行政复议2件，被提起行政诉讼1件。'), []);
  });

  it('flags 未发生 for each kind of case table 四 has', () => {
    assert.deepEqual(said(rule, '全年未发生因政府信息公开引起的行政复议、行政诉讼案件。'), [
      '叙述称“全年未发生因政府信息公开引起的行政复议、行政诉讼案件”（即0），与表四「行政复议」总计2不符',
      '叙述称“全年未发生因政府信息公开引起的行政复议、行政诉讼案件”（即0），与表四「未经复议直接起诉」与「复议后起诉」总计1不符',
    ]);
  });

  it('reads "行政复议N件、行政诉讼M件" piece by piece', () => {
    assert.deepEqual(said(rule, '本年度因政府信息公开工作被申请行政复议2件、被提起行政诉讼1件。'), []);
    assert.deepEqual(said(rule, '本年度因政府信息公开工作被申请行政复议2件、被提起行政诉讼3件。'),
      ['叙述称“本年度因政府信息公开工作被申请行政复议2件、被提起行政诉讼3件”，与表四「未经复议直接起诉」与「复议后起诉」总计1不符']);
  });

  it('leaves alone cases that are not about information disclosure, and one number for both kinds', () => {
    assert.deepEqual(said(rule, '全年办理行政复议案件50件。'), []);
    assert.deepEqual(said(rule, '因政府信息公开引发的行政复议和行政诉讼案件共3件。'), []);
  });
});

describe('narrative-table2', () => {
  const rule = 'narrative-table2';

  it('does not read 行政许可公示10条 as licensing decisions (it counts published items)', () => {
    assert.deepEqual(said(rule, '我局主动公开信息147条，其中机构职能7条，行政许可公示10条，财政信息17条。'), []);
  });

  it('leaves alone catalogues, requests to a higher level, comparisons and internal 规章制度', () => {
    for (const text of ['窗口受理各项业务办理1471项，其中：行政许可类1291项。', '政务服务事项54项，均可全程在线办理。',
      '提请市人民政府或市政府办制作规范性文件1件，主动公开1件。', '行政处罚31件，同比减少59件。', '制定完善内部规章制度5项。']) {
      assert.deepEqual(said(rule, text), [], text);
    }
  });

  it('accepts decisions and documents equal to table 二', () => {
    for (const text of ['全年作出行政许可决定120件。', '作出行政处罚决定30件。', '本年度印发行政规范性文件2件。', '现行有效规范性文件12件。',
      '废止规范性文件1件。', '未制发规章。']) {
      assert.deepEqual(said(rule, text), [], text);
    }
  });

  it('flags decisions and documents that differ from table 二', () => {
    assert.deepEqual(said(rule, '全年作出行政许可决定100件。'), ['叙述称“全年作出行政许可决定100件”，与表二「行政许可」120不符']);
    assert.deepEqual(said(rule, '未印发规章、规范性文件。'), ['叙述称“未印发规章、规范性文件”（即0），与表二「行政规范性文件」行“本年制发件数”列2不符']);
    assert.deepEqual(said(rule, '现行有效规范性文件15件。'), ['叙述称“现行有效规范性文件15件”，与表二「行政规范性文件」行“现行有效件数”列12不符']);
  });

  it('reads a list of decisions piece by piece, and leaves one number for two kinds alone', () => {
    assert.deepEqual(said(rule, '作出行政许可决定120件、行政处罚决定36件。'), ['叙述称“作出行政许可决定120件、行政处罚决定36件”，与表二「行政处罚」30不符']);
    assert.deepEqual(said(rule, '作出行政许可、行政处罚决定共150件。'), []);
  });

  it('compares only what the clause names: 规章 and 规范性文件 separately', () => {
    const r = withCell(buildReport({ sections: { ...SECTION_TEXTS, 一: '本年度制发规章1件。' } }), 'table2.regulations.issued', 1);
    assert.deepEqual(findingsOf(rule, r), []);
  });
});

describe('narrative-sum', () => {
  const rule = 'narrative-sum';

  it('accepts parts that add up to less than the total (seed 000: 8+237+125+140=510 ≤ 1026)', () => {
    const text = '2024年共发布各类信息1026条，其中国家级8条，自治区级237条，市级125条，原创信息140条；转载各类专题网评热点话题200余篇。';
    assert.deepEqual(said(rule, text), []);
    assert.deepEqual(breakdowns(normalizeProse(text)).map((b) => [b.total, b.parts]), [[1026, [8, 237, 125, 140]]]);
  });

  it('skips approximate totals and parts (余, 约, 多)', () => {
    assert.deepEqual(said(rule, '共发布疫情相关信息380余条，其中疫情信息325余条，通知公告类信息80条。'), []);
    assert.deepEqual(said(rule, '共发布信息100条，其中图文约60条，视频50条。'), []);
  });

  it('does not add items of a semicolon list, parenthesised asides, comparisons or another unit', () => {
    for (const text of ['受理业务1471项，其中：行政许可类1291项；备案、变更类180项；其他事项4件。',
      '办理提案23件，其中主办13件（含重点提案20件），协办10件。', '发布信息100条，其中原创60条，同比增加50条。',
      '发布信息100条，其中原创60条，涉及200人次，转载30条。']) {
      assert.deepEqual(said(rule, text), [], text);
    }
  });

  it('needs two parts, so a lone part is not compared', () => {
    assert.deepEqual(said(rule, '共收到申请5件，其中10件已办结。'), []);
  });

  it('flags parts that add up to more than the total, without 共 too', () => {
    assert.deepEqual(said(rule, '我局主动公开信息数10条，其中机构职能7条，政策解读4条。'), ['“我局主动公开信息数10条”，其中各项之和7+4=11，超过总数10']);
  });
});

describe('narrative-total-conflict', () => {
  const rule = 'narrative-total-conflict';

  it('accepts the same total stated twice, and different quantities', () => {
    assert.deepEqual(said(rule, '本年度共制发公文253件。全年共制发公文253件，其中主动公开120件。'), []);
    assert.deepEqual(said(rule, '本年度共制发公文253件。共制发规范性文件2件。'), []);
  });
});

describe('duplicate-word', () => {
  const rule = 'duplicate-word';

  it('leaves alone idiomatic repetition (一步一步, 常常, 人人)', () => {
    assert.deepEqual(said(rule, '一步一步推进，常常开展培训，做到人人知晓。'), []);
  });

  it('flags any word typed twice', () => {
    assert.deepEqual(said(rule, '进一步加强政府信息政府信息管理。'), ['“政府信息政府信息”重复：“…进一步加强政府信息政府信息管理。…”']);
  });
});

function zeros() {
  return { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 };
}

// The sample tables the expectations above are written against.
assert.equal(TABLE3_SAMPLE.new_received[6], 4);
assert.equal(TABLE2_SAMPLE.licensing, 120);

describe('narrative-applications: outcomes stated for groups of rows', () => {
  const rule = 'narrative-applications';
  // Table 三 with 275 granted + partially granted and 337 unable to provide (of three rows).
  const t3 = {
    table3: {
      ...TABLE3_SAMPLE,
      granted: [250, 0, 0, 0, 0, 0, 250], partially_granted: [25, 0, 0, 0, 0, 0, 25],
      unable_not_held: [300, 0, 0, 0, 0, 0, 300], unable_need_creation: [30, 0, 0, 0, 0, 0, 30], unable_unclear: [7, 0, 0, 0, 0, 0, 7],
    },
  };

  it('flags 予以公开及部分公开 and 无法提供 totals that differ from table 三', () => {
    assert.deepEqual(said(rule, '本年度办结政府信息公开申请，其中予以公开及部分公开258件，无法提供265件。', t3), [
      '叙述称“其中予以公开及部分公开258件”，与表三「（一）予以公开」与「（二）部分公开」总计275不符',
      '叙述称“无法提供265件”，与表三「（四）无法提供」各项总计337不符',
    ]);
    assert.deepEqual(said(rule, '新收申请4件，其中自然人申请3件；办理结果中予以公开250件，无法提供265件。', t3),
      ['叙述称“无法提供265件”，与表三「（四）无法提供」各项总计337不符']);
    assert.deepEqual(said(rule, '办结申请中，不予处理2件、无法提供265件。', t3), [
      '叙述称“不予处理2件、无法提供265件”，与表三「（四）无法提供」各项总计337不符',
      '叙述称“不予处理2件、无法提供265件”，与表三「（五）不予处理」各项总计0不符',
    ]);
  });

  it('accepts totals equal to table 三, and leaves alone reasons, applicant subsets and comparisons', () => {
    for (const text of ['本年度办结政府信息公开申请，其中予以公开及部分公开275件，无法提供337件。',
      '办结申请中，因本机关不掌握相关信息无法提供300件。', '自然人申请300件，其中予以公开及部分公开200件。',
      '予以公开及部分公开的申请较上年增加258件。', '无法提供265件。',
      '本年度新收政府信息公开申请4件，其中自然人申请3件；办理结果中予以公开250件，部分公开25件，无法提供337件，不予处理0件。']) {
      assert.deepEqual(said(rule, text, t3), [], text);
    }
  });
});

describe('narrative-review-outcome', () => {
  const rule = 'narrative-review-outcome';
  const upheld = { table4: { review: { upheld: 2, corrected: 0, other: 0, pending: 0, total: 2 },
    litigation_direct: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
    litigation_after_review: { upheld: 0, corrected: 0, other: 1, pending: 0, total: 1 } } };

  it('flags 均获维持 when table 四 shows that group\'s cases pending or corrected', () => {
    assert.deepEqual(said(rule, '因政府信息公开被申请行政复议2件，均获维持。'), ['叙述称“均获维持”（行政复议），但表四「行政复议」尚未审结1件']);
    assert.deepEqual(said(rule, '因政府信息公开引发行政复议和行政诉讼案件3件，全部予以维持。'), ['叙述称“全部予以维持”（行政复议、行政诉讼），但表四「行政复议」尚未审结1件']);
  });

  it('accepts 均获维持 when no case of that group is pending or corrected, and leaves alone 其余 and other kinds', () => {
    assert.deepEqual(said(rule, '因政府信息公开被申请行政复议2件，均获维持。', upheld), []);
    assert.deepEqual(said(rule, '因政府信息公开被提起行政诉讼1件，均获维持。'), []);
    assert.deepEqual(said(rule, '因政府信息公开被申请行政复议2件，除1件尚未审结外，其余均获维持。'), []);
    assert.deepEqual(said(rule, '全年办理行政处罚案件5件，均获维持。'), []);
  });
});

describe('a count split over a line break (PDF text)', () => {
  it('joins a paragraph that stops mid-sentence with the next one starting with its number', () => {
    assert.deepEqual(said('narrative-applications', '本年度共收到政府信息公开申请\n17 件，均已办结。'),
      ['叙述称“本年度共收到政府信息公开申请17件”，与表三「一、本年新收政府信息公开申请数量」总计4不符']);
    assert.deepEqual(said('narrative-applications', '本年度共收到政府信息公开申请\n4 件，均已办结。'), []);
  });

  it('does not join a paragraph that ends its sentence, nor a subheading with a numbered next line', () => {
    assert.deepEqual(said('narrative-applications', '本年度共收到政府信息公开申请。\n17 件是去年的数。'), []);
  });
  it('keeps a subheading apart from a next line that starts with a year', () => {
    const report = buildReport({ sections: { ...SECTION_TEXTS, 一: '（二）依申请公开情况\n2024年共收到申请4件。' } });
    assert.deepEqual(narrativeOf(report).paragraphs.filter((p) => p.section === '一').map((p) => p.text),
      ['一、总体情况', '（二）依申请公开情况', '2024年共收到申请4件。']);
  });
});

describe('a blank table cell states nothing', () => {
  it('is not compared with the narrative, while a filled 0 is', () => {
    const report = (total: number | null) => withCell(buildReport({ sections: { ...SECTION_TEXTS, 一: '本年度共收到政府信息公开申请4件。' } }),
      'table3.new_received.6', total);
    assert.deepEqual(findingsOf('narrative-applications', report(null)), []);
    assert.equal(findingsOf('narrative-applications', report(0)).length, 1);
  });
});
