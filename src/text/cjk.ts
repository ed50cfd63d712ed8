/** Which characters belong to scripts written without spaces, for joining text that a source broke into pieces. */

/**
 * CJK radicals, punctuation, kana, bopomofo, enclosed and compatibility forms, ideographs (U+2E80–U+9FFF), hangul
 * syllables, compatibility ideographs, vertical and full-width forms; surrogates too, since characters beyond the
 * BMP are mostly CJK ideographs (Extension B names) and the callers look at one UTF-16 unit.
 */
const CJK_RE = /[\u2E80-\u9FFF\uAC00-\uD7AF\uD800-\uDFFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/;

/** Whether a character (one UTF-16 unit) is CJK; false for undefined, so `s[i]` past either end is no CJK. */
export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK_RE.test(ch);
}
