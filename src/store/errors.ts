/** A store that cannot be opened or used, with a one-line reason in Chinese and English. */
export class StoreError extends Error {
  constructor(
    readonly code: 'locked' | 'connect' | 'migrate' | 'input',
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} (${en})`);
  }
}
