/**
 * The neutral document model every reader produces and extraction consumes: headings, paragraphs and tables as cell
 * grids, each carrying its place in the source. Readers never interpret the statutory format.
 */
import type { Finding, Medium } from './finding.ts';

/** Where something stands in the source, as precisely as the reader knows it. */
export interface SourcePos {
  /** 1-based line in a text, Markdown or HTML source. */
  line?: number;
  /** 1-based column on that line. */
  column?: number;
  /** 1-based page of a PDF. */
  page?: number;
  /** Position on the page in PDF points, origin top-left. */
  x?: number;
  y?: number;
  /** 0-based table, row and cell index in a DOCX or HTML document. */
  table?: number;
  row?: number;
  cell?: number;
  /** Set when the text came from OCR, with the recogniser's confidence (0–100). */
  ocr?: number;
}

export interface Cell {
  text: string;
  pos: SourcePos;
  /** True for the copies a rowspan/colspan leaves in the grid; the original cell is the first one. */
  spanned?: boolean;
}

export interface Heading {
  kind: 'heading';
  level: number;
  text: string;
  pos: SourcePos;
}

export interface Paragraph {
  kind: 'paragraph';
  text: string;
  pos: SourcePos;
}

/**
 * A table as a grid of rows. `ruled` is true when cell boundaries are known (HTML, DOCX, tab- or pipe-separated
 * text): an empty cell then is a blank cell. Without rules (text laid out by spaces) blanks cannot be seen.
 */
export interface Table {
  kind: 'table';
  rows: Cell[][];
  pos: SourcePos;
  ruled: boolean;
  /**
   * Rows may carry empty padding cells at their ends (tab-separated text exported from Word): a trailing empty cell is
   * then no evidence of a blank cell.
   */
  padded?: boolean;
}

export type Block = Heading | Paragraph | Table;

export interface SourceInfo {
  path: string;
  sha256: string;
  media_type: string;
  /** Character encoding the text was decoded from, when the source was text. */
  encoding?: string;
  bytes: number;
}

export interface DocumentModel {
  source: SourceInfo;
  /** The kind of source positions point into. */
  medium: Medium;
  blocks: Block[];
  /** What the reader found (parts skipped, merges repaired …): kept with the document, never thrown. */
  messages: Finding[];
}
