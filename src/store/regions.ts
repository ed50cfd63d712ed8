/**
 * Regions as a tree (省 / 市 / 县区 / 乡镇街道), grown from the places in agency names and rosters. A place first seen
 * alone (洪泽区) is hung under its parent when a fuller name (淮安市洪泽区) shows it, so one place stays one region.
 */
import type { Kysely, Transaction } from 'kysely';
import { agencyKey, splitPlaces } from '../roster/index.ts';
import type { Database, RegionKind } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);
const TOWNSHIP_RE = /^(.+?(?:乡|镇|苏木|街道))(?:人民政府|政府|办事处|办)?$/;

/** The places a name or region text holds, outermost first (江苏省淮安市洪泽区 → 江苏省, 淮安市, 洪泽区). */
export function placesIn(text: string): string[] {
  const { places, rest } = splitPlaces(agencyKey(text));
  return /(?:省|自治区|市|州|地区|盟|县|旗|区)$/.test(rest) ? [...places, rest] : places;
}

/** The region chain of an agency: the outer chain (roster, flag, path) joined to the places of its name. */
export function regionChain(agency: string, outer: string[] = [], township = false): string[] {
  const chain = joinChains(outer, placesIn(agency));
  const town = township ? TOWNSHIP_RE.exec(splitPlaces(agencyKey(agency)).rest)?.[1] : undefined;
  return town && chain.at(-1) !== town ? [...chain, town] : chain;
}

/** Outer places then inner ones, the overlap counted once ([江苏省, 淮安市] + [淮安市, 洪泽区]). */
function joinChains(outer: string[], inner: string[]): string[] {
  for (let overlap = Math.min(outer.length, inner.length); overlap > 0; overlap--) {
    if (outer.slice(-overlap).join() === inner.slice(0, overlap).join()) return [...outer, ...inner.slice(overlap)];
  }
  const start = outer.indexOf(inner[0]);
  return start >= 0 ? [...outer.slice(0, start), ...inner] : [...outer, ...inner];
}

export function regionKind(name: string, parent: RegionKind | undefined): RegionKind {
  if (/(?:乡|镇|苏木|街道)$/.test(name)) return 'township';
  if (/(?:省|自治区|特别行政区)$/.test(name) || MUNICIPALITIES.has(name)) return 'province';
  if (/(?:县|旗|区)$/.test(name)) return 'county';
  return parent === 'city' || parent === 'county' ? 'county' : 'city'; // 昆山市 under 苏州市 is county-level
}

interface RegionRef {
  id: number;
  kind: RegionKind;
}

/**
 * Region chains resolved to ids, remembered for the life of a store (regions are never deleted). Only ids written
 * by committed transactions may be kept: `fork` gives a transaction its own copy, `adopt` keeps it after commit.
 */
export class RegionCache {
  private readonly chains = new Map<string, RegionRef>();
  private readonly depths = new Map<number, number>();

  fork(): RegionCache {
    const copy = new RegionCache();
    for (const [k, v] of this.chains) copy.chains.set(k, v);
    for (const [k, v] of this.depths) copy.depths.set(k, v);
    return copy;
  }

  adopt(other: RegionCache): void {
    for (const [k, v] of other.chains) this.chains.set(k, v);
    for (const [k, v] of other.depths) this.depths.set(k, v);
  }

  /** The id of the innermost region of a chain, creating or re-hanging regions as needed; null for no chain. */
  async idOf(db: Db, chain: string[]): Promise<number | null> {
    return (await this.idsOf(db, [chain]))[0];
  }

  /** `idOf` for many chains with one look-up and one insert per depth, whatever their number. */
  async idsOf(db: Db, chains: string[][]): Promise<(number | null)[]> {
    const open = chains.filter((c) => c.length && !this.chains.has(c.join('/')));
    if (open.length) await this.resolve(db, open);
    return chains.map((c) => (c.length ? this.chains.get(c.join('/'))!.id : null));
  }

  private async resolve(db: Db, chains: string[][]): Promise<void> {
    const names = [...new Set(chains.flat())];
    const rows: RegionRow[] = await db.selectFrom('region').select(['id', 'name', 'kind', 'parent_id']).where('name', 'in', names).execute();
    for (let depth = 1; depth <= Math.max(...chains.map((c) => c.length)); depth++) {
      const fresh = new Map<string, { name: string; parent?: RegionRef }>();
      for (const chain of chains.filter((c) => c.length >= depth)) {
        const key = chain.slice(0, depth).join('/');
        if (this.chains.has(key) || fresh.has(key)) continue;
        const parent = depth > 1 ? this.chains.get(chain.slice(0, depth - 1).join('/')) : undefined;
        const name = chain[depth - 1];
        const region = await placeIn(db, rows, parent, name);
        if (region) this.remember(key, region, depth);
        else fresh.set(key, { name, parent });
      }
      if (!fresh.size) continue;
      const values = [...fresh.values()].map(({ name, parent }) => ({ name, parent_id: parent?.id ?? null, kind: regionKind(name, parent?.kind) }));
      const inserted = await db.insertInto('region').values(values).returning(['id', 'name', 'kind', 'parent_id']).execute();
      rows.push(...inserted);
      [...fresh.keys()].forEach((key, n) => this.remember(key, inserted[n], depth));
    }
  }

  private remember(key: string, region: RegionRef, depth: number): void {
    this.chains.set(key, { id: region.id, kind: region.kind });
    this.depths.set(region.id, depth);
  }

  /** How many regions the chain down to this one has (0 for none). */
  async depthOf(db: Db, id: number | null): Promise<number> {
    if (id === null) return 0;
    let depth = this.depths.get(id);
    if (depth === undefined) {
      const parent = (await db.selectFrom('region').select('parent_id').where('id', '=', id).executeTakeFirstOrThrow()).parent_id;
      this.depths.set(id, (depth = 1 + (await this.depthOf(db, parent))));
    }
    return depth;
  }
}

interface RegionRow extends RegionRef {
  name: string;
  parent_id: number | null;
}

/** The stored region a place is (among `rows`, the stored regions of that name), re-hung under its parent if it was alone. */
async function placeIn(db: Db, rows: RegionRow[], parent: RegionRef | undefined, name: string): Promise<RegionRef | undefined> {
  const named = rows.filter((r) => r.name === name);
  const under = named.find((r) => parent && r.parent_id === parent.id);
  if (under) return under;
  if (!parent && named.length === 1) return named[0]; // 洪泽区 alone: the one known
  const orphan = named.find((r) => r.parent_id === null);
  if (orphan && parent) {
    await db.updateTable('region').set({ parent_id: parent.id }).where('id', '=', orphan.id).execute();
    orphan.parent_id = parent.id;
  }
  return orphan;
}
