/**
 * Two years of one agency for the year-over-year tests: the 2024 sample as it is, and a 2023 report made from it with
 * a few known differences (hand-computed expectations beside each).
 */
import { sample } from './web-client.ts';

export const PAIR_AGENCY = '河清市惠安区发展和改革委员会';

/** What 2023 says differently from 2024, by the 2024 sample's own text. */
const EDITS_2023: [string, string][] = [
  ['2024年', '2023年'],
  ['2025年1月30日', '2024年1月30日'],
  // 行政许可 8 → 10: +2, +25.0 %. 行政处罚 500 → 491: −9, −1.8 %. The text says so too.
  ['行政许可\t10\t', '行政许可\t8\t'],
  ['行政处罚\t491\t', '行政处罚\t500\t'],
  ['作出行政许可决定10件、行政处罚决定491件', '作出行政许可决定8件、行政处罚决定500件'],
  // 行政强制 left out in 2023: a cell not read, never compared as if it were 0.
  ['行政强制\t0\t', '行政强制\t\t'],
  // 2023 carries forward 1, 1, 0, 0, 0, 0, 2; 2024 carries over nothing: 自然人, 商业企业 and 总计 disagree.
  ['四、结转下年度继续办理\t\t\t0\t1\t0\t0\t0\t0\t1\t', '四、结转下年度继续办理\t\t\t1\t1\t0\t0\t0\t0\t2\t'],
  // 2024 inserted 持续; 2023 had markup that must reach the page as text.
  ['持续加强政务新媒体管理', '加强政务新媒体管理'],
  ['提升答复质量。', '提升答复质量。<img src=x onerror="window.__xss=4">'],
];

export function yearPair(): { name: string; bytes: Uint8Array }[] {
  const now = sample('2024-tab.txt');
  let text = new TextDecoder().decode(now.bytes);
  for (const [from, to] of EDITS_2023) {
    if (!text.includes(from)) throw new Error(`the 2024 sample no longer has ${JSON.stringify(from)}`);
    text = text.replaceAll(from, to);
  }
  return [{ name: '2023-惠安区发改委.txt', bytes: new TextEncoder().encode(text) }, { name: '2024-惠安区发改委.txt', bytes: now.bytes }];
}
