/** Source positions in an HTML text: 1-based line and column (UTF-16 units) of an offset, as parse5 counted them. */
import type { SourcePos } from '../../document/model.ts';

/** Blanks before the first character of a text node, in the source: whitespace and no-break-space entities. */
const LEADING_BLANKS_RE = /(?:\s|&nbsp;|&#160;|&#x0*a0;)*/iy;
const BREAK_RE = /\r\n?|\n/g;

export class LineIndex {
  /** Offsets at which lines 2, 3, … start: after LF, CRLF and a lone CR. */
  private readonly starts: number[] = [];

  constructor(private readonly html: string) {
    const starts = this.starts;
    if (html.indexOf('\r') < 0) {
      for (let i = html.indexOf('\n'); i >= 0; i = html.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      BREAK_RE.lastIndex = 0;
      while (BREAK_RE.exec(html)) starts.push(BREAK_RE.lastIndex);
    }
  }

  /** Line and column of an offset. */
  at(offset: number): SourcePos {
    const starts = this.starts;
    // Binary search: the number of line starts at or before the offset is the 0-based line.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return { line: lo + 1, column: offset - (lo ? starts[lo - 1] : 0) + 1 };
  }

  /** Position of the first non-blank character of a text node that starts at `offset`. */
  textAt(offset: number): SourcePos {
    LEADING_BLANKS_RE.lastIndex = offset;
    LEADING_BLANKS_RE.exec(this.html);
    return this.at(LEADING_BLANKS_RE.lastIndex);
  }
}
