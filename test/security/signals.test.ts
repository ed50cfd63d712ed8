/**
 * Clean faults (issue 9): SIGINT or SIGTERM while LibreOffice converts a .doc, or tesseract recognises a page, leaves
 * no scratch folder (they hold copies of the input) and no child process (soffice.bin) behind.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { FIXTURES, ROOT } from '../helpers.ts';

const installed = (cmd: string, arg: string) => spawnSync(cmd, [arg], { stdio: 'ignore' }).status === 0;

/** Processes whose command line mentions `marker` (our private temp folder), read from /proc. */
function processesMentioning(marker: string): string[] {
  const out: string[] = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmdline.includes(marker)) out.push(`${pid}: ${cmdline.replace(/\0/g, ' ')}`);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/**
 * Runs `xxgk parse` with a private TMPDIR, waits until a child program working in it appears, sends `signal` and
 * returns what is left: entries of the temp folder and processes still pointing into it.
 */
async function interrupt(args: string[], program: RegExp, signal: NodeJS.Signals) {
  const tmp = mkdtempSync(join(tmpdir(), 'xxgk-signal-test-'));
  try {
    const cli = spawn(process.execPath, [join(ROOT, 'bin', 'xxgk.js'), 'parse', ...args], {
      env: { ...process.env, TMPDIR: tmp },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => cli.on('exit', (code, sig) => resolve(code ?? (sig ? -1 : null))));
    let seen: string[] = [];
    for (let i = 0; i < 3000 && !(seen = processesMentioning(tmp).filter((p) => program.test(p))).length; i++) await sleep(20);
    assert.ok(seen.length, `${program} started`);
    cli.kill(signal);
    await exited;
    let left = processesMentioning(tmp);
    for (let i = 0; i < 100 && left.length; i++) left = (await sleep(20), processesMentioning(tmp)); // reaped
    return { folders: readdirSync(tmp).filter((n) => n.startsWith('xxgk-')), processes: left }; // tsx keeps its cache there too
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

test('SIGINT during a .doc conversion removes the scratch folder and stops soffice', { skip: !installed('soffice', '--version') && 'LibreOffice not installed', timeout: 120_000 }, async () => {
  const left = await interrupt([join(FIXTURES, 'docx', 'report.doc')], /soffice/, 'SIGINT');
  assert.deepEqual(left, { folders: [], processes: [] });
});

test('SIGTERM during OCR removes the scratch folder and stops pdftoppm/tesseract', { skip: !installed('tesseract', '--version') && 'tesseract not installed', timeout: 120_000 }, async () => {
  const left = await interrupt(['--ocr', join(FIXTURES, 'pdf', 'image-only.pdf')], /pdftoppm|tesseract/, 'SIGTERM');
  assert.deepEqual(left, { folders: [], processes: [] });
});
