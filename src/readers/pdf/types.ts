/** Geometry shared by the PDF reader's stages. All coordinates are PDF points with the origin at the page's top left. */
import type { Cell, SourcePos } from '../../document/model.ts';

/** A fragment of text with no whitespace inside: a word, a run of CJK characters, a number. */
export interface Piece {
  text: string;
  x0: number;
  x1: number;
  baseline: number;
  /** Font size (1 em) in points. */
  size: number;
  /** Whitespace stood between this piece and the one before it in the source text. */
  spaced: boolean;
  /** OCR confidence (0–100) when the piece was recognised from an image. */
  ocr?: number;
}

/** Text between two gaps wider than about one em: a cell's content in a table laid out without rules. */
export interface Run {
  text: string;
  x0: number;
  x1: number;
  pieces: Piece[];
}

/** Pieces sharing a baseline, left to right. */
export interface Line {
  page: number;
  pieces: Piece[];
  runs: Run[];
  text: string;
  x0: number;
  x1: number;
  baseline: number;
  size: number;
  top: number;
  bottom: number;
}

/** An axis-aligned ruling line: horizontal when y0 === y1, vertical when x0 === x1. */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A ruled cell spanning grid rows r0..r1 and columns c0..c1 (inclusive), with every slot it fills. */
export interface CellGroup {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  text: string;
  /** Where the cell's box starts; every slot gets its own copy (line numbers differ per row). */
  pos: SourcePos;
  /** No rule closes the cell at the table's top (or bottom) edge: it continues from (or onto) another page. */
  openTop: boolean;
  openBottom: boolean;
  slots: Cell[];
}

/** A table found on one page, before tables continued across pages are joined. */
export interface PageTable {
  kind: 'table';
  page: number;
  ruled: boolean;
  rows: Cell[][];
  top: number;
  bottom: number;
  x0: number;
  x1: number;
  /** Column edges of a ruled table, to recognise its continuation on the next page. */
  columns: number[];
  groups: CellGroup[];
}

/** What one page yields: text pieces, ruling lines, size. */
export interface PageContent {
  page: number;
  width: number;
  height: number;
  pieces: Piece[];
  segments: Segment[];
}
