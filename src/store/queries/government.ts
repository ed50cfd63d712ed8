/**
 * A region's 本级政府 report against the sum of the region's other reports, cell by cell.
 *
 * What the 本级政府 report "claims" to cover, as read here: its table 三 (applications received and how they were
 * handled) and table 四 (administrative reviews and suits) speak for the region's government as a whole, that is
 * every department and township in the region and in the regions under it. So those cells are compared with the sum
 * of the region's other reports that are not themselves 本级政府 reports (a county's 本级政府 report is a summary of
 * its own members, who are already in the sum). Table 二 is left out: it counts the government's own documents and
 * decisions, not its members'. Many governments report only the applications addressed to the government itself,
 * so a difference is shown with both sides and never called an error.
 */
import { sql, type Kysely } from 'kysely';
import type { TableId } from '../../format/index.ts';
import type { Database } from '../schema.ts';
import { regionYear, yearFormat, type RegionYear } from './region.ts';
import { C, withMembers } from './scope.ts';
import { cellDefs, cellValue, type Table } from './table.ts';

/** The tables a 本级政府 report is read as summing over the region (see above). */
export const COVERED_TABLES: readonly TableId[] = ['table3', 'table4'];

const GOVERNMENT = 'government';

export interface GovernmentComparison extends Table, RegionYear {
  /** The 本级政府 report compared, or null when the region has none that year. */
  government: { agency: string; report_id: number } | null;
  /** How many other reports were summed. */
  members: number;
}

/**
 * @example
 *   const c = await governmentVsMembers(store.db, '淮安市', 2023);
 *   c.rows.filter((r) => r.difference); // cells where the 本级政府 report and its members' sum differ
 */
export async function governmentVsMembers(db: Kysely<Database>, region: string | number, year?: number | null): Promise<GovernmentComparison> {
  const where = await regionYear(db, region, year);
  const scope = { regionId: where.region.id, year: where.year };
  const defs = (await cellDefs(db, [yearFormat(where.year)])).filter((d) => COVERED_TABLES.some((t) => d.key.startsWith(`${t}.`)));
  const keys = defs.map((d) => d.key);
  const government = await withMembers(db, scope)
    .selectFrom('member')
    .select(['version_id', 'report_id', 'agency'])
    .where('region_id', '=', where.region.id)
    .where('level', '=', GOVERNMENT)
    .orderBy(sql`agency ${C}`)
    .executeTakeFirst();
  const own = government
    ? await db.selectFrom('cell').select(['key', 'num', 'mark', 'status']).where('version_id', '=', government.version_id).where('key', 'in', keys).execute()
    : [];
  const others = await withMembers(db, scope)
    .selectFrom('cell as c')
    .innerJoin('member as m', 'm.version_id', 'c.version_id')
    .select((eb) => ['c.key', sql<number | null>`sum(c.num::numeric)::float8`.as('sum'), eb.fn.count<number>('c.num').as('filled')])
    .where('c.key', 'in', keys)
    .where((eb) => eb.or([eb('m.level', 'is', null), eb('m.level', '!=', GOVERNMENT)]))
    .groupBy('c.key')
    .execute();
  const [{ n }] = await withMembers(db, scope)
    .selectFrom('member')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([eb('level', 'is', null), eb('level', '!=', GOVERNMENT)]))
    .execute();
  const ownBy = new Map(own.map((c) => [c.key, cellValue(c)]));
  const sumBy = new Map(others.map((s) => [s.key, s]));
  const rows = defs.map((d) => {
    const value = ownBy.get(d.key) ?? null;
    const sum = sumBy.get(d.key)?.sum ?? null;
    const difference = typeof value === 'number' && sum !== null ? Math.round((value - sum) * 1e6) / 1e6 : null;
    return { key: d.key, label: d.label, government: value, members_sum: sum, difference, filled: Number(sumBy.get(d.key)?.filled ?? 0) };
  });
  return {
    ...where,
    government: government ? { agency: government.agency, report_id: government.report_id } : null,
    members: Number(n),
    columns: [
      { key: 'key', label: '单元格' },
      { key: 'label', label: '项目' },
      { key: 'government', label: '本级政府报告', kind: 'number' },
      { key: 'members_sum', label: '其他机关合计', kind: 'number' },
      { key: 'difference', label: '差额', kind: 'number' },
      { key: 'filled', label: '填数机关', kind: 'number' },
    ],
    rows,
  };
}
