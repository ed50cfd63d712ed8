/**
 * The store, end to end: `xxgk import` (built CLI, worker threads, batches of transactions) of N generated reports
 * (text and HTML alternating) into a fresh PGlite folder and a fresh PostgreSQL database: reports/s, peak RSS of
 * the whole process (flat in N means nothing accumulates), and database bytes per report.
 *
 *   node --import tsx bench/store.ts [--sizes 2500,10000] [--engines pglite,postgres]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { freshEngine, writeGenerated, type TestEngine } from '../test/support/store.ts';
import { Store } from '../src/store/index.ts';
import { sql } from 'kysely';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '2500,10000' }, engines: { type: 'string', default: 'pglite,postgres' } } });
const BIN = fileURLToPath(new URL('../bin/xxgk.js', import.meta.url));
const sizes = values.sizes!.split(',').map(Number);
const work = mkdtempSync(join(tmpdir(), 'xxgk-bench-store-'));
const corpus = writeGenerated(join(work, 'reports'), Math.max(...sizes));

console.log('\nstore: xxgk import of N generated reports (text and HTML), built CLI, one reader per core');
try {
  for (const name of values.engines!.split(',') as TestEngine['name'][]) {
    for (const n of sizes) {
      const engine = await freshEngine(name);
      try {
        const args = engine.options.url ? ['--database-url', engine.options.url] : ['--data', engine.options.dir!];
        const started = Date.now();
        const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, BIN, 'import', '-q', ...args, ...firstFiles(n)], { encoding: 'utf8', maxBuffer: 2 ** 28 });
        const seconds = (Date.now() - started) / 1000;
        if (r.status !== 0) throw new Error(`import failed (${r.status}): ${r.stderr.slice(-500)}`);
        const peakMb = Number(r.stderr.trim().split('\n').at(-1)) / 1024;
        const bytes = await databaseBytes(engine);
        console.log(`  ${name.padEnd(8)} ${String(n).padStart(6)} reports: ${(n / seconds).toFixed(0).padStart(4)} reports/s, peak RSS ${peakMb.toFixed(0)} MB, ${(bytes / n / 1024).toFixed(1)} KB per report in the database`);
      } finally {
        await engine.drop();
      }
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** The folder holds the files in seed order: the first n of them (passed as a list, so n can be any size). */
function firstFiles(n: number): string[] {
  const names: string[] = [];
  for (let seed = 1; seed <= n; seed++) names.push(join(corpus, `${String(seed).padStart(5, '0')}.${seed % 2 ? 'txt' : 'html'}`));
  return names;
}

async function databaseBytes(engine: TestEngine): Promise<number> {
  if (!engine.options.url) {
    const du = spawnSync('du', ['-sb', engine.options.dir!], { encoding: 'utf8' });
    return Number(du.stdout.split('\t')[0]);
  }
  const store = await Store.open(engine.options);
  try {
    const { rows } = await sql<{ size: string }>`select pg_database_size(current_database()) as size`.execute(store.db);
    return Number(rows[0].size);
  } finally {
    await store.close();
  }
}
