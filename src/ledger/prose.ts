/**
 * The draft prose of a report built from the ledger: the numbers of sections 一, 三, 四 and the 六 fee statement
 * written from the tables, the other parts from last year's report when given (a starting point the agency edits),
 * else a bracketed prompt. Sentences are phrased the way the narrative checks read them, so a draft agrees with its
 * tables by construction.
 */
import { SECTIONS } from '../format/index.ts';
import type { RowDef, TableDef } from '../format/types.ts';
import type { Report, SectionJson, Table3Json, Table4Json } from '../report/types.ts';
import { outcomeRowsOf } from './model.ts';

/** The five usual parts of section 一 (FORMAT.md), each found in last year's text by its keyword. */
const OVERVIEW_PARTS = [
  { heading: '（一）主动公开情况', keyword: '主动公开' },
  { heading: '（二）依申请公开情况', keyword: '依申请' },
  { heading: '（三）政府信息管理情况', keyword: '管理' },
  { heading: '（四）政府信息公开平台建设情况', keyword: '平台' },
  { heading: '（五）监督保障情况', keyword: '监督' },
];

export interface ProseFacts {
  agency: string;
  year: number;
  /** The table 三 definition of the year's format. */
  table3Def: TableDef;
  table3: Table3Json;
  table4: Table4Json;
  /** Fees paid in the year: applications and yuan. */
  fees: { count: number; yuan: number };
}

const TOTAL = 6;
const n = (t: Table3Json, row: string) => Number(t[row]?.[TOTAL] ?? 0);

/** Sections 一–六 of the draft. */
export function draftSections(facts: ProseFacts, previous?: Report): SectionJson[] {
  const texts: Record<string, string[]> = {
    一: overview(facts, previous),
    二: ['本年度主动公开政府信息情况见下表。'],
    三: ['本年度收到和处理政府信息公开申请情况见下表。'],
    四: [appealsSentence(facts.table4), '政府信息公开行政复议、行政诉讼情况见下表。'],
    五: carried(previous, '五') ?? ['（请补充：存在的主要问题及改进情况。）'],
    六: [feeSentence(facts), '（请补充：其他需要报告的事项。）'],
  };
  return SECTIONS.map((s) => ({
    number: s.number,
    title: s.title,
    text: texts[s.number].join('\n'),
    paragraphs: texts[s.number].map((text) => ({ text })),
  }));
}

/** The preamble: the legal basis and the statistics period. */
export function draftPreamble(facts: ProseFacts): string[] {
  return [
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条的规定，由${facts.agency}编制。`,
    `本报告统计数据从${facts.year}年1月1日至12月31日。`,
  ];
}

function overview(facts: ProseFacts, previous?: Report): string[] {
  const lastYear = previous?.sections.find((s) => s.number === '一');
  const parts = lastYear ? splitParts(lastYear) : new Map<number, string[]>();
  return OVERVIEW_PARTS.flatMap((part, i) => [
    part.heading,
    ...(i === 1 ? applicationsParagraph(facts) : parts.get(i) ?? [`（请补充：${part.heading.slice(3)}。）`]),
  ]);
}

/** Last year's section 一 paragraphs under each of the five part headings, by keyword. */
function splitParts(section: SectionJson): Map<number, string[]> {
  const parts = new Map<number, string[]>();
  let current: number | undefined;
  for (const p of paragraphsOf(section)) {
    const heading = /^\s*（[一二三四五六七八九十]）/.test(p) && p.length <= 30;
    if (heading) {
      const i = OVERVIEW_PARTS.findIndex((part) => p.includes(part.keyword));
      current = i >= 0 ? i : undefined;
    } else if (current !== undefined) parts.set(current, [...(parts.get(current) ?? []), p]);
  }
  return parts;
}

const paragraphsOf = (s: SectionJson) => (s.paragraphs?.length ? s.paragraphs.map((p) => p.text) : s.text.split('\n')).filter((t) => t.trim());

function carried(previous: Report | undefined, number: string): string[] | undefined {
  const section = previous?.sections.find((s) => s.number === number);
  const texts = section ? paragraphsOf(section) : [];
  return texts.length ? texts : undefined;
}

/** The application figures of table 三 in the words the narrative checks read. */
function applicationsParagraph({ year, table3Def, table3: t }: ProseFacts): string[] {
  const received = n(t, 'new_received');
  const opening = received ? `${year}年，本机关新收政府信息公开申请${received}件` : `${year}年，本机关未收到新的政府信息公开申请`;
  const groups = new Map<string, number>();
  for (const row of outcomeRowsOf(table3Def)) groups.set(outcomeWord(row), (groups.get(outcomeWord(row)) ?? 0) + n(t, row.id));
  const outcomes = [...groups].filter(([, count]) => count > 0).map(([word, count]) => `${word}${count}件`);
  return [
    `${opening}，上年结转${n(t, 'carried_over')}件。本年度办结${n(t, 'total_processed')}件：${outcomes.join('，') || '无'}。结转下年度继续办理${n(t, 'carried_forward')}件。`,
  ];
}

/** The word of an outcome's group as prose says it: （三）不予公开 → 不予公开, （二）部分公开（区分处理的…） → 部分公开. */
function outcomeWord(row: RowDef): string {
  const label = row.group?.startsWith('（') ? row.group : row.label;
  return label.replace(/^（[一二三四五六七八九十]）/, '').replace(/（[^（）]*）$/, '');
}

function appealsSentence(t: Table4Json): string {
  const review = Number(t.review?.total ?? 0);
  const litigation = Number(t.litigation_direct?.total ?? 0) + Number(t.litigation_after_review?.total ?? 0);
  if (!review && !litigation) return '本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。';
  return `本年度因政府信息公开工作被申请行政复议${review}件，被提起行政诉讼${litigation}件。`;
}

/** The 六 statement 国办公开办函〔2021〕30号 asks for, from the fee records. */
function feeSentence({ fees }: ProseFacts): string {
  return fees.count
    ? `本年度依据《政府信息公开信息处理费管理办法》收取信息处理费${fees.yuan}元，涉及政府信息公开申请${fees.count}件。`
    : '本年度未收取信息处理费。';
}
