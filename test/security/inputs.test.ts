/**
 * Inputs read with a byte limit and refused before reading when they are not regular files; unreadable files and
 * folders are per-input errors with code `unreadable`, and the rest of a batch is read (issue 9).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { after, before, describe, test } from 'node:test';
import { UnreadableError } from '../../src/document/errors.ts';
import { MAX_BYTES, readPath } from '../../src/readers/index.ts';
import { ROOT } from '../helpers.ts';

const XXGK = join(ROOT, 'bin', 'xxgk.js');
const SAMPLE = join(ROOT, 'samples', '2024-tab.txt');

async function refusal(path: string): Promise<UnreadableError> {
  try {
    await readPath(path);
  } catch (e) {
    if (e instanceof UnreadableError) return e;
    throw e;
  }
  assert.fail(`${path} was read`);
}

/** Runs xxgk, optionally as another user, feeding `stdin` (a function that writes until the child stops reading). */
function xxgk(args: string[], options: { uid?: number; gid?: number; env?: NodeJS.ProcessEnv } = {}) {
  return spawn(process.execPath, [XXGK, ...args], { ...options, stdio: ['pipe', 'pipe', 'pipe'] });
}

function collect(child: ReturnType<typeof xxgk>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('inputs that are not regular files are refused before reading', () => {
  let dir = '';
  before(() => (dir = mkdtempSync(join(tmpdir(), 'xxgk-inputs-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a FIFO (nobody writes to it: opening it for reading would block)', { skip: spawnSync('mkfifo', ['--version']).status !== 0 && 'mkfifo missing' }, async () => {
    const fifo = join(dir, 'report.txt');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const e = await refusal(fifo);
    assert.equal(e.code, 'unsupported');
    assert.equal(e.zh, '不是普通文件（管道、设备或套接字），不予读取');
  });

  test('/dev/zero, which never ends', async () => {
    assert.equal((await refusal('/dev/zero')).code, 'unsupported');
  });

  test('a regular file is still read', async () => {
    assert.ok((await readPath(SAMPLE)).blocks.length > 0);
  });
});

describe('standard input is read through the limit', () => {
  test('an endless text stream on stdin stops at the 20 MB text limit with a one-line reason', { timeout: 120_000 }, async () => {
    const child = xxgk(['parse', '-']);
    const done = collect(child);
    let written = 0;
    const endless = Readable.from((function* () {
      const chunk = Buffer.alloc(2 ** 20, 'a');
      for (; written < 1024 * 2 ** 20; written += chunk.length) yield chunk;
    })());
    await pipeline(endless, child.stdin!).catch(() => {}); // EPIPE once xxgk stops reading
    const { code, stderr } = await done;
    assert.equal(code, 2);
    assert.match(stderr, /^xxgk: -: 文件过大（超过上限 20 MB）/);
    assert.equal(stderr.trim().split('\n').length, 1);
    assert.ok(written >= MAX_BYTES.text && written < 1024 * 2 ** 20, 'xxgk stopped reading long before the end');
  });
});

describe('unreadable files and folders (as user nobody: root reads everything)', () => {
  const asRoot = process.getuid?.() === 0;
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'xxgk-perm-'));
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, 'batch', 'a-locked'), { recursive: true });
    copyFileSync(SAMPLE, join(dir, 'batch', 'b-readable.txt'));
    writeFileSync(join(dir, 'batch', 'a-locked', 'hidden.txt'), '一、总体情况\n');
    copyFileSync(SAMPLE, join(dir, 'locked.txt'));
    chmodSync(join(dir, 'locked.txt'), 0o000);
    chmodSync(join(dir, 'batch', 'a-locked'), 0o000);
    // tsx writes its cache under TMPDIR: give nobody one of its own.
    mkdirSync(join(dir, 'tmp'));
    if (asRoot) chownSync(join(dir, 'tmp'), 65534, 65534);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const nobody = () => ({ uid: 65534, gid: 65534, env: { ...process.env, TMPDIR: join(dir, 'tmp') } });
  const skip = !asRoot && process.getuid?.() !== 65534 && 'needs root to switch to nobody';

  test('a chmod 000 file is an `unreadable` input, not `corrupt`', { skip }, async () => {
    const { code, stdout } = await collect(xxgk(['parse', '--json', join(dir, 'locked.txt')], nobody()));
    assert.equal(code, 2);
    assert.equal(JSON.parse(stdout).error.code, 'unreadable');
  });

  test('a chmod 000 folder in a batch is its own `unreadable` line; the other inputs are read', { skip }, async () => {
    const { code, stdout, stderr } = await collect(xxgk(['parse', '--json', join(dir, 'batch')], nobody()));
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => [l.source.path, l.error?.code ?? 'read']), [
      [join(dir, 'batch', 'a-locked'), 'unreadable'],
      [join(dir, 'batch', 'b-readable.txt'), 'read'],
    ]);
    assert.equal(code, 2);
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
  });
});
