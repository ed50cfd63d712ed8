/**
 * Legacy Word (.doc, and .wps saved in the Word 97 binary format) converted to .docx with LibreOffice, so the one
 * .docx reader serves both. Both are OLE compound files; so are password-protected .docx files (an OLE wrapper around
 * an "EncryptedPackage" stream), which no conversion can open.
 */
import { constants } from 'node:fs';
import { access, readFile, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UnreadableError } from '../../document/errors.ts';
import { makeScratch, removeScratch, runIsolated } from '../external.ts';

export interface ConvertOptions {
  /** Milliseconds before the conversion is abandoned (LibreOffice is killed). Default 60 s. */
  timeoutMs?: number;
  /** The soffice executable; default: `soffice` found on PATH. */
  soffice?: string;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Stream name of an encrypted Office package, as stored in the OLE directory (UTF-16LE). */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

export function isOle(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((b, i) => bytes[i] === b);
}

export function isEncryptedOle(bytes: Uint8Array): boolean {
  return isOle(bytes) && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTED_PACKAGE);
}

/**
 * Converts a legacy .doc/.wps file to .docx bytes with `soffice --headless --convert-to docx`.
 * Throws UnreadableError 'encrypted' for password-protected files, 'unsupported' when LibreOffice is not installed,
 * 'corrupt' when the conversion fails or times out.
 */
export async function convertLegacyWord(bytes: Uint8Array, options: ConvertOptions = {}): Promise<Uint8Array> {
  if (isEncryptedOle(bytes)) {
    throw new UnreadableError('encrypted', '文件已加密，请提供未加密的文件', 'file is password-protected');
  }
  const soffice = options.soffice ?? (await findOnPath('soffice'));
  if (!soffice) {
    throw new UnreadableError(
      'unsupported',
      '旧版 Word（.doc/.wps）文件需要安装 LibreOffice 才能读取',
      'legacy .doc/.wps needs LibreOffice installed',
    );
  }
  const dir = await makeScratch('xxgk-doc-');
  try {
    const input = join(dir, 'input.doc');
    await writeFile(input, bytes);
    await convert(
      soffice,
      [
        // A private profile per run: concurrent conversions would otherwise fight over the user's profile lock.
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--headless', '--norestore', '--nolockcheck', '--nodefault',
        '--convert-to', 'docx', '--outdir', dir, input,
      ],
      options.timeoutMs ?? 60_000,
    );
    try {
      return new Uint8Array(await readFile(join(dir, 'input.docx')));
    } catch {
      throw new UnreadableError('corrupt', '旧版 Word 文件无法转换（文件可能已损坏）', 'legacy Word file could not be converted (corrupt?)');
    }
  } finally {
    await removeScratch(dir);
  }
}

async function findOnPath(command: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** LibreOffice without network, killed with its children at the time limit (runIsolated). */
async function convert(command: string, args: string[], timeoutMs: number): Promise<void> {
  let result;
  try {
    result = await runIsolated(command, args, { timeoutMs });
  } catch (e) {
    const message = (e as Error).message;
    throw new UnreadableError('unsupported', `无法启动 LibreOffice：${message}`, `could not start LibreOffice: ${message}`);
  }
  if (result.timedOut) {
    throw new UnreadableError('corrupt', '旧版 Word 文件转换超时', `legacy Word conversion timed out after ${timeoutMs / 1000} s`);
  }
}
