/**
 * Streams reports of one case through the pipeline (generate → render → read → extract → drop), keeping nothing, and
 * prints a JSON line at each checkpoint with the time so far and the process's peak memory (VmHWM). If memory is flat,
 * the peak after 16,000 reports is the peak after 1,000. run.ts starts it in a fresh process.
 *
 *   node --import tsx bench/stream.ts --case text-tab --checkpoints 1000,4000,16000
 */
import { parseArgs } from 'node:util';
import { extractReport } from '../src/extract/index.ts';
import { readBytes } from '../src/readers/index.ts';
import { generateReport } from '../test/support/generate.ts';
import { caseByName } from './cases.ts';
import { memory } from './memory.ts';

export interface StreamPoint {
  case: string;
  reports: number;
  bytes: number;
  seconds: number;
  /** Reports with at least one error finding. */
  errors: number;
  peakMb: number;
  rssMb: number;
}

const { values } = parseArgs({
  options: { case: { type: 'string', default: 'text-tab' }, checkpoints: { type: 'string', default: '1000,4000,16000' } },
});
const bench = caseByName(values.case!);
const checkpoints = values.checkpoints!.split(',').map(Number).sort((a, b) => a - b);

let bytes = 0;
let errors = 0;
const start = process.hrtime.bigint();
for (let seed = 1; seed <= checkpoints.at(-1)!; seed++) {
  const input = await bench.render(generateReport(seed));
  bytes += input.length;
  const report = extractReport(await readBytes(input, `stream-${seed}${bench.ext}`));
  if (report.findings.some((f) => f.severity === 'error')) errors++;
  if (checkpoints.includes(seed)) {
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const point: StreamPoint = { case: bench.name, reports: seed, bytes, seconds, errors, ...memory() };
    process.stdout.write(`${JSON.stringify(point)}\n`);
  }
}
