/**
 * Traditional-script copies (mirror sites serve reports in 繁體, some with pinyin glosses after each character:
 * `內(nèi)容`): labels are matched on a simplified form made by OpenCC (tw and hk variants → mainland), while the
 * original text is kept for display.
 */
import * as OpenCC from 'opencc-js/t2cn';

const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' });
const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });

/**
 * Characters of the report template that only traditional script writes, a cheap test before converting: a
 * simplified report never holds them, a traditional one cannot write its tables without several.
 */
const TRADITIONAL_RE = /[開資訊況數規範條項內發廢現處罰強費單萬請結轉辦屬國護權務過執詢應補確認區會體與為關總計機構協億]/;
/** A pinyin gloss in parentheses right after a CJK character, left by mirror sites' ruby markup. */
const PINYIN_GLOSS_RE = /(?<=[\u3400-\u9fff])\([a-zü\u00e0-\u01dc\u0300-\u036f]{1,7}\)/g;

export function looksTraditional(text: string): boolean {
  return TRADITIONAL_RE.test(text);
}

/** The simplified form of a traditional-script text, pinyin glosses dropped. */
export function toSimplified(text: string): string {
  const bare = text.includes('(') ? text.replace(PINYIN_GLOSS_RE, '') : text;
  return fromTaiwan(fromHongKong(bare));
}
