/**
 * A region's members in a year side by side: each member report with its applications, share granted, 纠错率 of
 * reviews and suits, and findings, taken from the rankings (rank.ts) so a table and a ranking never disagree. A
 * member a ranking leaves out (no results to divide by, a blank total) has a blank there, not 0.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { rank, type Ranking, type RankingId } from './rank.ts';
import { regionMembers } from './region.ts';
import type { Column, Table, Value } from './table.ts';

/** The rankings a region's members are compared by. */
export const MEMBER_RANKINGS: readonly RankingId[] = ['applications', 'granted', 'review_corrected', 'litigation_corrected', 'findings'];

export interface RegionAgencies {
  /** Each of MEMBER_RANKINGS over the region's members, complete. */
  rankings: Ranking[];
  /** One row per member report: agency, region, level, report_id, a value per ranking, then errors and warnings. */
  table: Table;
}

export async function regionAgencies(db: Kysely<Database>, regionId: number, year: number | null): Promise<RegionAgencies> {
  const [members, ...rankings] = await Promise.all([
    regionMembers(db, { regionId, year }),
    ...MEMBER_RANKINGS.map((id) => rank(db, id, { region: regionId, year: year ?? undefined })),
  ]);
  const byReport = rankings.map((r) => new Map(r.rows.map((row) => [row.report_id, row])));
  const findings = byReport[MEMBER_RANKINGS.indexOf('findings')];
  const columns: Column[] = [
    ...members.columns.filter((c) => ['agency', 'level', 'region', 'report_id'].includes(c.key)),
    ...rankings.map((r): Column => ({ key: r.ranking.id, label: r.ranking.name, kind: r.ranking.share ? 'share' : 'number' })),
    { key: 'errors', label: '错误', kind: 'number' },
    { key: 'warnings', label: '警告', kind: 'number' },
  ];
  const rows = members.rows.map((m) => {
    const id = m.report_id as number;
    const values = Object.fromEntries(rankings.map((r, i) => [r.ranking.id, byReport[i].get(id)?.value ?? null]));
    const found = findings.get(id);
    return { agency: m.agency, level: m.level, region: m.region, report_id: id, ...values, errors: found?.numerator ?? 0, warnings: found?.denominator ?? 0 } as Record<string, Value>;
  });
  return { rankings, table: { columns, rows } };
}
