/**
 * Automatic numbering (word/numbering.xml) restored as text. Reports number their sections and table rows with Word
 * lists ("一、" "（一）" "1."), and the number is not in the paragraph text, so extraction would lose it.
 *
 * Counting follows Word: `w:num` instances that share an `w:abstractNum` continue one another's counters unless the
 * instance restarts a level with `w:lvlOverride/w:startOverride`; a level restarts when a higher level is used
 * (or as `w:lvlRestart` says).
 */
import { chineseNumeral } from '../../text/numerals.ts';
import { child, val, type XmlNode } from './xml.ts';
import { parseLevel, type NumberingRef, type Styles } from './styles.ts';

interface Level {
  start: number;
  format: string;
  text: string;
  /** `w:isLgl`: show every level's number as decimal. */
  legal: boolean;
  /** Restart when a level with index below this is used; 0 never restarts. Default: the level's own index. */
  restartBelow?: number;
  /** Paragraph style linked to this level (`w:pStyle` inside `w:lvl`). */
  style?: string;
}

interface Instance {
  abstractId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, Level>;
}

interface Counters {
  values: (number | undefined)[];
  /** Instances whose start overrides were applied already. */
  started: Set<string>;
}

export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly styleLinks = new Map<string, string>();
  private readonly instances = new Map<string, Instance>();
  private readonly counters = new Map<string, Counters>();

  constructor(
    root: XmlNode | undefined,
    private readonly styles: Styles,
  ) {
    for (const node of root?.children ?? []) {
      if (node.name === 'w:abstractNum') {
        const id = node.attrs['w:abstractNumId'] ?? '';
        const levels = new Map<number, Level>();
        for (const lvl of node.children) {
          if (lvl.name === 'w:lvl') levels.set(parseLevel(lvl.attrs['w:ilvl']) ?? 0, readLevel(lvl));
        }
        this.abstracts.set(id, levels);
        const link = val(node, 'w:numStyleLink');
        if (link) this.styleLinks.set(id, link);
      } else if (node.name === 'w:num') {
        const instance: Instance = {
          abstractId: val(node, 'w:abstractNumId') ?? '',
          startOverrides: new Map(),
          levelOverrides: new Map(),
        };
        for (const o of node.children) {
          if (o.name !== 'w:lvlOverride') continue;
          const ilvl = parseLevel(o.attrs['w:ilvl']) ?? 0;
          const start = parseLevel(val(o, 'w:startOverride'));
          if (start !== undefined) instance.startOverrides.set(ilvl, start);
          const lvl = child(o, 'w:lvl');
          if (lvl) instance.levelOverrides.set(ilvl, readLevel(lvl));
        }
        this.instances.set(node.attrs['w:numId'] ?? '', instance);
      }
    }
  }

  /**
   * The number text of a paragraph ("一、", "（一）", "1."), advancing the counters; '' when the paragraph is not
   * numbered or is a bullet. Call once per paragraph, in document order.
   */
  next(pPr: XmlNode | undefined): string {
    const ref = this.refOf(pPr);
    if (!ref) return '';
    const instance = this.instances.get(ref.numId);
    if (!instance) return '';
    const abstractId = this.resolveAbstract(instance.abstractId);
    const levelOf = (i: number) => instance.levelOverrides.get(i) ?? this.abstracts.get(abstractId)?.get(i);
    const level = levelOf(ref.ilvl);
    if (!level) return '';

    const counters = this.countersFor(abstractId);
    // The first paragraph of an instance with start overrides restarts those levels.
    if (!counters.started.has(ref.numId)) {
      counters.started.add(ref.numId);
      for (const i of instance.startOverrides.keys()) counters.values[i] = undefined;
    }
    const startOf = (i: number) => instance.startOverrides.get(i) ?? levelOf(i)?.start ?? 1;
    // A paragraph at a deeper level counts as the first item of the levels above it that have not been used yet
    // (as Word and LibreOffice show it: "（一）" before any "一、" makes the next "一、" read "二、").
    for (let i = 0; i < ref.ilvl; i++) counters.values[i] ??= startOf(i);
    const current = counters.values[ref.ilvl];
    counters.values[ref.ilvl] = current === undefined ? startOf(ref.ilvl) : current + 1;
    for (let i = ref.ilvl + 1; i < 9; i++) {
      const restartBelow = levelOf(i)?.restartBelow ?? i;
      if (restartBelow > ref.ilvl) counters.values[i] = undefined;
    }

    if (level.format === 'bullet') return '';
    return level.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const value = counters.values[i] ?? startOf(i);
      return formatNumber(value, level.legal ? 'decimal' : levelOf(i)?.format ?? 'decimal');
    });
  }

  /** numId + ilvl from the paragraph, completed from its style (and the level that links that style). */
  private refOf(pPr: XmlNode | undefined): { numId: string; ilvl: number } | undefined {
    const direct: NumberingRef = {};
    const numPr = child(pPr, 'w:numPr');
    if (numPr) {
      direct.numId = val(numPr, 'w:numId');
      direct.ilvl = parseLevel(val(numPr, 'w:ilvl'));
    }
    const styleId = this.styles.styleOf(pPr);
    const fromStyle = this.styles.resolve(styleId).numbering;
    const numId = direct.numId ?? fromStyle?.numId;
    // numId 0 is Word's way of switching inherited numbering off.
    if (numId === undefined || numId === '0') return undefined;
    const ilvl = direct.ilvl ?? fromStyle?.ilvl ?? this.levelLinkedTo(numId, styleId) ?? 0;
    return { numId, ilvl };
  }

  private levelLinkedTo(numId: string, styleId: string | undefined): number | undefined {
    if (!styleId) return undefined;
    const instance = this.instances.get(numId);
    const levels = instance && this.abstracts.get(this.resolveAbstract(instance.abstractId));
    for (const [i, level] of levels ?? []) if (level.style === styleId) return i;
    return undefined;
  }

  /** An abstractNum with `w:numStyleLink` takes its levels from the list the numbering style points to. */
  private resolveAbstract(abstractId: string): string {
    const link = this.styleLinks.get(abstractId);
    if (!link) return abstractId;
    const numId = this.styles.resolve(link).numbering?.numId;
    const target = numId === undefined ? undefined : this.instances.get(numId)?.abstractId;
    return target && target !== abstractId && !this.styleLinks.has(target) ? target : abstractId;
  }

  private countersFor(abstractId: string): Counters {
    let c = this.counters.get(abstractId);
    if (!c) {
      c = { values: [], started: new Set() };
      this.counters.set(abstractId, c);
    }
    return c;
  }
}

