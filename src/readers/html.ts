/**
 * HTML reader: web pages of annual reports into headings, paragraphs and ruled tables, in document order.
 * - Text of the innermost block (p, div, li, td of a layout table…) becomes one paragraph; `<br>` splits paragraphs;
 *   inline elements (span, font, a…) join their block's text.
 * - A table becomes a table block, its rowspan/colspan expanded by `expandGrid`. A table that holds another table is a
 *   layout table: its cells are read like divs and the inner tables become table blocks of their own, so no text
 *   appears twice.
 * - Scripts, styles, embedded objects, comments, `<head>` (with `<title>`) and hidden elements are dropped; nothing is
 *   ever executed or fetched.
 * One streaming pass over htmlparser2's events, without a DOM (html/tree.ts says how the spec's tree is followed;
 * html/blocks.ts builds the blocks); explicit stacks only, so any nesting depth is safe.
 */
import { createFinding, type Finding } from '../document/finding.ts';
import { READ_RULES } from './rules.ts';
import type { DocumentModel } from '../document/model.ts';
import { UnreadableError } from '../document/errors.ts';
import { BlockBuilder } from './html/blocks.ts';
import { TreeBuilder } from './html/tree.ts';
import { decodeText } from './sniff.ts';
import type { ReaderInput } from './types.ts';

const META_RE = /<meta/gi;
const CHARSET_ATTR_RE = /charset\s*=\s*(?:["']\s*)?([\w-]+)/gi;

/** The charset a `<meta>` tag declares: the last `charset=` inside the first tag that has one. */
function declaredCharset(head: string): string | undefined {
  for (const meta of head.matchAll(META_RE)) {
    const end = head.indexOf('>', meta.index);
    // At least one character between "<meta" and "charset", as in `<meta charset=…>`.
    const tag = head.slice(meta.index + meta[0].length + 1, end < 0 ? head.length : end);
    const value = [...tag.matchAll(CHARSET_ATTR_RE)].at(-1)?.[1];
    if (value) return value;
  }
  return undefined;
}

export function readHtml({ bytes, source }: ReaderInput): DocumentModel {
  const messages: Finding[] = [];
  const { text, encoding } = decode(bytes, messages);
  const builder = new BlockBuilder(text);
  new TreeBuilder(text, builder).run();
  const blocks = builder.finish();
  if (blocks.length === 0) {
    if (builder.images > 0) {
      throw new UnreadableError('image-only', '网页中只有图片，无可提取文字', 'page contains only images, no text to extract');
    }
    throw new UnreadableError('empty', '网页没有正文内容', 'page has no text content');
  }
  return { source: { ...source, encoding }, medium: 'html', blocks, messages: [...messages, ...builder.messages] };
}

/**
 * Strict UTF-8, else GB18030 (which also reads GBK and GB2312 pages). A page that declares UTF-8 but carries a few
 * broken bytes (a truncated character) is still read as UTF-8 rather than turned into GB18030 mojibake.
 */
function decode(bytes: Uint8Array, messages: Finding[]): { text: string; encoding: string } {
  const decoded = decodeText(bytes);
  if (decoded.encoding !== 'gb18030') return decoded;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = declaredCharset(head)?.toLowerCase();
  if (declared !== 'utf-8' && declared !== 'utf8') return decoded;
  const text = new TextDecoder('utf-8').decode(bytes);
  const broken = (text.match(/\uFFFD/g) ?? []).length;
  if (broken > Math.max(4, text.length / 1000)) return decoded;
  messages.push(createFinding(READ_RULES.htmlEncoding, { message: `网页声明为 UTF-8 编码，但有 ${broken} 处无效字节，已替换为 �` }));
  return { text, encoding: 'utf-8' };
}
