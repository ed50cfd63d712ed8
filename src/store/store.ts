/**
 * A store: one database (embedded or server) with its schema brought up to date on open. Reports are written here;
 * the questions asked of them live in queries/.
 */
import type { Kysely } from 'kysely';
import { checkReport } from '../checks/index.ts';
import { UnreadableError } from '../document/errors.ts';
import type { Outcome } from '../pipeline/index.ts';
import { readFileLimited } from '../readers/source.ts';
import { syncCellDefs } from './cell-defs.ts';
import { retryOnConflict } from './conflict.ts';
import { openEngine, type EngineName, type EngineOptions } from './engine.ts';
import { identityOf, type IdentityOverrides } from './identity.ts';
import { migrate } from './migrations/index.ts';
import { refreshPairs } from './pairs.ts';
import type { Database, ReviewState } from './schema.ts';
import { replaceFindings, sha256, writeBatch, WriteCache, type ImportEvent, type WriteItem } from './write.ts';

export class Store {
  /** Agencies and regions resolved by this process (never deleted, so an id stays valid). */
  private readonly cache = new WriteCache();

  private constructor(
    readonly db: Kysely<Database>,
    readonly engine: EngineName,
    /** The data folder or the redacted URL. */
    readonly where: string,
    private readonly closeEngine: () => Promise<void>,
  ) {}

  /** Opens the engine (`url`, else the embedded folder), applies pending migrations and the format's cell list. */
  static async open(options: EngineOptions = {}): Promise<Store> {
    const engine = await openEngine(options);
    try {
      await migrate(engine.db as Kysely<unknown>);
      await syncCellDefs(engine.db);
    } catch (e) {
      await engine.close();
      throw e;
    }
    return new Store(engine.db, engine.name, engine.where, engine.close);
  }

  async close(): Promise<void> {
    await this.closeEngine();
  }

  /** Writes one read and checked outcome with the bytes of its file, in one transaction. */
  async write(outcome: Outcome, overrides: IdentityOverrides = {}): Promise<ImportEvent> {
    return (await this.writeMany([outcome], overrides))[0];
  }

  /**
   * Writes outcomes with their files' bytes in one transaction: all of them or none. `files` gives each one's bytes
   * (an upload, a queued blob) or the path to read them from; by default the outcome's path.
   */
  async writeMany(outcomes: readonly Outcome[], overrides: IdentityOverrides = {}, files?: readonly (Uint8Array | string)[]): Promise<ImportEvent[]> {
    const events: (ImportEvent | undefined)[] = [];
    const items: WriteItem[] = [];
    for (const [n, outcome] of outcomes.entries()) {
      const file = files?.[n] ?? outcome.path;
      const read = typeof file === 'string' ? await fileBytes(file) : file;
      if ('error' in read) events[n] = { path: outcome.path, status: 'unreadable', error: read.error };
      else items.push({ file: { sha256: sha256(read), bytes: read }, outcome, identity: identityFor(outcome, overrides) });
    }
    // Another writer creating the same agency or region makes a try fail; each try starts from what is committed.
    const { results, pending } = await retryOnConflict(async () => {
      const pending = this.cache.fork();
      return { results: await this.db.transaction().execute((tx) => writeBatch(tx, items, pending)), pending };
    });
    this.cache.adopt(pending); // committed: what it created exists now
    let next = 0;
    return outcomes.map((outcome, n) => events[n] ?? eventOf(outcome, results[next++]));
  }

  /** Runs the report rules again on a report's current version (after a rule changed); reviews stay with their findings. */
  async recheck(reportId: number): Promise<void> {
    const version = await this.db
      .selectFrom('report_version')
      .select(['id', 'body'])
      .where('report_id', '=', reportId)
      .where('is_current', '=', true)
      .executeTakeFirstOrThrow();
    const checked = checkReport(version.body);
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('report_version').set({ body: JSON.stringify(checked) as never }).where('id', '=', version.id).execute();
      await replaceFindings(tx, 'report', new Map([[version.id, checked.findings]]));
    });
    await refreshPairs(this.db, [reportId]);
  }

  /** Sets a finding's review state (by its fingerprint, so it holds for every version with the same finding). */
  async review(reportId: number, fingerprint: string, state: ReviewState, reviewer: string | null, comment: string | null): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('review')
        .values({ report_id: reportId, fingerprint, state, reviewer, comment })
        .onConflict((oc) => oc.columns(['report_id', 'fingerprint']).doUpdateSet({ state, reviewer, comment, at: new Date() }))
        .execute();
      await tx.insertInto('review_log').values({ report_id: reportId, fingerprint, state, reviewer, comment }).execute();
    });
  }
}

function identityFor(outcome: Outcome, overrides: IdentityOverrides): WriteItem['identity'] {
  return 'report' in outcome ? identityOf(outcome, overrides) : { name: '', region: [], level: null, levelSource: null, year: null };
}

async function fileBytes(path: string): Promise<Uint8Array | { error: NonNullable<ImportEvent['error']> }> {
  try {
    return await readFileLimited(path);
  } catch (e) {
    const error = e instanceof UnreadableError ? e : new UnreadableError('unreadable', String(e), String(e));
    return { error: { code: error.code, message: error.zh, message_en: error.en } };
  }
}

function eventOf(outcome: Outcome, result: { status: ImportEvent['status']; reportId?: number }): ImportEvent {
  const event: ImportEvent = { path: outcome.path, status: result.status, reportId: result.reportId };
  if ('error' in outcome) event.error = outcome.error.error;
  else if (result.status !== 'unchanged') event.findings = countBySeverity(outcome.report.findings);
  return event;
}

function countBySeverity(findings: { severity: string }[]) {
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  return { error: count('error'), warning: count('warning'), info: count('info') };
}
