/**
 * A defensive ZIP reader for .docx packages and archives of reports: the central directory is read and judged (entry count, declared sizes,
 * compression ratios) before a single byte is inflated, only the parts asked for are inflated, and inflation stops
 * as soon as an entry yields more than it declared. fflate does the inflating.
 */
import { Inflate } from 'fflate';
import { UnreadableError } from '../document/errors.ts';

export interface ZipLimits {
  maxEntries: number;
  maxTotalUncompressed: number;
  maxEntryUncompressed: number;
  /** Compression ratio refused for entries above `ratioCheckFrom` bytes; XML compresses about 10–50:1. */
  maxRatio: number;
  ratioCheckFrom: number;
}

/** Limits an honest Word document never comes near (a 300-page report is a few MB unpacked). */
export const DOCX_LIMITS: ZipLimits = {
  maxEntries: 5000,
  maxTotalUncompressed: 200 * 2 ** 20,
  maxEntryUncompressed: 100 * 2 ** 20,
  maxRatio: 200,
  ratioCheckFrom: 10 * 2 ** 20,
};

/** Limits for an archive of reports: a county's year (hundreds of PDFs) fits, a bomb does not. */
export const ARCHIVE_LIMITS: ZipLimits = { ...DOCX_LIMITS, maxEntries: 20_000, maxTotalUncompressed: 4 * 2 ** 30 };

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const MAX_16 = 0xffff;
const MAX_32 = 0xffffffff;
const INFLATE_CHUNK = 16 * 1024;

export function corrupt(): UnreadableError {
  return new UnreadableError('corrupt', '文件已损坏或不是有效的 Word 文档', 'corrupt file or not a valid .docx');
}

function zipBomb(): UnreadableError {
  return new UnreadableError(
    'corrupt',
    '文件异常：压缩内容过大（疑似压缩炸弹）',
    'suspicious archive: uncompressed size too large (zip bomb?)',
  );
}

/** An opened archive: its judged directory, and a way to inflate one entry by name. */
export interface ZipArchive {
  entries: Map<string, ZipEntry>;
  read(name: string): Uint8Array | undefined;
}

/**
 * Reads the central directory and refuses suspicious archives before inflating anything.
 * Throws UnreadableError 'corrupt' for non-zips, truncated zips and zip bombs; 'encrypted' for password-protected
 * entries.
 */
export function openZip(bytes: Uint8Array, limits: ZipLimits = DOCX_LIMITS): ZipArchive {
  const entries = readCentralDirectory(bytes, limits);
  judge(entries, limits);
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) byName.set(e.name, e);
  return {
    entries: byName,
    read: (name) => {
      const entry = byName.get(name);
      return entry && inflateEntry(bytes, entry);
    },
  };
}

function readCentralDirectory(bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) throw corrupt();
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (count === MAX_16 || cdSize === MAX_32 || cdOffset === MAX_32) {
    ({ count, cdSize, cdOffset } = readZip64Eocd(view, eocd));
  }
  // Judge the count before walking, so a directory of a million entries costs nothing.
  if (count > limits.maxEntries) throw zipBomb();
  if (cdOffset + cdSize > bytes.length) throw corrupt();

  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== SIG_CENTRAL) throw corrupt();
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength + extraLength + commentLength > bytes.length) throw corrupt();
    const entry: ZipEntry = {
      name: entryName(bytes.subarray(at + 46, at + 46 + nameLength), view.getUint16(at + 8, true)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    applyZip64Extra(view, entry, at + 46 + nameLength, extraLength);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The end-of-central-directory record sits in the last 22 + up to 65535 (comment) bytes. */
function findEocd(view: DataView): number {
  const stop = Math.max(0, view.byteLength - 22 - MAX_16);
  for (let at = view.byteLength - 22; at >= stop; at--) {
    if (view.getUint32(at, true) === SIG_EOCD) return at;
  }
  return -1;
}

function readZip64Eocd(view: DataView, eocd: number): { count: number; cdSize: number; cdOffset: number } {
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== SIG_ZIP64_LOCATOR) throw corrupt();
  const record = toSafeNumber(view.getBigUint64(locator + 8, true));
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== SIG_ZIP64_EOCD) throw corrupt();
  return {
    count: toSafeNumber(view.getBigUint64(record + 32, true)),
    cdSize: toSafeNumber(view.getBigUint64(record + 40, true)),
    cdOffset: toSafeNumber(view.getBigUint64(record + 48, true)),
  };
}

/** Sizes of 0xFFFFFFFF live in the zip64 extra field (id 1), in this order, only for the fields that overflowed. */
function applyZip64Extra(view: DataView, entry: ZipEntry, start: number, length: number): void {
  const overflowed = (['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const).filter(
    (key) => entry[key] === MAX_32,
  );
  if (overflowed.length === 0) return;
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 1) {
      overflowed.forEach((key, i) => {
        if (8 * i + 8 <= size) entry[key] = toSafeNumber(view.getBigUint64(at + 4 + 8 * i, true));
      });
      return;
    }
    at += 4 + size;
  }
  // No zip64 field: the 32-bit maximum stands, which the size limits refuse anyway.
}

const UTF8_NAME_FLAG = 0x800;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

/**
 * An entry's name: UTF-8 when flagged so or valid as such; otherwise GB18030, as archives made on Chinese Windows
 * write names (Office part names are ASCII, the same in all three).
 */
function entryName(raw: Uint8Array, flags: number): string {
  if (flags & UTF8_NAME_FLAG) return new TextDecoder('utf-8').decode(raw);
  try {
    return utf8.decode(raw);
  } catch {
    return gb18030.decode(raw);
  }
}

function toSafeNumber(n: bigint): number {
  return n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n);
}

function judge(entries: ZipEntry[], limits: ZipLimits): void {
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (
      e.uncompressedSize > limits.maxEntryUncompressed ||
      total > limits.maxTotalUncompressed ||
      (e.uncompressedSize >= limits.ratioCheckFrom && ratio > limits.maxRatio)
    ) {
      throw zipBomb();
    }
  }
}

/** Inflates one entry, never producing more than it declared (a lying directory is a bomb too). */
function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  if (entry.flags & 1) {
    throw new UnreadableError('encrypted', '文件已加密，请提供未加密的文件', 'file is password-protected');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== SIG_LOCAL) throw corrupt();
  const dataStart = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.length) throw corrupt();
  const data = bytes.subarray(dataStart, dataEnd);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw corrupt();
    return data;
  }
  if (entry.method !== 8) throw corrupt();

  const out = new Uint8Array(entry.uncompressedSize);
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > out.length) throw zipBomb();
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    // Small pushes bound what one push can produce (deflate expands at most ~1032:1).
    for (let i = 0; i < data.length; i += INFLATE_CHUNK) {
      inflater.push(data.subarray(i, i + INFLATE_CHUNK), i + INFLATE_CHUNK >= data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof UnreadableError) throw e;
    throw corrupt();
  }
  return written === out.length ? out : out.subarray(0, written);
}
