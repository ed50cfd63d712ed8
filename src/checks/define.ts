/**
 * `defineRule`: the one helper every rule goes through. A rule's check returns hits (message, cells, place); the
 * helper stamps the rule id and severity on each and places it, from the first cell's provenance or the text's position.
 */
import type { SourcePos } from '../document/model.ts';
import type { Finding, Report } from '../report/types.ts';
import type { CheckContext, Hit, Rule, RuleMeta } from './types.ts';

export interface RuleDefinition extends Omit<RuleMeta, 'scope'> {
  scope?: RuleMeta['scope'];
  check(ctx: CheckContext): Hit[];
}

/**
 * @example
 *   defineRule({ id: 'fee-unit', severity: 'warning', basis: 'plausibility', title: '…', description: '…',
 *     example: '…', check: (ctx) => [{ message: '…', cells: ['table2.fees_wan_yuan'] }] });
 */
export function defineRule(def: RuleDefinition): Rule {
  const { check, ...meta } = def;
  return {
    ...meta,
    scope: def.scope ?? 'report',
    check(ctx: CheckContext): Finding[] {
      return check(ctx).map((hit) => toFinding(meta.id, meta.severity, hit, ctx.report));
    },
  };
}

function toFinding(rule: string, severity: Finding['severity'], hit: Hit, report: Report): Finding {
  const pos = hit.at ?? placeOfCells(report, hit.cells);
  const finding: Finding = { rule, severity, message: hit.message };
  if (pos?.line !== undefined) finding.line = pos.line;
  if (pos?.page !== undefined) finding.page = pos.page;
  if (hit.cells?.length) finding.cells = hit.cells;
  if (pos && Object.keys(pos).length) finding.pos = pos;
  if (hit.expected !== undefined) finding.expected = hit.expected;
  if (hit.actual !== undefined) finding.actual = hit.actual;
  return finding;
}

/** The source position where the first of the cells (that has one) was read; provenance extras are dropped. */
export function placeOfCells(report: Report, cells: string[] | undefined): SourcePos | undefined {
  for (const key of cells ?? []) {
    const prov = report.provenance[key];
    if (!prov) continue;
    const { status: _status, raw: _raw, ...pos } = prov;
    return pos;
  }
  return undefined;
}
