/** Runs the pipeline over many inputs in order, one outcome per input, whatever happens to any of them. */
import { UnreadableError } from '../document/errors.ts';
import { extractReport } from '../extract/index.ts';
import { readBytes, readPath, type ReadOptions } from '../readers/index.ts';
import type { Report, UnreadableReport } from '../report/types.ts';
import { versions } from '../report/version.ts';
import { readStdin } from './inputs.ts';
import { Progress } from './progress.ts';

export type Outcome = { path: string; report: Report } | { path: string; error: UnreadableReport };

export async function parseInput(path: string, options: ReadOptions): Promise<Outcome> {
  try {
    const doc = path === '-' ? await readBytes(await readStdin(), '-', options) : await readPath(path, options);
    return { path, report: extractReport(doc) };
  } catch (e) {
    const err = e instanceof UnreadableError ? e : internal(e);
    return { path, error: { ...versions(), source: { path }, error: { code: err.code, message: err.zh, message_en: err.en } } };
  }
}

/** Parses inputs one after another, showing progress on a terminal for long batches. */
export async function* parseAll(paths: string[], options: ReadOptions, label = '读取'): AsyncGenerator<Outcome> {
  const progress = new Progress(paths.length, label);
  try {
    for (const path of paths) {
      yield await parseInput(path, options);
      progress.tick();
    }
  } finally {
    progress.stop();
  }
}

/** A bug of ours must not lose the batch or show a stack trace; XXGK_DEBUG=1 shows it. */
function internal(e: unknown): UnreadableError {
  if (process.env.XXGK_DEBUG) console.error(e);
  const detail = e instanceof Error ? e.message : String(e);
  return new UnreadableError('corrupt', `读取失败：${detail}`, `failed to read: ${detail}`);
}

export function exitCodeOf(outcomes: Outcome[]): number {
  if (outcomes.some((o) => 'error' in o)) return 2;
  if (outcomes.some((o) => 'report' in o && o.report.findings.some((f) => f.severity === 'error'))) return 1;
  return 0;
}

/** An unusable input: its error record in --json output (so lines stay aligned), and a one-line reason on stderr. */
export function printUnusable(outcome: { path: string; error: UnreadableReport }, json: boolean): void {
  const { error } = outcome.error;
  if (json) process.stdout.write(`${JSON.stringify(outcome.error)}\n`);
  process.stderr.write(`xxgk: ${outcome.path}: ${error.message} (${error.message_en})\n`);
}
