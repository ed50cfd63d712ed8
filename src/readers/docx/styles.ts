/**
 * Paragraph styles from word/styles.xml, reduced to what reading needs: is a style a heading (and of which level),
 * and does it carry automatic numbering. Properties are resolved along the `w:basedOn` chain.
 */
import { child, val, type XmlNode } from './xml.ts';

export interface NumberingRef {
  numId?: string;
  ilvl?: number;
}

export interface ResolvedStyle {
  /** 1-based heading level, when the style is a heading. */
  headingLevel?: number;
  numbering?: NumberingRef;
}

interface RawStyle {
  id: string;
  name: string;
  basedOn?: string;
  outlineLvl?: number;
  numbering?: NumberingRef;
}

/** Heading style names and ids as Word, WPS and converters write them: Heading1, heading 1, 标题 1, 标题1. */
const HEADING_NAME_RE = /^(?:heading|标题)\s*([1-9])$/i;
const TITLE_NAME_RE = /^(?:title|标题)$/i;
/** outlineLvl 9 means "body text" (not in the outline). */
const BODY_TEXT_OUTLINE = 9;

export class Styles {
  private readonly raw = new Map<string, RawStyle>();
  private readonly resolved = new Map<string, ResolvedStyle>();
  private defaultParagraphStyle?: string;

  constructor(root?: XmlNode) {
    for (const s of root?.children ?? []) {
      if (s.name !== 'w:style' || (s.attrs['w:type'] ?? 'paragraph') !== 'paragraph') continue;
      const id = s.attrs['w:styleId'] ?? '';
      const pPr = child(s, 'w:pPr');
      this.raw.set(id, {
        id,
        name: val(s, 'w:name') ?? id,
        basedOn: val(s, 'w:basedOn'),
        outlineLvl: parseLevel(val(pPr, 'w:outlineLvl')),
        numbering: readNumPr(child(pPr, 'w:numPr')),
      });
      if (['1', 'true', 'on'].includes(s.attrs['w:default'] ?? '')) this.defaultParagraphStyle = id;
    }
  }

  /** The style a paragraph uses: its `w:pStyle`, or the document's default paragraph style. */
  styleOf(pPr: XmlNode | undefined): string | undefined {
    return val(pPr, 'w:pStyle') ?? this.defaultParagraphStyle;
  }

  resolve(styleId: string | undefined): ResolvedStyle {
    if (styleId === undefined) return {};
    let result = this.resolved.get(styleId);
    if (!result) {
      result = this.compute(styleId);
      this.resolved.set(styleId, result);
    }
    return result;
  }

  private compute(styleId: string): ResolvedStyle {
    const result: ResolvedStyle = {};
    const seen = new Set<string>();
    // A style unknown to styles.xml (or no styles.xml) is judged by its id alone.
    let style: RawStyle | undefined = this.raw.get(styleId) ?? { id: styleId, name: styleId };
    while (style && !seen.has(style.id)) {
      seen.add(style.id);
      if (result.headingLevel === undefined) result.headingLevel = headingLevelOf(style);
      if (!result.numbering && style.numbering) result.numbering = { ...style.numbering };
      style = style.basedOn === undefined ? undefined : this.raw.get(style.basedOn);
    }
    if (result.headingLevel === 0) delete result.headingLevel;
    return result;
  }
}

/** Heading level from a style's own name, id or outline level; 0 means "explicitly body text". */
function headingLevelOf(style: RawStyle): number | undefined {
  const byName = HEADING_NAME_RE.exec(style.name.trim()) ?? HEADING_NAME_RE.exec(style.id);
  if (byName) return Number(byName[1]);
  if (TITLE_NAME_RE.test(style.name.trim())) return 1;
  if (style.outlineLvl !== undefined) return style.outlineLvl >= BODY_TEXT_OUTLINE ? 0 : style.outlineLvl + 1;
  return undefined;
}

export function parseLevel(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function readNumPr(numPr: XmlNode | undefined): NumberingRef | undefined {
  if (!numPr) return undefined;
  const numId = val(numPr, 'w:numId');
  const ilvl = parseLevel(val(numPr, 'w:ilvl'));
  if (numId === undefined && ilvl === undefined) return undefined;
  return { numId, ilvl };
}

/** Heading level given by a paragraph's own outline level: 0 for body text, undefined when not set. */
export function outlineHeadingLevel(pPr: XmlNode | undefined): number | undefined {
  const lvl = parseLevel(val(pPr, 'w:outlineLvl'));
  if (lvl === undefined) return undefined;
  return lvl >= BODY_TEXT_OUTLINE ? 0 : lvl + 1;
}
