/**
 * Agencies and their names. A report names its agency as the agency wrote it that year (石嘴山市卫生健康委 one year,
 * 石嘴山市卫生健康委员会 the next; 洪泽区人民政府 or 淮安市洪泽区人民政府): each spelling becomes an alias of one agency.
 * A batch of identities is resolved with a few statements, whatever its size.
 */
import type { Transaction } from 'kysely';
import { agencyKey, extraPlaces, splitPlaces, type SplitName } from '../roster/index.ts';
import { RegionCache } from './regions.ts';
import type { Database } from './schema.ts';

type Tx = Transaction<Database>;

export interface AgencyIdentity {
  name: string;
  /** Other names the roster gives it. */
  aliases?: string[];
  /** Its region, outermost place first. */
  region: string[];
  level: string | null;
  levelSource: 'inferred' | 'declared' | null;
}

interface AgencyRow {
  id: number;
  key: string;
  level: string | null;
  level_source: string | null;
  region_id: number | null;
}

/** The agencies' ids, in order: found by any of their names (or the same name with other leading places), else created. */
export async function resolveAgencies(tx: Tx, identities: readonly AgencyIdentity[], regions: RegionCache): Promise<number[]> {
  const found = await byAlias(tx, identities.flatMap(namesOf).map(agencyKey));
  const cores = await byCore(tx, identities.map((i) => i.name));
  // Each identity resolves to a stored agency or to one created in this batch (which may serve several spellings).
  const created: { key: string; split: SplitName; identity: AgencyIdentity }[] = [];
  const targets = identities.map((identity) => {
    const stored = namesOf(identity).map((n) => found.get(agencyKey(n))).find(Boolean) ?? sameAgency(identity.name, cores);
    if (stored) return stored;
    const keys = new Set(namesOf(identity).map(agencyKey));
    const split = splitPlaces(agencyKey(identity.name));
    const pending = created.find((c) => keys.has(c.key) || (split.places.length && extraPlaces(split, c.split) !== undefined));
    if (pending) return pending;
    created.push({ key: agencyKey(identity.name), split, identity });
    return created.at(-1)!;
  });
  const regionIds = await regions.idsOf(tx, created.map((c) => c.identity.region));
  const createdIds = await insertAgencies(tx, created.map((c, n) => ({ ...c, regionId: regionIds[n] })));
  const ids = targets.map((t) => ('id' in t ? t.id : createdIds.get(t.key)!));
  for (const [n, target] of targets.entries()) if ('id' in target) await update(tx, target, identities[n], regions);
  await addAliases(tx, identities.flatMap((identity, n) => namesOf(identity).map((name) => ({ key: agencyKey(name), name, agency_id: ids[n] }))));
  return ids;
}

const namesOf = (identity: AgencyIdentity) => [identity.name, ...(identity.aliases ?? [])];

const AGENCY_COLUMNS = ['agency.id', 'agency.key', 'agency.level', 'agency.level_source', 'agency.region_id'] as const;

async function byAlias(tx: Tx, keys: string[]): Promise<Map<string, AgencyRow>> {
  if (!keys.length) return new Map();
  const rows = await tx
    .selectFrom('agency_alias')
    .innerJoin('agency', 'agency.id', 'agency_alias.agency_id')
    .select(['agency_alias.key as alias', ...AGENCY_COLUMNS])
    .where('agency_alias.key', 'in', [...new Set(keys)])
    .execute();
  return new Map(rows.map(({ alias, ...agency }) => [alias, agency]));
}

/** Stored agencies whose names end like these names once the leading places are split off, by that ending. */
async function byCore(tx: Tx, names: string[]): Promise<Map<string, AgencyRow[]>> {
  const cores = [...new Set(names.map((n) => splitPlaces(agencyKey(n))).filter((s) => s.places.length).map((s) => s.rest))];
  const byRest = new Map<string, AgencyRow[]>();
  if (!cores.length) return byRest;
  for (const row of await tx.selectFrom('agency').select(['agency.core', ...AGENCY_COLUMNS]).where('core', 'in', cores).execute()) {
    byRest.set(row.core, [...(byRest.get(row.core) ?? []), row]);
  }
  return byRest;
}

/** The one stored agency that differs only by leading places: 洪泽区人民政府 is 淮安市洪泽区人民政府, not 金湖县人民政府. */
function sameAgency(name: string, cores: Map<string, AgencyRow[]>): AgencyRow | undefined {
  const split = splitPlaces(agencyKey(name));
  if (!split.places.length) return undefined;
  const same = (cores.get(split.rest) ?? []).filter((c) => extraPlaces(split, splitPlaces(c.key)) !== undefined);
  return same.length === 1 ? same[0] : undefined; // two candidates: ambiguous, keep apart
}

async function insertAgencies(tx: Tx, rows: { key: string; split: SplitName; identity: AgencyIdentity; regionId: number | null }[]): Promise<Map<string, number>> {
  if (!rows.length) return new Map();
  const values = rows.map(({ key, split, identity, regionId }) => ({
    name: identity.name,
    key,
    core: split.rest,
    region_id: regionId,
    level: identity.level,
    level_source: identity.levelSource,
  }));
  const inserted = await tx.insertInto('agency').values(values).returning(['id', 'key']).execute();
  return new Map(inserted.map((r) => [r.key, r.id]));
}

async function addAliases(tx: Tx, rows: { key: string; name: string; agency_id: number }[]): Promise<void> {
  const unique = [...new Map(rows.map((r) => [r.key, r])).values()];
  if (unique.length) await tx.insertInto('agency_alias').values(unique).onConflict((oc) => oc.column('key').doNothing()).execute();
}

/** A declared level wins over an inferred one; a deeper region (more is known) replaces a shallower one. */
async function update(tx: Tx, agency: AgencyRow, identity: AgencyIdentity, regions: RegionCache): Promise<void> {
  const set: Partial<Pick<AgencyRow, 'level' | 'level_source' | 'region_id'>> = {};
  if (identity.level && identity.level !== agency.level && (identity.levelSource === 'declared' || agency.level_source !== 'declared')) {
    set.level = identity.level;
    set.level_source = identity.levelSource;
  }
  if (identity.region.length > (await regions.depthOf(tx, agency.region_id))) {
    const region = await regions.idOf(tx, identity.region);
    if (region !== agency.region_id) set.region_id = region;
  }
  if (!Object.keys(set).length) return;
  await tx.updateTable('agency').set(set).where('id', '=', agency.id).execute();
  Object.assign(agency, set);
}
