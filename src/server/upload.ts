/**
 * Uploaded files from a multipart form: limited in count and total size before anything is read; each file's own
 * limit is the readers' limit for what its content is (sniffed from the bytes, never from the client's type).
 */
import { basename } from 'node:path';
import type { Context } from 'hono';
import { UnreadableError } from '../document/errors.ts';
import { reportMembers } from '../pipeline/inputs.ts';
import { limitFor } from '../readers/source.ts';
import { sniff } from '../readers/sniff.ts';
import { ARCHIVE_LIMITS, corrupt, openZip } from '../readers/zip.ts';
import type { ImportResult, UploadedFile } from './data.ts';
import { WebError } from './http.ts';

export interface UploadLimits {
  maxFiles: number;
  maxTotalBytes: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { maxFiles: 200, maxTotalBytes: 256 * 2 ** 20 };

/**
 * The files of the `files` field, and a result for each refused one. A .zip stands for its report-like members,
 * named "archive.zip/member": they count against the file limit and, unpacked, against the size limit; the archive's
 * directory is judged (entry count, sizes, ratios) before anything is inflated.
 */
export async function uploadedFiles(c: Context, limits: UploadLimits): Promise<{ files: UploadedFile[]; refused: ImportResult[] }> {
  const length = Number(c.req.header('content-length') ?? NaN);
  if (!(length <= limits.maxTotalBytes)) throw tooLarge(limits);
  const body = await c.req.parseBody({ all: true });
  const field = body.files;
  const list = (Array.isArray(field) ? field : field === undefined ? [] : [field]).filter((f): f is File => f instanceof File);
  if (!list.length) throw new WebError(400, 'no-files', '没有收到文件', 'no files were uploaded');
  if (list.length > limits.maxFiles) throw tooMany(limits);
  const files: UploadedFile[] = [];
  const refused: ImportResult[] = [];
  const room = { files: limits.maxFiles, bytes: limits.maxTotalBytes };
  for (const file of list) {
    const name = safeName(file.name);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const parts = sniff(bytes, name) === 'zip' ? unzipped(name, bytes, room, limits) : [{ name, bytes }];
    for (const part of parts) {
      if ('status' in part) {
        refused.push(part);
        continue;
      }
      const limit = limitFor(sniff(part.bytes, part.name));
      if (part.bytes.length > limit) refused.push({ name: part.name, status: 'unreadable', error: `文件超过 ${limit / 2 ** 20} MB` });
      else files.push(part);
    }
    room.files -= parts.length;
    room.bytes -= parts.reduce((n, p) => n + ('bytes' in p ? p.bytes.length : 0), 0);
    if (room.files < 0) throw tooMany(limits);
    if (room.bytes < 0) throw tooLarge(limits);
  }
  return { files, refused };
}

/** An archive's report members (or why one cannot be read); too many or too large for what is left of the limits: 413. */
function unzipped(name: string, bytes: Uint8Array, room: { files: number; bytes: number }, limits: UploadLimits): (UploadedFile | ImportResult)[] {
  let zip;
  try {
    zip = openZip(bytes, ARCHIVE_LIMITS);
  } catch (e) {
    if (!(e instanceof UnreadableError)) throw e;
    // The reader's "corrupt" speaks of Word documents (its usual archive); its other reasons (a bomb) stand as they are.
    const why = e.zh === corrupt().zh ? '文件已损坏或不是有效的 ZIP 压缩包' : e.zh;
    return [{ name, status: 'unreadable', error: `压缩包无法打开：${why}` }];
  }
  const members = reportMembers(zip);
  if (!members.length) return [{ name, status: 'unreadable', error: '压缩包中没有报告文件（网页、Word、PDF、文本）' }];
  if (members.length > room.files) throw tooMany(limits);
  if (members.reduce((n, m) => n + zip.entries.get(m)!.uncompressedSize, 0) > room.bytes) throw tooLarge(limits);
  return members.map((member) => {
    const memberName = `${name}/${clean(member)}`;
    try {
      return { name: memberName, bytes: zip.read(member)! };
    } catch (e) {
      if (!(e instanceof UnreadableError)) throw e;
      return { name: memberName, status: 'unreadable' as const, error: e.zh };
    }
  });
}

function tooMany(limits: UploadLimits): WebError {
  return new WebError(413, 'too-many-files', `一次最多上传 ${limits.maxFiles} 个文件（压缩包中的文件也计入）`, `at most ${limits.maxFiles} files at once, archive members included`);
}

function tooLarge(limits: UploadLimits): WebError {
  const mb = limits.maxTotalBytes / 2 ** 20;
  return new WebError(413, 'too-large', `上传内容合计不能超过 ${mb} MB（压缩包按解压后计；需注明长度）`, `upload larger than ${mb} MB (archives unpacked) or without a length`);
}

/** The file's own name, without folders or control characters, at most 200 characters. */
function safeName(name: string): string {
  return clean(basename(name.replace(/\\/g, '/'))) || '未命名';
}

/** A name without control characters or bidirectional marks, at most 200 characters. */
function clean(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').slice(0, 200);
}
