/** What reading one input yields: its Report, or its error record. Both carry the path exactly as given. */
import { UnreadableError } from '../document/errors.ts';
import type { Report, UnreadableReport } from '../report/types.ts';
import { versions } from '../report/version.ts';

export type Outcome = { path: string; report: Report } | { path: string; error: UnreadableReport };

export function errorOutcome(path: string, e: UnreadableError): Outcome {
  return { path, error: { ...versions(), source: { path }, error: { code: e.code, message: e.zh, message_en: e.en } } };
}

/** A bug of ours must not lose the batch or show a stack trace; XXGK_DEBUG=1 shows it. */
export function internalError(e: unknown): UnreadableError {
  if (process.env.XXGK_DEBUG) console.error(e);
  const detail = e instanceof Error ? e.message : String(e);
  return new UnreadableError('internal', `读取失败（程序内部错误）：${detail}`, `internal error while reading: ${detail}`);
}
