/**
 * The heavy aggregate answers (overview, region tree, dashboards, deadlines) kept until this server writes, and for
 * `ttlMs` at most: what another process (a worker, a command-line import) writes to a shared database shows within
 * that time. A failed answer is not kept.
 */
export class Memo {
  readonly #entries = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.#entries.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value as Promise<T>;
    if (this.#entries.size >= this.maxEntries) this.#entries.clear();
    const value = compute();
    this.#entries.set(key, { at: this.now(), value });
    value.catch(() => this.#entries.delete(key));
    return value;
  }

  clear(): void {
    this.#entries.clear();
  }
}
