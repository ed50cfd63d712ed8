/**
 * pdf.js text items → pieces. An item is a run of glyphs pdf.js kept together; it may hold spaces (pdf.js turns small
 * gaps into " ", and PDF producers put several table cells into one run), so items are cut at whitespace. pdf.js only
 * reports an item's total width, so the cut positions are estimated from character classes: ideographs and full-width
 * forms are 1 em wide, others about half, whitespace takes what is left.
 */
import { isCjk } from '../../text/cjk.ts';
import type { Piece } from './types.ts';

/** The subset of a pdf.js TextItem the reader uses. */
export interface TextItemLike {
  str: string;
  width: number;
  transform: number[];
}

export type Matrix = [number, number, number, number, number, number];

/** m1 × m2: apply m2 first, then m1 (pdf.js `Util.transform`). */
export function multiply(m1: readonly number[], m2: readonly number[]): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

/** Angle of an item's text direction on the page, rounded to a quarter turn (0 = left to right). */
export function textAngle(transform: readonly number[], viewport: readonly number[]): 0 | 90 | 180 | 270 {
  const m = multiply(viewport, transform);
  const deg = (Math.atan2(m[1], m[0]) * 180) / Math.PI;
  return ((((Math.round(deg / 90) * 90) % 360) + 360) % 360) as 0 | 90 | 180 | 270;
}


/** Estimated advance of a character in em. */
function advance(ch: string): number {
  return isCjk(ch) ? 1 : 0.55;
}

/** Pieces of one item in page coordinates (`viewport` maps PDF user space to top-left points). */
export function itemPieces(item: TextItemLike, viewport: readonly number[]): Piece[] {
  if (!item.str || !item.str.trim()) return [];
  const m = multiply(viewport, item.transform);
  // Only text running left to right on the page is laid out here; pages whose text runs another way are turned
  // upright by the caller through the viewport rotation.
  if (Math.abs(m[1]) > Math.abs(m[0])) return [];
  const size = Math.hypot(m[2], m[3]);
  if (!(size > 0)) return [];
  const x = m[4];
  const baseline = m[5];
  const width = Math.abs(item.width) || item.str.length * size * 0.5;
  const chars = [...item.str];
  const spaces = chars.filter((c) => /\s/.test(c)).length;
  const glyphs = chars.reduce((sum, c) => sum + (/\s/.test(c) ? 0 : advance(c) * size), 0);
  // Whitespace takes the width the glyphs leave; when glyphs already overflow, everything shrinks together.
  let scale = 1;
  let space = spaces ? (width - glyphs) / spaces : 0;
  if (space < 0.1 * size && spaces) {
    scale = width / (glyphs + spaces * 0.25 * size);
    space = 0.25 * size * scale;
  } else if (!spaces && glyphs > 0) {
    scale = width / glyphs;
  }
  const pieces: Piece[] = [];
  let cursor = x;
  let text = '';
  let start = x;
  let spaced = false;
  const flush = () => {
    if (text) pieces.push({ text, x0: start, x1: cursor, baseline, size, spaced });
    text = '';
  };
  for (const c of chars) {
    if (/\s/.test(c)) {
      flush();
      cursor += space;
      spaced = true;
      continue;
    }
    if (!text) start = cursor;
    text += c;
    cursor += advance(c) * size * scale;
  }
  flush();
  if (pieces.length) pieces[0].spaced = /^\s/.test(item.str);
  return pieces;
}

/** Cuts a piece at page position `x`, giving the characters left of it to the first part. */
export function splitPieceAt(piece: Piece, x: number): [Piece, Piece] | undefined {
  const chars = [...piece.text];
  if (chars.length < 2) return undefined;
  const total = chars.reduce((s, c) => s + advance(c), 0);
  const unit = (piece.x1 - piece.x0) / total;
  let cursor = piece.x0;
  for (let i = 0; i < chars.length - 1; i++) {
    const next = cursor + advance(chars[i]) * unit;
    // Cut after the character whose middle is left of x, when the next one's middle is right of it.
    const nextMid = next + (advance(chars[i + 1]) * unit) / 2;
    if (nextMid > x) {
      if (i === 0 && cursor + (advance(chars[0]) * unit) / 2 > x) return undefined;
      return [
        { ...piece, text: chars.slice(0, i + 1).join(''), x1: next },
        { ...piece, text: chars.slice(i + 1).join(''), x0: next, spaced: false },
      ];
    }
    cursor = next;
  }
  return undefined;
}

/** Vertical middle of a piece's glyphs (ideographs sit about 0.38 em above the baseline). */
export function pieceMiddle(p: Piece): number {
  return p.baseline - 0.38 * p.size;
}
