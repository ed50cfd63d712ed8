/**
 * Reads the cached files of one published-file case (see corpus.ts) in a fresh process, so its peak memory is its
 * own: pages or files per second on one core (readBytes + extractReport, sequential, after a warm-up pass over the
 * same files, so that pdf.js runs compiled as it does in a long batch), how many came
 * back with exactly the generated tables, and for PDFs the time `pdftotext -layout` takes on the same files. Prints
 * one JSON line. run.ts starts it.
 *
 *   node --import tsx bench/files.ts --case pdf-chromium --reports 20
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isDeepStrictEqual, parseArgs, promisify } from 'node:util';
import { extractReport } from '../src/extract/index.ts';
import { readBytes } from '../src/readers/index.ts';
import { loadPdfjs, openDocument } from '../src/readers/pdf/load.ts';
import { generateReport } from '../test/support/generate.ts';
import { FILE_CASES } from './cases.ts';
import { corpusPaths } from './corpus.ts';
import { memory } from './memory.ts';

const run = promisify(execFile);

/** Page count, through xxgk's own pdf.js loader (importing pdf.js directly would leave its polyfills installed). */
async function pdfPages(pdf: Uint8Array): Promise<number> {
  const lib = await loadPdfjs();
  const doc = await openDocument(lib, pdf);
  try {
    return doc.numPages;
  } finally {
    await doc.destroy();
  }
}

export interface FilesResult {
  case: string;
  files: number;
  pages: number;
  kbPerFile: number;
  seconds: number;
  /** Files whose tables 二, 三 and 四 equal the generated data. */
  exact: number;
  peakMb: number;
  /** Seconds `pdftotext -layout` took on the same files, one process per file, sequentially (PDF cases only). */
  pdftotextSeconds?: number;
}

const { values } = parseArgs({ options: { case: { type: 'string' }, reports: { type: 'string', default: '20' } } });
const bench = FILE_CASES.find((c) => c.name === values.case);
if (!bench) throw new Error(`unknown file case ${values.case}`);
const paths = corpusPaths(bench, Number(values.reports));
const files = paths.map((p) => new Uint8Array(readFileSync(p)));

let pages = files.length;
if (bench.ext === '.pdf') {
  pages = 0;
  for (const f of files) pages += await pdfPages(f);
}

const read = async (i: number) => extractReport(await readBytes(files[i], basename(paths[i])));
for (let i = 0; i < files.length; i++) await read(i);

let exact = 0;
const start = performance.now();
for (let i = 0; i < files.length; i++) {
  const report = await read(i);
  const expected = generateReport(i + 1);
  const same = (['table2', 'table3', 'table4'] as const).every((t) => isDeepStrictEqual(report[t], expected[t]));
  if (same) exact++;
}
const seconds = (performance.now() - start) / 1000;
const peakMb = memory().peakMb;

let pdftotextSeconds: number | undefined;
if (bench.ext === '.pdf') {
  await run('pdftotext', ['-layout', paths[0], '-'], { maxBuffer: 64 * 2 ** 20 });
  const t = performance.now();
  for (const path of paths) await run('pdftotext', ['-layout', path, '-'], { maxBuffer: 64 * 2 ** 20 });
  pdftotextSeconds = (performance.now() - t) / 1000;
}

const result: FilesResult = {
  case: bench.name,
  files: files.length,
  pages,
  kbPerFile: files.reduce((n, f) => n + f.length, 0) / files.length / 1024,
  seconds,
  exact,
  peakMb,
  pdftotextSeconds,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
