/** Where the commands that keep data find it: a PostgreSQL URL (--database-url or DATABASE_URL), else a folder. */
import type { Command } from 'commander';
import { DEFAULT_DIR, Store, StoreError, type EngineOptions } from '../store/index.ts';
import { inline, warn } from './output.ts';

export interface StoreCliOptions {
  data?: string;
  databaseUrl?: string;
}

export function addStoreOptions(command: Command): Command {
  return command
    .option('--data <目录>', `内置数据库的数据目录（默认 ./${DEFAULT_DIR}，或环境变量 XXGK_DATA）`)
    .option('--database-url <URL>', '使用 PostgreSQL 服务器（默认取环境变量 DATABASE_URL），供多人或多台机器共用');
}

export function engineOptions(opts: StoreCliOptions): EngineOptions {
  const url = opts.databaseUrl ?? process.env.DATABASE_URL;
  return url ? { url } : { dir: opts.data ?? process.env.XXGK_DATA ?? DEFAULT_DIR };
}

/** Opens the store, or ends the command with the store's one-line reason (exit 2). */
export async function openStore(opts: StoreCliOptions): Promise<Store> {
  try {
    return await Store.open(engineOptions(opts));
  } catch (e) {
    if (!(e instanceof StoreError)) throw e;
    warn(`xxgk: ${inline(e.message)}`);
    process.exit(2);
  }
}

/** Runs `use` on the store's database, then closes it; a StoreError (an unknown agency …) ends with its reason (exit 2). */
export async function withStore<T>(opts: StoreCliOptions, use: (db: Store['db']) => Promise<T>): Promise<T | undefined> {
  const store = await openStore(opts);
  try {
    return await use(store.db);
  } catch (e) {
    if (!(e instanceof StoreError)) throw e;
    warn(`xxgk: ${inline(e.message)}`);
    process.exitCode = 2;
    return undefined;
  } finally {
    await store.close();
  }
}
