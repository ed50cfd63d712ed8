/** Reading many inputs: in worker threads, several at once, handed back one by one in input order. */
import { UnreadableError } from '../document/errors.ts';
import type { ReadOptions } from '../readers/index.ts';
import { readLimited } from '../readers/source.ts';
import { defaultLimits, type Limits } from './limits.ts';
import { errorOutcome, internalError, type Outcome } from './outcome.ts';
import { ReaderPool } from './pool.ts';
import { readInput, type Input } from './read.ts';

export interface BatchOptions extends ReadOptions {
  /** Per-input time and memory limits and the number of workers; unset fields take `defaultLimits`. */
  limits?: Partial<Limits>;
  /** false reads in this thread, without limits (a library caller that trusts its inputs, or a debugger). */
  isolate?: boolean;
}

/** Results waiting for a slower input before them, per worker: enough to keep every worker busy. */
const AHEAD_PER_WORKER = 8;

/**
 * Reads inputs ("-" is standard input) and yields one outcome per input, in input order, as soon as it and every
 * input before it are read. At most a few outcomes wait at a time, so memory does not grow with the batch.
 */
export async function* parseMany(paths: readonly (string | Input)[], options: BatchOptions = {}): AsyncGenerator<Outcome> {
  const { isolate = true } = options;
  // Only what a reader takes crosses to the workers (a roster or a caller's extra field would be copied per input).
  const read: ReadOptions = { ocr: options.ocr };
  const limits = limitsOf(options);
  const pool = isolate ? new ReaderPool(limits, read) : undefined;
  const readOne = async (path: string | Input): Promise<Outcome> => {
    const input = await inputOf(path);
    if ('error' in input) return input;
    return pool ? pool.read(input) : readInput(input, read);
  };
  try {
    yield* ordered(paths, readOne, limits.concurrency * AHEAD_PER_WORKER);
  } finally {
    await pool?.close();
  }
}

/** Reads one input in a worker with the default limits. */
export async function parseOne(path: string, options: BatchOptions = {}): Promise<Outcome> {
  for await (const outcome of parseMany([path], options)) return outcome;
  throw new Error('unreachable: one input yields one outcome');
}

/** The given limits over the defaults; each must be a positive integer. */
function limitsOf(options: BatchOptions): Limits {
  const limits = defaultLimits(options.ocr);
  for (const [key, value] of Object.entries(options.limits ?? {}) as [keyof Limits, number | undefined][]) {
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value <= 0) throw new RangeError(`limits.${key} must be a positive integer, not ${value}`);
    limits[key] = value;
  }
  return limits;
}

/** A path as an input: standard input is read here, through the byte limit, since a worker has no stdin. */
async function inputOf(path: string | Input): Promise<Input | Outcome> {
  if (typeof path !== 'string') return path;
  if (path !== '-') return { path };
  try {
    return { path, bytes: await readLimited(process.stdin, '-') };
  } catch (e) {
    return errorOutcome(path, e instanceof UnreadableError ? e : internalError(e));
  }
}

/** Runs `run` on each item with at most `ahead` started beyond the first unfinished one; yields in item order. */
async function* ordered<T, R>(items: readonly T[], run: (item: T) => Promise<R>, ahead: number): AsyncGenerator<R> {
  const started: Promise<R>[] = [];
  for (let next = 0; next < items.length; next++) {
    while (started.length < items.length && started.length <= next + ahead) started.push(run(items[started.length]));
    yield await started[next];
    delete started[next]; // the outcome is handed over: let it go
  }
}
