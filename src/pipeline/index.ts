/**
 * The pipeline as a library: read inputs (isolated in worker threads, in input order), check them, pair consecutive
 * years of one agency. The CLI, the import job and the server all call these.
 */
export { parseMany, parseOne, type BatchOptions } from './batch.ts';
export { CheckBatch, checkOutcome, type CheckBatchOptions, type PairResult } from './check.ts';
export { defaultLimits, type Limits } from './limits.ts';
export type { Outcome } from './outcome.ts';
export { readInput, type Input } from './read.ts';
export { expandInputs, readStdin } from './inputs.ts';
export { CATALOGUE, ORIGIN_ZH } from './catalogue.ts';
