/**
 * The import queue on the real PostgreSQL: three `xxgk worker` processes, one killed with -9 while it holds a job;
 * every file is imported exactly once and the store equals a plain import of the same folder. A job that always
 * fails ends in the dead-letter list that `xxgk jobs` shows, and `--retry-dead` queues it again.
 */
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { expandInputs } from '../../src/pipeline/index.ts';
import { enqueueFiles, importFiles, JobQueue, Store } from '../../src/store/index.ts';
import { CLI, ROOT } from '../helpers.ts';
import { dumpStore, freshEngine, writeGenerated, type TestEngine } from '../support/store.ts';

const FILES = 60;
/** Short enough that the killed worker's job comes back within seconds, long enough for a job on a loaded machine. */
const POLICY = ['--retries', '3', '--retry-delay', '1', '--job-expire', '8'];

const work = mkdtempSync(join(tmpdir(), 'xxgk-queue-test-'));
const corpus = writeGenerated(join(work, 'generated'), FILES);

type Event = Record<string, any>;

/** A worker process and the JSON event lines it printed so far. */
class WorkerProcess {
  readonly events: Event[] = [];
  private readonly waiters = new Set<() => void>();
  readonly exited: Promise<number | null>;
  readonly child: ChildProcess;

  constructor(url: string) {
    this.child = spawn(process.execPath, [...CLI, 'worker', '--json', '-c', '1', '--poll', '1', '--maintenance', '1'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      this.events.push(JSON.parse(line));
      for (const wake of this.waiters) wake();
    });
  }

  /** The first event at or after `from` that matches. */
  async next(from: number, match: (e: Event) => boolean): Promise<{ event: Event; index: number }> {
    for (;;) {
      const index = this.events.findIndex((e, i) => i >= from && match(e));
      if (index >= 0) return { event: this.events[index], index };
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          resolve();
        };
        this.waiters.add(wake);
      });
    }
  }
}

