/** Reading one input in this thread: the reader chosen by content, then extraction into a Report. */
import { UnreadableError } from '../document/errors.ts';
import { extractReport } from '../extract/index.ts';
import { readBytes, readPath, type ReadOptions } from '../readers/index.ts';
import { errorOutcome, internalError, type Outcome } from './outcome.ts';

/** An input: a file path, or bytes already read (standard input) named by `path`. */
export interface Input {
  path: string;
  bytes?: Uint8Array;
  /** What the input is called in its outcome and report when not its path (a member of a .zip: 报告.zip/甲.pdf). */
  name?: string;
}

/** The name an input's outcome carries. */
export const nameOf = (input: string | Input): string => (typeof input === 'string' ? input : input.name ?? input.path);

/** Never throws: an unusable input becomes its error record. */
export async function readInput(input: Input, options: ReadOptions = {}): Promise<Outcome> {
  const name = nameOf(input);
  try {
    const doc = input.bytes ? await readBytes(input.bytes, input.path, options) : await readPath(input.path, options);
    if (input.name) doc.source.path = input.name;
    return { path: name, report: extractReport(doc) };
  } catch (e) {
    return errorOutcome(name, e instanceof UnreadableError ? e : internalError(e));
  }
}
