/** The rule catalogue's types: a rule is data (id, severity, basis, Chinese title and description) plus a check. */
import type { SourcePos } from '../document/model.ts';
import type { Finding, Report, Severity } from '../report/types.ts';
import type { Narrative } from './narrative.ts';

/** What a rule is checked against (for the Chinese catalogue): the template, a law article, plausibility … */
export type Basis = 'template' | 'plausibility' | string;

/** Where a rule looks: one report, or two reports of the same agency in consecutive years. */
export type RuleScope = 'report' | 'pair';

export interface RuleMeta {
  /** Stable kebab-case id, printed in brackets and used to filter. */
  id: string;
  severity: Severity;
  basis: Basis;
  /** Short Chinese title. */
  title: string;
  /** Chinese description of what is checked. */
  description: string;
  /** An example message, as the rule prints it. */
  example: string;
  scope: RuleScope;
}

/** What a rule's check returns: the message and its place; id and severity are stamped by `defineRule`. */
export interface Hit {
  message: string;
  /** Report JSON paths of the cells involved; the first one places the finding when `at` is absent. */
  cells?: string[];
  /** The source position (a sentence, a heading) when the finding is about text rather than cells. */
  at?: SourcePos;
  expected?: number | string;
  actual?: number | string;
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
