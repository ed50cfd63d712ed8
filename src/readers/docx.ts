/**
 * Word (.docx) reader: a defensively opened zip, three XML parts (document, numbering, styles) parsed without any
 * entity expansion, and a body walk that keeps list numbers, headings, merged table cells and positions.
 * Legacy .doc/.wps files are converted to .docx first by ./docx/convert.ts (when LibreOffice is installed).
 */
import { UnreadableError } from '../document/errors.ts';
import type { Finding } from '../document/finding.ts';
import type { DocumentModel } from '../document/model.ts';
import { readBody } from './docx/body.ts';
import { isEncryptedOle, isOle } from './docx/convert.ts';
import { Numbering } from './docx/numbering.ts';
import { Styles } from './docx/styles.ts';
import { child, parseXml, type XmlNode } from './docx/xml.ts';
import { corrupt, openZip, type ZipArchive } from './zip.ts';
import type { Reader } from './types.ts';

const PARTS = { document: 'word/document.xml', styles: 'word/styles.xml', numbering: 'word/numbering.xml' };

export const readDocx: Reader = ({ bytes, source }): DocumentModel => {
  if (isOle(bytes)) {
    if (isEncryptedOle(bytes)) {
      throw new UnreadableError('encrypted', '文件已加密，请提供未加密的文件', 'file is password-protected');
    }
    throw new UnreadableError('unsupported', '旧版 Word（.doc/.wps）文件，需先转换为 .docx', 'legacy .doc/.wps file: convert to .docx first');
  }
  const zip = openZip(bytes);
  if (!zip.entries.has(PARTS.document)) {
    throw new UnreadableError('unsupported', '不是 Word 文档（缺少 word/document.xml）', 'not a Word document (no word/document.xml)');
  }
  const body = child(part(zip, PARTS.document), 'w:body');
  if (!body) throw corrupt();
  const styles = new Styles(part(zip, PARTS.styles));
  const numbering = new Numbering(part(zip, PARTS.numbering), styles);
  const messages: Finding[] = [];
  const blocks = readBody(body, { styles, numbering, messages });
  if (blocks.length === 0) {
    const hasImages = [...zip.entries.keys()].some((name) => name.startsWith('word/media/'));
    throw hasImages
      ? new UnreadableError('image-only', '文档只包含图片，没有可提取的文字', 'document contains only images, no text')
      : new UnreadableError('empty', '文档没有文字内容', 'document has no text');
  }
  return { source, medium: 'docx', blocks, messages };
};

function part(zip: ZipArchive, name: string): XmlNode | undefined {
  const bytes = zip.read(name);
  return bytes && parseXml(bytes);
}
