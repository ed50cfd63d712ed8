/** Findings by rule across a region: how many, in how many reports, and where their reviews stand. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { regionRef } from './region.ts';
import { C, withMembers } from './scope.ts';
import type { Table } from './table.ts';

export interface RuleCountsOptions {
  /** A region (text or id) with the regions under it; everywhere when absent. */
  region?: string | number;
  /** One year; every year when absent. */
  year?: number;
}

/**
 * One row per rule (and severity) over the scope's current versions, most frequent first; a finding nobody has
 * reviewed counts as open.
 *
 * @example
 *   (await findingsByRule(store.db, { region: '淮安市' })).rows[0]; // { rule: 'table3-row-total', findings: 12, … }
 */
export async function findingsByRule(db: Kysely<Database>, options: RuleCountsOptions = {}): Promise<Table> {
  const regionId = options.region === undefined ? undefined : (await regionRef(db, options.region)).id;
  const state = (s: string) => sql<number>`(count(*) filter (where coalesce(rv.state, 'open') = ${s}))::int`;
  const rows = await withMembers(db, { regionId, year: options.year })
    .selectFrom('member as m')
    .innerJoin('finding as f', 'f.version_id', 'm.version_id')
    .leftJoin('review as rv', (j) => j.onRef('rv.report_id', '=', 'm.report_id').onRef('rv.fingerprint', '=', 'f.fingerprint'))
    .select([
      'f.rule',
      'f.severity',
      sql<number>`count(*)::int`.as('findings'),
      sql<number>`count(distinct m.report_id)::int`.as('reports'),
      state('open').as('open'),
      state('confirmed').as('confirmed'),
      state('dismissed').as('dismissed'),
    ])
    .groupBy(['f.rule', 'f.severity'])
    .orderBy('findings', 'desc')
    .orderBy(sql`f.rule ${C}`)
    .orderBy(sql`f.severity ${C}`)
    .execute();
  return {
    columns: [
      { key: 'rule', label: '规则' },
      { key: 'severity', label: '级别' },
      { key: 'findings', label: '问题数', kind: 'number' },
      { key: 'reports', label: '报告数', kind: 'number' },
      { key: 'open', label: '待审', kind: 'number' },
      { key: 'confirmed', label: '已确认', kind: 'number' },
      { key: 'dismissed', label: '已排除', kind: 'number' },
    ],
    rows,
  };
}
