/**
 * OCR for pages without a text layer (`--ocr`): poppler's pdftoppm renders the page at 300 dpi, tesseract (Debian's
 * tesseract-ocr with chi_sim data, no download) reads it as TSV, and each recognised word becomes a piece placed where
 * tesseract saw it, with its confidence, so the same line and table building applies. External programs run through
 * execFile with time limits; the scratch folder is always removed.
 */
import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeScratch, removeScratch, runIsolated, type RunOptions } from '../external.ts';
import type { Piece } from './types.ts';

const run = promisify(execFile);

const DPI = 300;
const RENDER_TIMEOUT_MS = 60_000;
const RECOGNISE_TIMEOUT_MS = 180_000;

let available: Promise<boolean> | undefined;

/** Whether tesseract with Simplified Chinese data and pdftoppm are installed (checked once per process). */
export function ocrAvailable(): Promise<boolean> {
  available ??= (async () => {
    try {
      const { stdout, stderr } = await run('tesseract', ['--list-langs'], { timeout: 10_000 });
      if (!/^chi_sim$/m.test(stdout + stderr)) return false;
      await run('pdftoppm', ['-v'], { timeout: 10_000 });
      return true;
    } catch {
      return false;
    }
  })();
  return available;
}

/** Recognises the given pages (1-based) of a PDF; returns their pieces by page number. */
export async function ocrPages(bytes: Uint8Array, pages: number[]): Promise<Map<number, Piece[]>> {
  const dir = await makeScratch('xxgk-ocr-');
  try {
    const input = join(dir, 'input.pdf');
    await writeFile(input, bytes);
    const out = new Map<number, Piece[]>();
    for (const page of pages) {
      const stem = join(dir, `page-${page}`);
      await succeed('pdftoppm', ['-r', String(DPI), '-png', '-singlefile', '-f', String(page), '-l', String(page), input, stem], {
        timeoutMs: RENDER_TIMEOUT_MS,
      });
      const stdout = await succeed('tesseract', [`${stem}.png`, 'stdout', '-l', 'chi_sim', '--psm', '6', 'tsv'], {
        timeoutMs: RECOGNISE_TIMEOUT_MS,
        maxBuffer: 64 * 2 ** 20,
      });
      out.set(page, piecesFromTsv(stdout));
      await rm(`${stem}.png`, { force: true });
    }
    return out;
  } finally {
    await removeScratch(dir);
  }
}

/** Runs a program isolated (no network, killed with its group); its output, or a throw when it failed. */
async function succeed(command: string, args: string[], options: RunOptions): Promise<string> {
  const { code, stdout, timedOut } = await runIsolated(command, args, options);
  if (code !== 0) throw new Error(`${command} ${timedOut ? 'timed out' : `exited with ${code}`}`);
  return stdout;
}

/**
 * tesseract TSV (level page_num block_num par_num line_num word_num left top width height conf text) → pieces.
 * Words take their line's bottom as baseline and its height as font size: single characters vary in height, lines
 * do not.
 */
export function piecesFromTsv(tsv: string, dpi = DPI): Piece[] {
  const scale = 72 / dpi;
  const lines = new Map<string, { top: number; height: number }>();
  const pieces: Piece[] = [];
  for (const row of tsv.split('\n').slice(1)) {
    const f = row.split('\t');
    if (f.length < 12) continue;
    const [level, , block, par, line, word, left, top, width, height, conf] = f.slice(0, 11).map(Number);
    const key = `${block}.${par}.${line}`;
    if (level === 4) lines.set(key, { top, height });
    if (level !== 5) continue;
    const text = f.slice(11).join('\t').trim();
    if (!text || conf < 0) continue;
    const box = lines.get(key) ?? { top, height };
    pieces.push({
      text,
      x0: left * scale,
      x1: (left + width) * scale,
      baseline: (box.top + box.height) * scale,
      size: Math.max(box.height, 1) * scale,
      spaced: word > 1,
      ocr: conf,
    });
  }
  return pieces;
}
