/**
 * Numbers the narrative gives for tables 四 (administrative review and litigation) and 二 (decisions, regulations and
 * normative documents), and the claim that all cases were upheld. Comparisons, sub-counts and published items
 * (行政许可公示N条) are left alone.
 */
import { ALL_UPHELD_RE, cellKey, NOT_UPHELD_COLUMNS, TABLE4_PROSE_GROUPS, tableName } from '../../format/index.ts';
import type { RowDef, TableDef } from '../../format/types.ts';
import { cellName, cellsOf, filledNumber, rowDef, tableDefOf } from '../../report/cells.ts';
import { defineRule } from '../define.ts';
import { clauses, clausesOf, quote } from '../narrative.ts';
import type { Hit } from '../types.ts';
import { escape, firstNumber, NUM, pieceAbout, runQuantities, scan, scanned, type Quantity } from './narrative-quantities.ts';

// ---------------------------------------------------------------------------------------------- table 四

const T4_EXCLUDE_RE = /同比|较|上年|去年|累计|其中|维持|纠正|审结|办理|受理|代理|应诉|余|约|%/;

function t4Quantity(word: string, other: string, rows: string[]): Quantity {
  const denied = scan('(?:未|没有)(?:发生|出现|被|收到|接到|产生|有)', word);
  const stated = scan(word, `${NUM}(?:件|起|宗|例|个)`);
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
      if (scanned(text, denied)) return { none: true };
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

function decisionQuantity(table: TableDef, row: RowDef, others: RowDef[]): Quantity {
  const cell = cellsOf(table).find((c) => c.row === row && c.column.label.includes('处理决定'));
  const label = scan(`(?:${anyLabel(row)})`, `${NUM}(?:件|个|项|起|宗|次)`);
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
    const stated = scan(`(?:${verbs})`, doc, `${NUM}件`);
    const denied = scan(`(?:未|没有)(?:${verbs})`, doc);
    return {
      name: `${row.label}${cell.column.label}`,
      target(report) {
        const value = filledNumber(report, cell.key);
        return value === undefined ? undefined : { cells: [cell.key], allowed: [value], shown: `${cellName(cell)}${value}` };
      },
      read({ text }) {
        if (negatable && scanned(text, denied)) return { none: true };
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
