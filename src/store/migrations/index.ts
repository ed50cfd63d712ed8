/**
 * Versioned migrations, applied in name order when a store is opened. A released migration is never edited: a
 * change to the schema is a new file here. Branches add migrations side by side, so a store may have run a later
 * name (0004) before an earlier one (0003) is merged: the missing one then runs too, instead of the store refusing.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { StoreError } from '../errors.ts';
import * as initial from './0001-initial.ts';
import * as queryIndexes from './0002-query-indexes.ts';
import * as ledger from './0003-ledger.ts';
import * as agencyParent from './0004-agency-parent.ts';
import * as webIndexes from './0005-web-indexes.ts';
import * as ledgerTable2 from './0006-ledger-table2.ts';

const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-query-indexes': queryIndexes,
  '0003-ledger': ledger,
  '0004-agency-parent': agencyParent,
  '0005-web-indexes': webIndexes,
  '0006-ledger-table2': ledgerTable2,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrate(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider, allowUnorderedMigrations: true }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    const detail = error instanceof Error ? error.message : String(error);
    throw new StoreError('migrate', `数据库升级失败（${failed}）：${detail}`, `migration ${failed} failed: ${detail}`);
  }
}
