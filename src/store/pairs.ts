/** Cross-year findings kept current: when a report changes, its pairs with the years before and after are checked again. */
import type { Kysely } from 'kysely';
import { checkPair } from '../checks/index.ts';
import type { Report } from '../report/types.ts';
import type { Database } from './schema.ts';
import { writeFindings } from './write.ts';

interface Current {
  versionId: number;
  body: Report;
}

export async function refreshPairs(db: Kysely<Database>, reportIds: readonly number[]): Promise<void> {
  const done = new Set<string>();
  for (const reportId of reportIds) {
    const report = await db.selectFrom('report').select(['agency_id', 'year']).where('id', '=', reportId).executeTakeFirst();
    if (!report || report.year === null) continue;
    for (const year of [report.year, report.year + 1]) {
      const key = `${report.agency_id}/${year}`;
      if (done.has(key)) continue;
      done.add(key);
      await refreshPair(db, report.agency_id, year);
    }
  }
}

/** The findings of `year` against `year − 1` of one agency, replacing the ones before. */
async function refreshPair(db: Kysely<Database>, agencyId: number, year: number): Promise<void> {
  const current = await currentVersion(db, agencyId, year);
  if (!current) return;
  const previous = await currentVersion(db, agencyId, year - 1);
  const findings = previous ? checkPair(previous.body, current.body) : [];
  await db.transaction().execute((tx) => writeFindings(tx, current.versionId, 'pair', findings));
}

async function currentVersion(db: Kysely<Database>, agencyId: number, year: number): Promise<Current | undefined> {
  const row = await db
    .selectFrom('report_version as v')
    .innerJoin('report as r', 'r.id', 'v.report_id')
    .select(['v.id', 'v.body'])
    .where('r.agency_id', '=', agencyId)
    .where('r.year', '=', year)
    .where('v.is_current', '=', true)
    .executeTakeFirst();
  return row && { versionId: row.id, body: row.body };
}
