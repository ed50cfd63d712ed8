/**
 * Structure: the six sections, the numbering of sub-headings, the statistics period, the title year, the cited format
 * notice, and the fee statement of section 六.
 */
import { placeWords } from '../../document/finding.ts';
import { SECTIONS, versionForYear } from '../../format/index.ts';
import { normalizeText } from '../../text/normalize.ts';
import { chineseNumeral, parseChineseNumber } from '../../text/numerals.ts';
import { trimChars } from '../../text/trim.ts';
import { defineRule } from '../define.ts';
import { quote, type Paragraph } from '../narrative.ts';
import type { Hit } from '../types.ts';

const sectionName = (number: string) => {
  const def = SECTIONS.find((s) => s.number === number)!;
  return `${def.number}、${def.title}`;
};

/** A heading-like paragraph: short, numbered 一、 … 十、, optionally in bold or Markdown. */
const HEADING_LIKE_RE = /^(?:第)?([一二三四五六七八九十])(?:[、.,]|部分)(.{2,40}?)[。.:]?$/;

export const sectionMissing = defineRule({
  id: 'section-missing',
  severity: 'warning',
  basis: '国办公开办函〔2021〕30号',
  title: '缺少规定的章节或章节编号有误',
  description: `年度报告须依次包括六个部分：${SECTIONS.map((s) => `${s.number}、${s.title}`).join('；')}（标题措辞可略有不同）。`
    + '找不到某一部分（或它不在应有的顺序上）时报告；若有编号不同而标题相符的段落，指出疑似编号有误。',
  example: '缺少第五部分「五、存在的主要问题及改进情况」（第79行「六、存在的主要问题及改进情况」疑似编号有误）',
  check({ report, narrative }) {
    const hits: Hit[] = [];
    if (!report.year || versionForYear(report.year) === 'free') return hits;
    const found = new Set(report.sections.map((s) => s.number));
    for (const def of SECTIONS) {
      if (found.has(def.number)) continue;
      const lookalikes = narrative.paragraphs
        .map((p) => ({ p, m: HEADING_LIKE_RE.exec(trimChars(p.norm, /[*#>]/, /[*]/)) }))
        .filter(({ m }) => m && def.keywords.some((k) => m[2].includes(k)));
      // Extraction takes sections in order: a heading with the right number that it skipped stands out of order.
      const misplaced = lookalikes.find(({ m }) => m![1] === def.number)?.p;
      const misnumbered = lookalikes.find(({ m }) => m![1] !== def.number)?.p;
      const hint = misplaced ? `（${where(misplaced)}${quoteHeading(misplaced)}顺序不对）`
        : misnumbered ? `（${where(misnumbered)}${quoteHeading(misnumbered)}疑似编号有误）` : '';
      const at = (misplaced ?? misnumbered)?.source;
      hits.push({ message: `缺少第${def.number}部分「${sectionName(def.number)}」${hint}`, at });
    }
    return hits;
  },
});

const where = (p: Paragraph) => placeWords(p.source);
const quoteHeading = (p: Paragraph) => `「${trimChars(p.text.trim(), /[#*\s]/, /[*\s]/)}」`;

/** A sub-heading: a paragraph starting with （一） … （十）, in bold or not. */
const SUBHEADING_RE = /^[*#>]*\(([一二三四五六七八九十]{1,3})\)/;

export const subheadingSequence = defineRule({
  id: 'subheading-sequence',
  severity: 'warning',
  basis: 'template',
  title: '小标题编号跳号或重复',
  description: '同一部分内以（一）（二）（三）…开头的小标题应连续编号：跳号（如（四）之后是（六））或重复（如两个（二））均报告；'
    + '从（一）重新开始编号视为新的一组，不报告。',
  example: '第一部分小标题编号不连续：（四）之后是（六），缺（五）',
  check({ narrative }) {
    const hits: Hit[] = [];
    let section: string | undefined;
    let previous = 0;
    for (const p of narrative.paragraphs) {
      if (p.section !== section) {
        section = p.section;
        previous = 0;
      }
      if (!section || p.heading) continue;
      const m = SUBHEADING_RE.exec(p.norm);
      const n = m ? parseChineseNumber(m[1]) : undefined;
      if (n === undefined) continue;
      const label = (k: number) => `（${chineseNumeral(k)}）`;
      // A first sub-heading other than （一） is not reported: the ones before it may be in a block we cannot see.
      if (n === previous) {
        hits.push({ message: `第${section}部分小标题编号重复：两个${label(n)}`, at: p.source });
      } else if (n > previous + 1 && previous > 0) {
        const gap = Array.from({ length: n - previous - 1 }, (_, i) => label(previous + 1 + i)).join('');
        hits.push({ message: `第${section}部分小标题编号不连续：${label(previous)}之后是${label(n)}，缺${gap}`, at: p.source });
      } else if (n < previous && n !== 1) {
        hits.push({ message: `第${section}部分小标题编号不连续：${label(previous)}之后是${label(n)}`, at: p.source });
      }
      previous = n;
    }
    return hits;
  },
});

/** "统计数据从2024年1月1日至12月31日", "统计时限自2024年1月1日至2024年12月31日", "统计期限为…起至…止". */
const PERIOD_RE = /统计[^。;,]{0,8}?((?:19|20)\d{2})年1月1日[^。;,\d]{0,3}?(?:((?:19|20)\d{2})年)?12月31日/;

/** Zero-width characters web copies leave between the characters of a word; whitespace is gone from `norm` already. */
const INVISIBLE_RE = /[\u200b-\u200d\u2060\ufeff]/g;

/**
 * The periods stated, whatever spacing the copy put between the characters; a period a PDF line break cut in two
 * ("…2024年1月" / "1日至12月31日") is read across the break, at the paragraph it starts in.
 */
function statedPeriods(paragraphs: Paragraph[]): { p: Paragraph; years: number[]; text: string }[] {
  const out: { p: Paragraph; years: number[]; text: string }[] = [];
  paragraphs.forEach((p, i) => {
    const own = p.norm.replace(INVISIBLE_RE, '');
    const next = paragraphs[i + 1];
    const joined = next && !/[。!?]$/.test(own) ? own + next.norm.replace(INVISIBLE_RE, '') : own;
    const m = PERIOD_RE.exec(joined);
    // A period wholly after the break is the next paragraph's own.
    if (!m || m.index >= own.length) return;
    out.push({ p, years: [Number(m[1]), ...(m[2] ? [Number(m[2])] : [])], text: m[0] });
  });
  return out;
}

export const statisticsPeriodYear = defineRule({
  id: 'statistics-period-year',
  severity: 'error',
  basis: '条例第五十条',
  title: '统计期与报告年度不符',
  description: '报告写明的统计期（如“统计数据从YYYY年1月1日至12月31日”）须为报告年度的1月1日至12月31日。',
  example: '统计期写作“统计数据从2023年1月1日至12月31日”，与报告年度2024年不符',
  check({ report, narrative }) {
    if (!report.year) return [];
    return statedPeriods(narrative.paragraphs)
      .filter(({ years }) => years.some((y) => y !== report.year))
      .map(({ p, text }) => ({ message: `统计期写作${quote(text)}，与报告年度${report.year}年不符`, at: p.source }));
  },
});

export const statisticsPeriodMissing = defineRule({
  id: 'statistics-period-missing',
  severity: 'info',
  basis: '条例第五十条',
  title: '未写明统计期',
  description: '报告通常写明“本报告统计数据从YYYY年1月1日至12月31日”；未找到时提示。报告不含导语（如只有表格的片段）时不检查。',
  example: '未写明统计期（如“本报告统计数据从2024年1月1日至12月31日”）',
  check({ report, narrative }) {
    // Without its preamble, where the period is usually stated, a report cannot be said to lack it.
    if (!report.year || !narrative.hasPreamble || statedPeriods(narrative.paragraphs).length) return [];
    return [{ message: `未写明统计期（如“本报告统计数据从${report.year}年1月1日至12月31日”）` }];
  },
});

const TITLE_YEAR_RE = /((?:19|20)\d{2})年/;

/**
 * "现发布《XX 2024年政府信息公开工作年度报告》" in the preamble names the report's own year: the first 发布《 whose title
 * (up to the next 》) ends in 报告 and holds a year. Cut at 》 rather than scanned by one regex, which would read the
 * text after every 发布《 again.
 */
function selfTitle(text: string): { text: string; year: number } | undefined {
  for (const piece of text.split('》').slice(0, -1)) {
    const at = piece.indexOf('发布《');
    const title = at < 0 ? '' : piece.slice(at + '发布《'.length);
    const year = TITLE_YEAR_RE.exec(title);
    if (year && title.endsWith('报告')) return { text: `发布《${title}》`, year: Number(year[1]) };
  }
  return undefined;
}

const YEAR_RE = /((?:19|20)\d{2})\s*年/;

export const titleYear = defineRule({
  id: 'title-year',
  severity: 'error',
  basis: 'template',
  title: '标题年度与报告年度不符',
  description: '标题中的年度、导语中“现发布《……YYYY年……年度报告》”的年度须与报告年度一致。',
  example: '导语称发布《惠农区卫生健康局2023年政府信息公开工作年度报告》，与报告年度2024年不符',
  check({ report, narrative }) {
    const hits: Hit[] = [];
    if (!report.year) return hits;
    const titleYearValue = report.title ? YEAR_RE.exec(normalizeText(report.title))?.[1] : undefined;
    if (titleYearValue && Number(titleYearValue) !== report.year) {
      hits.push({ message: `标题${quote(report.title!)}的年度与报告年度${report.year}年不符` });
    }
    for (const p of narrative.paragraphs) {
      if (p.section) continue;
      const self = selfTitle(p.norm);
      if (self && self.year !== report.year) {
        hits.push({ message: `导语称${self.text}，与报告年度${report.year}年不符`, at: p.source });
      }
    }
    return hits;
  },
});

/** The notice that issued the 2021 format, as published. */
export const FORMAT_NOTICE_TITLE = '国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知';
const FORMAT_NOTICE = { year: 2021, number: 30 };
const NOTICE_RE = /国办公开办函[〔\[【(]?((?:19|20)\d{2})[〕\]】)]?(\d+)号/g;
/** How far before a citation its title may start: notice titles run to about 60 characters. */
const TITLE_REACH = 120;
const titleKey = (s: string) => normalizeText(s).replace(/[\s〈〉<>《》“”"']/g, '');

function citations(paragraphs: Paragraph[]): { p: Paragraph; year: number; number: number; text: string; title?: string }[] {
  const out: { p: Paragraph; year: number; number: number; text: string; title?: string }[] = [];
  for (const p of paragraphs) {
    for (const m of p.norm.matchAll(NOTICE_RE)) {
      const before = p.norm.slice(Math.max(0, m.index - TITLE_REACH), m.index);
      const title = /《([^《》]*(?:〈[^〈〉]*〉|<[^<>]*>)?[^《》]*)》[(\[]?$/.exec(before)?.[1];
      out.push({ p, year: Number(m[1]), number: Number(m[2]), text: m[0], title });
    }
  }
  return out;
}

export const citationNumber = defineRule({
  id: 'citation-number',
  severity: 'warning',
  basis: '国办公开办函〔2021〕30号',
  title: '引用的年度报告格式文件文号有误',
  description: '2021年度起的报告依据《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》'
    + '（国办公开办函〔2021〕30号）；引用国办公开办函时文号应为〔2021〕30号。',
  example: '引用的“国办公开办函〔2021〕31号”文号有误，年度报告格式文件为国办公开办函〔2021〕30号',
  check({ report, narrative }) {
    if (!report.year || report.year < FORMAT_NOTICE.year) return [];
    return citations(narrative.paragraphs)
      .filter((c) => c.year !== FORMAT_NOTICE.year || c.number !== FORMAT_NOTICE.number)
      .map((c) => ({
        message: `引用的${quote(c.text)}文号有误，年度报告格式文件为国办公开办函〔${FORMAT_NOTICE.year}〕${FORMAT_NOTICE.number}号`,
        at: c.p.source,
      }));
  },
});

export const citationTitle = defineRule({
  id: 'citation-title',
  severity: 'warning',
  basis: '国办公开办函〔2021〕30号',
  title: '引用的年度报告格式文件名称与原文不一致',
  description: `国办公开办函〔2021〕30号的名称是《${FORMAT_NOTICE_TITLE}》；引用时名称写法不同的，提示原文名称（书名号内的尖括号写法不计）。`,
  example: `引用国办公开办函〔2021〕30号时名称写作《国务院办公厅关于做好政府信息公开工作年度报告编制发布工作的通知》，原文为《${FORMAT_NOTICE_TITLE}》`,
  check({ report, narrative }) {
    if (!report.year || report.year < FORMAT_NOTICE.year) return [];
    return citations(narrative.paragraphs)
      .filter((c) => c.year === FORMAT_NOTICE.year && c.number === FORMAT_NOTICE.number && c.title)
      .filter((c) => titleKey(c.title!) !== titleKey(FORMAT_NOTICE_TITLE))
      .map((c) => ({
        message: `引用国办公开办函〔2021〕30号时名称写作《${c.title}》，原文为《${FORMAT_NOTICE_TITLE}》`,
        at: c.p.source,
      }));
  },
});

/** A statement of the 信息处理费 collected: named, or "未收取…费用". */
const FEE_STATEMENT_RE = /信息处理费|依申请公开费用|(?:未|不|没有|无)收取[^。;,]{0,12}费|收费[^。;,]{0,6}(?:0|零)元/;

export const feeStatement = defineRule({
  id: 'fee-statement',
  severity: 'warning',
  basis: '国办公开办函〔2021〕30号',
  title: '未说明信息处理费收取情况',
  description: '2021年度起，第六部分“其他需要报告的事项”须说明依据《政府信息公开信息处理费管理办法》收取信息处理费的情况（未收取也应写明）。'
    + '写有“信息处理费”“依申请公开费用”或“未收取……费”即视为已说明。',
  example: '第六部分未说明信息处理费的收取情况（未收取也应写明）',
  check({ report, narrative }) {
    if (!report.year || report.year < 2021) return [];
    if (narrative.paragraphs.some((p) => FEE_STATEMENT_RE.test(p.norm))) return [];
    const six = report.sections.find((s) => s.number === '六');
    return [{ message: `${six ? '第六部分' : '报告'}未说明信息处理费的收取情况（未收取也应写明）`, at: six?.source }];
  },
});
