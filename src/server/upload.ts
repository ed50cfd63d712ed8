/**
 * Uploaded files from a multipart form: limited in count and total size before anything is read; each file's own
 * limit is the readers' limit for what its content is (sniffed from the bytes, never from the client's type).
 */
import { basename } from 'node:path';
import type { Context } from 'hono';
import { limitFor } from '../readers/source.ts';
import { sniff } from '../readers/sniff.ts';
import type { ImportResult, UploadedFile } from './data.ts';
import { WebError } from './http.ts';

export interface UploadLimits {
  maxFiles: number;
  maxTotalBytes: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { maxFiles: 200, maxTotalBytes: 256 * 2 ** 20 };

/** The files of the `files` field, and a result for each refused one (in the order they came). */
export async function uploadedFiles(c: Context, limits: UploadLimits): Promise<{ files: UploadedFile[]; refused: ImportResult[] }> {
  const length = Number(c.req.header('content-length') ?? NaN);
  if (!(length <= limits.maxTotalBytes)) throw tooLarge(limits);
  const body = await c.req.parseBody({ all: true });
  const field = body.files;
  const list = (Array.isArray(field) ? field : field === undefined ? [] : [field]).filter((f): f is File => f instanceof File);
  if (!list.length) throw new WebError(400, 'no-files', '没有收到文件', 'no files were uploaded');
  if (list.length > limits.maxFiles) {
    throw new WebError(413, 'too-many-files', `一次最多上传 ${limits.maxFiles} 个文件`, `at most ${limits.maxFiles} files at once`);
  }
  const files: UploadedFile[] = [];
  const refused: ImportResult[] = [];
  for (const file of list) {
    const name = safeName(file.name);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const limit = limitFor(sniff(bytes, name));
    if (bytes.length > limit) refused.push({ name, status: 'unreadable', error: `文件超过 ${limit / 2 ** 20} MB` });
    else files.push({ name, bytes });
  }
  return { files, refused };
}

function tooLarge(limits: UploadLimits): WebError {
  const mb = limits.maxTotalBytes / 2 ** 20;
  return new WebError(413, 'too-large', `上传内容合计不能超过 ${mb} MB（需注明长度）`, `upload larger than ${mb} MB or without a length`);
}

/** The file's own name, without folders or control characters, at most 200 characters. */
function safeName(name: string): string {
  const clean = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
  return clean.slice(0, 200) || '未命名';
}
