/** Reading one input in this thread: the reader chosen by content, then extraction into a Report. */
import { UnreadableError } from '../document/errors.ts';
import { extractReport } from '../extract/index.ts';
import { readBytes, readPath, type ReadOptions } from '../readers/index.ts';
import { errorOutcome, internalError, type Outcome } from './outcome.ts';

/** An input: a file path, or bytes already read (standard input) named by `path`. */
export interface Input {
  path: string;
  bytes?: Uint8Array;
}

/** Never throws: an unusable input becomes its error record. */
export async function readInput(input: Input, options: ReadOptions = {}): Promise<Outcome> {
  try {
    const doc = input.bytes ? await readBytes(input.bytes, input.path, options) : await readPath(input.path, options);
    return { path: input.path, report: extractReport(doc) };
  } catch (e) {
    return errorOutcome(input.path, e instanceof UnreadableError ? e : internalError(e));
  }
}
