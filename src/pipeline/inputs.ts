/** Expands command-line inputs: files, folders (recursively, report-like files only, sorted) and "-" for stdin. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readLimited } from '../readers/index.ts';

const REPORT_EXT = /\.(txt|text|md|markdown|html?|shtml|xhtml|docx|docm|doc|wps|pdf)$/i;

export async function expandInputs(args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    if (arg === '-') {
      out.push(arg);
      continue;
    }
    const s = await stat(arg).catch(() => undefined);
    if (s?.isDirectory()) out.push(...(await walk(arg)));
    else out.push(arg); // missing files are reported per file by the reader
  }
  return out;
}

/**
 * The report-like files of a folder tree. A folder that cannot be listed (EACCES) stays in the list as an input of
 * its own: the reader reports it as unreadable, and the rest of the batch is read.
 */
async function walk(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [dir];
  }
  entries.sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const files: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.') || /^readme\b/i.test(e.name)) continue; // a folder's own notes are not reports
    const path = join(dir, e.name);
    if (e.isDirectory()) files.push(...(await walk(path)));
    else if (e.isFile() && REPORT_EXT.test(e.name)) files.push(path);
  }
  return files;
}

/** Standard input, read through the same byte limit as files (reading stops as soon as it is passed). */
export function readStdin(): Promise<Uint8Array> {
  return readLimited(process.stdin, '-');
}
