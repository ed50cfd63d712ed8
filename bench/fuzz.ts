/**
 * The long fuzzing run: `npm run fuzz` (FUZZ_CASES cases, default 100,000; FUZZ_SEED to replay a run). Every case
 * goes through the pipeline as a user's file would: in a worker, under the time and memory limits (FUZZ_TIMEOUT_MS,
 * default 20 s; 1536 MB heap). Prints cases, time, peak memory, and each case that crashed (an internal error) or was
 * stopped at a limit, and exits 1 if any crashed. Cases of a stop or crash are kept in FUZZ_KEEP for fixtures.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseMany } from '../src/pipeline/index.ts';
import { describeCase, fuzzCases, seeds, type FuzzCase } from './fuzz-cases.ts';

const cases = Number(process.env.FUZZ_CASES ?? 100_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const timeoutMs = Number(process.env.FUZZ_TIMEOUT_MS ?? 20_000);
const keep = process.env.FUZZ_KEEP ?? join(tmpdir(), 'xxgk-fuzz-kept');
/** Cases generated and written at a time: a chunk's files are on disk, not in memory. */
const CHUNK = 500;

const all = seeds();
const started = Date.now();
const counts = { cases: 0, reports: 0, refused: 0, stopped: 0, crashed: 0 };
const kept: string[] = [];
let peakRss = 0;

function progress(): void {
  const s = (Date.now() - started) / 1000;
  console.log(`${counts.cases} cases, ${s.toFixed(0)} s, ${(counts.cases / s).toFixed(0)}/s, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB, `
    + `${counts.reports} read, ${counts.refused} refused, ${counts.stopped} stopped at a limit, ${counts.crashed} crashed`);
}

async function runChunk(index: number, size: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-fuzz-'));
  const batch: FuzzCase[] = fc.sample(fuzzCases(all), { seed: seed + index, numRuns: size });
  const paths = batch.map((c, i) => {
    const path = join(dir, `${i}${c.name.slice(4)}`);
    writeFileSync(path, c.bytes);
    return path;
  });
  let i = 0;
  for await (const outcome of parseMany(paths, { limits: { timeoutMs } })) {
    const c = batch[i++];
    counts.cases++;
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    if ('report' in outcome) counts.reports++;
    else if (['timeout', 'memory', 'internal'].includes(outcome.error.error.code)) record(outcome.error.error, c, index, i);
    else counts.refused++;
    if (counts.cases % 1000 === 0) progress();
  }
  rmSync(dir, { recursive: true, force: true });
}

function record(error: { code: string; message_en: string }, c: FuzzCase, chunk: number, i: number): void {
  if (error.code === 'internal') counts.crashed++;
  else counts.stopped++;
  mkdirSync(keep, { recursive: true });
  const name = join(keep, `${seed}-${chunk}-${i}${c.name.slice(4)}`);
  writeFileSync(name, c.bytes);
  kept.push(`${error.code}: ${describeCase(c)} → ${name}: ${error.message_en}`);
  console.error(kept.at(-1));
}

console.log(`fuzzing ${cases} cases from ${all.length} seed files, seed ${seed}, ${timeoutMs / 1000} s per case`);
for (let chunk = 0; chunk * CHUNK < cases; chunk++) await runChunk(chunk, Math.min(CHUNK, cases - chunk * CHUNK));
progress();
for (const line of kept) console.log(line);
process.exitCode = counts.crashed ? 1 : 0;
