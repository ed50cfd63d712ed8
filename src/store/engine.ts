/**
 * The two engines behind one Kysely query layer: embedded PGlite (PostgreSQL in WASM, data in a folder, no setup)
 * by default, a PostgreSQL server when a URL is given. The same SQL runs on both.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import type { PGlite } from '@electric-sql/pglite';
import type { Database } from './schema.ts';
import { StoreError } from './errors.ts';
import { lockFolder } from './lock.ts';

export type EngineName = 'pglite' | 'postgres';

export interface EngineOptions {
  /** A PostgreSQL URL (postgres://…); when absent, the embedded engine in `dir`. */
  url?: string;
  /** The embedded engine's data folder (default ./xxgk-data). */
  dir?: string;
}

export interface Engine {
  name: EngineName;
  db: Kysely<Database>;
  /** Where the data is: the folder, or the URL without its password. */
  where: string;
  close(): Promise<void>;
}

export const DEFAULT_DIR = 'xxgk-data';

export async function openEngine(options: EngineOptions = {}): Promise<Engine> {
  return options.url ? openPostgres(options.url) : openPglite(resolve(options.dir ?? DEFAULT_DIR));
}

async function openPostgres(url: string): Promise<Engine> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  try {
    (await pool.connect()).release();
  } catch (e) {
    await pool.end();
    const detail = (e as Error).message;
    throw new StoreError('connect', `无法连接数据库 ${redact(url)}：${detail}`, `cannot connect to ${redact(url)}: ${detail}`);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { name: 'postgres', db, where: redact(url), close: () => db.destroy() };
}

async function openPglite(dir: string): Promise<Engine> {
  mkdirSync(dir, { recursive: true });
  const release = lockFolder(dir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const pglite = await PGlite.create({ dataDir: dir });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pgliteShim(pglite) }) });
    const close = async () => {
      await db.destroy();
      release();
    };
    return { name: 'pglite', db, where: dir, close };
  } catch (e) {
    release();
    throw e;
  }
}

/**
 * PGlite as the `pg` pool Kysely's PostgresDialect expects. PGlite is one connection, so a connection is held by one
 * caller at a time (a transaction must not interleave with another caller's statements).
 */
function pgliteShim(pglite: PGlite): PostgresPool {
  let queue: Promise<void> = Promise.resolve();
  const query = async (text: string, params: readonly unknown[] = []) => {
    const result = await pglite.query<Record<string, unknown>>(text, [...params]);
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length, command: commandOf(text) };
  };
  return {
    async connect() {
      let free!: () => void;
      const held = new Promise<void>((r) => (free = r));
      const turn = queue;
      queue = queue.then(() => held);
      await turn;
      return { query, release: free } as unknown as PostgresPoolClient;
    },
    async end() {
      await queue;
      await pglite.close();
    },
  };
}

function commandOf(text: string): string {
  return /^\s*(\w+)/.exec(text)?.[1].toUpperCase() ?? '';
}

/** A URL without its password, for messages and logs. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
