/**
 * Importing files into a store: each file hashed first (the same bytes again are a no-op, without reading), the new
 * ones read in the pipeline's isolated workers and checked, written in batches (one transaction each), then the
 * cross-year findings of the reports it touched brought up to date.
 */
import { UnreadableError } from '../document/errors.ts';
import { checkOutcome, nameOf, parseMany, type BatchOptions, type Input, type Outcome } from '../pipeline/index.ts';
import { readFileLimited } from '../readers/source.ts';
import type { IdentityOverrides } from './identity.ts';
import { refreshPairs } from './pairs.ts';
import type { Store } from './store.ts';
import { knownHashes, sha256, type ImportEvent } from './write.ts';

export type { ImportEvent };

export interface ImportOptions extends BatchOptions, IdentityOverrides {}

/** Outcomes written per transaction: large enough to amortise a commit, small enough that a crash loses little. */
const BATCH = 32;

/** Imports the files (already expanded: see expandInputs) and yields one event per file, in order, once stored. */
export async function* importFiles(store: Store, paths: readonly (string | Input)[], options: ImportOptions = {}): AsyncGenerator<ImportEvent> {
  const early = await screen(store, paths);
  const read = parseMany(paths.filter((p) => !early.has(nameOf(p))), options);
  const touched = new Set<number>();
  let batch: Outcome[] = [];
  let sources: string[] = [];
  const flush = async function* () {
    for (const event of await store.writeMany(batch, options, sources)) {
      if (event.reportId !== undefined) touched.add(event.reportId);
      yield event;
    }
    [batch, sources] = [[], []];
  };
  try {
    for (const path of paths) {
      const known = early.get(nameOf(path));
      if (known) {
        yield* flush();
        yield known;
        continue;
      }
      const { value } = await read.next();
      batch.push(checkOutcome(value as Outcome, options.roster));
      sources.push(typeof path === 'string' ? path : path.path);
      if (batch.length >= BATCH) yield* flush();
    }
    yield* flush();
  } finally {
    await read.return(undefined);
  }
  await refreshPairs(store.db, [...touched]);
}

/** The files that need no reading, by name: already stored (same bytes), or not readable at all. */
async function screen(store: Store, inputs: readonly (string | Input)[]): Promise<Map<string, ImportEvent>> {
  const early = new Map<string, ImportEvent>();
  for (let i = 0; i < inputs.length; i += 500) {
    const hashes = new Map<string, string>();
    for (const input of inputs.slice(i, i + 500)) {
      const path = nameOf(input);
      const hashed = await hashFile(typeof input === 'string' ? input : input.path);
      if ('error' in hashed) early.set(path, { path, status: 'unreadable', error: hashed.error });
      else hashes.set(path, hashed.sha256);
    }
    const known = await knownHashes(store.db, [...hashes.values()]);
    for (const [path, hash] of hashes) if (known.has(hash)) early.set(path, { path, status: 'unchanged' });
  }
  return early;
}

async function hashFile(path: string): Promise<{ sha256: string } | { error: NonNullable<ImportEvent['error']> }> {
  try {
    return { sha256: sha256(await readFileLimited(path)) };
  } catch (e) {
    const error = e instanceof UnreadableError ? e : new UnreadableError('unreadable', `无法读取：${(e as Error).message}`, `cannot read: ${(e as Error).message}`);
    return { error: { code: error.code, message: error.zh, message_en: error.en } };
  }
}
