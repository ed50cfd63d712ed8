/**
 * Numbers the narrative gives for the same quantity as a table cell (a blank cell states nothing and is not compared). Conservative by design (a false alarm is worse
 * than a miss): the quantity word and the number must stand in ONE clause, comparisons with other years, sub-counts and
 * published items (主动公开N件, 行政许可公示N条) are left alone, and a mismatch is a warning.
 */
import { placeWords } from '../../document/finding.ts';
import { ALL_UPHELD_RE, cellKey, NOT_UPHELD_COLUMNS, TABLE4_PROSE_GROUPS, tableName } from '../../format/index.ts';
import type { RowDef, TableDef } from '../../format/types.ts';
import type { Report } from '../../report/types.ts';
import { cellName, cellsOf, filledNumber, rowDef, tableDefOf } from '../../report/cells.ts';
import { defineRule } from '../define.ts';
import { clauses, clausesOf, quote, type Clause } from '../narrative.ts';
import type { Hit } from '../types.ts';

/** What a clause says about a quantity: a number, or "none" (未收到…, 未发生…). */
type Stated = { value: number } | { none: true };

interface Quantity {
  /** Chinese name for messages. */
  name: string;
  /** The cells the narrative number is about, and the values it may equal (e.g. received, or received + carried over). */
  target(report: Report): { cells: string[]; allowed: number[]; shown: string } | undefined;
  read(clause: Clause): Stated | undefined;
}

const NUM = String.raw`(?<![\d.])(\d+)`;
/** Comparisons, sub-counts and approximations: a number in such a clause is not the year's total. */
const NOT_A_TOTAL_RE = /上年|上一年|去年|同比|较|增长|下降|增加|减少|累计|以来|其中|余|多|近|约|左右|以上|超过|%/;

function firstNumber(text: string, re: RegExp): number | undefined {
  const m = re.exec(text);
  return m ? Number(m[1]) : undefined;
}

/**
 * The part of a clause about one kind when the clause lists several ("作出行政许可决定0件、行政处罚决定36件",
 * "被申请行政复议1件、被提起行政诉讼0件"): the 、-separated piece naming it, provided every named piece has its own
 * number. The whole clause when it names only this kind; undefined when one number is shared by several kinds.
 */
export function pieceAbout(text: string, mine: string[], others: string[]): string | undefined {
  const names = (piece: string, words: string[]) => words.some((w) => piece.includes(w));
  if (!names(text, others)) return text;
  const named = text.split('、').filter((p) => names(p, mine) || names(p, others));
  if (named.some((p) => !/\d/.test(p))) return undefined;
  const own = named.filter((p) => names(p, mine) && !names(p, others));
  return own.length === 1 ? own[0] : undefined;
}

