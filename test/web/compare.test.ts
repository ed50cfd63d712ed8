/** Year over year for one agency: cells (difference, per cent, blank never zero), carry-over, word diff. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareReports, elideSame, type Comparison } from '../../src/web/compare.ts';
import { ComparePage } from '../../src/web/compare-page.tsx';
import { buildReport, SECTION_TEXTS, TABLE2_SAMPLE, TABLE3_SAMPLE, withCell } from '../checks/builder.ts';

const cell = (c: Comparison, key: string) => c.tables.flatMap((t) => t.cells).find((x) => x.key === key)!;
const pick = (c: Comparison, key: string) => {
  const { then, now, delta, percent, changed } = cell(c, key);
  return { then: then.value, now: now.value, delta, percent, changed };
};

describe('cells of two years', () => {
  const then = buildReport({
    year: 2023,
    table2: { ...TABLE2_SAMPLE, licensing: 100, punishment: 0, fees_wan_yuan: 1.2, normative_docs: { issued: 2, repealed: 1, in_force: null } },
  });
  const now = buildReport({ year: 2024 }); // licensing 120, punishment 30, fees 1.5, in force 12
  const c = compareReports(then, now);

  it('gives the difference and the change in per cent of last year', () => {
    assert.deepEqual(pick(c, 'table2.licensing'), { then: 100, now: 120, delta: 20, percent: 20, changed: true });
    // 1.5 − 1.2 in floating point is 0.30000000000000004; the values have one decimal, so has the difference.
    assert.deepEqual(pick(c, 'table2.fees_wan_yuan'), { then: 1.2, now: 1.5, delta: 0.3, percent: 25, changed: true });
    // 3 → 4 (table 三 总计 of 一、本年新收 in both years is 4): no change, 0 %.
    assert.deepEqual(pick(c, 'table3.new_received.6'), { then: 4, now: 4, delta: 0, percent: 0, changed: false });
  });

  it('gives no per cent on a base of 0', () => {
    assert.deepEqual(pick(c, 'table2.punishment'), { then: 0, now: 30, delta: 30, percent: null, changed: true });
  });

  it('never reads blank as zero: a blank against a number is a change with no difference', () => {
    assert.deepEqual(pick(c, 'table2.normative_docs.in_force'), { then: null, now: 12, delta: null, percent: null, changed: true });
    assert.equal(cell(c, 'table2.normative_docs.in_force').then.state, 'blank');
  });

  it('calls a blank in both years no change, and a cell not read not comparable', () => {
    const blankBoth = compareReports(withCell(then, 'table2.coercion', null), withCell(now, 'table2.coercion', null));
    assert.deepEqual(pick(blankBoth, 'table2.coercion'), { then: null, now: null, delta: null, percent: null, changed: false });
    const unread = withCell(then, 'table2.licensing', 7);
    unread.provenance['table2.licensing'] = { status: 'unknown' } as never;
    const u = cell(compareReports(unread, now), 'table2.licensing');
    assert.deepEqual([u.then.state, u.changed, u.delta], ['unread', false, null]);
  });

  it('counts the changed cells of each table', () => {
    // 表二: licensing, punishment, fees, in force; 表三 and 表四 are the same samples in both years.
    assert.deepEqual(c.tables.map((t) => [t.name, t.changed]), [['表二', 4], ['表三', 0], ['表四', 0]]);
  });
});

describe('two formats', () => {
  const t2019 = (licensing: Record<string, number>) => ({ licensing: { prev_year_items: 5, decisions: 3, ...licensing } });

  it('compares only the cells both years have, and a 2019 本年增/减 with no per cent', () => {
    const then = buildReport({ version: '2019', year: 2019, table2: t2019({ change: 2 }) });
    const now = buildReport({ version: '2019', year: 2020, table2: t2019({ change: 4 }) });
    assert.deepEqual(pick(compareReports(then, now), 'table2.licensing.change'), { then: 2, now: 4, delta: 2, percent: null, changed: true });
    assert.deepEqual(pick(compareReports(then, now), 'table2.licensing.decisions'), { then: 3, now: 3, delta: 0, percent: 0, changed: false });
    // 2021's 行政许可 is one number; 2019's a row of three: not the same cell.
    const across = compareReports(now, buildReport({ year: 2021 }));
    const licensing = cell(across, 'table2.licensing');
    assert.deepEqual([licensing.then.state, licensing.now.value, licensing.changed], ['absent', 120, false]);
    assert.deepEqual(across.tables[0].versions, { then: '2019', now: '2021' });
  });
});

describe('carry-over continuity', () => {
  it('sets this year\'s 上年结转 against last year\'s 结转下年度, column by column, blank not compared', () => {
    const then = buildReport({ year: 2023, table3: { ...TABLE3_SAMPLE, carried_forward: [1, 1, 0, 0, 0, null, 2] } });
    const now = buildReport({ year: 2024 }); // carried over [1, 0, 0, 0, 0, 0, 1]
    const carry = compareReports(then, now).carryOver!;
    assert.equal(carry.over, '二、上年结转政府信息公开申请数量');
    assert.equal(carry.forward, '四、结转下年度继续办理');
    assert.deepEqual(carry.columns.map((x) => x.agree), [true, false, true, true, true, null, false]);
    assert.deepEqual(carry.columns[1], { column: '商业企业', over: { state: 'number', value: 0 }, forward: { state: 'number', value: 1 }, agree: false });
  });
});

describe('narrative word by word', () => {
  const pair = (a: string, b: string, limits?: { segments: number; edits: number }) =>
    compareReports(buildReport({ year: 2023, sections: { ...SECTION_TEXTS, 五: a } }), buildReport({ sections: { ...SECTION_TEXTS, 五: b } }), limits)
      .sections.find((s) => s.number === '五')!;

  it('marks inserted and deleted words of a short Chinese pair', () => {
    const s = pair('加强政务新媒体管理，办结12件。', '持续加强政务新媒体管理，办结15件。');
    assert.equal(s.status, 'changed');
    assert.deepEqual(s.parts, [
      { op: 'added', text: '持续' },
      { op: 'same', text: '加强政务新媒体管理，办结' },
      { op: 'removed', text: '12' },
      { op: 'added', text: '15' },
      { op: 'same', text: '件。' },
    ]);
  });

  it('says a section is the same, and one missing in a year is all inserted', () => {
    assert.equal(pair('信息公开质量有待提升。', '信息公开质量有待提升。').status, 'same');
    const c = compareReports(buildReport({ year: 2023, sections: { 一: '总体。' } }), buildReport());
    const six = c.sections.find((s) => s.number === '六')!;
    assert.deepEqual([six.status, six.present, six.parts], ['changed', { then: false, now: true }, [{ op: 'added', text: '本机关未收取信息处理费。' }]]);
  });

  it('does not compare word by word past the bounds', () => {
    // 信息/公开/质量/有待/提升/。 is 6 segments, over a bound of 5.
    const long = pair('信息公开质量有待提升。', '信息公开质量需要提升。', { segments: 5, edits: 100 });
    assert.deepEqual([long.status, long.segments, long.parts], ['too-long', { then: 6, now: 6 }, []]);
    // 有待 → 需要 is one deletion and one insertion: 2 edits, over a bound of 1.
    assert.equal(pair('信息公开质量有待提升。', '信息公开质量需要提升。', { segments: 100, edits: 1 }).status, 'too-different');
    assert.equal(pair('信息公开质量有待提升。', '信息公开质量需要提升。', { segments: 100, edits: 2 }).status, 'changed');
  });

  it('says on the page which section was too long to compare word by word', async () => {
    const then = buildReport({ year: 2023, sections: { ...SECTION_TEXTS, 五: '信息公开质量有待提升。' } });
    const comparison = compareReports(then, buildReport({ sections: { ...SECTION_TEXTS, 五: '信息公开质量需要提升。' } }), { segments: 5, edits: 100 });
    const view = { agency: '石嘴山市卫生健康委员会', years: [2024, 2023], then: { year: 2023, reportId: 1 }, now: { year: 2024, reportId: 2 }, comparison };
    const html = await ComparePage({ viewer: { user: 'u', role: 'viewer', csrf: 'x', signedIn: false }, view, all: false }).toString();
    assert.match(html, /<h3>五、存在的主要问题及改进情况<\/h3><p class="note">这一部分过长（2023年6个词、2024年6个词，含标点），未逐词比较。<\/p><\/section>/);
  });

  it('keeps only the context beside each change of a long unchanged run', () => {
    const shown = elideSame([{ op: 'same', text: '一二三四五六' }, { op: 'added', text: '新' }, { op: 'same', text: '七八九十' }], 2);
    assert.deepEqual(shown, [{ op: 'gap' }, { op: 'same', text: '五六' }, { op: 'added', text: '新' }, { op: 'same', text: '七八' }, { op: 'gap' }]);
  });
});
