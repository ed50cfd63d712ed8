/**
 * Rules over two reports of the same agency in consecutive years: applications carried forward reappear as carried
 * over; documents in force follow from last year's count; and a narrative copied from last year.
 */
import { cellKey, TABLE3_CARRY, tableName } from '../../format/index.ts';
import type { TableDef, TableId } from '../../format/types.ts';
import type { Report } from '../../report/types.ts';
import { cellsOf, numberAt, rowDef, tableDefOf, valueAt } from '../../report/cells.ts';
import { defineRule } from '../define.ts';
import { normalizeProse } from '../narrative.ts';
import type { Hit } from '../types.ts';

export const carriedOver = defineRule({
  id: 'carried-over',
  severity: 'error',
  basis: 'template',
  scope: 'pair',
  title: '上年结转与上年报告的结转下年度不符',
  description: '同一机关相邻两年：本年表三“二、上年结转政府信息公开申请数量”的每一列，须等于上年报告表三“四、结转下年度继续办理”的同一列。',
  example: '表三“自然人”列：本年「二、上年结转政府信息公开申请数量」为0，上年报告「四、结转下年度继续办理」为2',
  check({ report, previous }) {
    const hits: Hit[] = [];
    const pair = previous && tablePair(report, previous, 'table3');
    if (!pair) return hits;
    const { table, previousTable } = pair;
    const over = rowDef(table, TABLE3_CARRY.over);
    const forward = rowDef(previousTable, TABLE3_CARRY.forward);
    if (!over || !forward) return hits;
    over.columns.forEach((column, col) => {
      const key = cellKey(table, { row: over.id, col });
      const lastKey = cellKey(previousTable, { row: forward.id, col });
      const now = valueAt(report, key);
      const then = valueAt(previous, lastKey);
      if (typeof now !== 'number' || typeof then !== 'number' || now === then) return;
      if (report.provenance[key]?.status === 'unknown' || previous.provenance[lastKey]?.status === 'unknown') return;
      hits.push({
        message: `${tableName(table.id)}“${column.label}”列：本年「${over.label}」为${now}，上年报告「${forward.label}」为${then}`,
        cells: [key],
        expected: then,
        actual: now,
      });
    });
    return hits;
  },
});

export const inForceContinuity = defineRule({
  id: 'in-force-continuity',
  severity: 'warning',
  basis: 'plausibility',
  scope: 'pair',
  title: '现行有效件数与上年及本年制发、废止不衔接',
  description: '同一机关相邻两年：表二规章、行政规范性文件的“现行有效件数”通常等于上年现行有效件数+本年制发件数−本年废止件数。',
  example: '表二「行政规范性文件」：上年现行有效12件+本年制发3件−本年废止1件=14件，但本年现行有效件数为10',
  check({ report, previous }) {
    const hits: Hit[] = [];
    const pair = previous && tablePair(report, previous, 'table2');
    if (!pair) return hits;
    const { table, previousTable } = pair;
    for (const id of ['regulations', 'normative_docs']) {
      const row = rowDef(table, id);
      if (!row || !rowDef(previousTable, id)) continue;
      const key = (t: typeof table, column: string) => cellsOf(t).find((c) => c.row.id === id && c.column.id === column)?.key;
      const keys = { issued: key(table, 'issued'), repealed: key(table, 'repealed'), inForce: key(table, 'in_force'), last: key(previousTable, 'in_force') };
      if (!keys.issued || !keys.repealed || !keys.inForce || !keys.last) continue;
      const [issued, repealed, inForce] = [keys.issued, keys.repealed, keys.inForce].map((k) => numberAt(report, k));
      const last = numberAt(previous, keys.last);
      if ([issued, repealed, inForce, last].some((v) => v === undefined)) continue;
      const expected = last! + issued! - repealed!;
      if (expected === inForce) continue;
      const name = `${tableName(table.id)}「${row.label}」`;
      hits.push({
        message: `${name}：上年现行有效${last}件+本年制发${issued}件−本年废止${repealed}件=${expected}件，但本年现行有效件数为${inForce}`,
        cells: [keys.inForce, keys.issued, keys.repealed],
        expected,
        actual: inForce!,
      });
    }
    return hits;
  },
});

/** Character bigrams of a text with digits folded, so a copy with this year's numbers still counts as a copy. */
function bigrams(text: string): Set<string> {
  const s = normalizeProse(text).replace(/\d+/g, '0').replace(/[\p{P}\p{S}]/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return common / (x.size + y.size - common);
}

const SIMILARITY_THRESHOLD = 0.9;
/** Below this many characters a narrative is too short to call a copy ("无其他需要报告的事项" is the same every year). */
/** The definitions of one table in this year's and last year's report, when both reports have it. */
function tablePair(report: Report, previous: Report, id: TableId): { table: TableDef; previousTable: TableDef } | undefined {
  const table = tableDefOf(report, id);
  const previousTable = tableDefOf(previous, id);
  return table && previousTable ? { table, previousTable } : undefined;
}

const MIN_CHARS = 200;

const narrativeText = (r: Report) => r.sections.map((s) => s.text).join('\n');

export const narrativeSimilar = defineRule({
  id: 'narrative-similar',
  severity: 'warning',
  basis: '国办公开办函〔2021〕30号',
  scope: 'pair',
  title: '叙述内容与上年报告雷同',
  description: `同一机关相邻两年：各部分叙述文字（数字不计）的字符二元组 Jaccard 相似度达到${SIMILARITY_THRESHOLD}以上，`
    + `视为内容雷同，逐部分列出相似度。少于${MIN_CHARS}字的叙述不比较。`,
  example: '叙述内容与2023年度报告雷同：整体相似度0.96（第一部分0.95，第五部分1.00）',
  check({ report, previous }) {
    if (!previous) return [];
    const now = narrativeText(report);
    const then = narrativeText(previous);
    if (normalizeProse(now).length < MIN_CHARS || normalizeProse(then).length < MIN_CHARS) return [];
    const overall = similarity(now, then);
    if (overall < SIMILARITY_THRESHOLD) return [];
    const parts = report.sections
      .map((s) => ({ s, last: previous.sections.find((p) => p.number === s.number) }))
      .filter(({ s, last }) => last && normalizeProse(s.text).length >= 50 && normalizeProse(last.text).length >= 50)
      .map(({ s, last }) => `第${s.number}部分${similarity(s.text, last!.text).toFixed(2)}`);
    const first = report.sections.find((s) => s.text.trim());
    return [{
      message: `叙述内容与${previous.year}年度报告雷同：整体相似度${overall.toFixed(2)}${parts.length ? `（${parts.join('，')}）` : ''}`,
      at: first?.source,
      actual: Number(overall.toFixed(4)),
    }];
  },
});
