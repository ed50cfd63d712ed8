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

/** The id of the innermost region of a chain, creating or re-hanging regions as needed; null for no chain. */
export async function ensureRegion(db: Db, chain: string[]): Promise<number | null> {
  let parent: { id: number; kind: RegionKind } | undefined;
  for (const name of chain) {
    parent = await childRegion(db, parent, name);
  }
  return parent?.id ?? null;
}

async function childRegion(db: Db, parent: { id: number; kind: RegionKind } | undefined, name: string) {
  const found = await db
    .selectFrom('region')
    .select(['id', 'kind', 'parent_id'])
    .where('name', '=', name)
    .where((eb) => (parent ? eb.or([eb('parent_id', '=', parent.id), eb('parent_id', 'is', null)]) : eb.val(true)))
    .orderBy('parent_id')
    .execute();
  const under = found.find((r) => parent && r.parent_id === parent.id);
  if (under) return { id: under.id, kind: under.kind };
  if (!parent && found.length === 1) return { id: found[0].id, kind: found[0].kind }; // 洪泽区 alone: the one known
  const orphan = found.find((r) => r.parent_id === null);
  if (orphan && parent) {
    await db.updateTable('region').set({ parent_id: parent.id }).where('id', '=', orphan.id).execute();
    return { id: orphan.id, kind: orphan.kind };
  }
  if (orphan) return { id: orphan.id, kind: orphan.kind };
  const kind = regionKind(name, parent?.kind);
  const { id } = await db
    .insertInto('region')
    .values({ name, parent_id: parent?.id ?? null, kind })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, kind };
}
