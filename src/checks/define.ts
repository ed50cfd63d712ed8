/**
 * `defineRule`: the one helper every rule goes through. A rule's check returns hits (message, cells, place); the
 * helper makes each a Finding of the rule's catalogue entry, placed at the text it names or at the first of its cells
 * that was read from the source.
 */
import { createFinding, type Finding, type SourcePlace } from '../document/finding.ts';
import type { Report } from '../report/types.ts';
import type { CheckContext, Hit, Rule, RuleMeta } from './types.ts';

export interface RuleDefinition extends Omit<RuleMeta, 'scope' | 'origin'> {
  scope?: RuleMeta['scope'];
  check(ctx: CheckContext): Hit[];
}

/**
 * @example
 *   defineRule({ id: 'fee-unit', severity: 'warning', basis: 'plausibility', title: '…', description: '…',
 *     example: '…', check: (ctx) => [{ message: '…', cells: ['table2.fees_wan_yuan'] }] });
 */
export function defineRule(def: RuleDefinition): Rule {
  const { check, ...rest } = def;
  const meta: RuleMeta = { ...rest, origin: 'check', scope: def.scope ?? 'report' };
  return {
    ...meta,
    check(ctx: CheckContext): Finding[] {
      return check(ctx).map(({ at, ...hit }) => createFinding(meta, { ...hit, source: at ?? placeOfCells(ctx.report, hit.cells) }));
    },
  };
}

/** The source place where the first of the cells (that has one) was read. */
function placeOfCells(report: Report, cells: readonly string[] | undefined): SourcePlace | undefined {
  for (const key of cells ?? []) {
    const prov = report.provenance[key];
    if (!prov?.medium) continue;
    const { status: _status, raw: _raw, ...place } = prov;
    return place as SourcePlace;
  }
  return undefined;
}
