/** Putting back together the lines a source wrapped one cell or paragraph into. */
import { isCjk } from './cjk.ts';

export interface JoinOptions {
  /**
   * A line ending in "-" joins the next without a space. Only for PDF, whose lines are visual wraps that may split a
   * hyphenated word ("e-" / "mail"); in HTML a break after "-" renders as a space, and DOCX lines are paragraphs.
   */
  hyphenWrap?: boolean;
}

/**
 * Joins lines: no space where either side of the break is CJK (商业 + 企业 → 商业企业), one space between words
 * ("Article 1" + "Scope"); empty lines are skipped. Callers clean each line first as their medium requires.
 */
export function joinLines(lines: readonly string[], options: JoinOptions = {}): string {
  let text = '';
  for (const line of lines) {
    if (!line) continue;
    const tight = !text || isCjk(text.at(-1)) || isCjk(line[0]) || (options.hyphenWrap && text.endsWith('-'));
    text += tight ? line : ` ${line}`;
  }
  return text;
}
