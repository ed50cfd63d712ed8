/**
 * A store filled with many generated reports, cheaply: the first ones are generated, read, checked and written by
 * the store's batched import (importFiles), then the store is grown in SQL by copying reports (agency, report,
 * current versions, cells and findings) under new agency names until it holds the number wanted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { expandInputs } from '../src/pipeline/index.ts';
import { importFiles, type Database, type Store } from '../src/store/index.ts';
import { writeGenerated } from '../test/support/store.ts';

type Db = Kysely<Database>;

/** Imports min(reports, seedReports) generated reports, then copies until the store holds `reports`. */
export async function fillStore(store: Store, reports: number, seedReports = 1000): Promise<number> {
  const work = mkdtempSync(join(tmpdir(), 'xxgk-bench-fill-'));
  try {
    const corpus = writeGenerated(join(work, 'reports'), Math.min(reports, seedReports));
    for await (const _ of importFiles(store, await expandInputs([corpus]))) void _;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  let total = await countReports(store.db);
  for (let round = 1; total < reports; round++) total = await copyReports(store.db, round, reports - total);
  await sql`vacuum analyze`.execute(store.db);
  return total;
}

export async function countReports(db: Db): Promise<number> {
  return Number((await sql<{ n: string }>`select count(*) as n from report`.execute(db)).rows[0].n);
}

/**
 * Copies the first `limit` reports (by id; all when absent) with their agencies, current versions, cells and
 * findings, under the name and hash suffix "#round"; the store's report count after.
 */
export async function copyReports(db: Db, round: number, limit?: number): Promise<number> {
  const tag = `#${round}`;
  await db.transaction().execute(async (tx) => {
    const run = (q: ReturnType<typeof sql>) => q.execute(tx);
    const last = limit === undefined ? null : (await sql<{ id: number }>`select id from report order by id offset ${limit - 1} limit 1`.execute(tx)).rows[0]?.id ?? null;
    const chosen = sql`(${last}::int is null or r.id <= ${last}::int)`;
    await run(sql`insert into agency (name, key, core, region_id, level, level_source)
      select name || ${tag}, key || ${tag}, core, region_id, level, level_source from agency
      where id in (select r.agency_id from report r where ${chosen})`);
    await run(sql`insert into report (agency_id, year)
      select n.id, r.year from report r join agency o on o.id = r.agency_id join agency n on n.key = o.key || ${tag} where ${chosen}`);
    await run(sql`insert into blob (sha256, size, bytes)
      select b.sha256 || ${tag}, b.size, '' from blob b join report_version v on v.sha256 = b.sha256 join report r on r.id = v.report_id
      where ${chosen}`);
    await run(sql`insert into report_version (report_id, version, sha256, path, format_version, published, title, is_current, body, search)
      select nr.id, v.version, v.sha256 || ${tag}, v.path, v.format_version, v.published, v.title, v.is_current, v.body, v.search
      from report_version v join report r on r.id = v.report_id join agency o on o.id = r.agency_id
      join agency n on n.key = o.key || ${tag} join report nr on nr.agency_id = n.id and nr.year is not distinct from r.year
      where ${chosen}`);
    await run(sql`insert into cell (version_id, key, num, mark, status, place)
      select nv.id, c.key, c.num, c.mark, c.status, c.place from cell c join report_version v on v.id = c.version_id
      join report_version nv on nv.sha256 = v.sha256 || ${tag}`);
    await run(sql`insert into finding (version_id, scope, seq, rule, severity, origin, message, fingerprint, detail)
      select nv.id, f.scope, f.seq, f.rule, f.severity, f.origin, f.message, f.fingerprint, f.detail from finding f
      join report_version v on v.id = f.version_id join report_version nv on nv.sha256 = v.sha256 || ${tag}`);
  });
  return countReports(db);
}
