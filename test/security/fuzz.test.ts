/**
 * Bounded mutation fuzzing of every reader with a fixed seed (the long run is `npm run fuzz`), through the pipeline's
 * isolated workers as a user's files go: every mutated fixture is read to a report or refused with its reason, never
 * an internal error. Failures the fuzzer found are kept
 * below as fixtures, rebuilt from the file they were mutated from. Both run in a process of their own, as in
 * production: the test runner listens for unhandled rejections itself, which would change what is tested.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { FIXTURES, ROOT } from '../helpers.ts';

const RUNS = 400;

test(`readers return a report or a reason, never an internal error, on ${RUNS} mutated fixtures (seed 9)`, { timeout: 300_000 }, () => {
  const scratch = mkdtempSync(join(tmpdir(), 'xxgk-fuzz-'));
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'fuzz.ts')], {
    encoding: 'utf8',
    env: { ...process.env, FUZZ_CASES: String(RUNS), FUZZ_SEED: '9', FUZZ_KEEP: join(scratch, 'kept') },
  });
  rmSync(scratch, { recursive: true, force: true });
  assert.match(run.stdout, new RegExp(`^${RUNS} cases, .*, 0 crashed$`, 'm'), run.stdout + run.stderr);
  assert.equal(run.status, 0);
});

test('found by fuzzing: a Chromium PDF with 7 flipped bits leaves a pdf.js promise rejected unheard; the process goes on', () => {
  const script = `
    const { readFileSync } = await import('node:fs');
    const { readBytes } = await import(${JSON.stringify(join(ROOT, 'src', 'readers', 'index.ts'))});
    const bytes = new Uint8Array(readFileSync(${JSON.stringify(join(FIXTURES, 'seeds-rendered', '001_62e18fc6e57dfc2d.chromium.pdf'))}));
    for (const [at, mask] of [[9625, 16], [53358, 1], [76419, 64], [79441, 64], [126739, 128], [134185, 8], [165293, 4]]) bytes[at] ^= mask;
    const doc = await readBytes(bytes, 'flipped.pdf');
    await new Promise((resolve) => setTimeout(resolve, 100));
    console.log(doc.blocks.length > 0 ? 'read' : 'empty');`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', cwd: ROOT });
  assert.equal(run.stdout.trim(), 'read', run.stderr);
  assert.equal(run.status, 0);
});