function runQuantities(report: Report, quantities: Quantity[], narrative: Iterable<Clause>): Hit[] {
  const hits: Hit[] = [];
  const seen = new Set<string>();
  const targeted = quantities.map((q) => ({ q, target: q.target(report) })).filter((x) => x.target !== undefined);
  for (const clause of narrative) {
    for (const { q, target } of targeted) {
      if (!target) continue;
      const stated = q.read(clause);
      if (!stated) continue;
      const value = 'none' in stated ? 0 : stated.value;
      if (target.allowed.includes(value)) continue;
      const key = `${placeWords(clause.paragraph.source)}|${target.cells[0]}|${value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const said = 'none' in stated ? `叙述称${quote(clause.text)}（即0）` : `叙述称${quote(clause.text)}`;
      hits.push({
        message: `${said}，与${target.shown}不符`,
        cells: target.cells,
        at: clause.paragraph.source,
        expected: target.allowed[0],
        actual: value,
      });
    }
  }
  return hits;
}

// ---------------------------------------------------------------------------------------------- table 三

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

const RECEIVED_AFTER_RE = new RegExp(`(?:收到|受理|新收|接到|接收)[^,;。]*?申请[^,;。]*?${NUM}(?:件|条|份|个)`);
const RECEIVED_BEFORE_RE = new RegExp(`(?:收到|受理|新收|接到|接收)[^,;。]*?${NUM}(?:件|条|份|个)[^,;。]*?(?:政府信息公开|依申请公开|信息公开)申请`);
const GRANTED_RE = new RegExp(`(?:予以公开|同意公开)[^,;。]*?${NUM}(?:件|条|份|个)`);
const CARRIED_OVER_RE = new RegExp(`(?:上年|上一年度?|去年)(?:度)?结转[^,;。]*?${NUM}件`);
const NEXT_YEAR = '(?:下一?年度?|次年度?|明年)';
const CARRIED_FORWARD_RES = [
  new RegExp(`结转(?:至|到|入)?${NEXT_YEAR}[^,;。]*?${NUM}件`),
  new RegExp(`${NUM}件[^,;。]*?结转(?:至|到|入)?${NEXT_YEAR}`),
];

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
    if (/(?:未|没有)(?:收到|接到|受理|接收|产生|发生)[^,;。]*?申请/.test(text) && /公开/.test(text)) return { none: true };
    if (NOT_A_TOTAL_RE.test(text)) return undefined;
    const value = firstNumber(text, RECEIVED_AFTER_RE) ?? firstNumber(text, RECEIVED_BEFORE_RE);
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
    const value = firstNumber(text, GRANTED_RE);
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
    const value = firstNumber(text, CARRIED_OVER_RE);
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
    const value = firstNumber(text, CARRIED_FORWARD_RES[0]) ?? firstNumber(text, CARRIED_FORWARD_RES[1]);
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
  const stated = new RegExp(`${LEAD}${word}${COUNT}`);
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

// ---------------------------------------------------------------------------------------------- table 四

const T4_EXCLUDE_RE = /同比|较|上年|去年|累计|其中|维持|纠正|审结|办理|受理|代理|应诉|余|约|%/;

function t4Quantity(word: string, other: string, rows: string[]): Quantity {
  const denied = new RegExp(`(?:未|没有)(?:发生|出现|被|收到|接到|产生|有)[^,;。]*?${word}`);
  const stated = new RegExp(`${word}[^,;。]*?${NUM}(?:件|起|宗|例|个)`);
  return {
    name: word,
    target(report) {
      const table = tableDefOf(report, 'table4');
      if (!table) return undefined;
      const keys = rows.map((row) => cellKey(table, { row, col: table.rows[0].columns.length - 1 }));
      const values = keys.map((k) => filledNumber(report, k));
      if (values.some((v) => v === undefined)) return undefined;
      const total = values.reduce((s, v) => s! + v!, 0)!;
      const names = rows.map((row) => `「${rowDef(table, row)!.label}」`).join('与');
      return { cells: keys, allowed: [total], shown: `${tableName(table.id)}${names}总计${total}` };
    },
    read({ text, sentence }) {
      if (!sentence.includes('信息公开') || !text.includes(word)) return undefined;
      if (denied.test(text)) return { none: true };
      if (T4_EXCLUDE_RE.test(text)) return undefined;
      const piece = pieceAbout(text, [word], [other]);
      const value = piece === undefined ? undefined : firstNumber(piece, stated);
      return value === undefined ? undefined : { value };
    },
  };
}

export const narrativeReviewLitigation = defineRule({
  id: 'narrative-review-litigation',
  severity: 'warning',
  basis: '条例第五十条',
  title: '叙述中的行政复议、行政诉讼数与表四不符',
  description: '在提到政府信息公开的句子里，同一分句写明“行政复议N件”或“未发生……行政复议”的，与表四「行政复议」总计比较；'
    + '“行政诉讼”与两组行政诉讼的总计之和比较。“行政复议1件、行政诉讼0件”按顿号分开比较；两者共用一个数时不比较。',
  example: '叙述称“因政府信息公开被申请行政复议2件”，与表四「行政复议」总计1不符',
  check({ report, narrative }) {
    const table = tableDefOf(report, 'table4');
    if (!table) return [];
    const [review, ...litigation] = table.rows.map((r) => r.id);
    return runQuantities(report, [
      t4Quantity('行政复议', '行政诉讼', [review]),
      t4Quantity('行政诉讼', '行政复议', litigation),
    ], clauses(narrative));
  },
});

/** "因政府信息公开被申请行政复议2件，均获维持": the group named in the nearest clause before the claim, or in the claim. */
function groupsClaimed(sentence: string, claim: string): typeof TABLE4_PROSE_GROUPS[number][] {
  const before = clausesOf(sentence);
  const upTo = before.slice(0, before.indexOf(claim) + 1).reverse();
  for (const clause of upTo) {
    const named = TABLE4_PROSE_GROUPS.filter((g) => clause.includes(g.word));
    if (named.length) return named;
  }
  return [];
}

export const narrativeReviewOutcome = defineRule({
  id: 'narrative-review-outcome',
  severity: 'warning',
  basis: '条例第五十条',
  title: '叙述称案件均获维持，表四却有纠正或尚未审结',
  description: '叙述称行政复议、行政诉讼案件“均获维持”“全部予以维持”，而表四同一类案件有“结果纠正”或“尚未审结”的报告。'
    + '案件类别取声明所在分句或其前最近一个写明“行政复议”“行政诉讼”的分句；“其余均获维持”“除……外”不检查。',
  example: '叙述称“均获维持”（行政复议），但表四「行政复议」尚未审结1件',
  check({ report, narrative }) {
    const table = tableDefOf(report, 'table4');
    if (!table) return [];
    const hits: Hit[] = [];
    for (const { text, sentence, paragraph } of clauses(narrative)) {
      // "除1件尚未审结外，其余均获维持" claims only the rest.
      if (!ALL_UPHELD_RE.test(text) || /其余|其他|除|纠正|审结/.test(sentence.slice(0, sentence.indexOf(text) + text.length))) continue;
      if (!sentence.includes('信息公开') && paragraph.section !== table.section) continue;
      const groups = groupsClaimed(sentence, text);
      const cells = cellsOf(table).filter((c) => groups.some((g) => g.rows.includes(c.row.id))
        && NOT_UPHELD_COLUMNS.includes(c.column.id) && (filledNumber(report, c.key) ?? 0) > 0);
      if (!cells.length) continue;
      const found = cells.map((c) => `「${c.row.label}」${c.column.label}${filledNumber(report, c.key)}件`).join('、');
      hits.push({
        message: `叙述称${quote(text)}（${groups.map((g) => g.word).join('、')}），但${tableName(table.id)}${found}`,
        cells: cells.map((c) => c.key),
        at: paragraph.source,
      });
    }
    return hits;
  },
});

// ---------------------------------------------------------------------------------------------- table 二

/** Published items, catalogues and counts of something else: 行政许可公示10条 counts items, not decisions. */
const T2_EXCLUDE_RE = /公示|公开|发布|信息|事项|目录|清单|提请|起草|报送|审核|审查|备案|解读|转发|参与|配合|同比|较|上年|去年|增|减|余|约|%/;
const DECISION_RE = /决定|办结|作出|做出|审批|实施/;

const labelsOf = (row: RowDef) => [row.label, ...(row.variants ?? [])].sort((a, b) => b.length - a.length);
const anyLabel = (row: RowDef) => labelsOf(row).map(escape).join('|');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function decisionQuantity(table: TableDef, row: RowDef, others: RowDef[]): Quantity {
  const cell = cellsOf(table).find((c) => c.row === row && c.column.label.includes('处理决定'));
  const label = new RegExp(`(?:${anyLabel(row)})[^,;。]*?${NUM}(?:件|个|项|起|宗|次)`);
  return {
    name: row.label,
    target(report) {
      const value = cell && filledNumber(report, cell.key);
      return cell && value !== undefined ? { cells: [cell.key], allowed: [value], shown: `${cellName(cell)}${value}` } : undefined;
    },
    read({ text }) {
      if (!DECISION_RE.test(text) || T2_EXCLUDE_RE.test(text) || text.includes('条')) return undefined;
      const piece = pieceAbout(text, labelsOf(row), others.flatMap(labelsOf));
      const value = piece === undefined ? undefined : firstNumber(piece, label);
      return value === undefined ? undefined : { value };
    },
  };
}

/** 规章 / 规范性文件: issued (制发), repealed (废止), in force (现行有效); "规章制度" is an internal rule, not a 规章. */
function documentQuantities(table: TableDef, row: RowDef): Quantity[] {
  const cells = cellsOf(table).filter((c) => c.row === row);
  const doc = `(?:${anyLabel(row)})(?!制度)`;
  const byColumn = (id: string) => cells.find((c) => c.column.id === id);
  const quantity = (columnId: string, verbs: string, negatable: boolean, exclude: RegExp): Quantity | undefined => {
    const cell = byColumn(columnId);
    if (!cell) return undefined;
    const stated = new RegExp(`(?:${verbs})[^,;。]*?${doc}[^,;。]*?${NUM}件`);
    const denied = new RegExp(`(?:未|没有)(?:${verbs})[^,;。]*?${doc}`);
    return {
      name: `${row.label}${cell.column.label}`,
      target(report) {
        const value = filledNumber(report, cell.key);
        return value === undefined ? undefined : { cells: [cell.key], allowed: [value], shown: `${cellName(cell)}${value}` };
      },
      read({ text }) {
        if (negatable && denied.test(text)) return { none: true };
        if (exclude.test(text)) return undefined;
        const value = firstNumber(text, stated);
        return value === undefined ? undefined : { value };
      },
    };
  };
  const common = /提请|起草|报送|审核|审查|备案|解读|转发|参与|配合|同比|较|上年|去年|增加|减少|余|约|%/;
  return [
    quantity('issued', '制发|印发|出台|制定', true, new RegExp(`${common.source}|清理|废止|失效|公开|其中`)),
    quantity('repealed', '废止|宣布失效', false, common),
    quantity('in_force', '现行有效', false, common),
  ].filter((q): q is Quantity => q !== undefined);
}

export const narrativeTable2 = defineRule({
  id: 'narrative-table2',
  severity: 'warning',
  basis: '条例第五十条',
  title: '叙述中的制发、废止、处理决定数与表二不符',
  description: '同一分句写明“制发/印发……规章（规范性文件）N件”“未印发……规范性文件”“废止……规范性文件N件”“现行有效……N件”，'
    + '或“作出行政许可（行政处罚、行政强制）决定N件”的，与表二对应单元格比较。公示、公开、发布的条数（如“行政许可公示10条”）、'
    + '事项清单、提请上级制发、与上年比较等不比较。',
  example: '叙述称“清理废止2000年-2022年规范性文件34件”，与表二「行政规范性文件」行“本年废止件数”列0不符',
  check({ report, narrative }) {
    const table = tableDefOf(report, 'table2');
    if (!table) return [];
    const decisionRows = table.rows.filter((r) => r.columns.some((c) => c.label.includes('处理决定')));
    const docRows = table.rows.filter((r) => r.id === 'regulations' || r.id === 'normative_docs');
    const quantities = [
      ...decisionRows.map((r) => decisionQuantity(table, r, decisionRows.filter((o) => o !== r))),
      ...docRows.flatMap((r) => documentQuantities(table, r)),
    ];
    return runQuantities(report, quantities, clauses(narrative));
  },
});
