/**
 * Getting the bytes of an input with a byte limit, whatever it is: the limit is counted while reading (a file's
 * `stat` size can lie: /dev/zero, a file growing, a FIFO), and only regular files are opened at all.
 */
import { constants } from 'node:fs';
import { open, opendir, stat } from 'node:fs/promises';
import { UnreadableError } from '../document/errors.ts';
import { sniff, type MediaKind } from './sniff.ts';

/** Largest input read at all; real reports are far smaller, so reading stops as soon as one passes its limit. */
export const MAX_BYTES: Record<'text' | 'binary', number> = { text: 20 * 2 ** 20, binary: 100 * 2 ** 20 };

/** Bytes enough to tell the kind of an input (magic numbers, the head of a web page). */
const SNIFF_BYTES = 64 * 1024;

export function limitFor(kind: MediaKind): number {
  return kind === 'pdf' || kind === 'docx' || kind === 'doc' ? MAX_BYTES.binary : MAX_BYTES.text;
}

/**
 * Reads a stream to its end, or throws 'too-large' as soon as it passes the limit for its kind (told from its first
 * 64 KB, so a text input stops at 20 MB and a PDF at 100 MB).
 */
export async function readLimited(stream: AsyncIterable<Uint8Array>, name: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let limit = MAX_BYTES.binary;
  let sniffed = false;
  for await (const chunk of stream) {
    chunks.push(chunk);
    size += chunk.length;
    if (!sniffed && size >= SNIFF_BYTES) {
      limit = limitFor(sniff(concat(chunks, size), name));
      sniffed = true;
    }
    if (size > limit) throw tooLarge(limit);
  }
  const bytes = concat(chunks, size);
  if (!sniffed && size > limitFor(sniff(bytes, name))) throw tooLarge(limitFor(sniff(bytes, name)));
  return bytes;
}

/**
 * Reads a file. Anything but a regular file (a FIFO would block, /dev/zero never ends, a socket or device is no
 * report) is refused before a byte is read; the file is opened non-blocking and checked again on the open handle,
 * so a file swapped for a FIFO in between is refused too.
 */
export async function readFileLimited(path: string): Promise<Uint8Array> {
  const info = await stat(path).catch((e) => {
    throw openError(e);
  });
  if (info.isDirectory()) throw await directoryError(path);
  if (!info.isFile()) throw notRegular();
  // A size beyond any limit is refused at once; a smaller one is not trusted, the count while reading decides.
  if (info.size > MAX_BYTES.binary) throw tooLarge(MAX_BYTES.binary, info.size);
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch((e) => {
    throw openError(e);
  });
  try {
    if (!(await handle.stat()).isFile()) throw notRegular();
    return await readLimited(handle.createReadStream({ autoClose: false }), path);
  } catch (e) {
    throw e instanceof UnreadableError ? e : openError(e);
  } finally {
    await handle.close();
  }
}

export function tooLarge(limit: number, size?: number): UnreadableError {
  const mb = (n: number) => `${Math.round(n / 2 ** 20)} MB`;
  return size === undefined
    ? new UnreadableError('too-large', `文件过大（超过上限 ${mb(limit)}）`, `file too large (over the ${mb(limit)} limit)`)
    : new UnreadableError('too-large', `文件过大（${mb(size)}，上限 ${mb(limit)}）`, `file too large (${mb(size)}, limit ${mb(limit)})`);
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  return chunks.length === 1 ? chunks[0] : new Uint8Array(Buffer.concat(chunks, size));
}

function notRegular(): UnreadableError {
  return new UnreadableError('unsupported', '不是普通文件（管道、设备或套接字），不予读取', 'not a regular file (pipe, device or socket), not read');
}

function openError(e: unknown): UnreadableError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return unreadable();
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new UnreadableError('not-found', '文件不存在', 'file not found');
  }
  const detail = (e as Error).message;
  return new UnreadableError('unreadable', `文件无法读取：${detail}`, `file cannot be read: ${detail}`);
}

function unreadable(): UnreadableError {
  return new UnreadableError('unreadable', '没有读取权限，无法打开', 'permission denied, cannot be opened');
}

/** A folder given where a file was expected: unreadable if it cannot be listed, else not a file. */
async function directoryError(path: string): Promise<UnreadableError> {
  try {
    await (await opendir(path)).close();
  } catch (e) {
    return openError(e);
  }
  return new UnreadableError('unsupported', '这是一个文件夹，不是文件', 'is a directory');
}
