/**
 * Importing files uploaded through the web app: the same path as `xxgk import` (a known file is a no-op; a new one
 * is read in the pipeline's isolated, time- and memory-limited workers and checked; one upload request is written in
 * one transaction), with the bytes at hand and the upload's file name kept as the version's name.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { checkOutcome, parseMany, type Outcome } from '../pipeline/index.ts';
import type { ImportEvent, ImportOptions } from './import.ts';
import { refreshPairs } from './pairs.ts';
import type { Store } from './store.ts';
import { knownHashes, sha256 } from './write.ts';

export interface Upload {
  /** The file's own name, or "archive.zip/folder/member" for a member of an uploaded archive. */
  name: string;
  bytes: Uint8Array;
}

/** One event per upload, in order; `path` is the upload's name. */
export async function importUploads(store: Store, uploads: readonly Upload[], options: ImportOptions = {}): Promise<ImportEvent[]> {
  // The workers read files: each upload goes to a scratch folder of its own (two uploads may share a name).
  const scratch = await mkdtemp(join(tmpdir(), 'xxgk-upload-'));
  try {
    const fresh: { index: number; path: string }[] = [];
    const events: ImportEvent[] = [];
    const known = await knownHashes(store.db, uploads.map((u) => sha256(u.bytes)));
    for (const [index, upload] of uploads.entries()) {
      if (known.has(sha256(upload.bytes))) {
        events[index] = { path: upload.name, status: 'unchanged' };
        continue;
      }
      await mkdir(join(scratch, String(index)));
      const path = join(scratch, String(index), basename(upload.name));
      await writeFile(path, upload.bytes);
      fresh.push({ index, path });
    }
    const outcomes: Outcome[] = [];
    for await (const outcome of parseMany(fresh.map((f) => f.path), options)) {
      outcomes.push({ ...checkOutcome(outcome, options.roster), path: uploads[fresh[outcomes.length].index].name });
    }
    const written = await store.writeMany(outcomes, options, fresh.map((f) => uploads[f.index].bytes));
    written.forEach((event, n) => (events[fresh[n].index] = event));
    await refreshPairs(store.db, written.flatMap((e) => (e.reportId === undefined ? [] : [e.reportId])));
    return events;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
