/**
 * A region's dashboard over 10,000 stored reports (PostgreSQL, or PGlite with --engine pglite): the store is filled
 * (bench/fill.ts), every city is put under one province (so it holds every report) and a third of the agencies into
 * one city (thousands of reports), then each question of the dashboard and the whole dashboard are timed (milliseconds, best and median
 * of 5), with the regions page's tree. --explain prints EXPLAIN ANALYZE of the slowest statement kinds.
 *
 *   node --import tsx bench/dashboard.ts [--reports 10000] [--seed-reports 300] [--engine postgres|pglite] [--explain]
 */
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { storeDashboard } from '../src/server/store-dashboard.ts';
import { regionSum, Store, type Database } from '../src/store/index.ts';
import { regionAgencies } from '../src/store/queries/region-agencies.ts';
import { regionTrend } from '../src/store/queries/region-trend.ts';
import { missingMembers, regionAgencyPage, subRegions } from '../src/store/queries/region-tree.ts';
import { regionForest } from '../src/store/web-queries.ts';
import { freshEngine } from '../test/support/store.ts';
import { fillStore } from './fill.ts';
import { time } from './timing.ts';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '10000' },
    'seed-reports': { type: 'string', default: '300' },
    engine: { type: 'string', default: 'postgres' },
    explain: { type: 'boolean', default: false },
  },
});
const engine = await freshEngine(values.engine === 'pglite' ? 'pglite' : 'postgres');
const store = await Store.open(engine.options);
try {
  const total = await fillStore(store, Number(values.reports), Number(values['seed-reports']));
  const { province, city } = await gather(store.db);
  await sql`vacuum analyze`.execute(store.db);
  console.log(`\ndashboard over ${total} stored reports on ${engine.name}; best / median of 5, ms`);
  await time('regions page tree (every region with its count)', () => regionForest(store.db));
  for (const region of [province, city]) {
    const n = (await regionTrend(store.db, region.id)).reduce((sum, t) => sum + t.reports, 0);
    const { year, members } = await regionSum(store.db, region.id);
    console.log(`${region.name}: ${n} reports of every year, ${members} of ${year}`);
    await time('  roll-up (regionSum)', () => regionSum(store.db, region.id, year));
    await time('  years (regionTrend)', () => regionTrend(store.db, region.id));
    await time('  members compared (5 rankings)', () => regionAgencies(store.db, region.id, year));
    await time('  sub-regions', () => subRegions(store.db, region.id, year));
    await time('  own agencies, first 100', () => regionAgencyPage(store.db, region.id, year, { limit: 100, offset: 0 }));
    await time('  missing members', () => missingMembers(store.db, region.id, year));
    await time('  whole dashboard', () => storeDashboard(store.db, region.id, year ?? undefined, { limit: 100, offset: 0 }));
  }
  if (values.explain) await explain(store.db, province.id);
} finally {
  await store.close();
  await engine.drop();
}

/** Every root region under a new province; a third of the agencies moved into the first city. */
async function gather(db: Kysely<Database>): Promise<{ province: { id: number; name: string }; city: { id: number; name: string } }> {
  const province = await db.insertInto('region').values({ name: '测试省', parent_id: null, kind: 'province' }).returning(['id', 'name']).executeTakeFirstOrThrow();
  await db.updateTable('region').set({ parent_id: province.id }).where('parent_id', 'is', null).where('id', '<>', province.id).execute();
  const city = await db.selectFrom('region').select(['id', 'name']).where('parent_id', '=', province.id).orderBy('id').executeTakeFirstOrThrow();
  await sql`update agency set region_id = ${city.id} where id % 3 = 0`.execute(db);
  return { province, city };
}

async function explain(db: Kysely<Database>, regionId: number): Promise<void> {
  const year = (await regionSum(db, regionId)).year;
  const tree = sql`with recursive tree(id) as (select id from region where id = ${regionId} union all select r.id from region r join tree t on t.id = r.parent_id)`;
  const statements = {
    rollup: sql`explain analyze ${tree}, member as (select v.id as version_id from report_version v join report r on r.id = v.report_id
      join agency a on a.id = r.agency_id where v.is_current and r.year = ${year} and a.region_id in (select id from tree))
      select c.key, sum(c.num::numeric)::float8, count(c.num), count(*) from member m join cell c on c.version_id = m.version_id group by c.key`,
    trend: regionTrendSql(regionId),
    missing: sql`explain analyze select a.name, (select max(l.year) from report l where l.agency_id = a.id) from agency a
      where a.region_id in (${tree} select id from tree) and not exists (select 1 from report r where r.agency_id = a.id and r.year = ${year})`,
  };
  for (const [name, statement] of Object.entries(statements)) {
    const { rows } = await statement.execute(db);
    console.log(`\nEXPLAIN ANALYZE ${name}\n${rows.map((r: any) => r['QUERY PLAN']).join('\n')}`);
  }
}

function regionTrendSql(regionId: number) {
  return sql`explain analyze with recursive tree(id) as (select id from region where id = ${regionId} union all select r.id from region r join tree t on t.id = r.parent_id),
    member as (select v.id as version_id, r.year from report_version v join report r on r.id = v.report_id join agency a on a.id = r.agency_id
      where v.is_current and a.region_id in (select id from tree))
    select m.year, c.key, sum(c.num::numeric)::float8 from member m join cell c on c.version_id = m.version_id
      and c.key in ('table3.new_received.6', 'table3.granted.6', 'table3.total_processed.6', 'table4.review.total', 'table4.review.corrected')
    group by m.year, c.key`;
}
