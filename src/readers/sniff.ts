/** Recognises what a byte buffer is, from its magic numbers first and its name second. */
import { UnreadableError } from '../document/errors.ts';

export type MediaKind = 'text' | 'markdown' | 'html' | 'docx' | 'pdf' | 'doc' | 'image' | 'zip';

export const MEDIA_TYPES: Record<MediaKind, string> = {
  text: 'text/plain',
  markdown: 'text/markdown',
  html: 'text/html',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  doc: 'application/msword',
  image: 'image/*',
  zip: 'application/zip',
};

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);

export function sniff(bytes: Uint8Array, name = ''): MediaKind {
  const ext = name.toLowerCase().replace(/^.*\./, '');
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return ext === 'docx' || ext === 'wps' || ext === '' || ext === 'docm' ? 'docx' : ext === 'zip' ? 'zip' : 'docx';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc';
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) ||
    startsWith(bytes, [0x42, 0x4d]) && ['bmp'].includes(ext) ||
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])
  ) return 'image';
  if (ext === 'html' || ext === 'htm' || ext === 'shtml' || ext === 'xhtml') return 'html';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048)).toLowerCase();
  if (/<!doctype html|<html[\s>]|<body[\s>]|<table[\s>]|<meta\s/.test(head)) return 'html';
  return 'text';
}

/**
 * Decodes text: BOM first (UTF-8, UTF-16), then strict UTF-8, then GB18030 (a superset of GBK, common on government
 * sites). Input that is neither is binary.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (looksBinary(bytes)) throw binary();
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: fall through to GB18030, which decodes almost any byte string, so judge the result.
  }
  const text = new TextDecoder('gb18030').decode(bytes);
  const bad = (text.match(/[\uFFFD\u0000-\u0008\u000E-\u001F]/g) ?? []).length;
  if (bad > Math.max(4, text.length / 200)) throw binary();
  return { text, encoding: 'gb18030' };
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control > n / 50;
}

function binary(): UnreadableError {
  return new UnreadableError('binary', '无法识别的二进制文件，不是文本、网页、Word 或 PDF', 'binary data, not text, HTML, Word or PDF');
}
