/**
 * Questions over 100,000 stored reports on PostgreSQL: generated reports are imported, then copied in place
 * (bench/fill.ts: agencies, reports, versions, cells and findings under new names) until the store holds --reports,
 * analysed, and the region roll-up and the rankings are timed (milliseconds, best and median of 5).
 *
 *   node --import tsx bench/store-queries.ts [--seed-reports 1000] [--reports 100000]
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { rank, regionSum, Store } from '../src/store/index.ts';
import { freshEngine } from '../test/support/store.ts';
import { fillStore } from './fill.ts';
import { time } from './timing.ts';

const { values } = parseArgs({ options: { 'seed-reports': { type: 'string', default: '1000' }, reports: { type: 'string', default: '100000' } } });
const engine = await freshEngine('postgres');
const store = await Store.open(engine.options);
try {
  const total = await fillStore(store, Number(values.reports), Number(values['seed-reports']));
  const cells = (await sql<{ n: string }>`select count(*) as n from cell`.execute(store.db)).rows[0].n;
  console.log(`\nqueries over ${total} stored reports (${cells} cells) on PostgreSQL; best / median of 5, ms`);
  const { rows } = await sql<{ name: string; year: number; n: string }>`
    select g.name, r.year, count(*) as n from report r join agency a on a.id = r.agency_id join region g on g.id = a.region_id
    where g.parent_id is null group by g.name, r.year order by n desc limit 1`.execute(store.db);
  const [city] = rows;
  const year = city.year;
  await time(`region roll-up: ${city.name} ${year} (${city.n} reports, every cell summed)`, () => regionSum(store.db, city.name, year));
  for (const id of ['applications', 'granted', 'litigation_corrected', 'findings', 'late'] as const) {
    await time(`ranking ${id}, ${year}, every region`, () => rank(store.db, id, { year }));
  }
} finally {
  await store.close();
  await engine.drop();
}
