/**
 * The checker: a catalogue of rules over the Report (template arithmetic, template integrity, structure, narrative
 * against tables, narrative arithmetic, timeliness, and across years). Pure and idempotent: a report goes in, the same
 * report comes out with its `check` findings replaced by this run's (reading and extraction findings are kept).
 *
 * @example
 *   const checked = checkReport(report, { previous: lastYear });
 *   checked.findings.filter((f) => f.severity === 'error');
 */
import type { Finding, Report } from '../report/types.ts';
import { narrativeOf } from './narrative.ts';
import { blankCells, identityRules } from './rules/arithmetic.ts';
import { carriedOver, inForceContinuity, narrativeSimilar } from './rules/cross-year.ts';
import { countValue, feeUnit, regulationIssuer, tableVersion } from './rules/integrity.ts';
import { duplicateWord, narrativeSum, narrativeTotalConflict } from './rules/narrative-arithmetic.ts';
import { narrativeApplications } from './rules/narrative-table3.ts';
import { narrativeReviewLitigation, narrativeReviewOutcome, narrativeTable2 } from './rules/narrative-tables.ts';
import {
  citationNumber, citationTitle, feeStatement, sectionMissing, statisticsPeriodMissing, statisticsPeriodYear,
  subheadingSequence, titleYear,
} from './rules/structure.ts';
import { publishedLate } from './rules/timeliness.ts';
import type { Rule } from './types.ts';

export type { Rule } from './types.ts';
export { agencyKey, findPairs, pairLine, pairReports, type Identity, type ReportPair } from './pairing.ts';

/** The catalogue, in the order findings of one place are reported and rules are documented. */
export const RULES: readonly Rule[] = [
  // template arithmetic (FORMAT.md rules 1–4), one rule per identity the format declares
  ...identityRules(),
  blankCells,
  // template integrity
  tableVersion,
  countValue,
  feeUnit,
  regulationIssuer,
  // structure
  sectionMissing,
  subheadingSequence,
  statisticsPeriodYear,
  statisticsPeriodMissing,
  titleYear,
  citationNumber,
  citationTitle,
  feeStatement,
  // narrative against the tables
  narrativeApplications,
  narrativeReviewLitigation,
  narrativeReviewOutcome,
  narrativeTable2,
  // narrative arithmetic
  narrativeSum,
  narrativeTotalConflict,
  duplicateWord,
  // timeliness
  publishedLate,
  // across years
  carriedOver,
  inForceContinuity,
  narrativeSimilar,
];

export interface CheckOptions {
  /** Last year's report of the same agency: the cross-year rules run when given. */
  previous?: Report;
  /** Run only these rules (ids); default all. */
  rules?: string[];
}

export function checkReport(report: Report, options: CheckOptions = {}): Report {
  const narrative = narrativeOf(report);
  const ctx = { report, narrative };
  const selected = options.rules ? RULES.filter((r) => options.rules!.includes(r.id)) : RULES;
  const findings: Finding[] = selected.filter((r) => r.scope === 'report').flatMap((r) => r.check(ctx));
  if (options.previous) findings.push(...checkPair(options.previous, report, options.rules));
  return { ...report, findings: [...report.findings.filter((f) => f.origin !== 'check'), ...findings] };
}

/** The cross-year rules for two reports of the same agency; nothing when they are not consecutive years. */
export function checkPair(previous: Report, current: Report, rules?: string[]): Finding[] {
  if (!previous.year || !current.year || previous.year !== current.year - 1) return [];
  const ctx = { report: current, previous, narrative: narrativeOf(current) };
  return RULES.filter((r) => r.scope === 'pair' && (!rules || rules.includes(r.id))).flatMap((r) => r.check(ctx));
}
