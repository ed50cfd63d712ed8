/** Display width of text in a monospaced terminal or PDF text dump: CJK and full-width characters count two. */
const WIDE_RE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE_RE.test(ch) || ch.codePointAt(0)! > 0xffff ? 2 : 1;
  return w;
}

export const padRight = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));
export const padLeft = (s: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
