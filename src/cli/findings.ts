/** Compiler-style finding lines: `path:line: 错误 [rule-id] message`, shared by parse and check. */
import type { Finding, Severity } from '../report/types.ts';

export const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export function findingLine(path: string, f: Finding): string {
  const place = f.page ? `${path}:第${f.page}页` : f.line ? `${path}:${f.line}` : path;
  return `${place}: ${SEVERITY_ZH[f.severity]} [${f.rule}] ${f.message}`;
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function countsLine(counts: Record<Severity, number>): string {
  return `${counts.error} 个错误，${counts.warning} 个警告，${counts.info} 个提示`;
}
