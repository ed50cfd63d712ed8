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

/** Whether a space belongs between two pieces on the same line. */
function spaceBetween(left: Piece, right: Piece): boolean {
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
