/** Reading one table cell: number, blank (not zero), not applicable, or free text interpreted only when certain. */
import { normalizeText } from './normalize.ts';

export type CellValue = number | null | '/';

export type ParsedValue =
  | { kind: 'number'; value: number }
  | { kind: 'blank' }
  | { kind: 'na'; raw: string }
  /** Free text; `value` is set only when its meaning is certain, with `note` saying how it was read. */
  | { kind: 'text'; raw: string; value?: number; note?: string };

export type ValueKind = 'count' | 'money' | 'change';

const NA_RE = /^(?:[/／\\—–\-─━－_]+|无|不适用|空)$/;
const NUMBER_RE = /^[+-]?\d+(?:\.\d+)?$/;
const UNIT_RE = /^(\d+(?:\.\d+)?)(件|条|个|项|批次|次|人次|份|篇|宗|起)$/;
const CHANGE_RE = /^(增加?|新增|减少?|\+|-)(\d+)(?:件|个|项)?$/;
/** A space that a mirror's encoding turned into "?" (or U+FFFD) before a number: "? 0". */
const GARBLED_SPACE_RE = /^[?\uFFFD]+ ([+-]?\d+(?:\.\d+)?)$/;
const ZERO_CHANGE_RE = /^(?:未增未减|无增减|无增无减|持平|不变|未增减)$/;

/** Removes spaces between digits and thousands separators ("1, 350" → "1350"). */
function compactNumber(s: string): string {
  return s.replace(/(\d)[\s,]+(?=\d{3}(?:\D|$))/g, '$1').replace(/(\d)\s+(?=[\d.])/g, '$1');
}

const PLAIN_NUMBER_RE = /^\d{1,15}(?:\.\d+)?$/;

export function parseValue(text: string, kind: ValueKind = 'count'): ParsedValue {
  if (PLAIN_NUMBER_RE.test(text)) return { kind: 'number', value: Number(text) };
  const raw = text.trim();
  const s = compactNumber(normalizeText(raw).replace(/\s+/g, ' ').trim());
  if (s === '') return { kind: 'blank' };
  if (NA_RE.test(s)) return { kind: 'na', raw };
  if (NUMBER_RE.test(s)) return { kind: 'number', value: Number(s) };
  const compact = s.replace(/\s+/g, '');
  if (kind === 'change') {
    if (ZERO_CHANGE_RE.test(compact)) return { kind: 'text', raw, value: 0, note: `“${raw}”读作0` };
    const m = CHANGE_RE.exec(compact);
    if (m) {
      const value = (/^(减|-)/.test(m[1]) ? -1 : 1) * Number(m[2]);
      return { kind: 'text', raw, value, note: `“${raw}”读作${value}` };
    }
  }
  if (kind === 'money') {
    const yuan = /^(\d+(?:\.\d+)?)元$/.exec(compact);
    if (yuan) {
      const value = Number((Number(yuan[1]) / 10000).toFixed(8));
      return { kind: 'text', raw, value, note: `“${raw}”以元为单位，换算为${value}万元` };
    }
    const wan = /^(\d+(?:\.\d+)?)万元$/.exec(compact);
    if (wan) return { kind: 'text', raw, value: Number(wan[1]), note: `“${raw}”读作${wan[1]}万元` };
  }
  const unit = UNIT_RE.exec(compact);
  if (unit) return { kind: 'text', raw, value: Number(unit[1]), note: `“${raw}”读作${unit[1]}` };
  const garbled = GARBLED_SPACE_RE.exec(s);
  if (garbled) return { kind: 'text', raw, value: Number(garbled[1]), note: `“${raw}”中的“?”是乱码的空格，读作${garbled[1]}` };
  return { kind: 'text', raw };
}

/** True when a cell can stand where a value is expected: a number, a '/' mark, or text read with certainty. */
export function isValueLike(text: string, kind: ValueKind = 'count'): boolean {
  const v = parseValue(text, kind);
  return v.kind === 'number' || v.kind === 'na' || (v.kind === 'text' && v.value !== undefined);
}
