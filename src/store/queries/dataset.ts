/** A region's corpus as a dataset: the current Report JSON of every report in it, read in batches by version id. */
import type { Kysely } from 'kysely';
import type { Report } from '../../report/types.ts';
import type { Database } from '../schema.ts';
import { regionRef } from './region.ts';
import { withMembers } from './scope.ts';

export interface DatasetOptions {
  /** A region (text or id) with the regions under it; everywhere when absent. */
  region?: string | number;
  year?: number;
}

const BATCH = 500;

/**
 * The current version of every report in the scope, in the order they were stored; memory stays flat (one batch).
 *
 * @example
 *   for await (const report of dataset(store.db, { region: '淮安市' })) process.stdout.write(`${JSON.stringify(report)}\n`);
 */
export async function* dataset(db: Kysely<Database>, options: DatasetOptions = {}): AsyncGenerator<Report> {
  const regionId = options.region === undefined ? undefined : (await regionRef(db, options.region)).id;
  for (let after = 0; ; ) {
    const rows = await withMembers(db, { regionId, year: options.year })
      .selectFrom('member as m')
      .innerJoin('report_version as v', 'v.id', 'm.version_id')
      .select(['v.id', 'v.body'])
      .where('v.id', '>', after)
      .orderBy('v.id')
      .limit(BATCH)
      .execute();
    for (const row of rows) yield row.body;
    if (rows.length < BATCH) return;
    after = rows.at(-1)!.id;
  }
}
