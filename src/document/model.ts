/**
 * The neutral document model every reader produces and extraction consumes: headings, paragraphs and tables as cell
 * grids, each carrying its place in the source. Readers never interpret the statutory format.
 */
import type { Finding, Medium } from './finding.ts';
import type { SourcePos } from './position.ts';

export type { SourcePos } from './position.ts';

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
