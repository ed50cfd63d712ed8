/** How pieces and lines of PDF text are put back together: Chinese joins without spaces, other scripts with one. */
import type { Piece } from './types.ts';

/**
 * CJK ideographs, radicals (PDF text layers emit them for ideographs), CJK punctuation and full-width forms: text that
 * is written without spaces between characters.
 */
const CJK_RE = /[\u2E80-\u2FDF\u3000-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/;

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK_RE.test(ch);
}

/** Gap (in em) from which a space is kept between pieces even without a space character in the source. */
const SPACE_GAP_EM = 0.25;
/** Between two CJK characters a gap is only a space when it is wide: justified Chinese text spreads its characters. */
const CJK_SPACE_GAP_EM = 0.5;

/** Whether a space belongs between two pieces on the same line. */
export function spaceBetween(left: Piece, right: Piece): boolean {
  const em = Math.max(left.size, right.size);
  const gap = right.x0 - left.x1;
  if (isCjk(left.text.at(-1)) && isCjk(right.text[0])) {
    // OCR word boxes between Chinese characters are arbitrary; within a run they never mean a space.
    if (left.ocr !== undefined || right.ocr !== undefined) return false;
    return gap >= CJK_SPACE_GAP_EM * em;
  }
  return right.spaced || gap >= SPACE_GAP_EM * em;
}

/** The text of pieces on one line, left to right. */
export function joinPieces(pieces: Piece[]): string {
  let text = '';
  pieces.forEach((p, i) => {
    if (i > 0 && spaceBetween(pieces[i - 1], p)) text += ' ';
    text += p.text;
  });
  return text;
}

/** Joins lines of one cell or paragraph: a line break inside Chinese text is no space; between words it is one. */
export function joinLines(lines: string[]): string {
  let text = '';
  for (const line of lines) {
    if (!line) continue;
    if (text && !isCjk(text.at(-1)) && !isCjk(line[0]) && !text.endsWith('-')) text += ' ';
    text += line;
  }
  return text;
}
