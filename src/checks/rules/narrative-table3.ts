/**
 * Numbers the narrative gives for table 三 (applications received, granted, carried over and forward, and the totals
 * of groups of outcome rows). Comparisons with other years, sub-counts and approximations are left alone.
 */
import { cellKey, tableName } from '../../format/index.ts';
import type { RowDef, TableDef } from '../../format/types.ts';
import type { Report } from '../../report/types.ts';
import { filledNumber, rowDef, tableDefOf } from '../../report/cells.ts';
import { defineRule } from '../define.ts';
import { clauses } from '../narrative.ts';
import { escape, firstNumber, NUM, runQuantities, scan, scanned, type Quantity } from './narrative-quantities.ts';

/** Comparisons, sub-counts and approximations: a number in such a clause is not the year's total. */
const NOT_A_TOTAL_RE = /上年|上一年|去年|同比|较|增长|下降|增加|减少|累计|以来|其中|余|多|近|约|左右|以上|超过|%/;

const T3_TOTAL = 6;
const t3 = (report: Report, row: string) => {
  const table = tableDefOf(report, 'table3');
  const def = table && rowDef(table, row);
  if (!table || !def) return undefined;
  const key = cellKey(table, { row, col: T3_TOTAL });
  const value = filledNumber(report, key);
  return value === undefined ? undefined : { table, def, key, value };
};
const t3Shown = (table: TableDef, row: RowDef, value: number) =>
  `${tableName(table.id)}「${row.label}」${row.columns[T3_TOTAL].label}${value}`;

/** Clauses about something else that also has 申请 in it. */
const NOT_APPLICATIONS_RE = /复议|诉讼|投诉|举报|信访|建议|提案|申请人|法人|自然人|企业|人次|许可|审批|办件/;

const RECEIVE = '(?:收到|受理|新收|接到|接收)';
const RECEIVED_AFTER = scan(RECEIVE, '申请', `${NUM}(?:件|条|份|个)`);
const RECEIVED_BEFORE = scan(RECEIVE, `${NUM}(?:件|条|份|个)`, '(?:政府信息公开|依申请公开|信息公开)申请');
const NONE_RECEIVED = scan('(?:未|没有)(?:收到|接到|受理|接收|产生|发生)', '申请');
const GRANTED = scan('(?:予以公开|同意公开)', `${NUM}(?:件|条|份|个)`);
const CARRIED_OVER = scan('(?:上年|上一年度?|去年)(?:度)?结转', `${NUM}件`);
const CARRIED_TO_NEXT_YEAR = '结转(?:至|到|入)?(?:下一?年度?|次年度?|明年)';
const CARRIED_FORWARD = [scan(CARRIED_TO_NEXT_YEAR, `${NUM}件`), scan(`${NUM}件`, CARRIED_TO_NEXT_YEAR)];

const received: Quantity = {
  name: '收到政府信息公开申请',
  target(report) {
    const nr = t3(report, 'new_received');
    if (!nr) return undefined;
    const co = t3(report, 'carried_over');
    const allowed = [nr.value, ...(co ? [nr.value + co.value] : [])];
    return { cells: [nr.key], allowed, shown: t3Shown(nr.table, nr.def, nr.value) };
  },
  read({ text }) {
    if (NOT_APPLICATIONS_RE.test(text)) return undefined;
    if (scanned(text, NONE_RECEIVED) && /公开/.test(text)) return { none: true };
    if (NOT_A_TOTAL_RE.test(text)) return undefined;
    const value = firstNumber(text, RECEIVED_AFTER) ?? firstNumber(text, RECEIVED_BEFORE);
    return value === undefined ? undefined : { value };
  },
};

const granted: Quantity = {
  name: '予以公开',
  target(report) {
    const g = t3(report, 'granted');
    if (!g) return undefined;
    const p = t3(report, 'partially_granted');
    return { cells: [g.key], allowed: [g.value, ...(p ? [g.value + p.value] : [])], shown: t3Shown(g.table, g.def, g.value) };
  },
  read({ text, sentence }) {
    if (!sentence.includes('申请') || /主动|部分公开/.test(text) || NOT_A_TOTAL_RE.test(text)) return undefined;
    const value = firstNumber(text, GRANTED);
    return value === undefined ? undefined : { value };
  },
};

const CARRIED_EXCLUDE_RE = /同比|较|增长|下降|增加|减少|余|约|以上|%/;

const carriedOver: Quantity = {
  name: '上年结转',
  target(report) {
    const c = t3(report, 'carried_over');
    return c && { cells: [c.key], allowed: [c.value], shown: t3Shown(c.table, c.def, c.value) };
  },
  read({ text }) {
    if (CARRIED_EXCLUDE_RE.test(text)) return undefined;
    const value = firstNumber(text, CARRIED_OVER);
    return value === undefined ? undefined : { value };
  },
};

