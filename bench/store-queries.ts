/**
 * Questions over 100,000+ stored reports on PostgreSQL: generated reports are imported, then the store is doubled
 * in place (agencies, reports, versions, cells and findings copied under new names) until it holds at least
 * --reports, analysed, and the region roll-up and the rankings are timed (milliseconds, best and median of 5).
 *
 *   node --import tsx bench/store-queries.ts [--seed-reports 1000] [--reports 100000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { expandInputs } from '../src/pipeline/index.ts';
import { importFiles, rank, regionSum, Store, type Database } from '../src/store/index.ts';
import { freshEngine, writeGenerated } from '../test/support/store.ts';

const { values } = parseArgs({ options: { 'seed-reports': { type: 'string', default: '1000' }, reports: { type: 'string', default: '100000' } } });
const work = mkdtempSync(join(tmpdir(), 'xxgk-bench-queries-'));
const engine = await freshEngine('postgres');
const store = await Store.open(engine.options);
try {
  const corpus = writeGenerated(join(work, 'reports'), Number(values['seed-reports']));
  for await (const _ of importFiles(store, await expandInputs([corpus]))) void _;
  let total = await count(store.db);
  for (let round = 1; total < Number(values.reports); round++) total = await double(store.db, round);
  await sql`vacuum analyze`.execute(store.db);
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
  rmSync(work, { recursive: true, force: true });
}

async function count(db: Kysely<Database>): Promise<number> {
  return Number((await sql<{ n: string }>`select count(*) as n from report`.execute(db)).rows[0].n);
}

/** Copies every agency with its reports, current versions, cells and findings under the name suffix "#round". */
async function double(db: Kysely<Database>, round: number): Promise<number> {
  const tag = `#${round}`;
  await db.transaction().execute(async (tx) => {
    const run = (q: ReturnType<typeof sql>) => q.execute(tx);
    await run(sql`insert into agency (name, key, core, region_id, level, level_source)
      select name || ${tag}, key || ${tag}, core, region_id, level, level_source from agency`);
    await run(sql`insert into report (agency_id, year)
      select n.id, r.year from report r join agency o on o.id = r.agency_id join agency n on n.key = o.key || ${tag}`);
    await run(sql`insert into blob (sha256, size, bytes) select sha256 || ${tag}, size, '' from blob`);
    await run(sql`insert into report_version (report_id, version, sha256, path, format_version, published, title, is_current, body, search)
      select nr.id, v.version, v.sha256 || ${tag}, v.path, v.format_version, v.published, v.title, v.is_current, v.body, v.search
      from report_version v join report r on r.id = v.report_id join agency o on o.id = r.agency_id
      join agency n on n.key = o.key || ${tag} join report nr on nr.agency_id = n.id and nr.year is not distinct from r.year`);
    await run(sql`insert into cell (version_id, key, num, mark, status, place)
      select nv.id, c.key, c.num, c.mark, c.status, c.place from cell c join report_version v on v.id = c.version_id
      join report_version nv on nv.sha256 = v.sha256 || ${tag}`);
    await run(sql`insert into finding (version_id, scope, seq, rule, severity, origin, message, fingerprint, detail)
      select nv.id, f.scope, f.seq, f.rule, f.severity, f.origin, f.message, f.fingerprint, f.detail from finding f
      join report_version v on v.id = f.version_id join report_version nv on nv.sha256 = v.sha256 || ${tag}`);
  });
  return count(db);
}

async function time(label: string, run: () => Promise<unknown>): Promise<void> {
  const ms: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await run();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  console.log(`  ${label}: ${ms[0].toFixed(0)} / ${ms[2].toFixed(0)}`);
}
