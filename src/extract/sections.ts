/** Finds the six section headings, in order; titles vary, so each is known by its number and a keyword. */
import { SECTIONS } from '../format/sections.ts';
import type { SectionDef } from '../format/types.ts';
import { normalizeText } from '../text/normalize.ts';
import { soleText, type StreamLine } from './stream.ts';
import type { SourcePos } from '../document/model.ts';

export interface SectionHit {
  def: SectionDef;
  title: string;
  /** Index of the heading line in the stream. */
  at: number;
  pos: SourcePos;
}

/** A cheap first look before normalising: headings start with their number (maybe after markup or spaces). */
const MAY_BE_HEADING_RE = /^[\s#*\u3000]*第?[一二三四五六⼀⼆]/; // ⼀ ⼆: Kangxi radicals from PDF text
const HEADING_RE = /^(?:第)?([一二三四五六])(?:[、.,]|部分)?\s*(.{2,40}?)[。.:]?$/;

export function findSections(lines: StreamLine[]): SectionHit[] {
  const hits: SectionHit[] = [];
  let next = 0;
  lines.forEach((line, at) => {
    const text = soleText(line);
    if (!text || text.length > 45 || !MAY_BE_HEADING_RE.test(text)) return;
    const m = HEADING_RE.exec(normalizeText(text).replace(/[*#\s]+/g, ''));
    if (!m) return;
    const index = SECTIONS.findIndex((s) => s.number === m[1]);
    const def = SECTIONS[index];
    if (index < next || !def.keywords.some((k) => m[2].includes(k))) return;
    hits.push({ def, title: m[2], at, pos: line.cells.find((c) => c.text.trim())!.pos });
    next = index + 1;
  });
  return hits;
}

/** The stream range [from, to) of a section: from its heading to the next heading found. */
export function sectionRange(hits: SectionHit[], number: string, total: number): { from: number; to: number } | undefined {
  const i = hits.findIndex((h) => h.def.number === number);
  if (i < 0) return undefined;
  return { from: hits[i].at + 1, to: hits[i + 1]?.at ?? total };
}
