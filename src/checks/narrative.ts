/**
 * The report's prose as paragraphs with their place and section, for the text rules: the preamble before section 一
 * and every section's paragraphs, each at its own source line, as extraction recorded them in the Report.
 */
import type { SourcePlace } from '../document/finding.ts';
import type { ParagraphJson, Report } from '../report/types.ts';
import { normalizeText } from '../text/normalize.ts';

export interface Paragraph {
  /** The text as written. */
  text: string;
  /** NFKC-normalised (ASCII digits and punctuation such as , ; : ( )), without any whitespace: what rules match. */
  norm: string;
  /** Number of the section it belongs to ("一" … "六"); undefined before section 一 (title, preamble). */
  section?: string;
  /** True for the section heading itself. */
  heading?: boolean;
  source?: SourcePlace;
}

export interface Narrative {
  paragraphs: Paragraph[];
  /** The text before section 一 is known (a Report built without it cannot say the period is missing). */
  hasPreamble: boolean;
}

export interface Clause {
  /** The clause, normalised (see Paragraph.norm). */
  text: string;
  /** The sentence it belongs to, normalised. */
  sentence: string;
  paragraph: Paragraph;
}

export const normalizeProse = (s: string): string => normalizeText(s).replace(/\s+/g, '');

export function narrativeOf(report: Report): Narrative {
  const paragraphs: Paragraph[] = [];
  const preamble = report.preamble ?? [];
  if (!preamble.length && report.title) paragraphs.push(paragraph(report.title, undefined, undefined));
  for (const p of preamble) paragraphs.push(paragraph(p.text, p.source, undefined));
  for (const s of report.sections) {
    paragraphs.push({ ...paragraph(`${s.number}、${s.title}`, s.source, s.number), heading: true });
    const body: ParagraphJson[] = s.paragraphs ?? s.text.split('\n').map((text) => ({ text, source: s.source }));
    for (const p of joinBrokenCounts(body)) paragraphs.push(paragraph(p.text, p.source, s.number));
  }
  return { paragraphs, hasPreamble: preamble.length > 0 };
}

/**
 * Paragraphs a line break cut inside a count ("…申请" / "17 件，…", as PDF text gives them) joined again: the first
 * stops without closing punctuation and the next starts with a count ("17 件") or its unit; a subheading followed by
 * "2024年，…" stays apart.
 */
function joinBrokenCounts(body: ParagraphJson[]): ParagraphJson[] {
  const out: ParagraphJson[] = [];
  for (const p of body) {
    if (!p.text.trim()) continue;
    const last = out.at(-1);
    if (last && !/[。！？；：.!?;:]\s*$/.test(last.text) && /^\s*(?:\d+\s*)?[件条项个份]/.test(p.text)) {
      out[out.length - 1] = { ...last, text: `${last.text}${p.text.trimStart()}` };
    } else out.push(p);
  }
  return out;
}

function paragraph(text: string, source: SourcePlace | undefined, section: string | undefined): Paragraph {
  return { text, norm: normalizeProse(text), section, source };
}

/** Sentences of a normalised text, each keeping its closing mark. */
export function sentences(norm: string): string[] {
  return norm.split(/(?<=[。!?])/).filter((s) => s.trim());
}

/** Clauses of a normalised sentence: split at commas and semicolons (full-width ones are ASCII after NFKC). */
export function clausesOf(sentence: string): string[] {
  return sentence.split(/[,;。!?]/).filter((s) => s);
}

/** Every clause of the narrative body (section headings left out), with its sentence and paragraph. */
export function* clauses(narrative: Narrative): Generator<Clause> {
  for (const paragraph of narrative.paragraphs) {
    if (paragraph.heading) continue;
    for (const sentence of sentences(paragraph.norm)) {
      for (const text of clausesOf(sentence)) yield { text, sentence, paragraph };
    }
  }
}

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？' };

/** Normalised text back to Chinese punctuation for messages ("a,b" → "a，b"). */
export function display(norm: string): string {
  return norm.replace(/[,;:()!?]/g, (c) => FULL_WIDTH[c]);
}

/** Quotes a piece of normalised text for a message, shortened. */
export function quote(s: string, max = 40): string {
  const chars = [...display(s)];
  return `“${chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('')}”`;
}
