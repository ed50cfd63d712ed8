/**
 * Reader workers: each input is read in a worker thread with a heap cap, and stopped from outside at the wall-clock
 * limit (a synchronous loop in pdf.js or a regex cannot be interrupted by a promise race). A worker that is stopped,
 * runs out of memory or dies yields that input's one-line error, is replaced, and the batch goes on.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { UnreadableError } from '../document/errors.ts';
import { localResources, releaseResources } from '../readers/external.ts';
import type { ReadOptions } from '../readers/index.ts';
import { memoryError, timeoutError, type Limits } from './limits.ts';
import { errorOutcome, internalError, type Outcome } from './outcome.ts';
import { nameOf, type Input } from './read.ts';

/** What a worker tells its pool. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; outcome: Outcome }
  | { type: 'group'; pid: number; alive: boolean }
  | { type: 'scratch'; dir: string; alive: boolean };

/** The worker's own file: worker.ts when run from source (tsx), worker.js once built. */
const WORKER_URL = new URL(`./worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

interface Job {
  input: Input;
  resolve: (outcome: Outcome) => void;
}

/** How long a new worker may take to load its modules (from source, on a busy machine, several seconds). */
const STARTUP_GRACE_MS = 60_000;

interface Slot {
  worker: Worker;
  /** Its modules are loaded: the time limit counts reading only, not the worker's start-up. */
  ready: boolean;
  job?: Job;
  timer?: NodeJS.Timeout;
  groups: Set<number>;
  dirs: Set<string>;
}

export class ReaderPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  /** Workers being stopped: close() waits for them, so their children and scratch folders are gone when it returns. */
  private readonly stopping = new Set<Promise<void>>();

  constructor(
    private readonly limits: Limits,
    private readonly options: ReadOptions = {},
  ) {}

  /** Reads one input in a worker; never rejects. */
  read(input: Input): Promise<Outcome> {
    return new Promise((resolve) => {
      this.queue.push({ input, resolve });
      this.pump();
    });
  }

  /** Stops every worker; jobs still queued are not read. */
  async close(): Promise<void> {
    this.queue.length = 0;
    await Promise.all([...[...this.slots].map((slot) => this.discard(slot)), ...this.stopping]);
  }

  private pump(): void {
    while (this.queue.length) {
      const slot = [...this.slots].find((s) => !s.job) ?? (this.slots.size < this.limits.concurrency ? this.spawn() : undefined);
      if (!slot) return;
      this.start(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const worker = startWorker({ resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb } });
    // An idle worker does not keep the process alive; a running job does, through its timer.
    worker.unref();
    const slot: Slot = { worker, ready: false, groups: new Set(), dirs: new Set() };
    worker.on('message', (m: WorkerMessage) => this.onMessage(slot, m));
    worker.on('error', (e: Error & { code?: string }) => {
      this.fail(slot, e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? memoryError(this.limits) : internalError(e));
    });
    worker.on('exit', () => this.fail(slot, internalError(new Error('reader worker exited'))));
    this.slots.add(slot);
    return slot;
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    this.arm(slot);
    slot.worker.postMessage({ input: job.input, options: this.options });
  }

  /** The job's time limit, from now; a worker still starting gets its start-up on top. */
  private arm(slot: Slot): void {
    clearTimeout(slot.timer);
    const ms = this.limits.timeoutMs + (slot.ready ? 0 : STARTUP_GRACE_MS);
    // setTimeout takes at most 2^31−1 ms (24.8 days); more would fire at once.
    slot.timer = setTimeout(() => this.fail(slot, timeoutError(this.limits)), Math.min(ms, 2 ** 31 - 1));
  }

  private onMessage(slot: Slot, m: WorkerMessage): void {
    // A child started by a worker already stopped (the message was on its way) goes at once.
    if (!this.slots.has(slot)) {
      if (m.type === 'group' && m.alive) releaseResources([m.pid], []);
      if (m.type === 'scratch' && m.alive) releaseResources([], [m.dir]);
      return;
    }
    if (m.type === 'ready') {
      slot.ready = true;
      if (slot.job) this.arm(slot); // its input waits in the port: reading starts now
    } else if (m.type === 'group') track(slot.groups, m.pid, m.alive, () => localResources.group(m.pid, m.alive));
    else if (m.type === 'scratch') track(slot.dirs, m.dir, m.alive, () => localResources.scratch(m.dir, m.alive));
    else this.finish(slot, m.outcome);
  }

  private finish(slot: Slot, outcome: Outcome): void {
    const job = slot.job;
    clearTimeout(slot.timer);
    slot.job = undefined;
    job?.resolve(outcome);
    this.pump();
  }

  /** The worker is lost (stopped, out of memory, crashed): its input gets the error, a new worker takes the queue. */
  private fail(slot: Slot, error: UnreadableError): void {
    if (!this.slots.has(slot)) return;
    const job = slot.job;
    const stopped = this.discard(slot);
    this.stopping.add(stopped);
    void stopped.finally(() => this.stopping.delete(stopped));
    if (job) this.finish(slot, errorOutcome(nameOf(job.input), error));
    else this.pump();
  }

  private async discard(slot: Slot): Promise<void> {
    if (!this.slots.delete(slot)) return;
    clearTimeout(slot.timer);
    await slot.worker.terminate();
    releaseResources(slot.groups, slot.dirs);
  }
}

/**
 * Built, the worker is a plain module. Run from source (tests, bench), tsx must be registered inside the worker
 * first: Node 20 does not run the parent's `--import tsx` in worker threads.
 */
function startWorker(options: WorkerOptions): Worker {
  if (!WORKER_URL.pathname.endsWith('.ts')) return new Worker(WORKER_URL, options);
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const code = `import(${tsx}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return new Worker(code, { ...options, eval: true });
}

function track<T>(set: Set<T>, item: T, alive: boolean, register: () => void): void {
  if (alive) set.add(item);
  else set.delete(item);
  register();
}
