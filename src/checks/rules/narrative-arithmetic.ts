/**
 * Arithmetic inside the narrative: "共N条，其中A…、B…" whose parts add up to more than N; two different totals for the
 * same quantity; and words typed twice ("其中其中").
 */
import { placeWords } from '../../document/finding.ts';
import { defineRule } from '../define.ts';
import { clausesOf, display, quote, sentences, type Paragraph } from '../narrative.ts';
import type { Hit } from '../types.ts';
import { trimChars } from '../../text/trim.ts';

const UNITS = '条|件|篇|项|个|份|次|家|场|期|人次|人|起|宗';
/** Approximate numbers: "900余条", "约50件", "近百条". */
const APPROXIMATE_RE = /余|多|约|近|左右|以上|超过|不少于/;
const NUMBER_UNIT_RE = new RegExp(String.raw`(?<![\d.])(\d+)(余|多)?(${UNITS})`, 'g');

interface Breakdown {
  total: number;
  unit: string;
  totalText: string;
  parts: number[];
  partsText: string;
}

/**
 * The "N…，其中 A、B、C" statements of a sentence part (a sentence, up to a semicolon: lists separated by semicolons
 * are often a different breakdown per item). Parenthesised asides and items that restate totals or compare with other
 * years are left out; a bare number counts as a part only when other parts carry the total's unit ("不公开147").
 */
export function breakdowns(norm: string): Breakdown[] {
  const out: Breakdown[] = [];
  for (const sentence of sentences(norm)) {
    for (const segment of sentence.split(/[;。!?]/)) {
      const text = segment.replace(/\([^()]*\)|（[^（）]*）|【[^【】]*】/g, '');
      let from = 0;
      for (let k = text.indexOf('其中', from); k >= 0; k = text.indexOf('其中', from)) {
        from = k + 2;
        const before = trimChars(text.slice(0, k), null, /[,:]/);
        const totalClause = before.slice(before.lastIndexOf(',') + 1);
        const totals = [...totalClause.matchAll(NUMBER_UNIT_RE)];
        const last = totals.at(-1);
        if (!last || APPROXIMATE_RE.test(totalClause)) continue;
        const unit = last[3];
        const rest = text.slice(k + 2).replace(/^[,:]+/, '');
        const items = rest.split(/[,、]/);
        const parts: number[] = [];
        let withUnit = 0;
        let approximate = false;
        const used: string[] = [];
        for (const item of items) {
          if (item.includes('其中')) break;
          if (/共|合计|累计|总计|总|另|此外|同比|较|增长|减少|增加|下降|%/.test(item)) continue;
          if (APPROXIMATE_RE.test(item)) approximate = true;
          const m = [...item.matchAll(NUMBER_UNIT_RE)].find((x) => x[3] === unit);
          if (m) {
            parts.push(Number(m[1]));
            withUnit++;
            used.push(item);
            continue;
          }
          const bare = /(?<![\d.])(\d+)$/.exec(item);
          if (bare && !/\d[年月日号]/.test(item)) {
            parts.push(Number(bare[1]));
            used.push(item);
          }
        }
        if (approximate || withUnit === 0 || parts.length < 2) continue;
        out.push({ total: Number(last[1]), unit, totalText: totalClause, parts, partsText: used.join('，') });
      }
    }
  }
  return out;
}

export const narrativeSum = defineRule({
  id: 'narrative-sum',
  severity: 'error',
  basis: 'plausibility',
  title: '叙述中分项之和超过总数',
  description: '“共（累计、合计）N条/件/篇/项，其中A…、B…、C…”中，与总数同单位的分项之和大于N的报告（小于N不报告，分项可不完整）。'
    + '带“余、约、近、多”的约数、括号内的说明、与上年的比较不计。',
  example: '“2021年共制发268件”，其中各项之和120+147+2=269，超过总数268',
  check({ narrative }) {
    const hits: Hit[] = [];
    for (const p of narrative.paragraphs) {
      if (p.heading) continue;
      for (const b of breakdowns(p.norm)) {
        const sum = b.parts.reduce((s, n) => s + n, 0);
        if (sum <= b.total) continue;
        hits.push({
          message: `${quote(b.totalText)}，其中各项之和${b.parts.join('+')}=${sum}，超过总数${b.total}`,
          at: p.source,
          expected: b.total,
          actual: sum,
        });
      }
    }
    return hits;
  },
});

/**
 * Quantities a report states once for the whole year, so two different totals contradict each other. Kept to a
 * short list on purpose: most "共发布N条" differ by channel and are not the same quantity.
 */
const YEAR_TOTALS: { name: string; re: RegExp }[] = [
  { name: '制发公文', re: /(?:共|累计|合计)计?(?:制发|印发)(?:各类)?(?:公文|文件)?(?<![\d.])(\d+)件/ },
];

interface Stated {
  p: Paragraph;
  value: number;
  text: string;
}

export const narrativeTotalConflict = defineRule({
  id: 'narrative-total-conflict',
  severity: 'warning',
  basis: 'plausibility',
  title: '同一数量在叙述中有两个不同的总数',
  description: `同一报告对全年只有一个总数的数量（${YEAR_TOTALS.map((t) => t.name).join('、')}）写出两个不同的数，如“共制发公文253件”与“共制发268件”。`,
  example: '“本年度共制发公文253件”（第11行）与“2021年共制发268件”（第13行）是同一数量（制发公文）的两个不同总数',
  check({ narrative }) {
    const hits: Hit[] = [];
    for (const total of YEAR_TOTALS) {
      const stated: Stated[] = [];
      for (const p of narrative.paragraphs) {
        if (p.heading) continue;
        for (const sentence of sentences(p.norm)) {
          for (const clause of clausesOf(sentence)) {
            const m = total.re.exec(clause);
            if (m && !APPROXIMATE_RE.test(clause)) stated.push({ p, value: Number(m[1]), text: clause });
          }
        }
      }
      const first = stated[0];
      const other = stated.find((s) => s.value !== first?.value);
      if (!first || !other) continue;
      const at = (s: Stated) => placeWords(s.p.source);
      const place = (s: Stated) => (at(s) ? `（${at(s)}）` : '');
      hits.push({
        message: `${quote(first.text)}${place(first)}与${quote(other.text)}${place(other)}是同一数量（${total.name}）的两个不同总数`,
        at: other.p.source,
        expected: first.value,
        actual: other.value,
      });
    }
    return hits;
  },
});

/** A word of two to six characters typed twice in a row ("其中其中"); 一步一步-style repetition is idiomatic. */
const DUPLICATE_RE = /([\u4e00-\u9fff]{2,6})\1/g;

export const duplicateWord = defineRule({
  id: 'duplicate-word',
  severity: 'warning',
  basis: 'plausibility',
  title: '词语重复',
  description: '连续重复的两到六字词语，如“其中其中”“政府信息政府信息”，多为编辑错误。以“一”开头的叠用（一步一步、一件一件）不报告。',
  example: '“其中其中”重复：“…相关信息380余条，其中其中疫情信息325余条，…”',
  check({ narrative }) {
    const hits: Hit[] = [];
    for (const p of narrative.paragraphs) {
      for (const m of p.norm.matchAll(DUPLICATE_RE)) {
        const word = m[1];
        if (word.startsWith('一') || /^(.)\1+$/.test(word)) continue;
        const at = m.index!;
        const context = p.norm.slice(Math.max(0, at - 10), at + m[0].length + 10);
        hits.push({ message: `“${m[0]}”重复：“…${display(context)}…”`, at: p.source });
      }
    }
    return hits;
  },
});
