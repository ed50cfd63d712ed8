/** The one error a reader throws: the input cannot be read as a report at all. Carries a bilingual one-line reason. */
/** Why an input is unusable, one code each; the published schema lists them. */
export const UNREADABLE_CODES = [
  'empty',
  'too-large',
  'binary',
  'not-a-report',
  'encrypted',
  'image-only',
  'corrupt',
  'unsupported',
  'not-found',
  /** The input exists but may not be read (permissions). */
  'unreadable',
  /** Reading took longer than the wall-clock limit; the worker reading it was stopped. */
  'timeout',
  /** Reading needed more memory than the limit; the worker reading it was stopped. */
  'memory',
  /** A bug of xxgk's own, not the input's fault: the message says what failed, and the batch goes on. */
  'internal',
] as const;
export type UnreadableCode = (typeof UNREADABLE_CODES)[number];

export class UnreadableError extends Error {
  constructor(
    readonly code: UnreadableCode,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} (${en})`);
    this.name = 'UnreadableError';
  }
}
