/** A region's dashboard from the store's questions (src/store/queries), shaped as the page's model. */
import type { Kysely } from 'kysely';
import { MEASURES } from '../format/measures.ts';
import type { Database } from '../store/index.ts';
import { regionAgencies } from '../store/queries/region-agencies.ts';
import { regionSum, regionYear, yearFormat } from '../store/queries/region.ts';
import { regionTrend } from '../store/queries/region-trend.ts';
import { missingMembers, regionAgencyPage, subRegions } from '../store/queries/region-tree.ts';
import type { MemberRow, RegionDashboard } from '../web/model.ts';

/** How many of each ranking the dashboard shows (the CSV and JSON have every member). */
const TOP = 10;

export async function storeDashboard(
  db: Kysely<Database>,
  id: number,
  year: number | undefined,
  page: { limit: number; offset: number },
): Promise<RegionDashboard | undefined> {
  const region = await db.selectFrom('region').select(['id', 'kind']).where('id', '=', id).executeTakeFirst();
  if (!region) return undefined;
  const shown = (await regionYear(db, id, year)).year;
  // Independent questions: a server runs them on several connections at once (PGlite takes them in turn).
  const [sum, { rankings, table }, trend, missing, children, agencies] = await Promise.all([
    regionSum(db, id, shown),
    regionAgencies(db, id, shown),
    regionTrend(db, id),
    missingMembers(db, id, shown),
    subRegions(db, id, shown),
    regionAgencyPage(db, id, shown, page),
  ]);
  return {
    region: { id, name: sum.region.name, path: sum.region.path, kind: region.kind },
    year: shown,
    years: trend.map((t) => t.year),
    format: yearFormat(shown),
    reports: sum.members,
    missing,
    rollup: sum.rows.map((r) => ({ key: r.key as string, label: r.label as string, sum: r.sum as number | null, filled: r.filled as number, reported: r.reported as number })),
    trend,
    measures: MEASURES.map((m) => ({ id: m.id, name: m.name, counts: m.counts, base: m.base ?? null })),
    members: table.rows.map(
      (r): MemberRow => ({
        reportId: r.report_id as number,
        agency: r.agency as string,
        region: r.region as string | null,
        level: r.level as string | null,
        values: Object.fromEntries(rankings.map((k) => [k.ranking.id, r[k.ranking.id] as number | null])),
        errors: r.errors as number,
        warnings: r.warnings as number,
      }),
    ),
    rankings: rankings.map((k) => ({
      id: k.ranking.id,
      name: k.ranking.name,
      share: k.ranking.share,
      rows: k.rows.slice(0, TOP).map((r) => ({ rank: r.rank, agency: r.agency, reportId: r.report_id, value: r.value })),
    })),
    children,
    agencies: { ...agencies, ...page },
  };
}
