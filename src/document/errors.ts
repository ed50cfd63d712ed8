/** The one error a reader throws: the input cannot be read as a report at all. Carries a bilingual one-line reason. */
export type UnreadableCode =
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'not-a-report'
  | 'encrypted'
  | 'image-only'
  | 'corrupt'
  | 'unsupported'
  | 'not-found'
  /** The input exists but may not be read (permissions). */
  | 'unreadable';

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
