/**
 * The import queue on the store's PostgreSQL (pg-boss): one job per stored file, named by the file's sha256, so the
 * same file enqueued twice is one job. Jobs that fail every retry are copied to a dead-letter queue, listed by
 * `xxgk jobs` and re-queued by `xxgk jobs --retry-dead`.
 */
import PgBoss from 'pg-boss';
import { StoreError } from '../errors.ts';
import { redact } from '../engine.ts';
import type { IdentityOverrides } from '../identity.ts';

export const IMPORT_QUEUE = 'xxgk-import';
export const DEAD_QUEUE = 'xxgk-import-dead';

/** What a worker needs to import one file: its bytes are in `blob` under `sha256`. */
export interface ImportJob {
  sha256: string;
  /** The path as given to `import --queue`: the fallback for agency, year and region, and the name in messages. */
  path: string;
  overrides: Omit<IdentityOverrides, 'roster'>;
}

/** How a job is retried and when a job held by a vanished worker is given to another. */
export interface RetryPolicy {
  /** Tries after the first; then the job goes to the dead-letter queue. */
  retries: number;
  /** Seconds before the first retry; doubled (with jitter) for each further one. */
  retryDelaySeconds: number;
  /** Seconds a worker may hold a job; past it the job counts as failed and is retried (the worker was lost). */
  expireSeconds: number;
}

/** 15 minutes covers the longest read (two minutes by default, ten with OCR) with room for the write. */
export const DEFAULT_POLICY: RetryPolicy = { retries: 3, retryDelaySeconds: 30, expireSeconds: 15 * 60 };

export interface QueueOptions {
  /** How often (seconds) one of the connected processes looks for jobs of lost workers; pg-boss's default is 120. */
  maintenanceSeconds?: number;
}

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

export interface DeadJob {
  id: string;
  sha256: string;
  path: string;
  /** Why its last try failed. */
  reason: string;
  failedAt: Date;
}

/** Jobs are kept this long before pg-boss archives them: a queue nobody works for a month is not silently emptied. */
const RETENTION_DAYS = 30;

export class JobQueue {
  private constructor(private readonly boss: PgBoss) {}

  /** Connects to the queue's tables on the server (created on first use) and makes sure both queues exist. */
  static async open(url: string, options: QueueOptions = {}): Promise<JobQueue> {
    const boss = new PgBoss({
      connectionString: url,
      max: 4,
      application_name: 'xxgk',
      schedule: false,
      ...(options.maintenanceSeconds ? { maintenanceIntervalSeconds: options.maintenanceSeconds } : {}),
    });
    // Without a listener an error event would end the process; a lost connection is retried by pg-boss itself.
    boss.on('error', (e) => {
      if (process.env.XXGK_DEBUG) console.error(e);
    });
    try {
      await boss.start();
      await boss.createQueue(DEAD_QUEUE, { name: DEAD_QUEUE });
      await boss.createQueue(IMPORT_QUEUE, { name: IMPORT_QUEUE, deadLetter: DEAD_QUEUE });
    } catch (e) {
      await boss.stop({ graceful: false }).catch(() => undefined);
      const detail = (e as Error).message;
      throw new StoreError('connect', `无法打开任务队列 ${redact(url)}：${detail}`, `cannot open the job queue on ${redact(url)}: ${detail}`);
    }
    return new JobQueue(boss);
  }

  /** Adds the file's job; false when a job for these bytes is already there (queued, running, done or failed). */
  async add(job: ImportJob, policy: RetryPolicy = DEFAULT_POLICY): Promise<boolean> {
    const id = await this.boss.send(IMPORT_QUEUE, job, {
      id: jobIdOf(job.sha256),
      retryLimit: policy.retries,
      retryDelay: policy.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: policy.expireSeconds,
      retentionDays: RETENTION_DAYS,
    });
    return id !== null;
  }

  /** Takes the next job, if any; it stays this process's until completed, failed or expired. */
  async take(): Promise<PgBoss.Job<ImportJob> | undefined> {
    const [job] = await this.boss.fetch<ImportJob>(IMPORT_QUEUE);
    return job;
  }

  async complete(id: string, output: object): Promise<void> {
    await this.boss.complete(IMPORT_QUEUE, id, output);
  }

  /** Marks a try failed: retried after the backoff, or dead-lettered after the last try. */
  async fail(id: string, error: Error): Promise<void> {
    await this.boss.fail(IMPORT_QUEUE, id, { message: error.message });
  }

  /** A job's state, or undefined once it is archived or deleted. */
  async state(id: string): Promise<JobState | undefined> {
    return (await this.boss.getJobById(IMPORT_QUEUE, id))?.state;
  }

  /** Number of jobs by state, in the import queue and the dead-letter queue (archived ones included). */
  async counts(): Promise<{ jobs: Record<JobState, number>; dead: number }> {
    const { rows } = await this.boss.getDb().executeSql(
      `select name, state, count(*)::int as n from (
         select name, state from pgboss.job where name = any($1)
         union all select name, state from pgboss.archive where name = any($1)) t
       group by name, state`,
      [[IMPORT_QUEUE, DEAD_QUEUE]],
    );
    const jobs: Record<JobState, number> = { created: 0, retry: 0, active: 0, completed: 0, cancelled: 0, failed: 0 };
    let dead = 0;
    for (const { name, state, n } of rows as { name: string; state: JobState; n: number }[]) {
      if (name === IMPORT_QUEUE) jobs[state] += n;
      else if (state === 'created' || state === 'retry') dead += n;
    }
    return { jobs, dead };
  }

  /** The dead-letter list, oldest first: files whose job failed every try, with the last reason. */
  async dead(): Promise<DeadJob[]> {
    const { rows } = await this.boss.getDb().executeSql(
      `select id, data, output, created_on from pgboss.job where name = $1 and state < 'active' order by created_on, id`,
      [DEAD_QUEUE],
    );
    return (rows as { id: string; data: ImportJob; output: unknown; created_on: Date }[]).map((row) => ({
      id: row.id,
      sha256: row.data.sha256,
      path: row.data.path,
      reason: reasonOf(row.output),
      failedAt: row.created_on,
    }));
  }

  /** Queues every dead-lettered file again with a fresh set of retries; returns how many. */
  async retryDead(policy: RetryPolicy = DEFAULT_POLICY): Promise<number> {
    const dead = await this.dead();
    for (const entry of dead) {
      const { data } = (await this.boss.getJobById<ImportJob>(DEAD_QUEUE, entry.id))!;
      const previous = await this.boss.getJobById(IMPORT_QUEUE, jobIdOf(data.sha256));
      // The failed job holds the file's id: it goes, so the file can be queued under it again.
      if (previous && (previous.state === 'failed' || previous.state === 'cancelled')) await this.boss.deleteJob(IMPORT_QUEUE, previous.id);
      await this.add(data, policy);
      await this.boss.deleteJob(DEAD_QUEUE, entry.id);
    }
    return dead.length;
  }

  /** Stops taking jobs and closes the connections; a job still held is failed (and so retried). */
  async close(): Promise<void> {
    await this.boss.stop({ graceful: false });
  }
}

/**
 * The job id of a file: its sha256 cut to a UUID (version 8, "custom"), so enqueueing the same bytes twice is one
 * job, whichever machine does it.
 */
export function jobIdOf(sha256: string): string {
  const h = sha256.toLowerCase();
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function reasonOf(output: unknown): string {
  const o = output as { message?: string; value?: { message?: string } } | null;
  return o?.message ?? o?.value?.message ?? JSON.stringify(output);
}
