/**
 * Writers racing to create the same agency or region (two queue workers, two imports into one new agency's ledger):
 * the loser's insert fails with a unique violation or a deadlock. Its transaction was rolled back whole, so it is run
 * again, and the next try finds the winner's rows.
 */

/** Unique violation, deadlock, serialisation failure. */
const CONFLICT_CODES = new Set(['23505', '40P01', '40001']);
const TRIES = 5;

/** Runs a write transaction again while it loses such a race, at most five times in all. */
export async function retryOnConflict<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (e) {
      if (tries >= TRIES || !CONFLICT_CODES.has((e as { code?: string }).code ?? '')) throw e;
    }
  }
}
