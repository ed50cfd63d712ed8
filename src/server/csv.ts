/**
 * Downloads, always attachments under a UTF-8 file name. CSV ones are a table's columns and rows written by the one
 * CSV writer (src/render/csv.ts: a BOM for Excel, RFC 4180 quoting, formulas disarmed: names come from untrusted files).
 */
import type { Context } from 'hono';
import { rowsToCsv } from '../render/csv.ts';
import type { TabularColumn, TabularValue } from '../render/types.ts';

export function csvResponse(c: Context, fileName: string, columns: TabularColumn[], rows: readonly object[]): Response {
  return download(c, fileName, rowsToCsv(columns, rows as Record<string, TabularValue>[]), 'text/csv; charset=utf-8');
}

/** A download of bytes or text under a file name, never shown inline. */
export function download(c: Context, fileName: string, body: Uint8Array | string, contentType: string): Response {
  return c.body(body as Uint8Array<ArrayBuffer> | string, 200, {
    'content-type': contentType,
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  });
}
