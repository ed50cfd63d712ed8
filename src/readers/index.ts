/** Reads any supported file into the neutral document model, choosing the reader by content, not by name. */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { DocumentModel } from '../document/model.ts';
import { UnreadableError } from '../document/errors.ts';
import { readDocx } from './docx.ts';
import { convertLegacyWord } from './docx/convert.ts';
import { readHtml } from './html.ts';
import { readPdf } from './pdf.ts';
import { MEDIA_TYPES, sniff, type MediaKind } from './sniff.ts';
import { readText } from './text.ts';
import type { ReadOptions, Reader } from './types.ts';

export type { ReadOptions } from './types.ts';
export { normalizeText } from '../text/normalize.ts';

/** Largest input read at all; real reports are far smaller, so anything bigger is refused before it is loaded. */
export const MAX_BYTES: Record<'text' | 'binary', number> = { text: 20 * 2 ** 20, binary: 100 * 2 ** 20 };

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
  const limit = kind === 'pdf' || kind === 'docx' || kind === 'doc' ? MAX_BYTES.binary : MAX_BYTES.text;
  if (bytes.length > limit) throw tooLarge(bytes.length, limit);
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

/** Reads a file, refusing oversized files before loading them. */
export async function readPath(path: string, options: ReadOptions = {}): Promise<DocumentModel> {
  let size: number;
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw new UnreadableError('unsupported', '这是一个文件夹，不是文件', 'is a directory');
    size = s.size;
  } catch (e) {
    if (e instanceof UnreadableError) throw e;
    throw new UnreadableError('not-found', '文件不存在或无法打开', 'file not found or not readable');
  }
  if (size > MAX_BYTES.binary) throw tooLarge(size, MAX_BYTES.binary);
  return readBytes(new Uint8Array(await readFile(path)), path, options);
}

function tooLarge(size: number, limit: number): UnreadableError {
  const mb = (n: number) => `${Math.round(n / 2 ** 20)} MB`;
  return new UnreadableError('too-large', `文件过大（${mb(size)}，上限 ${mb(limit)}）`, `file too large (${mb(size)}, limit ${mb(limit)})`);
}

function unsupported(kind: MediaKind): UnreadableError {
  if (kind === 'image') {
    return new UnreadableError('image-only', '图片文件，无可提取文字（可使用 --ocr 识别扫描件）', 'image file, no text to extract (try --ocr)');
  }
  return new UnreadableError('unsupported', '不支持的文件类型（压缩包）', 'unsupported file type (archive)');
}
