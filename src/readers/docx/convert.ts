/**
 * Legacy Word (.doc, and .wps saved in the Word 97 binary format) converted to .docx with LibreOffice, so the one
 * .docx reader serves both. Both are OLE compound files; so are password-protected .docx files (an OLE wrapper around
 * an "EncryptedPackage" stream), which no conversion can open.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UnreadableError } from '../../document/errors.ts';

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
  const dir = await mkdtemp(join(tmpdir(), 'xxgk-doc-'));
  try {
    const input = join(dir, 'input.doc');
    await writeFile(input, bytes);
    await run(
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
    await rm(dir, { recursive: true, force: true });
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

/** Runs a command in its own process group so that a timeout kills LibreOffice's child processes too. */
function run(command: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn(command, args, { detached: true, stdio: 'ignore' });
    const timer = setTimeout(() => {
      try {
        if (proc.pid) process.kill(-proc.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      reject(new UnreadableError('corrupt', '旧版 Word 文件转换超时', `legacy Word conversion timed out after ${timeoutMs / 1000} s`));
    }, timeoutMs);
    proc.on('error', (e) => {
      clearTimeout(timer);
      reject(new UnreadableError('unsupported', `无法启动 LibreOffice：${e.message}`, `could not start LibreOffice: ${e.message}`));
    });
    proc.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
