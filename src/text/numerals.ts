/** Chinese numerals: reading the ones section and sub-heading numbers use, writing the ones counters print. */

const DIGITS = '〇一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';

/** 一 … 九 and 十 … 九十九 as numbering writes them; undefined for anything else. */
export function parseChineseNumber(s: string): number | undefined {
  if (/^[一二三四五六七八九]$/.test(s)) return DIGITS.indexOf(s);
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (!m) return undefined;
  return (m[1] ? DIGITS.indexOf(m[1]) : 1) * 10 + (m[2] ? DIGITS.indexOf(m[2]) : 0);
}

/**
 * How a number is written: `counting` 1 → 一, 11 → 十一, 105 → 一百零五; `legal` (financial capitals) 2 → 贰,
 * 11 → 壹拾壹; `digits` one character per digit, 2024 → 二〇二四.
 */
export type NumeralStyle = 'counting' | 'legal' | 'digits';

/** A whole number in Chinese numerals; counting and legal styles go up to 9999, larger numbers stay Arabic. */
export function chineseNumeral(n: number, style: NumeralStyle = 'counting'): string {
  if (style === 'digits') return [...String(n)].map((d) => DIGITS[Number(d)]).join('');
  if (n < 0 || n > 9999 || !Number.isInteger(n)) return String(n);
  const legal = style === 'legal';
  const digits = legal ? LEGAL_DIGITS : DIGITS;
  const units = legal ? '拾佰仟' : '十百千';
  // Alone, counting writes zero 〇; inside a number (一百零五) both styles write 零.
  if (n === 0) return digits[0];
  const parts = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  const unitOf = [units[2], units[1], units[0], ''];
  let out = '';
  let pendingZero = false;
  parts.forEach((d, i) => {
    if (d === 0) {
      if (out) pendingZero = true;
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    // 十一, not 一十一, when the number starts at the tens; legal style writes 壹拾壹.
    out += i === 2 && !out && d === 1 && !legal ? unitOf[i] : digits[d] + unitOf[i];
  });
  return out;
}
