/**
 * The long fuzzing run: `npm run fuzz` (FUZZ_CASES cases, default 100,000; FUZZ_SEED to replay a run). Prints cases,
 * time, peak memory and every failure, and exits 1 if any case failed. A case that never ends (pdf.js spinning on
 * the main thread, which only the pipeline's worker isolation can stop) cannot be reported from inside: each case is
 * written to FUZZ_CURRENT (.bin, and .txt saying what it is) before it runs, so a hung run leaves it behind.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describeCase, fuzzCases, readsOrRefuses, seeds, type FuzzCase } from './fuzz-cases.ts';

const cases = Number(process.env.FUZZ_CASES ?? 100_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const all = seeds();
let done = 0;
let slowest = { ms: 0, label: '' };
let peakRss = 0;
const started = Date.now();
const failures: string[] = [];
const current = process.env.FUZZ_CURRENT ?? join(tmpdir(), 'xxgk-fuzz-current');

const property = fc.asyncProperty(fuzzCases(all), async (c: FuzzCase) => {
  writeFileSync(`${current}.bin`, c.bytes);
  writeFileSync(`${current}.txt`, `case ${done + 1} of seed ${seed}: ${describeCase(c)}\n`);
  const t = Date.now();
  try {
    await readsOrRefuses(c);
  } catch (e) {
    failures.push(`${describeCase(c)}: ${String(e)}`);
    console.error(`FAIL ${failures.at(-1)}`);
  } finally {
    const ms = Date.now() - t;
    if (ms > slowest.ms) slowest = { ms, label: describeCase(c) };
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    if (++done % 1000 === 0) progress();
  }
});

function progress(): void {
  const s = (Date.now() - started) / 1000;
  console.log(`${done} cases, ${s.toFixed(0)} s, ${(done / s).toFixed(0)}/s, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB, failures ${failures.length}`);
}

console.log(`fuzzing ${cases} cases from ${all.length} seed files, seed ${seed}`);
// Failures are collected, not thrown, so one run shows them all.
await fc.assert(property, { seed, numRuns: cases });
progress();
console.log(`slowest case ${slowest.ms} ms: ${slowest.label}`);
for (const f of failures) console.log(`failure: ${f}`);
process.exitCode = failures.length ? 1 : 0;
