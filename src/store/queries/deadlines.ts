/**
 * Reports against the roster for one year: the agencies the store knows (declared by a roster or met in a report)
 * that have no report of the year, and the year's reports published after their level's deadline (the `late`
 * ranking, whose deadlines come from src/format/levels.ts). A report without a publication date is never late.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { rank, type Ranking } from './rank.ts';
import { C, regionPaths } from './scope.ts';
import { levelName, type Table } from './table.ts';

export interface MissingRow extends Record<string, string | null> {
  agency: string;
  region: string | null;
  level: string | null;
  parent: string | null;
}

/** Every agency without a report of the year, by name: its region (outermost place first), level and parent. */
export async function missingReports(db: Kysely<Database>, year: number): Promise<Table<MissingRow>> {
  const agencies = await db
    .selectFrom('agency as a')
    .select(['a.name', 'a.region_id', 'a.level', 'a.parent'])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('report as r').select('r.id').whereRef('r.agency_id', '=', 'a.id').where('r.year', '=', year))))
    .orderBy(sql`a.name ${C}`)
    .execute();
  const ids = [...new Set(agencies.flatMap((a) => (a.region_id === null ? [] : [a.region_id])))];
  const paths = new Map((await regionPaths(db, { ids })).map((r) => [r.id, r.path.join('')]));
  return {
    columns: [
      { key: 'agency', label: '机关' },
      { key: 'region', label: '地区' },
      { key: 'level', label: '级别' },
      { key: 'parent', label: '上级' },
    ],
    rows: agencies.map((a) => ({
      agency: a.name,
      region: a.region_id === null ? null : paths.get(a.region_id)!,
      level: levelName(a.level),
      parent: a.parent,
    })),
  };
}

/** The year's reports published after their deadline, latest first: days late, publication date and deadline. */
export function lateReports(db: Kysely<Database>, year: number): Promise<Ranking> {
  return rank(db, 'late', { year });
}
