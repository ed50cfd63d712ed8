/**
 * Expands command-line inputs: files, folders (recursively, report-like files only, sorted), .zip archives (their
 * report-like members, unpacked to a scratch folder and named "archive.zip/member") and "-" for stdin.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, normalize } from 'node:path';
import { makeScratch } from '../readers/external.ts';
import { readLimited } from '../readers/index.ts';
import { ARCHIVE_LIMITS, openZip, type ZipArchive } from '../readers/zip.ts';
import type { Input } from './read.ts';

const REPORT_EXT = /\.(txt|text|md|markdown|html?|shtml|xhtml|docx|docm|doc|wps|pdf)$/i;
const ARCHIVE_EXT = /\.zip$/i;
/** Largest archive unpacked (its members are judged one by one as well). */
const MAX_ARCHIVE_BYTES = 2 ** 30;

export async function expandInputs(args: string[]): Promise<(string | Input)[]> {
  const out: (string | Input)[] = [];
  for (const arg of args) {
    if (arg === '-') {
      out.push(arg);
      continue;
    }
    const s = await stat(arg).catch(() => undefined);
    if (s?.isDirectory()) out.push(...(await walk(arg)));
    else if (s?.isFile() && ARCHIVE_EXT.test(arg)) out.push(...(await unpack(arg, s.size)));
    else out.push(arg); // missing files are reported per file by the reader
  }
  return out;
}

/**
 * The report-like files of a folder tree. A folder that cannot be listed (EACCES) stays in the list as an input of
 * its own: the reader reports it as unreadable, and the rest of the batch is read.
 */
async function walk(dir: string): Promise<(string | Input)[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [dir];
  }
  entries.sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const files: (string | Input)[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.') || /^readme\b/i.test(e.name)) continue; // a folder's own notes are not reports
    const path = join(dir, e.name);
    if (e.isDirectory()) files.push(...(await walk(path)));
    else if (e.isFile() && REPORT_EXT.test(e.name)) files.push(path);
    else if (e.isFile() && ARCHIVE_EXT.test(e.name)) files.push(...(await unpack(path)));
  }
  return files;
}

/**
 * An archive's report-like members, each unpacked to a scratch folder (removed at exit) under its path in the
 * archive. An archive that cannot be opened stays an input of its own, and the reader says why.
 */
async function unpack(path: string, size?: number): Promise<(string | Input)[]> {
  if ((size ?? (await stat(path)).size) > MAX_ARCHIVE_BYTES) return [path];
  let zip;
  try {
    zip = openZip(new Uint8Array(await readFile(path)), ARCHIVE_LIMITS);
  } catch {
    return [path];
  }
  const root = join(await makeScratch('xxgk-zip-'), basename(path));
  const members: Input[] = [];
  for (const name of reportMembers(zip)) {
    const target = join(root, normalize(name));
    try {
      const bytes = zip.read(name);
      if (!bytes) continue;
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, bytes);
    } catch {
      // An encrypted or lying member: read as the archive itself, so the reader names it as unreadable.
      members.push({ path, name: `${path}/${name}` });
      continue;
    }
    members.push({ path: target, name: `${path}/${name}` });
  }
  return members;
}

/**
 * The members of an archive that are read as reports, by name: report-like files only, none outside the archive's own
 * folder (`../`, absolute) or hidden (`.name`, `__MACOSX/._x` included).
 */
export function reportMembers(zip: ZipArchive): string[] {
  return [...zip.entries.keys()].sort((a, b) => a.localeCompare(b, 'en')).filter((name) => {
    const relative = normalize(name);
    return REPORT_EXT.test(name) && !relative.startsWith('..') && !relative.startsWith('/') && !/(^|\/)\./.test(relative);
  });
}

/** Standard input, read through the same byte limit as files (reading stops as soon as it is passed). */
export function readStdin(): Promise<Uint8Array> {
  return readLimited(process.stdin, '-');
}