const carriedForward: Quantity = {
  name: '结转下年度',
  target(report) {
    const c = t3(report, 'carried_forward');
    return c && { cells: [c.key], allowed: [c.value], shown: t3Shown(c.table, c.def, c.value) };
  },
  read({ text }) {
    if (CARRIED_EXCLUDE_RE.test(text)) return undefined;
    const value = firstNumber(text, CARRIED_FORWARD[0]) ?? firstNumber(text, CARRIED_FORWARD[1]);
    return value === undefined ? undefined : { value };
  },
};

// Outcomes stated for a group of rows: "予以公开及部分公开258件" (rows （一）+（二）), "无法提供265件" (group （四）).

/** A label without its trailing note: "（二）部分公开（区分处理的，…）" → "（二）部分公开". */
const shortLabel = (label: string) => label.replace(/（[^（）]*）$/, '');
/** The words prose uses for a label: numbering and note dropped ("（四）无法提供" → "无法提供"). */
const proseWord = (label: string) => escape(shortLabel(label).replace(/^(?:（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+\.)/, ''));
/** Comparisons and approximations; "其中" is allowed here: outcomes are the parts of the year's applications. */
const NOT_AN_OUTCOME_TOTAL_RE = /上年|上一年|去年|同比|较|增长|下降|增加|减少|累计|以来|余|多|近|约|左右|以上|超过|%/;
const LEAD = '^(?:其中|另有|共|合计)?';
const COUNT = `(?:的|类|申请)*${NUM}(?:件|条)`;

/** The outcome rows' total, stated at the start of a clause (a reason before the word makes it a sub-count). */
function outcomeQuantity(table: TableDef, rows: RowDef[], word: string, shown: string): Quantity {
  const stated = scan(`${LEAD}${word}${COUNT}`);
  // A sentence about one kind of applicant (自然人申请…，其中予以公开…) counts a subset.
  const applicants = new RegExp(table.rows[0].columns.slice(0, 5).map((c) => escape(c.label)).join('|'));
  return {
    name: shown,
    target(report) {
      const cells = rows.map((r) => t3(report, r.id));
      if (cells.some((c) => !c)) return undefined;
      const value = cells.reduce((sum, c) => sum + c!.value, 0);
      return { cells: cells.map((c) => c!.key), allowed: [value], shown: `${tableName(table.id)}${shown}总计${value}` };
    },
    read({ text, sentence }) {
      if (!/申请|办结|答复/.test(sentence) || applicants.test(leadingPart(sentence, text)) || NOT_AN_OUTCOME_TOTAL_RE.test(text)) return undefined;
      // Each 、-separated piece may be one outcome: "无法提供5件、不予处理2件".
      const value = text.split('、').map((piece) => firstNumber(piece, stated)).find((v) => v !== undefined);
      return value === undefined ? undefined : { value };
    },
  };
}

/** The sentence from its last semicolon before the clause up to the clause: what the clause continues. */
function leadingPart(sentence: string, clause: string): string {
  const at = sentence.indexOf(clause);
  return sentence.slice(sentence.lastIndexOf(';', at) + 1, at + clause.length);
}

/** 予以公开及部分公开, and every group of outcome rows (不予公开, 无法提供, 不予处理, 其他处理). */
function outcomeQuantities(table: TableDef): Quantity[] {
  const granted = [rowDef(table, 'granted'), rowDef(table, 'partially_granted')].filter((r): r is RowDef => r !== undefined);
  const quantities: Quantity[] = [];
  if (granted.length === 2) {
    const [a, b] = granted.map((r) => proseWord(r.label));
    quantities.push(outcomeQuantity(table, granted, `${a}(?:及|和|与|、)${b}`, granted.map((r) => `「${shortLabel(r.label)}」`).join('与')));
  }
  const groups = [...new Set(table.rows.map((r) => r.group).filter((g): g is string => !!g && /^（/.test(g)))];
  for (const group of groups) {
    quantities.push(outcomeQuantity(table, table.rows.filter((r) => r.group === group), proseWord(group), `「${group}」各项`));
  }
  return quantities;
}

export const narrativeApplications = defineRule({
  id: 'narrative-applications',
  severity: 'warning',
  basis: '条例第五十条',
  title: '叙述中的申请数与表三不符',
  description: '同一分句中写明“收到/受理/新收……申请N件”（或“未收到……申请”）、“予以公开N件”、“上年结转N件”、“结转下年度N件”的，'
    + '与表三对应行的总计比较。与上年比较、“其中”分项、约数不比较；收到数可含上年结转，予以公开数可含部分公开。'
    + '分句以“予以公开及部分公开N件”“不予公开N件”“无法提供N件”“不予处理N件”开头的，与对应各行总计之和比较；'
    + '前面写有理由（如“因涉及国家秘密不予公开1件”）或句中按申请人分类的，是分项，不比较。',
  example: '叙述称“本年度我局共受理政府信息公开申请3条”，与表三「一、本年新收政府信息公开申请数量」总计2不符',
  check({ report, narrative }) {
    const table = tableDefOf(report, 'table3');
    const outcomes = table ? outcomeQuantities(table) : [];
    return runQuantities(report, [received, granted, carriedOver, carriedForward, ...outcomes], clauses(narrative));
  },
});
