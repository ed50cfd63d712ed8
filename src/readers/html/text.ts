/** Whitespace and line joining as a browser renders text: the HTML reader's only text transformations. */

/** CJK ideographs, kana, hangul, CJK punctuation and full-width forms (surrogates: astral chars are mostly CJK). */
const WIDE_RE = /[\u2E80-\u9FFF\uAC00-\uD7AF\uD800-\uDFFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/;
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
  return LINE_BREAK_RE.test(ws) && (isWide(s, at - 1) || isWide(s, at + ws.length)) ? '' : ' ';
}

/** Whether the UTF-16 unit at `at` is a wide (CJK) character; false outside the string. */
function isWide(s: string, at: number): boolean {
  return at >= 0 && at < s.length && WIDE_RE.test(s[at]);
}

/** Joins lines of one cell: no space next to a CJK character (商业<br>企业 → 商业企业), one space between words. */
export function joinLines(rawLines: readonly string[]): string {
  let out = '';
  for (const raw of rawLines) {
    const line = collapseWhitespace(raw);
    if (!line) continue;
    if (!out) out = line;
    else out += isWide(out, out.length - 1) || isWide(line, 0) ? line : ` ${line}`;
  }
  return out;
}
