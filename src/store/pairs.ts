/**
 * Cross-year findings kept current: when reports change, each one's pairs with the year before and the year after
 * are checked again. Which pairs exist is found without reading a report; only the reports of existing pairs are
 * read, in a few statements.
 */
import type { Kysely } from 'kysely';
import { checkPair } from '../checks/index.ts';
import type { Finding, Report } from '../report/types.ts';
import type { Database } from './schema.ts';
import { replaceFindings } from './write.ts';

interface Current {
  agency_id: number;
  year: number | null;
  version_id: number;
}

const CHUNK = 500;

export async function refreshPairs(db: Kysely<Database>, reportIds: readonly number[]): Promise<void> {
  for (let i = 0; i < reportIds.length; i += CHUNK) await refreshChunk(db, reportIds.slice(i, i + CHUNK));
}

async function refreshChunk(db: Kysely<Database>, reportIds: readonly number[]): Promise<void> {
  if (!reportIds.length) return;
  const reports = await db.selectFrom('report').select(['agency_id', 'year']).where('id', 'in', reportIds).execute();
  const touchedIds = new Set(reports.map((r) => `${r.agency_id}/${r.year}`));
  const touched = await currentOf(db, [...new Set(reports.map((r) => r.agency_id))]);
  const byYear = new Map(touched.map((c) => [`${c.agency_id}/${c.year}`, c]));
  // The current version of every touched year and of every year after a touched one: their pair may have changed.
  const pairs: { previous?: Current; current: Current }[] = [];
  for (const c of touched) {
    if (c.year === null) continue;
    const changed = touchedIds.has(`${c.agency_id}/${c.year}`) || touchedIds.has(`${c.agency_id}/${c.year - 1}`);
    if (changed) pairs.push({ previous: byYear.get(`${c.agency_id}/${c.year - 1}`), current: c });
  }
  const bodies = await bodiesOf(db, pairs.flatMap((p) => (p.previous ? [p.previous.version_id, p.current.version_id] : [])));
  const findings = new Map<number, Finding[]>(
    pairs.map((p) => [p.current.version_id, p.previous ? checkPair(bodies.get(p.previous.version_id)!, bodies.get(p.current.version_id)!) : []]),
  );
  await db.transaction().execute((tx) => replaceFindings(tx, 'pair', findings));
}

/** The current versions of these agencies' reports, every year. */
async function currentOf(db: Kysely<Database>, agencies: number[]): Promise<Current[]> {
  return db
    .selectFrom('report as r')
    .innerJoin('report_version as v', 'v.report_id', 'r.id')
    .select(['r.agency_id', 'r.year', 'v.id as version_id'])
    .where('v.is_current', '=', true)
    .where('r.agency_id', 'in', agencies)
    .execute();
}

async function bodiesOf(db: Kysely<Database>, versionIds: number[]): Promise<Map<number, Report>> {
  const bodies = new Map<number, Report>();
  for (let i = 0; i < versionIds.length; i += 100) {
    const rows = await db.selectFrom('report_version').select(['id', 'body']).where('id', 'in', versionIds.slice(i, i + 100)).execute();
    for (const row of rows) bodies.set(row.id, row.body);
  }
  return bodies;
}
