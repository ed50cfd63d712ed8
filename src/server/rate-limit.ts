/**
 * Sign-in attempts per client, counted by the address of the TCP connection: a header such as X-Forwarded-For is
 * written by the client and would let anyone pick a fresh key per attempt, so it is never consulted.
 */
import type { Context } from 'hono';

export interface LimitOptions {
  /** Failed attempts allowed per window. */
  attempts: number;
  windowMs: number;
}

export class AttemptLimiter {
  readonly #failures = new Map<string, { count: number; since: number }>();
  constructor(private readonly options: LimitOptions) {}

  blocked(key: string, now = Date.now()): boolean {
    const entry = this.#current(key, now);
    return entry !== undefined && entry.count >= this.options.attempts;
  }

  fail(key: string, now = Date.now()): void {
    const entry = this.#current(key, now) ?? { count: 0, since: now };
    entry.count++;
    this.#failures.set(key, entry);
  }

  succeed(key: string): void {
    this.#failures.delete(key);
  }

  #current(key: string, now: number) {
    const entry = this.#failures.get(key);
    if (entry && now - entry.since > this.options.windowMs) {
      this.#failures.delete(key);
      return undefined;
    }
    return entry;
  }
}

/** The peer address of the connection (@hono/node-server puts the Node request in `env.incoming`). */
export function socketAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
