/**
 * Benchmark: reading speed per layout, and memory while streaming many reports.
 *
 * 1. For each case in cases.ts, a corpus of generated reports is rendered in memory; after a warm-up, readBytes +
 *    extractReport run over it sequentially on one core; reports/s, MB/s and latency are printed.
 * 2. The text-tab case streams 1k → 4k → 16k reports in a fresh process (generate → read → drop), printing the peak
 *    resident memory at each point: flat peaks mean nothing accumulates. By default it runs on the second core while
 *    step 1 runs, to stay within two minutes; --serial runs it afterwards.
 * 3. Published files (FILE_CASES): a few generated reports printed to PDF by Chromium, exported to PDF by LibreOffice,
 *    written as DOCX. They are rendered once and cached under bench/out/; each case is then read in a fresh process
 *    (bench/files.ts): pages/s or files/s on one core, peak RSS, and for PDFs the time `pdftotext -layout` takes on the
 *    same files, as the ratio xxgk/pdftotext. --no-pdf skips the PDF cases.
 *
 * 4. The CLI's batch (bench/batch.ts): `xxgk check --json` over folders of 250, 1000, 4000 reports in worker threads,
 *    reports/s and peak RSS of the whole process.
 * 5. The store (bench/store.ts): `xxgk import` of 2,500 and 10,000 generated reports into PGlite and PostgreSQL,
 *    reports/s, peak RSS, database bytes per report; then (bench/store-queries.ts) a region roll-up and rankings
 *    over 100,000 stored reports on PostgreSQL, in milliseconds. Needs the PostgreSQL of XXGK_TEST_DATABASE_URL.
 *
 * 6. The web app under load (bench/web.ts): a store of --web reports (cached between runs) served from a child process
 *    on 127.0.0.1, each page and API route driven by autocannon (10 connections, 10 s): requests/s, latency p50, p95,
 *    p99, errors and the server's peak RSS, on PGlite and PostgreSQL.
 *
 *   npm run bench -- [--reports 1000] [--cases text-tab,html,pdf-chromium] [--stream 1000,4000,16000] [--serial]
 *                    [--no-stream] [--files 20] [--no-pdf] [--batch 250,1000,4000] [--no-batch]
 *                    [--store 2500,10000] [--no-store] [--web 10000] [--no-web]
 */
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { extractReport } from '../src/extract/index.ts';
import { readBytes } from '../src/readers/index.ts';
import { generateReport } from '../test/support/generate.ts';
import { CASES, FILE_CASES, type BenchCase, type FileCase } from './cases.ts';
import { ensureCorpus } from './corpus.ts';
import type { FilesResult } from './files.ts';
import { memory } from './memory.ts';
import type { StreamPoint } from './stream.ts';
import { table } from './table.ts';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '1000' },
    cases: { type: 'string' },
    stream: { type: 'string', default: '1000,4000,16000' },
    'stream-case': { type: 'string', default: 'text-tab' },
    serial: { type: 'boolean', default: false },
    'no-stream': { type: 'boolean', default: false },
    files: { type: 'string', default: '20' },
    'no-pdf': { type: 'boolean', default: false },
    batch: { type: 'string', default: '250,1000,4000' },
    'no-batch': { type: 'boolean', default: false },
    store: { type: 'string', default: '2500,10000' },
    'no-store': { type: 'boolean', default: false },
    web: { type: 'string', default: '10000' },
    'no-web': { type: 'boolean', default: false },
  },
});
const REPORTS = Number(values.reports);
const WARMUP = Math.min(100, REPORTS);
const chosen = (name: string) => !values.cases || values.cases.split(',').includes(name);
const cases = CASES.filter((c) => chosen(c.name));
const FILES = Number(values.files);
const fileCases = FILE_CASES.filter((c) => chosen(c.name) && !(values['no-pdf'] && c.ext === '.pdf'));

interface CaseResult {
  name: string;
  reports: number;
  kbPerReport: number;
  renderPerSecond: number;
  perSecond: number;
  mbPerSecond: number;
  p50: number;
  p95: number;
  withErrors: number;
}

async function measure(bench: BenchCase): Promise<CaseResult> {
  const renderStart = performance.now();
  const corpus: Uint8Array[] = [];
  for (let seed = 1; seed <= REPORTS; seed++) corpus.push(await bench.render(generateReport(seed)));
  const renderSeconds = (performance.now() - renderStart) / 1000;
  const name = (i: number) => `bench-${i}${bench.ext}`;
  for (let i = 0; i < WARMUP; i++) extractReport(await readBytes(corpus[i], name(i)));

  const times: number[] = [];
  let withErrors = 0;
  const start = performance.now();
  for (let i = 0; i < corpus.length; i++) {
    const t = performance.now();
    const report = extractReport(await readBytes(corpus[i], name(i)));
    times.push(performance.now() - t);
    if (report.findings.some((f) => f.severity === 'error')) withErrors++;
  }
  const seconds = (performance.now() - start) / 1000;
  const bytes = corpus.reduce((n, b) => n + b.length, 0);
  times.sort((a, b) => a - b);
  return {
    name: bench.name,
    reports: corpus.length,
    kbPerReport: bytes / corpus.length / 1024,
    renderPerSecond: corpus.length / renderSeconds,
    perSecond: corpus.length / seconds,
    mbPerSecond: bytes / 2 ** 20 / seconds,
    p50: times[Math.floor(times.length * 0.5)],
    p95: times[Math.floor(times.length * 0.95)],
    withErrors,
  };
}

