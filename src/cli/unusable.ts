/** An unusable input: its error record in --json output (so lines stay aligned), and a one-line reason on stderr. */
import type { Outcome } from '../pipeline/index.ts';
import type { UnreadableReport } from '../report/types.ts';
import { sayJson, warn } from './output.ts';

export function printUnusable(outcome: Extract<Outcome, { error: UnreadableReport }>, json: boolean): void {
  const { error } = outcome.error;
  if (json) sayJson(outcome.error);
  warn(`xxgk: ${outcome.path}: ${error.message} (${error.message_en})`);
}
