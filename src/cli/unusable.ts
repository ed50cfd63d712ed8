/** An unusable input: its error record in --json output (so lines stay aligned), and a one-line reason on stderr. */
import type { Outcome } from '../pipeline/index.ts';
import type { UnreadableReport } from '../report/types.ts';
import { inline, sayJson, warn } from './output.ts';

export function printUnusable(outcome: Extract<Outcome, { error: UnreadableReport }>, json: boolean, pretty?: boolean): void {
  const { error } = outcome.error;
  if (json) sayJson(outcome.error, pretty);
  warn(`xxgk: ${inline(outcome.path)}: ${inline(error.message)} (${inline(error.message_en)})`);
}
