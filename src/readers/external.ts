/**
 * External programs (LibreOffice, pdftoppm, tesseract) and their scratch folders, under two guarantees:
 * - no network: each runs in a new network namespace (`unshare -rn`, util-linux) where the kernel allows one; where
 *   it does not, HTTP(S) is pointed at a closed local proxy, so linked content (INCLUDEPICTURE, linked images) is
 *   never fetched;
 * - clean faults: each runs detached in its own process group, and on SIGINT/SIGTERM every live group is killed and
 *   every scratch folder (copies of the input) removed before the process dies of the signal.
 */
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A port nothing listens on: a request through this proxy fails at once. */
const DEAD_PROXY = 'http://127.0.0.1:9';
const NO_PROXY_ENV = Object.fromEntries(
  ['http_proxy', 'https_proxy', 'ftp_proxy', 'all_proxy'].flatMap((k) => [[k, DEAD_PROXY], [k.toUpperCase(), DEAD_PROXY]]),
);

let namespacePrefix: string[] | undefined;

/** `unshare` arguments that give a child no network, detected once; empty where no namespace can be made. */
function networkNamespace(): string[] {
  namespacePrefix ??= [['-rn'], ['--net']].map((flags) => ['unshare', ...flags, '--']).find(
    ([cmd, ...args]) => spawnSync(cmd, [...args, 'true'], { stdio: 'ignore', timeout: 10_000 }).status === 0,
  ) ?? [];
  return namespacePrefix;
}

const groups = new Set<number>();
const scratch = new Set<string>();

/**
 * Where live process groups and scratch folders are registered. By default this process's own signal handlers clean
 * them up; a reader worker forwards them to its parent instead, which alone receives signals and outlives a worker
 * it kills (see `forwardResources`).
 */
export interface ResourceSink {
  group(pid: number, alive: boolean): void;
  scratch(dir: string, alive: boolean): void;
}

/** This process's registry: killed and removed on SIGINT/SIGTERM. */
export const localResources: ResourceSink = {
  group(pid, alive) {
    if (alive) groups.add(pid);
    else groups.delete(pid);
    syncSignals();
  },
  scratch(dir, alive) {
    if (alive) scratch.add(dir);
    else scratch.delete(dir);
    syncSignals();
  },
};

let sink: ResourceSink = localResources;

/** Registers this thread's children and scratch folders with another sink (a worker's parent). */
export function forwardResources(to: ResourceSink): void {
  sink = to;
}

/** Kills process groups and removes folders left by a worker that was terminated before it could clean up. */
export function releaseResources(pids: Iterable<number>, dirs: Iterable<string>): void {
  for (const pid of pids) {
    killGroup(pid);
    localResources.group(pid, false);
  }
  for (const dir of dirs) {
    removeNow(dir);
    localResources.scratch(dir, false);
  }
}

/** Kills every live group and removes every scratch folder; synchronous, so it also runs at `exit`. */
function releaseAll(): void {
  for (const pid of groups) killGroup(pid);
  for (const dir of scratch) removeNow(dir);
  groups.clear();
  scratch.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  releaseAll();
  syncSignals();
  // Nobody else handles the signal: die of it, as the process would have without us.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

/**
 * Signal handlers are installed only while a child or a scratch folder is alive, so the default exit stays; an
 * `exit` handler too, since process.exit (a closed pipe) skips every finally block.
 */
function syncSignals(): void {
  const live = groups.size + scratch.size > 0;
  const installed = process.listeners('SIGINT').includes(onSignal);
  if (live && !installed) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    process.on('exit', releaseAll);
  } else if (!live && installed) {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', releaseAll);
  }
}

/** At most 40 × 50 ms: a killed program is gone long before, even on a loaded machine. */
const REMOVE_ATTEMPTS = 40;
const REMOVE_RETRY_MS = 50;

/**
 * Removes a folder at once, synchronously. A program just sent SIGKILL may still finish the call it is in (LibreOffice
 * writing its profile) after the folder was listed, so the removal fails with ENOTEMPTY: it is tried again, from a
 * fresh listing, until the program is gone. Never throws: it runs in signal and exit handlers, where an error would
 * stop the clean-up of every other folder.
 */
function removeNow(dir: string): void {
  for (let attempt = 1; ; attempt++) {
    try {
      rmSync(dir, { recursive: true, force: true });
      return;
    } catch {
      if (attempt === REMOVE_ATTEMPTS) return;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, REMOVE_RETRY_MS);
    }
  }
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** A fresh folder under the system's temp folder, removed on a signal if still there. */
export async function makeScratch(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  sink.scratch(dir, true);
  return dir;
}

export async function removeScratch(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  sink.scratch(dir, false);
}

export interface RunOptions {
  timeoutMs: number;
  /** Most bytes of standard output kept; more kills the program. */
  maxBuffer?: number;
}

export interface RunResult {
  /** Exit code; null when killed (time limit, output limit, signal). */
  code: number | null;
  stdout: string;
  timedOut: boolean;
}

/**
 * Runs a program without network, detached in its own process group (LibreOffice forks soffice.bin, which must die
 * with it), killing the whole group at the time limit. Rejects only when the program cannot be started.
 */
export function runIsolated(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  const [launcher, ...prefix] = [...networkNamespace(), command];
  return new Promise((resolve, reject) => {
    const proc = spawn(launcher, [...prefix, ...args], {
      detached: true,
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, ...NO_PROXY_ENV, no_proxy: '', NO_PROXY: '' },
    });
    const pid = proc.pid;
    if (pid) sink.group(pid, true);
    const chunks: Buffer[] = [];
    let size = 0;
    let timedOut = false;
    let released = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (pid) killGroup(pid);
    }, options.timeoutMs);
    proc.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > (options.maxBuffer ?? 64 * 2 ** 20)) {
        if (pid) killGroup(pid);
      } else chunks.push(chunk);
    });
    const done = () => {
      clearTimeout(timer);
      if (pid && !released) {
        // Whatever the program left behind in its group (LibreOffice's soffice.bin) goes with it.
        released = true;
        killGroup(pid);
        sink.group(pid, false);
      }
    };
    proc.on('error', (e) => {
      done();
      reject(e);
    });
    proc.stdout.resume();
    // At exit the group goes, so that a descendant holding the output pipe open (soffice.bin) cannot delay close.
    proc.on('exit', done);
    proc.on('close', (code) => {
      done();
      resolve({ code, stdout: Buffer.concat(chunks).toString('utf8'), timedOut });
    });
  });
}
