/**
 * Agencies and their names. A report names its agency as the agency wrote it that year (石嘴山市卫生健康委 one year,
 * 石嘴山市卫生健康委员会 the next; 洪泽区人民政府 or 淮安市洪泽区人民政府): each spelling becomes an alias of one agency.
 */
import type { Kysely, Transaction } from 'kysely';
import { agencyKey, extraPlaces, splitPlaces } from '../roster/index.ts';
import { ensureRegion } from './regions.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface AgencyIdentity {
  name: string;
  /** Other names the roster gives it. */
  aliases?: string[];
  /** Its region, outermost place first. */
  region: string[];
  level: string | null;
  levelSource: 'inferred' | 'declared' | null;
}

/** The agency's id: found by any of its names (or the same name with fewer or more leading places), else created. */
export async function resolveAgency(db: Db, identity: AgencyIdentity): Promise<number> {
  const names = [identity.name, ...(identity.aliases ?? [])];
  const id = (await byAlias(db, names)) ?? (await byCore(db, identity.name)) ?? (await create(db, identity));
  await addAliases(db, id, names);
  await update(db, id, identity);
  return id;
}

async function byAlias(db: Db, names: string[]): Promise<number | undefined> {
  const row = await db
    .selectFrom('agency_alias')
    .select('agency_id')
    .where('key', 'in', names.map(agencyKey))
    .executeTakeFirst();
  return row?.agency_id;
}

/** An agency whose name differs only by leading places: 洪泽区人民政府 is 淮安市洪泽区人民政府, not 金湖县人民政府. */
async function byCore(db: Db, name: string): Promise<number | undefined> {
  const split = splitPlaces(agencyKey(name));
  if (!split.places.length) return undefined;
  const candidates = await db.selectFrom('agency').select(['id', 'key']).where('core', '=', split.rest).execute();
  const same = candidates.filter((c) => extraPlaces(split, splitPlaces(c.key)) !== undefined);
  return same.length === 1 ? same[0].id : undefined; // two candidates: ambiguous, keep apart
}

async function create(db: Db, identity: AgencyIdentity): Promise<number> {
  const key = agencyKey(identity.name);
  const { id } = await db
    .insertInto('agency')
    .values({
      name: identity.name,
      key,
      core: splitPlaces(key).rest,
      region_id: await ensureRegion(db, identity.region),
      level: identity.level,
      level_source: identity.levelSource,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function addAliases(db: Db, agencyId: number, names: string[]): Promise<void> {
  const rows = [...new Map(names.map((name) => [agencyKey(name), name])).entries()].map(([key, name]) => ({ key, name, agency_id: agencyId }));
  await db.insertInto('agency_alias').values(rows).onConflict((oc) => oc.column('key').doNothing()).execute();
}

/** A declared level wins over an inferred one; a longer region chain (more is known) replaces a shorter one. */
async function update(db: Db, id: number, identity: AgencyIdentity): Promise<void> {
  const agency = await db.selectFrom('agency').select(['level', 'level_source', 'region_id']).where('id', '=', id).executeTakeFirstOrThrow();
  const set: { level?: string | null; level_source?: string | null; region_id?: number | null } = {};
  if (identity.level && (identity.levelSource === 'declared' || agency.level_source !== 'declared') && identity.level !== agency.level) {
    set.level = identity.level;
    set.level_source = identity.levelSource;
  }
  if (identity.region.length) {
    const region = await ensureRegion(db, identity.region);
    if (region !== agency.region_id && (agency.region_id === null || (await depth(db, region)) > (await depth(db, agency.region_id)))) {
      set.region_id = region;
    }
  }
  if (Object.keys(set).length) await db.updateTable('agency').set(set).where('id', '=', id).execute();
}

async function depth(db: Db, region: number | null): Promise<number> {
  let n = 0;
  for (let id = region; id !== null; n++) {
    id = (await db.selectFrom('region').select('parent_id').where('id', '=', id).executeTakeFirstOrThrow()).parent_id;
  }
  return n;
}
