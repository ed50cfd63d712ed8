/**
 * Text normalisation shared by readers and extraction: NFKC (full-width digits and punctuation, Kangxi radicals from
 * PDF text layers) plus the CJK Radicals Supplement characters NFKC leaves alone, and label keys for matching.
 */

import { trimChars } from './trim.ts';

/** CJK Radicals Supplement (U+2E80–U+2EFF) forms that PDF text layers emit instead of the unified ideograph. */
const RADICALS: Record<string, string> = {
  '⺁': '厂', '⺇': '几', '⺊': '卜', '⺌': '小', '⺍': '小', '⺎': '兀', '⺏': '尣', '⺐': '尢', '⺑': '尣', '⺒': '巳',
  '⺓': '幺', '⺔': '彐', '⺖': '忄', '⺘': '扌', '⺙': '攵', '⺛': '旡', '⺜': '日', '⺝': '月', '⺞': '歺', '⺟': '母',
  '⺠': '民', '⺡': '氵', '⺢': '氺', '⺣': '灬', '⺤': '爫', '⺥': '爫', '⺦': '丬', '⺧': '牜', '⺨': '犭', '⺩': '王',
  '⺪': '疋', '⺫': '目', '⺬': '示', '⺭': '礻', '⺮': '竹', '⺯': '糸', '⺰': '纟', '⺲': '罒', '⺳': '罓', '⺴': '网',
  '⺵': '罒', '⺶': '羊', '⺷': '羊', '⺸': '羊', '⺹': '耂', '⺺': '聿', '⺻': '聿', '⺼': '肉', '⺽': '臼', '⺾': '艹',
  '⺿': '艹', '⻀': '艹', '⻁': '虎', '⻂': '衤', '⻃': '覀', '⻄': '西', '⻅': '见', '⻆': '角', '⻇': '角', '⻈': '讠',
  '⻉': '贝', '⻊': '足', '⻋': '车', '⻌': '辶', '⻍': '辶', '⻎': '辶', '⻏': '阝', '⻐': '钅', '⻑': '長', '⻒': '镸',
  '⻓': '长', '⻔': '门', '⻕': '阝', '⻖': '阝', '⻗': '雨', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞',
  '⻝': '食', '⻞': '食', '⻟': '食', '⻠': '饣', '⻡': '首', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟',
  '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻫': '斉', '⻬': '齐', '⻭': '歯', '⻮': '齿', '⻯': '竜', '⻰': '龙',
  '⻱': '龜', '⻲': '亀', '⻳': '龟',
};
const RADICAL_RE = /[\u2E80-\u2EFF]/g;

/** NFKC plus radical folding; keeps line structure. */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').replace(RADICAL_RE, (c) => RADICALS[c] ?? c);
}

const QUOTES_RE = /["'“”‘’「」『』〝〞]/g;
const SPACE_RE = /\s+/g;
const CN_NUM = '[一二三四五六七八九十]+';
const NUMBERING_RE = new RegExp(
  `^(?:\\(${CN_NUM}\\)|${CN_NUM}[、.,]|\\(\\d+\\)|\\d+[.、,](?!\\d)|\\d+\\)|[①-⑳])`,
);
const PUNCT_RE = /[\p{P}\p{S}]/gu;

/** Canonical form for comparing labels: normalised, no spaces, no quotes. */
export function labelKey(s: string): string {
  return normalizeText(s).replace(SPACE_RE, '').replace(QUOTES_RE, '').replace(/。/g, '.');
}

export interface SplitLabel {
  /** Numbering tokens stripped from the front, innermost last, digits only ("三", "1"). */
  numbering: string[];
  /** The label without numbering and punctuation. */
  core: string;
}

/** Splits "（三）不予公开1.属于国家秘密" style labels into numbering and core. */
export function splitLabel(text: string): SplitLabel {
  let key = trimChars(labelKey(text), /[*#>\s]/, /[*:\s]/);
  const numbering: string[] = [];
  for (let m = NUMBERING_RE.exec(key); m; m = NUMBERING_RE.exec(key)) {
    numbering.push(m[0].replace(/[().、,)]/g, ''));
    key = key.slice(m[0].length);
  }
  return { numbering, core: key.replace(PUNCT_RE, '') };
}
