/** Reader positions: where something stands in the source, as precisely as the reader knows it. */

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
