/** The rule catalogue's types: a rule is data (id, severity, basis, Chinese title and description) plus a check. */
import type { Finding, RuleMeta as CatalogueEntry, SourcePlace } from '../document/finding.ts';
import type { Report } from '../report/types.ts';
import type { Narrative } from './narrative.ts';

/** Where a rule looks: one report, or two reports of the same agency in consecutive years. */
export type RuleScope = 'report' | 'pair';

/** A check rule's catalogue entry: its origin is always `check`, and it says where it looks. */
export interface RuleMeta extends CatalogueEntry {
  origin: 'check';
  scope: RuleScope;
}

/** What a rule's check returns: the message and its place; id and severity are stamped by `defineRule`. */
export interface Hit {
  message: string;
  /** Report JSON paths of the cells involved; the first one places the finding when `at` is absent. */
  cells?: string[];
  /** The source place (a sentence, a heading) when the finding is about text rather than cells. */
  at?: SourcePlace;
  expected?: number | string;
  actual?: number | string;
  note?: string;
}

export interface CheckContext {
  report: Report;
  narrative: Narrative;
  /** Last year's report of the same agency (pair rules only). */
  previous?: Report;
}

export interface Rule extends RuleMeta {
  check(ctx: CheckContext): Finding[];
}