/** Runs the CLI from sources; several may run at once (each start costs seconds on a busy machine). */
function xxgk(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' }, (error, stdout, stderr) =>
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

describe('queue with workers on PostgreSQL', () => {
  let engine: TestEngine;
  let reference: TestEngine;
  let url: string;
  let queue: JobQueue;
  let store: Store;
  const workers: WorkerProcess[] = [];

  before(async () => {
    engine = await freshEngine('postgres');
    reference = await freshEngine('postgres');
    url = engine.options.url!;
  });
  after(async () => {
    for (const w of workers) w.child.kill('SIGKILL');
    await queue?.close();
    await store?.close();
    await engine?.drop();
    await reference?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  test('import --queue stores each file and makes one job per file; the same files again make none', async () => {
    const embedded = xxgk(['import', '--queue', '--data', join(work, 'embedded'), corpus], { DATABASE_URL: '' });
    const first = await xxgk(['import', '--queue', ...POLICY, corpus], { DATABASE_URL: url });
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, new RegExp(`${FILES} 个文件：已排队 ${FILES}，已在队列中 0，已入库 0，无法读取 0`));
    queue = await JobQueue.open(url);
    store = await Store.open({ url });
    const again = [];
    for await (const event of enqueueFiles(store, queue, await expandInputs([corpus]))) again.push(event.status);
    assert.deepEqual(again, Array(FILES).fill('already-queued'));

    // The embedded engine has no queue: one line in both languages, exit 2.
    const refused = await embedded;
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /^xxgk: 任务队列需要 PostgreSQL 服务器.*\(the job queue needs a PostgreSQL server.*\)\n$/);
  });

  test('three workers, one killed with -9 while it holds a job: every file imported once, equal to a plain import', async () => {
    // A job whose bytes are not in the store fails every try: it must end in the dead-letter list.
    await queue.add({ sha256: '0'.repeat(64), path: 'missing.txt', overrides: {} }, { retries: 1, retryDelaySeconds: 1, expireSeconds: 8 });

    workers.push(new WorkerProcess(url), new WorkerProcess(url), new WorkerProcess(url));
    const victim = workers[0];
    // Meanwhile (the killed job waits for its expiry) the same folder goes into another database the plain way.
    const plainDump = plainImportDump(reference);
    const killed = await killHoldingJob(victim, queue);
    assert.equal(await victim.exited, null, 'the victim died of the signal');

    await drained(queue);
    const { jobs, dead } = await queue.counts();
    assert.deepEqual(jobs, { created: 0, retry: 0, active: 0, completed: FILES, cancelled: 0, failed: 1 });
    assert.equal(dead, 1);
    const retried = workers.slice(1).flatMap((w) => w.events).filter((e) => e.event === 'done' && e.job === killed);
    assert.ok(retried.length >= 1, 'another worker finished the killed worker’s job');

    const versions = await store.db.selectFrom('report_version').select(['sha256', 'version']).execute();
    assert.equal(versions.length, FILES);
    assert.equal(new Set(versions.map((v) => v.sha256)).size, FILES);
    assert.ok(versions.every((v) => v.version === 1), 'no file became a second version of itself');
    assert.equal((await store.db.selectFrom('unreadable').select('sha256').execute()).length, 0);

    assert.equal(await dumpStore(store), await plainDump);
  });

  test('workers stop on SIGTERM after the job in hand, with a closing event', async () => {
    for (const w of workers.slice(1)) w.child.kill('SIGTERM');
    for (const w of workers.slice(1)) {
      assert.equal(await w.exited, 0);
      assert.equal(w.events.at(-1)?.event, 'stopped');
    }
  });

  test('xxgk jobs shows the counts and the dead-letter list with the reason; --retry-dead queues it again', async () => {
    const [shown, text] = await Promise.all([xxgk(['jobs', '--json'], { DATABASE_URL: url }), xxgk(['jobs'], { DATABASE_URL: url })]);
    assert.equal(shown.status, 0, shown.stderr);
    const listed = JSON.parse(shown.stdout);
    assert.deepEqual({ ...listed, deadLetters: undefined }, { queued: 0, active: 0, completed: FILES, failed: 1, dead: 1, deadLetters: undefined });
    assert.deepEqual(listed.deadLetters.map((d: Event) => d.path), ['missing.txt']);
    assert.match(listed.deadLetters[0].reason, /文件内容不在数据库中/);
    assert.match(text.stdout, /失败列表 1\n {2}missing\.txt {2}000000000000 .*文件内容不在数据库中/);

    const retried = JSON.parse((await xxgk(['jobs', '--retry-dead', '--json'], { DATABASE_URL: url })).stdout);
    assert.deepEqual([retried.retried, retried.dead, retried.queued], [1, 0, 1]);
  });
});

/**
 * Freezes the worker (SIGSTOP) at a job's start and, if that job is still active in the queue, kills it (-9) while it
 * holds it; otherwise lets it go on to the next job. Returns the id of the job the worker died holding.
 */
async function killHoldingJob(victim: WorkerProcess, queue: JobQueue): Promise<string> {
  for (let from = 0; ; ) {
    const { event, index } = await victim.next(from, (e) => e.event === 'start');
    victim.child.kill('SIGSTOP');
    if ((await queue.state(event.job)) === 'active') {
      victim.child.kill('SIGKILL');
      return event.job;
    }
    victim.child.kill('SIGCONT');
    from = index + 1;
  }
}

async function plainImportDump(engine: TestEngine): Promise<string> {
  const plain = await Store.open(engine.options);
  try {
    for await (const event of importFiles(plain, await expandInputs([corpus]), { limits: { concurrency: 1 } })) assert.equal(event.status, 'imported');
    return await dumpStore(plain);
  } finally {
    await plain.close();
  }
}

/** Waits until no job of the queue is waiting, retrying or held. */
async function drained(queue: JobQueue): Promise<void> {
  for (;;) {
    const { jobs, dead } = await queue.counts();
    if (jobs.created + jobs.retry + jobs.active === 0 && dead > 0) return;
    await sleep(250);
  }
}