/** Starts the streaming run in a fresh process; resolves with its checkpoints. */
function startStream(): Promise<StreamPoint[]> {
  const script = fileURLToPath(new URL('./stream.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, '--case', values['stream-case']!, '--checkpoints', values.stream!], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const points: StreamPoint[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => points.push(JSON.parse(line)));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(points) : reject(new Error(`stream.ts exited with ${code}`))));
  });
}

/** Reads one published-file case in a fresh process (bench/files.ts), so its peak RSS is its own. */
function measureFiles(bench: FileCase): Promise<FilesResult> {
  const script = fileURLToPath(new URL('./files.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, '--case', bench.name, '--reports', String(FILES)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`files.ts exited with ${code}`))));
  });
}

const fixed = (n: number, d = 1) => n.toFixed(d);
const began = performance.now();
const stream = values['no-stream'] || values.serial ? undefined : startStream();

console.log(`xxgk bench · Node ${process.version} · ${REPORTS} generated reports per layout (seeds 1–${REPORTS}, both formats), warm-up ${WARMUP}`);
console.log('read = readBytes + extractReport, sequential, one core\n');
if (cases.length) {
  const results: CaseResult[] = [];
  for (const bench of cases) results.push(await measure(bench));
  console.log(table(
    ['layout', 'reports', 'KB/report', 'reports/s', 'MB/s', 'p50 ms', 'p95 ms', 'render/s', 'with errors'],
    results.map((r) => [r.name, r.reports, fixed(r.kbPerReport), fixed(r.perSecond, 0), fixed(r.mbPerSecond, 2), fixed(r.p50, 2), fixed(r.p95, 2), fixed(r.renderPerSecond, 0), r.withErrors]),
  ));
  console.log(`\nthis process after step 1: peak RSS ${fixed(memory().peakMb)} MB (holds one corpus at a time)`);
}

if (!values['no-stream']) {
  const points = await (stream ?? startStream());
  console.log(`\nstreaming ${values['stream-case']} in a fresh process (generate → read → extract → drop)${values.serial ? '' : ', alongside step 1'}`);
  console.log(table(
    ['reports', 'seconds', 'reports/s', 'MB read', 'peak RSS MB', 'RSS MB', 'with errors'],
    points.map((p) => [p.reports, fixed(p.seconds), fixed(p.reports / p.seconds, 0), fixed(p.bytes / 2 ** 20), fixed(p.peakMb), fixed(p.rssMb), p.errors]),
  ));
  const [first, last] = [points[0], points.at(-1)!];
  console.log(`peak RSS grew ${fixed(last.peakMb - first.peakMb)} MB from ${first.reports} to ${last.reports} reports`);
}

if (fileCases.length && FILES > 0) {
  console.log(`\npublished files: ${FILES} generated reports per case (seeds 1–${FILES}), cached in bench/out/; each case read in a fresh process`);
  const rows: (string | number)[][] = [];
  for (const bench of fileCases) {
    const corpus = await ensureCorpus(bench, FILES).catch((e: Error) => ({ missing: `a renderer that works (${e.message.split('\n')[0]})` }));
    if ('missing' in corpus) {
      console.log(`  ${bench.name}: skipped, needs ${corpus.missing}`);
      continue;
    }
    if (corpus.rendered) console.log(`  ${bench.name}: rendered ${corpus.rendered} files in ${fixed(corpus.seconds)} s`);
    const r = await measureFiles(bench);
    const units = bench.unit === 'pages' ? r.pages : r.files;
    rows.push([
      r.case, r.files, r.pages, fixed(r.kbPerFile, 0), `${fixed(units / r.seconds)} ${bench.unit}/s`, fixed((r.seconds / r.files) * 1000, 0),
      `${r.exact}/${r.files}`, fixed(r.peakMb), r.pdftotextSeconds ? fixed(r.pages / r.pdftotextSeconds) : '',
      r.pdftotextSeconds ? `${fixed(r.seconds / r.pdftotextSeconds, 2)}×` : '',
    ]);
  }
  console.log(table(
    ['case', 'files', 'pages', 'KB/file', 'xxgk speed', 'ms/file', 'exact', 'peak RSS MB', 'pdftotext pages/s', 'xxgk/pdftotext'],
    rows,
  ));
  console.log('exact = tables 二, 三, 四 equal the generated data; pdftotext -layout runs once per file (a process each), sequentially');
}
if (!values['no-batch']) {
  const script = fileURLToPath(new URL('./batch.ts', import.meta.url));
  spawnSync(process.execPath, ['--import', 'tsx', script, '--sizes', values.batch!], { stdio: 'inherit' });
}
if (!values['no-store']) {
  for (const [name, args] of [['store.ts', ['--sizes', values.store!]], ['store-queries.ts', []]] as const) {
    spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(`./${name}`, import.meta.url)), ...args], { stdio: 'inherit' });
  }
}
if (!values['no-web']) {
  spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./web.ts', import.meta.url)), '--reports', values.web!], { stdio: 'inherit' });
}
console.log(`\ntotal ${fixed((performance.now() - began) / 1000)} s`);
