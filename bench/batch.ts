/**
 * The CLI's batch, end to end: `xxgk check --json` over folders of N generated text reports (built CLI, worker
 * threads), printing reports/s and the peak resident memory of the whole process (all threads) for each N. Memory
 * flat in N means nothing accumulates: parse hands reports on as they come, check keeps its batch on disk.
 *
 *   node --import tsx bench/batch.ts [--sizes 250,1000,4000]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { renderTextTab } from '../src/render/index.ts';
import { generateReport } from '../test/support/generate.ts';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '250,1000,4000' } } });
const BIN = fileURLToPath(new URL('../bin/xxgk.js', import.meta.url));

console.log('\nbatch: xxgk check --json over N text reports (built CLI, one worker per core), peak RSS of the process');
for (const n of values.sizes!.split(',').map(Number)) {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-batch-'));
  for (let seed = 1; seed <= n; seed++) writeFileSync(join(dir, `${String(seed).padStart(5, '0')}.txt`), renderTextTab(generateReport(seed)));
  const started = Date.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, BIN, 'check', '--json', '--exit-zero', dir], { encoding: 'utf8', maxBuffer: 2 ** 31 });
  const seconds = (Date.now() - started) / 1000;
  const peakMb = Number(r.stderr.trim().split('\n').at(-1)) / 1024;
  const lines = r.stdout.split('\n').filter(Boolean).length;
  console.log(`  ${String(n).padStart(5)} reports: ${(n / seconds).toFixed(0).padStart(4)} reports/s, peak RSS ${peakMb.toFixed(0)} MB, ${lines} JSON lines`);
  rmSync(dir, { recursive: true, force: true });
}
