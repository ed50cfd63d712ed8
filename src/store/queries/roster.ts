/**
 * The roster in and out of the store, in the CSV src/roster reads (机关, 别名, 地区, 级别, 上级): importing declares
 * agencies with their region, level and other names before (or after) their reports arrive; exporting writes what
 * the store knows, ready to be corrected and imported again.
 */
import { sql, type Kysely } from 'kysely';
import { agencyKey, parseRoster, type RosterRow } from '../../roster/index.ts';
import { resolveAgencies } from '../agencies.ts';
import { placesIn, regionChain, RegionCache, regionKind } from '../regions.ts';
import type { Database } from '../schema.ts';
import { C, regionPaths } from './scope.ts';
import { levelName, type Table } from './table.ts';

/**
 * Declares every agency of a roster file's text, in one transaction; returns how many entries it had. The roster's
 * level is declared (it overrides a level inferred from a name) and so is its parent; a blank cell declares nothing
 * and leaves what the store knows. A file with a faulty row is a RosterError listing every such row, and writes nothing.
 */
export async function importRoster(db: Kysely<Database>, text: string): Promise<number> {
  const { entries } = parseRoster(text);
  const identities = entries.map((entry) => ({
    name: entry.agency,
    aliases: entry.aliases,
    region: regionChain(entry.agency, placesIn(entry.region), entry.level === 'township'),
    level: entry.level,
    levelSource: entry.level ? ('declared' as const) : null,
  }));
  await db.transaction().execute(async (tx) => {
    const ids = await resolveAgencies(tx, identities, new RegionCache());
    // Two rows naming one agency (with and without its city): the later row's parent, as a later import would.
    const parents = new Map(entries.flatMap((e, n) => (e.parent ? [[ids[n], e.parent] as const] : [])));
    if (!parents.size) return;
    await sql`update agency set parent = v.parent
      from unnest(${[...parents.keys()]}::int[], ${[...parents.values()]}::text[]) as v(id, parent)
      where agency.id = v.id`.execute(tx);
  });
  return entries.length;
}

/** Every agency with its other names, its region (outermost place first), level and parent, by name; headers parseRoster reads. */
export async function exportRoster(db: Kysely<Database>): Promise<Table<RosterRow>> {
  const agencies = await db.selectFrom('agency').select(['id', 'name', 'region_id', 'level', 'parent']).orderBy(sql`name ${C}`).execute();
  const aliases = await db.selectFrom('agency_alias').select(['agency_id', 'key', 'name']).orderBy(sql`name ${C}`).execute();
  const regionIds = [...new Set(agencies.flatMap((a) => (a.region_id === null ? [] : [a.region_id])))];
  const paths = new Map((await regionPaths(db, { ids: regionIds })).map((r) => [r.id, r.path]));
  const rows = agencies.map((a) => ({
    agency: a.name,
    aliases: aliases.filter((x) => x.agency_id === a.id && x.key !== agencyKey(a.name)).map((x) => x.name).join(';'),
    region: a.region_id === null ? '' : regionText(a.name, paths.get(a.region_id)!),
    level: levelName(a.level) ?? '',
    parent: a.parent ?? '',
  }));
  return {
    columns: [
      { key: 'agency', label: '机关' },
      { key: 'aliases', label: '别名' },
      { key: 'region', label: '地区' },
      { key: 'level', label: '级别' },
      { key: 'parent', label: '上级' },
    ],
    rows,
  };
}

/** Where an agency is, as a roster says it: a township's own office is in its county (the township comes from its name). */
function regionText(agency: string, path: string[]): string {
  const last = path.at(-1)!;
  const own = regionKind(last, undefined) === 'township' && agency.includes(last);
  return (own ? path.slice(0, -1) : path).join('');
}
