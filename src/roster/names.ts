/**
 * Agency names compared loosely, for pairing reports and looking agencies up in a roster: spacing and punctuation
 * ignored, 委员会 and 委 the same anywhere in the name, and leading places (江苏省 / 淮安市 / 洪泽区) split off so that
 * a name written with and without its city can be recognised as one agency.
 */
import { normalizeText } from '../text/normalize.ts';

/** An agency name compared loosely: no spaces or punctuation, "委员会" and "委" the same. */
export function agencyKey(agency: string): string {
  return normalizeText(agency).replace(/\s+/g, '').replace(/[\p{P}\p{S}]/gu, '').replace(/委员会/g, '委');
}

/** One leading place: a province, city, prefecture, county, district or banner (州 of 福州市 is not a prefecture). */
const PLACE_RE = /^[\u4e00-\u9fff]{1,10}?(?:省|自治区|特别行政区|市|自治州|州(?![市省区县盟])|地区|盟|自治县|县|自治旗|旗|区)/;

export interface SplitName {
  /** The leading places, outermost first (["淮安市", "洪泽区"]). */
  places: string[];
  /** What follows them ("人民政府"); the whole key when nothing follows. */
  rest: string;
}

/** A key split into its leading places and the rest; a name that is only places keeps its last place as the rest. */
export function splitPlaces(key: string): SplitName {
  const places: string[] = [];
  let rest = key;
  for (let m = PLACE_RE.exec(rest); m && m[0].length < rest.length; m = PLACE_RE.exec(rest)) {
    places.push(m[0]);
    rest = rest.slice(m[0].length);
  }
  return { places, rest };
}

/**
 * The places one name has in front of the other's when both name the same agency at the same innermost place
 * (淮安市洪泽区人民政府 / 洪泽区人民政府 → ["淮安市"]); undefined when they are different agencies or places.
 */
export function extraPlaces(a: SplitName, b: SplitName): string[] | undefined {
  if (a.rest !== b.rest || !a.places.length || !b.places.length) return undefined;
  const [long, short] = a.places.length >= b.places.length ? [a.places, b.places] : [b.places, a.places];
  const offset = long.length - short.length;
  if (!short.every((p, i) => long[offset + i] === p)) return undefined;
  return long.slice(0, offset);
}
