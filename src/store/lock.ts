/**
 * One process owns an embedded data folder. PGlite has no cross-process locking, and two processes writing one
 * folder silently lose writes, so the folder holds a lock file naming its owner; a second process is refused with
 * a clear message, and a lock left by a dead process (kill -9) is taken over.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { StoreError } from './errors.ts';

const LOCK_FILE = 'xxgk.lock';

interface LockOwner {
  pid: number;
  host: string;
}

/** Takes the folder's lock or throws StoreError naming the owner; returns the release function. */
export function lockFolder(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname() } satisfies LockOwner));
      closeSync(fd);
      return releaser(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = ownerOf(path);
      if (owner && isAlive(owner)) throw inUse(dir, owner);
      unlinkSync(path); // the owner is gone: its lock is stale
    }
  }
  throw inUse(dir, ownerOf(path));
}

function releaser(path: string): () => void {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  };
  process.on('exit', release);
  return release;
}

function ownerOf(path: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
  } catch {
    return undefined; // being written, or garbage: treated as held
  }
}

/** Whether the owner still runs; a lock from another host cannot be checked and counts as held. */
function isAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  if (owner.pid === process.pid) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function inUse(dir: string, owner: LockOwner | undefined): StoreError {
  const who = owner ? `进程 ${owner.pid}（${owner.host}）` : '另一进程';
  const whoEn = owner ? `process ${owner.pid} on ${owner.host}` : 'another process';
  return new StoreError(
    'locked',
    `数据目录 ${dir} 正由${who}使用；请先关闭它，或改用 PostgreSQL（设置 DATABASE_URL）以多人共用`,
    `data folder ${dir} is in use by ${whoEn}; stop it first, or share a PostgreSQL server (DATABASE_URL)`,
  );
}
