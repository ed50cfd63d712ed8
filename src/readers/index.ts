/** Reads any supported file into the neutral document model, choosing the reader by content, not by name. */
import { createHash } from 'node:crypto';
import type { DocumentModel } from '../document/model.ts';
import { UnreadableError } from '../document/errors.ts';
import { readDocx } from './docx.ts';
import { convertLegacyWord } from './docx/convert.ts';
import { readHtml } from './html.ts';
import { readPdf } from './pdf.ts';
import { MEDIA_TYPES, sniff, type MediaKind } from './sniff.ts';
import { limitFor, readFileLimited, tooLarge } from './source.ts';
import { readText } from './text.ts';
import type { ReadOptions, Reader } from './types.ts';

export type { ReadOptions } from './types.ts';

export { MAX_BYTES, readLimited } from './source.ts';

/** Legacy .doc/.wps and Word files wrapped for encryption are OLE files: LibreOffice converts them to .docx. */
const readLegacyWord: Reader = async ({ bytes, source }, options) =>
  readDocx({ bytes: await convertLegacyWord(bytes), source }, options);

const READERS: Partial<Record<MediaKind, Reader>> = {
  text: readText,
  markdown: readText,
  html: readHtml,
  docx: readDocx,
  doc: readLegacyWord,
  pdf: readPdf,
};

/** Reads bytes that are already in memory; `path` names them in provenance and messages ("-" for stdin). */
export async function readBytes(bytes: Uint8Array, path: string, options: ReadOptions = {}): Promise<DocumentModel> {
  if (bytes.length === 0) throw new UnreadableError('empty', '文件为空', 'empty file');
  const kind = sniff(bytes, path);
  const limit = limitFor(kind);
  if (bytes.length > limit) throw tooLarge(limit, bytes.length);
  const reader = READERS[kind];
  if (!reader) throw unsupported(kind);
  const source = {
    path,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    media_type: MEDIA_TYPES[kind],
    bytes: bytes.length,
  };
  return reader({ bytes, source }, options);
}

/** Reads a file: regular files only, read through the byte limit (source.ts). */
export async function readPath(path: string, options: ReadOptions = {}): Promise<DocumentModel> {
  return readBytes(await readFileLimited(path), path, options);
}

function unsupported(kind: MediaKind): UnreadableError {
  if (kind === 'image') {
    return new UnreadableError('image-only', '图片文件，无可提取文字（可使用 --ocr 识别扫描件）', 'image file, no text to extract (try --ocr)');
  }
  return new UnreadableError('unsupported', '不支持的文件类型（压缩包）', 'unsupported file type (archive)');
}
