/**
 * Rules across applications: 按件计收 counts an applicant's applications in a calendar month (国办函〔2020〕109号), so a
 * per-application fee notice must give this application's place among them.
 */
import type { ApplicationState } from './model.ts';

export interface AcrossIssue {
  application: string;
  code: string;
  severity: 'warning';
  zh: string;
  en: string;
}

/** Fee notices per application whose ordinal differs from the applicant's count in the month of receipt. */
export function feeOrdinalIssues(states: ApplicationState[]): AcrossIssue[] {
  const groups = new Map<string, ApplicationState[]>();
  for (const s of states) {
    if (!s.receipt || !s.received?.applicant) continue;
    const key = `${s.received.applicant}\u0000${s.receipt.slice(0, 7)}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const issues: AcrossIssue[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => a.receipt!.localeCompare(b.receipt!) || a.id.localeCompare(b.id));
    group.forEach((s, i) => {
      for (const fee of s.fees.filter((f) => f.basis === 'per_application' && f.quantity !== i + 1)) {
        issues.push({
          application: s.id, code: 'fee-ordinal', severity: 'warning',
          zh: `按件计收：该申请是申请人${s.receipt!.slice(0, 7)}的第${i + 1}件申请，收费通知记为第${fee.quantity}件`,
          en: `per-application fee: this is the applicant's application no. ${i + 1} in ${s.receipt!.slice(0, 7)}, the notice says ${fee.quantity}`,
        });
      }
    });
  }
  return issues;
}
