/** Whitespace as a browser renders text: with line joining (src/text/lines.ts), the HTML reader's only text change. */
import { isCjk } from '../../text/cjk.ts';

const WHITESPACE_RE = /\s+/g;
const ANY_WHITESPACE_RE = /\s/;
const LINE_BREAK_RE = /[\n\r]/;

/**
 * Collapses whitespace as a browser does (U+00A0 and U+3000 included). A run that holds a line break next to a CJK
 * character disappears: Chinese text wrapped in the source is one word (CSS Text 3 segment-break rule).
 */
export function collapseWhitespace(raw: string): string {
  // Most cell texts ("12", "商业企业") have no whitespace at all.
  if (!ANY_WHITESPACE_RE.test(raw)) return raw;
  // Without line breaks every run is one space: no per-run callback needed.
  if (!LINE_BREAK_RE.test(raw)) return raw.replace(WHITESPACE_RE, ' ').trim();
  return raw.replace(WHITESPACE_RE, collapseRun).trim();
}

function collapseRun(ws: string, at: number, s: string): string {
  return LINE_BREAK_RE.test(ws) && (isCjk(s[at - 1]) || isCjk(s[at + ws.length])) ? '' : ' ';
}

