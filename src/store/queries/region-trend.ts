/**
 * A region year by year: how many reports its members filed, and each measure of src/format (applications, results,
 * reviews and suits with their corrections) summed over them: one statement over every year's current versions.
 * A sum every member left blank stays blank.
 */
import { sql, type Kysely } from 'kysely';
import { MEASURES, type MeasureId } from '../../format/measures.ts';
import type { Database } from '../schema.ts';
import { withMembers } from './scope.ts';

export interface MeasureSum {
  /** The numerator's cells summed (a count: 予以公开数). */
  count: number | null;
  /** The divisor's cells summed (办理结果总数); null for a plain count or when blank everywhere. */
  base: number | null;
}

export interface TrendYear {
  year: number;
  reports: number;
  measures: Record<MeasureId, MeasureSum>;
}

/** Every year the region (with its sub-regions) has reports of, oldest first. */
export async function regionTrend(db: Kysely<Database>, regionId: number): Promise<TrendYear[]> {
  const keys = [...new Set(MEASURES.flatMap((m) => [...m.numerator, ...(m.denominator ?? [])]))];
  const members = withMembers(db, { regionId });
  const sums = await members
    .selectFrom('member as m')
    .innerJoin('cell as c', (j) => j.onRef('c.version_id', '=', 'm.version_id').on('c.key', 'in', keys))
    // Counts are whole numbers, which double precision adds exactly in any order (no numeric cast: half the time).
    .select(['m.year', 'c.key', sql<number | null>`sum(c.num)`.as('sum')])
    .where('m.year', 'is not', null)
    .groupBy(['m.year', 'c.key'])
    .execute();
  const counts = await members
    .selectFrom('member as m')
    .select(['m.year', (eb) => eb.fn.countAll<number>().as('n')])
    .where('m.year', 'is not', null)
    .groupBy('m.year')
    .orderBy('m.year')
    .execute();
  const byYear = new Map<number, Map<string, number | null>>();
  for (const s of sums) byYear.set(s.year!, (byYear.get(s.year!) ?? new Map()).set(s.key, s.sum));
  return counts.map(({ year, n }) => {
    const cells = byYear.get(year!) ?? new Map();
    const measures = Object.fromEntries(
      MEASURES.map((m) => [m.id, { count: total(cells, m.numerator), base: m.denominator ? total(cells, m.denominator) : null }]),
    ) as Record<MeasureId, MeasureSum>;
    return { year: year!, reports: Number(n), measures };
  });
}

/** The sum of some cells' sums; null when none of them has a number. */
function total(cells: Map<string, number | null>, keys: string[]): number | null {
  const numbers = keys.map((k) => cells.get(k)).filter((v): v is number => typeof v === 'number');
  return numbers.length ? numbers.reduce((a, b) => a + b, 0) : null;
}
