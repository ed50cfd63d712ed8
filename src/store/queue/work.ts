/**
 * A queue worker: takes import jobs one at a time per slot, reads the stored bytes in the pipeline's isolated reader
 * threads (time and memory limited), checks, writes, and brings the cross-year findings up to date. Idempotent by
 * the file's hash: a job done twice (its first worker was lost after writing) writes once. An unreadable file is a
 * result, not a failure; a failure (database gone, bytes missing) is retried by the queue and dead-lettered last.
 */
import { sql, type Kysely } from 'kysely';
import { checkOutcome, defaultLimits, ReaderPool, type Limits } from '../../pipeline/index.ts';
import type { Roster } from '../../roster/index.ts';
import type { ImportEvent } from '../import.ts';
import { refreshPairs } from '../pairs.ts';
import type { Database } from '../schema.ts';
import type { Store } from '../store.ts';
import type { ImportJob, JobQueue } from './jobs.ts';

export interface WorkerOptions {
  /** Jobs handled at once (each read in its own thread); default one per core. */
  concurrency?: number;
  /** Reading limits per file; unset fields take the pipeline's defaults. */
  limits?: Partial<Omit<Limits, 'concurrency'>>;
  ocr?: boolean;
  /** Declared levels and aliases, applied as in `xxgk import --roster`. */
  roster?: Roster;
  /** Seconds between looks at an empty queue. */
  pollSeconds?: number;
  /** Stop once no job is ready to be taken (a batch run), instead of waiting for more. */
  untilEmpty?: boolean;
  onEvent?: (event: WorkEvent) => void;
}

interface JobRef {
  job: string;
  sha256: string;
  path: string;
}

export type WorkEvent =
  | ({ event: 'start' } & JobRef)
  | ({ event: 'done' } & JobRef & Omit<ImportEvent, 'path'>)
  | ({ event: 'failed'; error: string } & JobRef)
  | { event: 'error'; error: string };

/** First key of the advisory locks that serialise cross-year refreshes of one agency across workers. */
const PAIRS_LOCK = 0x78786b67;

export class ImportWorker {
  private readonly pool: ReaderPool;
  private readonly held = new Set<string>();
  private stopping = false;
  /** Slots waiting for the next look at an empty queue: woken at once by `stop()`. */
  private readonly sleepers = new Set<() => void>();

  constructor(
    private readonly store: Store,
    private readonly queue: JobQueue,
    private readonly options: WorkerOptions = {},
  ) {
    const concurrency = options.concurrency ?? defaultLimits().concurrency;
    this.pool = new ReaderPool({ ...defaultLimits(options.ocr), ...options.limits, concurrency }, { ocr: options.ocr });
  }

  /** Works until `stop()`; returns once the jobs in hand are finished and the reader threads are gone. */
  async run(): Promise<void> {
    const slots = this.options.concurrency ?? defaultLimits().concurrency;
    try {
      await Promise.all(Array.from({ length: slots }, () => this.loop()));
    } finally {
      await this.pool.close();
    }
  }

  /** Takes no more jobs; the ones in hand are finished. */
  stop(): void {
    this.stopping = true;
    for (const wake of this.sleepers) wake();
  }

  /** Gives the jobs in hand back to the queue as failed tries (retried after the backoff), for a stop that cannot wait. */
  async release(): Promise<void> {
    this.stop();
    await Promise.all([...this.held].map((id) => this.queue.fail(id, new Error('worker stopped (工作进程已停止)')).catch(() => undefined)));
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let job;
      try {
        job = await this.queue.take();
      } catch (e) {
        // The server is unreachable or restarting: look again after the poll interval, do not spin.
        this.emit({ event: 'error', error: (e as Error).message });
        await this.idle();
        continue;
      }
      if (job) await this.handle(job.id, job.data);
      else if (this.options.untilEmpty) this.stop();
      else await this.idle();
    }
  }

  private async handle(id: string, data: ImportJob): Promise<void> {
    const ref = { job: id, sha256: data.sha256, path: data.path };
    this.held.add(id);
    this.emit({ event: 'start', ...ref });
    try {
      const { path: _path, ...result } = await this.importOne(data);
      await this.queue.complete(id, result);
      this.emit({ event: 'done', ...ref, ...result });
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      await this.queue.fail(id, error).catch(() => undefined);
      this.emit({ event: 'failed', ...ref, error: error.message });
    } finally {
      this.held.delete(id);
    }
  }

  private async importOne({ sha256, path, overrides }: ImportJob): Promise<ImportEvent> {
    const db = this.store.db;
    const known = await db.selectFrom('report_version').select('report_id').where('sha256', '=', sha256).executeTakeFirst();
    if (known) {
      // Written by a try whose worker was lost before it finished: the cross-year findings may be what it missed.
      await this.refresh(known.report_id);
      return { path, status: 'unchanged', reportId: known.report_id };
    }
    const blob = await db.selectFrom('blob').select('bytes').where('sha256', '=', sha256).executeTakeFirst();
    if (!blob) throw new Error(`文件内容不在数据库中 (the file's bytes are not in the store): ${sha256}`);
    const outcome = checkOutcome(await this.pool.read({ path, bytes: blob.bytes }), this.options.roster);
    const [event] = await this.store.writeMany([outcome], { ...overrides, roster: this.options.roster }, [blob.bytes]);
    if (event.reportId !== undefined) await this.refresh(event.reportId);
    return event;
  }

  /** The report's cross-year findings, one worker at a time per agency, so the last refresh sees both years. */
  private async refresh(reportId: number): Promise<void> {
    const report = await this.store.db.selectFrom('report').select('agency_id').where('id', '=', reportId).executeTakeFirst();
    if (!report) return;
    await this.store.db.connection().execute(async (db: Kysely<Database>) => {
      await sql`select pg_advisory_lock(${PAIRS_LOCK}, ${report.agency_id})`.execute(db);
      try {
        await refreshPairs(db, [reportId]);
      } finally {
        await sql`select pg_advisory_unlock(${PAIRS_LOCK}, ${report.agency_id})`.execute(db);
      }
    });
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, (this.options.pollSeconds ?? 2) * 1000);
      this.sleepers.add(done);
    });
  }

  private emit(event: WorkEvent): void {
    this.options.onEvent?.(event);
  }
}
