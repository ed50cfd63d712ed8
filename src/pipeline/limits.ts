/** How long and how much memory reading one input may take, and how many inputs are read at once. */
import { availableParallelism } from 'node:os';
import { UnreadableError } from '../document/errors.ts';

export interface Limits {
  /** Wall-clock time to read one input, in milliseconds; past it the worker is stopped. */
  timeoutMs: number;
  /** Heap of the worker reading one input, in MB; past it the worker is stopped. */
  memoryMb: number;
  /** Inputs read at once, each in its own worker thread. */
  concurrency: number;
}

/**
 * Defaults: two minutes per input (OCR: ten, since each page of a scan takes seconds), 1.5 GB of heap (the largest
 * real reports need a few hundred MB), one worker per core.
 */
export function defaultLimits(ocr = false): Limits {
  return { timeoutMs: (ocr ? 600 : 120) * 1000, memoryMb: 1536, concurrency: Math.max(1, availableParallelism()) };
}

export function timeoutError(limits: Limits): UnreadableError {
  const s = Math.round(limits.timeoutMs / 1000);
  return new UnreadableError('timeout', `读取超时：超过 ${s} 秒，已停止`, `reading timed out after ${s} s and was stopped`);
}

export function memoryError(limits: Limits): UnreadableError {
  const mb = limits.memoryMb;
  return new UnreadableError('memory', `读取所需内存超限：超过 ${mb} MB，已停止`, `reading needed more than ${mb} MB of memory and was stopped`);
}
