/**
 * How pieces of PDF text on one line are put back together: Chinese joins without spaces, other scripts with one.
 * Lines are joined by src/text/lines.ts.
 */
import { isCjk } from '../../text/cjk.ts';
import type { Piece } from './types.ts';

/** Gap (in em) from which a space is kept between pieces even without a space character in the source. */
const SPACE_GAP_EM = 0.25;
/** Between two CJK characters a gap is only a space when it is wide: justified Chinese text spreads its characters. */
const CJK_SPACE_GAP_EM = 0.5;

/** Adjacent Chinese characters needed to tell the letter-spacing of a line. */
const MIN_TRACKED_PAIRS = 3;
/** Letter-spacing below this (in em) is kerning noise, not tracking. */
const MIN_TRACKING_EM = 0.05;

/**
 * Letter-spacing the producer put between all characters (CSS letter-spacing printed by a browser, a spaced-out
 * title): the median gap between adjacent Chinese characters, in points; 0 when the pieces show none.
 */
function tracking(pieces: Piece[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < pieces.length; i++) {
    if (isCjk(pieces[i - 1].text.at(-1)) && isCjk(pieces[i].text[0])) gaps.push(pieces[i].x0 - pieces[i - 1].x1);
  }
  if (gaps.length < MIN_TRACKED_PAIRS) return 0;
  const mid = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)];
  return mid >= MIN_TRACKING_EM * Math.max(...pieces.map((p) => p.size)) ? mid : 0;
}

/**
 * Whether a space belongs between two pieces on the same line. Under letter-spacing (`tracked` points between every
 * character) only the gap beyond it counts, and the text layer's own space is not trusted: pdf.js infers it from the
 * same gap ("2 0 2 4 年" for a spaced-out "2024年").
 */
export function spaceBetween(left: Piece, right: Piece, tracked = 0): boolean {
  const em = Math.max(left.size, right.size);
  const gap = right.x0 - left.x1 - tracked;
  if (isCjk(left.text.at(-1)) && isCjk(right.text[0])) {
    // OCR word boxes between Chinese characters are arbitrary; within a run they never mean a space.
    if (left.ocr !== undefined || right.ocr !== undefined) return false;
    return gap >= CJK_SPACE_GAP_EM * em;
  }
  return (right.spaced && !tracked) || gap >= SPACE_GAP_EM * em;
}

/** The text of pieces on one line, left to right. */
export function joinPieces(pieces: Piece[]): string {
  const tracked = tracking(pieces);
  let text = '';
  pieces.forEach((p, i) => {
    if (i > 0 && spaceBetween(pieces[i - 1], p, tracked)) text += ' ';
    text += p.text;
  });
  return text;
}
