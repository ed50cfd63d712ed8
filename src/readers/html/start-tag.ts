/**
 * A start tag as the tokenizer reads it: its name and the few attributes the HTML reader looks at (hidden, style,
 * rowspan, colspan), found without slicing or lower-casing the names of all the others.
 */
import { DROPPED } from './tags.ts';

const HIDDEN_STYLE_RE = /display\s*:\s*none/i;

/** The attributes the reader looks at, as bits (the first of duplicate attributes wins, as in the spec). */
export const HIDDEN_ATTR = 1;
export const STYLE_ATTR = 2;
export const ROWSPAN_ATTR = 4;
export const COLSPAN_ATTR = 8;

/**
 * The bit of the attribute named in `source` from `start` to `end`, in any letter case; 0 for the others. Only names
 * of the right length and first letter are compared, in place (Word's markup has a style on every span).
 */
export function attributeBit(source: string, start: number, end: number): number {
  const length = end - start;
  const first = source.charCodeAt(start) | 0x20;
  let bit = 0;
  if (length === 5) bit = first === 0x73 ? STYLE_ATTR : 0;
  else if (length === 6) bit = first === 0x68 ? HIDDEN_ATTR : 0;
  else if (length === 7) bit = first === 0x72 ? ROWSPAN_ATTR : first === 0x63 ? COLSPAN_ATTR : 0;
  if (!bit) return 0;
  const name = ATTRIBUTE_NAMES[bit];
  return source.startsWith(name, start) || source.slice(start, end).toLowerCase() === name ? bit : 0;
}

const ATTRIBUTE_NAMES: Record<number, string> = {
  [HIDDEN_ATTR]: 'hidden', [STYLE_ATTR]: 'style', [ROWSPAN_ATTR]: 'rowspan', [COLSPAN_ATTR]: 'colspan',
};

/** An open tag being read: its name, start and the attributes the reader needs. */
export interface StartTag {
  name: string;
  flags: number;
  id: number;
  start: number;
  seen: number;
  hidden: boolean;
  style: string | undefined;
  rowSpan: string | undefined;
  colSpan: string | undefined;
}

/** A rowspan or colspan value as a number; undefined when missing, negative or not a number. */
export function spanAttr(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Hidden (`hidden`, `display:none`) or dropped (script, head…): nothing inside is read. */
export function isSkipped(flags: number, tag: StartTag): boolean {
  return (flags & DROPPED) !== 0 || tag.hidden || (tag.style !== undefined && HIDDEN_STYLE_RE.test(tag.style));
}
