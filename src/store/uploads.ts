/**
 * Importing files uploaded through the web app: the same path as `xxgk import` (a known file is a no-op; a new one
 * is read in the pipeline's isolated, time- and memory-limited workers, checked, and written in one transaction),
 * with the bytes at hand and the upload's file name kept as the version's name.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkOutcome, parseMany, type Outcome } from '../pipeline/index.ts';
import type { ImportEvent, ImportOptions } from './import.ts';
import { refreshPairs } from './pairs.ts';
import type { Store } from './store.ts';
import { isKnown, sha256 } from './write.ts';

export interface Upload {
  /** The file's own name (no folders). */
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
    for (const [index, upload] of uploads.entries()) {
      if (await isKnown(store.db, sha256(upload.bytes))) {
        events[index] = { path: upload.name, status: 'unchanged' };
        continue;
      }
      await mkdir(join(scratch, String(index)));
      const path = join(scratch, String(index), upload.name);
      await writeFile(path, upload.bytes);
      fresh.push({ index, path });
    }
    const touched = new Set<number>();
    let next = 0;
    for await (const outcome of parseMany(fresh.map((f) => f.path), options)) {
      const { index } = fresh[next++];
      const upload = uploads[index];
      const named: Outcome = { ...checkOutcome(outcome, options.roster), path: upload.name };
      const event = await store.writeBytes(named, upload.bytes, options);
      if (event.reportId !== undefined) touched.add(event.reportId);
      events[index] = event;
    }
    await refreshPairs(store.db, [...touched]);
    return events;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
