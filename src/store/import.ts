/**
 * Importing files into a store: each file hashed first (the same bytes again are a no-op, without reading), the new
 * ones read in the pipeline's isolated workers and checked, each written in its own transaction, then the
 * cross-year findings of the reports it touched brought up to date.
 */
import { UnreadableError } from '../document/errors.ts';
import { checkOutcome, parseMany, type BatchOptions, type Outcome } from '../pipeline/index.ts';
import { readFileLimited } from '../readers/source.ts';
import type { IdentityOverrides } from './identity.ts';
import { refreshPairs } from './pairs.ts';
import type { Store } from './store.ts';
import { isKnown, sha256, type ImportStatus } from './write.ts';

export interface ImportOptions extends BatchOptions, IdentityOverrides {}

export interface ImportEvent {
  path: string;
  status: ImportStatus;
  reportId?: number;
  /** The reason, for an unreadable file. */
  error?: { code: string; message: string; message_en: string };
  /** Findings of the report as read and checked (before the cross-year ones), by severity. */
  findings?: { error: number; warning: number; info: number };
}

/** Imports the files (already expanded: see expandInputs) and yields one event per file, in order. */
export async function* importFiles(store: Store, paths: readonly string[], options: ImportOptions = {}): AsyncGenerator<ImportEvent> {
  const fresh: string[] = [];
  const early = new Map<string, ImportEvent>();
  for (const path of paths) {
    const hashed = await hashFile(path);
    if ('error' in hashed) early.set(path, { path, status: 'unreadable', error: hashed.error });
    else if (await isKnown(store.db, hashed.sha256)) early.set(path, { path, status: 'unchanged' });
    else fresh.push(path);
  }
  const touched = new Set<number>();
  const read = parseMany(fresh, options);
  try {
    for (const path of paths) {
      const known = early.get(path);
      if (known) {
        yield known;
        continue;
      }
      const { value: outcome } = await read.next();
      const event = await store.write(checkOutcome(outcome as Outcome, options.roster), options);
      if (event.reportId !== undefined) touched.add(event.reportId);
      yield event;
    }
  } finally {
    await read.return(undefined);
  }
  await refreshPairs(store.db, [...touched]);
}

async function hashFile(path: string): Promise<{ sha256: string } | { error: ImportEvent['error'] }> {
  try {
    return { sha256: sha256(await readFileLimited(path)) };
  } catch (e) {
    const error = e instanceof UnreadableError ? e : new UnreadableError('unreadable', `无法读取：${(e as Error).message}`, `cannot read: ${(e as Error).message}`);
    return { error: { code: error.code, message: error.zh, message_en: error.en } };
  }
}
