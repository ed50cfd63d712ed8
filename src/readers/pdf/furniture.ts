/**
 * Page furniture: running headers and footers and page numbers, which would otherwise land between the rows of a table
 * continued on the next page. A line is furniture when it sits in the top or bottom band of the page and either reads
 * as a page number ("- 3 -", "第 3 页", "3 / 12") or recurs (digits aside) at the same height on many pages.
 */
import { normalizeText } from '../../text/normalize.ts';
import type { Line } from './types.ts';

/** Share of the page height at the top and at the bottom where headers and footers live. */
const BAND = 0.12;
/** Lines this close to the band's edge of the page (first/last few lines) are candidates. */
const CANDIDATES = 3;
/** Same height on two pages within this many points. */
const SAME_Y = 6;

const PAGE_NUMBER_RES = [
  /^[-–—~\s]*\d{1,4}[-–—~\s]*$/,
  /^第\d+页(?:[,/]?共\d+页)?$/,
  /^共\d+页[,/]?第\d+页$/,
  /^\d+\/\d+$/,
  /^(?:page|p\.?)\d+(?:(?:of|\/)\d+)?$/i,
];

/** Numbers standing apart ("0 0 / 0"): a row of a table at the top of a page, not "3 / 12". */
const SEPARATE_NUMBERS_RE = /\d\s+\d/;

export function isPageNumber(text: string): boolean {
  const n = normalizeText(text);
  const t = n.replace(/\s+/g, '');
  return t !== '' && !SEPARATE_NUMBERS_RE.test(n) && PAGE_NUMBER_RES.some((re) => re.test(t));
}

export interface PageLines {
  page: number;
  height: number;
  /** Lines outside ruled tables, top to bottom. */
  lines: Line[];
}

interface Candidate {
  line: Line;
  page: number;
  band: 'top' | 'bottom';
  key: string;
}

/** The furniture lines among all pages' lines. */
export function findFurniture(pages: PageLines[]): Set<Line> {
  const candidates: Candidate[] = [];
  for (const { page, height, lines } of pages) {
    const top = lines.slice(0, CANDIDATES).filter((l) => l.bottom <= height * BAND);
    const bottom = lines.slice(-CANDIDATES).filter((l) => l.top >= height * (1 - BAND));
    for (const line of top) candidates.push({ line, page, band: 'top', key: keyOf(line) });
    for (const line of bottom) if (!top.includes(line)) candidates.push({ line, page, band: 'bottom', key: keyOf(line) });
  }
  const furniture = new Set<Line>();
  for (const c of candidates) if (isPageNumber(c.line.text)) furniture.add(c.line);
  // Repeated on at least two pages, and on at least 40% of the pages once there are more than a few.
  const needed = Math.max(2, Math.ceil(0.4 * pages.length));
  const byKey = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const k = `${c.band}\u0000${c.key}`;
    byKey.set(k, [...(byKey.get(k) ?? []), c]);
  }
  for (const group of byKey.values()) {
    for (const c of group) {
      const pagesAtSameHeight = new Set(group.filter((o) => Math.abs(o.line.top - c.line.top) <= SAME_Y).map((o) => o.page));
      if (pagesAtSameHeight.size >= needed) furniture.add(c.line);
    }
  }
  return furniture;
}

/** Text with digits generalised, so "第 3 页 共 12 页" on every page is one key. */
function keyOf(line: Line): string {
  return normalizeText(line.text).replace(/\s+/g, '').replace(/\d+/g, '#');
}
