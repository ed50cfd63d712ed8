/**
 * Safe XML for Office parts: any DOCTYPE or ENTITY declaration is refused outright (no XXE, no billion laughs), the
 * five predefined entities and character references are decoded by hand, and the WordprocessingML namespace is
 * renamed to the `w:` prefix whatever prefix the producer chose.
 */
import { XMLParser } from 'fast-xml-parser';
import { UnreadableError } from '../../document/errors.ts';
import { corrupt } from '../zip.ts';

export interface XmlNode {
  /** Qualified name, with the WordprocessingML namespace always as `w:`. Text nodes are named `#text`. */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Decoded character data, for `#text` nodes. */
  text?: string;
}

const WORDML_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
});

/** Parses one part of the package. Throws UnreadableError 'corrupt' for declarations or unparsable XML. */
export function parseXml(bytes: Uint8Array): XmlNode {
  const xml = decodeXml(bytes);
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new UnreadableError(
      'corrupt',
      '文件异常：文档 XML 含有不允许的 DOCTYPE/ENTITY 声明',
      'XML part declares a DOCTYPE/ENTITY, which is not allowed',
    );
  }
  let raw: unknown;
  try {
    raw = parser.parse(xml);
  } catch {
    throw corrupt();
  }
  const root = (raw as RawNode[]).map((n) => convert(n, new Map())).find((n) => n.name !== '#text');
  if (!root) throw corrupt();
  return root;
}

function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

type RawNode = Record<string, unknown>;

/** Converts fast-xml-parser's ordered output, renaming prefixes bound to WordprocessingML to `w`. */
function convert(raw: RawNode, prefixes: Map<string, string>): XmlNode {
  if ('#text' in raw) return { name: '#text', attrs: {}, children: [], text: decodeEntities(String(raw['#text'])) };
  const name = Object.keys(raw).find((k) => k !== ':@') ?? '';
  const rawAttrs = (raw[':@'] ?? {}) as Record<string, unknown>;
  let scope = prefixes;
  for (const [key, value] of Object.entries(rawAttrs)) {
    const declared = key === 'xmlns' ? '' : key.startsWith('xmlns:') ? key.slice(6) : undefined;
    if (declared === undefined) continue;
    if (scope === prefixes) scope = new Map(prefixes);
    scope.set(declared, WORDML_NAMESPACES.has(String(value)) ? 'w' : declared);
  }
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(rawAttrs)) attrs[rename(key, scope, false)] = decodeEntities(String(value));
  const children = ((raw[name] ?? []) as RawNode[]).map((child) => convert(child, scope));
  return { name: rename(name, scope, true), attrs, children };
}

function rename(qname: string, scope: Map<string, string>, isElement: boolean): string {
  const colon = qname.indexOf(':');
  if (colon < 0) {
    // Unprefixed elements take the default namespace; unprefixed attributes have none.
    return isElement && scope.get('') === 'w' ? `w:${qname}` : qname;
  }
  const prefix = qname.slice(0, colon);
  const mapped = scope.get(prefix);
  return mapped && mapped !== prefix ? `${mapped}${qname.slice(colon)}` : qname;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** First child element with this name. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

/** The `w:val` attribute of a child element, e.g. `val(pPr, 'w:pStyle')`. */
export function val(node: XmlNode | undefined, name: string): string | undefined {
  return child(node, name)?.attrs['w:val'];
}

/** An on/off property (`<w:vanish/>`, `<w:vanish w:val="false"/>`). */
export function isOn(node: XmlNode | undefined, name: string): boolean {
  const el = child(node, name);
  if (!el) return false;
  const v = el.attrs['w:val'];
  return v === undefined || !['0', 'false', 'off'].includes(v);
}
