/** Agency, year, title and publication date from the lines before the first section. */
import { LEVEL_NAME_PATTERNS, isRegionOnly, type AgencyLevelId } from '../format/levels.ts';
import { normalizeText } from '../text/normalize.ts';
import { trimChars } from '../text/trim.ts';
import { soleText, type StreamLine } from './stream.ts';

export interface Metadata {
  agency: string | null;
  year: number | null;
  title: string | null;
  published: string | null;
  /** The agency's level, inferred from its name (a roster may declare it instead). */
  level: AgencyLevelId | null;
}

const TITLE_RE = /^(.*?)(?:关于)?(?:公布)?((?:19|20)\d{2})\s*年度?\s*政府信息公开(?:工作)?(?:年度)?(?:工作)?报告/;
const YEAR_FIRST_TITLE_RE = /^((?:19|20)\d{2})\s*年度?\s*(.{2,40}?)政府信息公开(?:工作)?(?:年度)?(?:工作)?报告/;
const QUOTED_TITLE_RE = /《([^《》]{2,40}?)((?:19|20)\d{2})\s*年度?政府信息公开(?:工作)?(?:年度)?报告》/;
const PERIOD_RE = /统计(?:数据|期限|时限)?(?:从|自|为)?\s*((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/;
const DATE = String.raw`((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?`;
/** A line that is only a date, or "发布日期：…" anywhere in a line of page metadata. */
const DATE_LINE_RE = new RegExp(`^(?:(?:发布|成文|印发)?(?:日期|时间)[:：]?\\s*)?${DATE}$`);
const DATE_LABELLED_RE = new RegExp(`(?:发布|成文|印发)(?:日期|时间)[:：]\\s*${DATE}`);

/** A crawler's page metadata field naming the title ("标题: …"): not part of the agency. */
const PAGE_TITLE_FIELD_RE = /^(?:标题|题目|文章标题)[:：]\s*/;

const cleanAgency = (s: string) => trimChars(s, /[《#*\s]/, /[》\s*]/).replace(/\s+/g, '');

export function readMetadata(lines: StreamLine[], firstSection: number): Metadata {
  const head = lines.slice(0, Math.min(firstSection >= 0 ? firstSection : 40, 60)).map((l) => soleText(l) ?? '');
  const title = findTitle(head);
  const year = title?.year ?? findYear(lines.slice(0, 80));
  const agency = title?.agency || null;
  return {
    agency,
    level: agency ? inferLevel(agency) : null,
    year,
    title: title?.title ?? null,
    published: findPublished(head, lines, year),
  };
}

function findTitle(head: string[]): { agency: string; year: number; title: string } | undefined {
  const texts = head.map((t) => normalizeText(t).trim().replace(PAGE_TITLE_FIELD_RE, ''));
  const tryText = (text: string, previous?: string) => {
    if (text.length > 80) return undefined;
    const yearFirst = YEAR_FIRST_TITLE_RE.exec(text.replace(/^[#*\s]+/, ''));
    if (yearFirst && cleanAgency(yearFirst[2])) {
      return { agency: cleanAgency(yearFirst[2]), year: Number(yearFirst[1]), title: text.replace(/^[#*\s]+/, '') };
    }
    const m = TITLE_RE.exec(text.replace(/^[#*\s]+/, ''));
    if (!m) return undefined;
    let agency = cleanAgency(m[1]);
    if (!agency && previous && previous.length <= 30 && !/[，。,]/.test(previous)) agency = cleanAgency(previous);
    return { agency, year: Number(m[2]), title: (agency && !m[1] ? `${agency}` : '') + text.replace(/^[#*\s]+/, '') };
  };
  for (let i = 0; i < texts.length; i++) {
    const hit = tryText(texts[i], texts.slice(0, i).reverse().find((t) => t));
    if (hit) return hit;
  }
  // Titles broken over two lines ("…关于2023年政府信息" / "公开工作年度报告").
  const filled = texts.filter((t) => t && t.length <= 40);
  for (let i = 0; i + 1 < filled.length; i++) {
    const hit = tryText(filled[i] + filled[i + 1]);
    if (hit && hit.agency) return hit;
  }
  for (const text of texts) {
    const m = QUOTED_TITLE_RE.exec(text);
    if (m) return { agency: cleanAgency(m[1]), year: Number(m[2]), title: `${m[1]}${m[2]}年政府信息公开工作年度报告` };
  }
  return undefined;
}

function findYear(lines: StreamLine[]): number | null {
  for (const line of lines) {
    // Text joined from PDF lines may hold a space anywhere in the period ("2020年1 月1日", "统计期 限").
    const m = PERIOD_RE.exec(normalizeText(soleText(line) ?? '').replace(/\s+/g, ''));
    if (m) return Number(m[1]);
  }
  return null;
}

/** A line that is only a date, near the top (web page metadata) or at the very end (the signature date). */
function findPublished(head: string[], lines: StreamLine[], year: number | null): string | null {
  const tail = lines.slice(-6).map((l) => soleText(l) ?? '');
  for (const text of [...head, ...tail.reverse()]) {
    const normal = normalizeText(text).trim();
    const m = DATE_LINE_RE.exec(normal) ?? DATE_LABELLED_RE.exec(normal);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    if (year !== null && (y < year || y > year + 2)) continue;
    return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return null;
}

/**
 * The level an agency name states: 平罗县 / 平潭综合实验区 / XX县人民政府 are 本级政府, XX街道办事处 / XX镇人民政府
 * townships, 局 / 委员会 / 办公室 departments; null when the name does not say. A title published by one agency
 * about another ("XX县人民政府办公室关于XX县…") is about the one after 关于.
 */
export function inferLevel(agency: string): AgencyLevelId | null {
  const name = withoutNotes(normalizeText(agency).replace(/\s+/g, '').replace(/^.*关于/, ''));
  const hit = LEVEL_NAME_PATTERNS.find(({ pattern }) => pattern.test(name));
  if (hit?.level === 'township' || hit?.level === 'government') return hit.level;
  if (isRegionOnly(name)) return 'government';
  return hit?.level ?? null;
}

/**
 * A name without its bracketed notes ("（筹）"), each from an opening bracket to the next closing one. Cut at the
 * closing brackets rather than matched by /[（(][^）)]*[）)]/g, which reads to the end again from every unclosed one.
 */
function withoutNotes(name: string): string {
  const parts = name.split(/([）)])/); // text, closing bracket, text, …, text
  let out = '';
  for (let i = 0; i < parts.length; i += 2) {
    const open = parts[i].search(/[（(]/);
    const closed = i + 1 < parts.length;
    out += closed && open >= 0 ? parts[i].slice(0, open) : parts[i] + (closed ? parts[i + 1] : '');
  }
  return out;
}
