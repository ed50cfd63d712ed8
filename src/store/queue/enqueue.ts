/**
 * Enqueueing files: each file's bytes stored content-addressed in `blob` first (so any worker on any machine can
 * read it), then one job per file named by its hash. A file whose bytes are already imported gets no job.
 */
import { UnreadableError } from '../../document/errors.ts';
import { nameOf, type Input } from '../../pipeline/index.ts';
import { readFileLimited } from '../../readers/source.ts';
import type { Store } from '../store.ts';
import { knownHashes, sha256 } from '../write.ts';
import { DEFAULT_POLICY, type ImportJob, type JobQueue, type RetryPolicy } from './jobs.ts';

export type EnqueueStatus = 'queued' | 'already-queued' | 'stored' | 'unreadable';

export interface EnqueueEvent {
  path: string;
  status: EnqueueStatus;
  sha256?: string;
  /** Why the file could not be read from disk (it gets no job). */
  error?: { code: string; message: string; message_en: string };
}

export interface EnqueueOptions {
  overrides?: ImportJob['overrides'];
  policy?: RetryPolicy;
}

/** Stores and enqueues the files (already expanded: see expandInputs), one event per file, in order. */
export async function* enqueueFiles(store: Store, queue: JobQueue, inputs: readonly (string | Input)[], options: EnqueueOptions = {}): AsyncGenerator<EnqueueEvent> {
  for (const input of inputs) {
    // A member of a .zip is unpacked to a scratch file but keeps its name (archive.zip/member) in the job.
    const path = nameOf(input);
    let bytes: Uint8Array;
    try {
      bytes = typeof input === 'string' ? await readFileLimited(input) : input.bytes ?? (await readFileLimited(input.path));
    } catch (e) {
      const error = e instanceof UnreadableError ? e : new UnreadableError('unreadable', `无法读取：${(e as Error).message}`, `cannot read: ${(e as Error).message}`);
      yield { path, status: 'unreadable', error: { code: error.code, message: error.zh, message_en: error.en } };
      continue;
    }
    const hash = sha256(bytes);
    if ((await knownHashes(store.db, [hash])).size) {
      yield { path, status: 'stored', sha256: hash };
      continue;
    }
    await store.db.insertInto('blob').values({ sha256: hash, size: bytes.length, bytes }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
    const added = await queue.add({ sha256: hash, path, overrides: options.overrides ?? {} }, options.policy ?? DEFAULT_POLICY);
    yield { path, status: added ? 'queued' : 'already-queued', sha256: hash };
  }
}