function readLevel(lvl: XmlNode): Level {
  const restart = parseLevel(val(lvl, 'w:lvlRestart'));
  return {
    start: parseLevel(val(lvl, 'w:start')) ?? 0,
    format: val(lvl, 'w:numFmt') ?? 'decimal',
    text: val(lvl, 'w:lvlText') ?? '',
    legal: child(lvl, 'w:isLgl') !== undefined && val(lvl, 'w:isLgl') !== '0' && val(lvl, 'w:isLgl') !== 'false',
    restartBelow: restart,
    style: val(lvl, 'w:pStyle'),
  };
}

const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const FULLSTOP = '⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛';
const PAREN = '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇';

/** A counter value in one of Word's number formats (ST_NumberFormat); unknown formats fall back to decimal. */
export function formatNumber(n: number, format: string): string {
  const from = (chars: string) => (n >= 1 && n <= [...chars].length ? [...chars][n - 1] : String(n));
  switch (format) {
    case 'none':
      return '';
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseNumeral(n);
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
      return chineseNumeral(n, 'legal');
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return chineseNumeral(n, 'digits');
    case 'ideographTraditional':
      return from(HEAVENLY_STEMS);
    case 'ideographZodiac':
      return from(EARTHLY_BRANCHES);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return from(CIRCLED);
    case 'decimalEnclosedFullstop':
      return from(FULLSTOP);
    case 'decimalEnclosedParen':
      return from(PAREN);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    default:
      return String(n);
  }
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

function letters(n: number): string {
  if (n <= 0) return String(n);
  // Word repeats the letter: 27 → AA, 28 → BB.
  return String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}
