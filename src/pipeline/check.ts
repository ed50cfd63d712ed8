/**
 * Checking a batch: every input read (in workers) and checked as it comes, then reports of one agency in
 * consecutive years paired and the cross-year rules run. Last year's report may come after this year's in the batch,
 * so pairing waits for the whole batch; the checked outcomes wait on disk meanwhile, not in memory.
 */
import { checkPair, checkReport, findPairs, pairLine, type Identity, type ReportPair } from '../checks/index.ts';
import type { Finding, Report } from '../report/types.ts';
import { applyRoster, type Roster } from '../roster/index.ts';
import { parseMany, type BatchOptions } from './batch.ts';
import type { Input } from './read.ts';
import { errorOutcome, internalError, type Outcome } from './outcome.ts';
import { OutcomeSpool } from './spool.ts';

export interface CheckBatchOptions extends BatchOptions {
  /** Declared levels and aliases of agencies, used by the level-dependent rules and by pairing. */
  roster?: Roster;
}

export interface PairResult {
  pair: ReportPair;
  /** Which files were paired and why, in words. */
  line: string;
  /** The cross-year findings, on this year's report. */
  findings: Finding[];
}

/** Checks one outcome: the roster applied, the report-scope rules run (an error record passes unchanged). */
export function checkOutcome(outcome: Outcome, roster?: Roster): Outcome {
  if (!('report' in outcome)) return outcome;
  try {
    return { path: outcome.path, report: checkReport(applyRoster(outcome.report, roster)) };
  } catch (e) {
    // A rule's bug must not take the batch down: the input says so, the rest is checked.
    return errorOutcome(outcome.path, internalError(e));
  }
}

/** The cross-year findings; a rule's bug costs the pair its findings (shown with XXGK_DEBUG), not the batch. */
function pairFindings(previous: Report, current: Report): Finding[] {
  try {
    return checkPair(previous, current);
  } catch (e) {
    internalError(e);
    return [];
  }
}

export class CheckBatch {
  private readonly identities: (Identity | undefined)[] = [];
  private readonly paths: string[] = [];
  private spool?: OutcomeSpool;
  private paired?: PairResult[];

  constructor(
    private readonly inputs: readonly (string | Input)[],
    private readonly options: CheckBatchOptions = {},
  ) {}

  /** Each input read and checked, in input order, as soon as it is ready (without the cross-year findings). */
  async *checked(): AsyncGenerator<Outcome> {
    this.spool = await OutcomeSpool.open();
    for await (const read of parseMany(this.inputs, this.options)) {
      const outcome = checkOutcome(read, this.options.roster);
      await this.spool.add(outcome);
      this.paths.push(outcome.path);
      this.identities.push('report' in outcome ? { agency: outcome.report.agency, year: outcome.report.year } : undefined);
      yield outcome;
    }
  }

  /** The pairs found among the checked inputs, each with its cross-year findings; after `checked` is done. */
  async pairs(): Promise<PairResult[]> {
    if (this.paired) return this.paired;
    this.paired = [];
    for (const pair of findPairs(this.identities, this.options.roster)) {
      const [current, previous] = [await this.report(pair.current), await this.report(pair.previous)];
      if (!current || !previous) continue;
      this.paired.push({ pair, line: pairLine(pair, this.paths, this.identities), findings: pairFindings(previous, current) });
    }
    return this.paired;
  }

  /** Every outcome in input order with its cross-year findings added: the batch's final result. */
  async *final(): AsyncGenerator<Outcome> {
    const added = new Map((await this.pairs()).map((p) => [p.pair.current, p.findings]));
    for (let i = 0; i < (this.spool?.size ?? 0); i++) {
      const outcome = await this.spool!.get(i);
      const more = added.get(i);
      yield more?.length && 'report' in outcome
        ? { path: outcome.path, report: { ...outcome.report, findings: [...outcome.report.findings, ...more] } }
        : outcome;
    }
  }

  /** The path of the input at `index`, as given. */
  pathOf(index: number): string {
    return this.paths[index];
  }

  /** Removes the spool; call when done, also after an early stop. */
  async close(): Promise<void> {
    await this.spool?.close();
    this.spool = undefined;
  }

  private async report(index: number) {
    const outcome = await this.spool!.get(index);
    return 'report' in outcome ? outcome.report : undefined;
  }
}
