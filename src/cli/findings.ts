/**
 * Compiler-style finding lines (`path:12: 错误 [rule-id] message`), the block header of each file, the filters of
 * --quiet/--severity/--ignore, and the tally behind the summary line and the exit code.
 */
import { SEVERITY_ZH, placeWords } from '../document/finding.ts';
import type { Finding, Report, Severity } from '../report/types.ts';
import type { Outcome } from '../pipeline/index.ts';
import { inline } from './output.ts';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** `path:12`, `path:第3页`, `path:表2第4行` (DOCX), `path:8:表1第3行` (an HTML page on few lines). */
export function findingLine(path: string, f: Finding): string {
  return `${inline(path)}${where(f)}: ${SEVERITY_ZH[f.severity]} [${f.rule}] ${inline(f.message)}`;
}

function where(f: Finding): string {
  const source = f.place.source;
  if (source?.medium === 'text') return `:${source.line}`;
  if (source?.medium === 'html') return source.table === undefined ? `:${source.line}` : `:${source.line}:${placeWords(source).replace(/^第\d+行/, '')}`;
  if (source) return `:${placeWords(source)}`;
  return f.page ? `:第${f.page}页` : f.line ? `:${f.line}` : '';
}

/** What a file was read as, heading its findings: `path — 机关 · 2024年度 · 2021版格式`. */
export function headerLine(path: string, report: Report): string {
  const version = report.format_version === 'free' ? '自由格式' : `${report.format_version}版格式`;
  return `${inline(path)} — ${inline(report.agency ?? '（未识别机关）')} · ${report.year ? `${report.year}年度` : '（未识别年度）'} · ${version}`;
}

/** Which findings are shown and counted: at least `minimum` severe, and not of an ignored rule. */
export class FindingFilter {
  constructor(
    private readonly minimum: Severity = 'info',
    private readonly ignore: ReadonlySet<string> = new Set(),
  ) {}

  keep = (f: Finding): boolean => RANK[f.severity] >= RANK[this.minimum] && !this.ignore.has(f.rule);

  outcome(outcome: Outcome): Outcome {
    return 'report' in outcome ? { path: outcome.path, report: { ...outcome.report, findings: outcome.report.findings.filter(this.keep) } } : outcome;
  }
}

/** Counts of a batch as it goes: files, findings by severity, unusable inputs; the summary line and the exit code. */
export class Tally {
  files = 0;
  unusable = 0;
  readonly counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };

  add(outcome: Outcome): void {
    this.files++;
    if ('error' in outcome) this.unusable++;
    else this.findings(outcome.report.findings);
  }

  findings(findings: readonly Finding[]): void {
    for (const f of findings) this.counts[f.severity]++;
  }

  summary(): string {
    return `${this.files} 个文件，${countsLine(this.counts)}${this.unusable ? `，${this.unusable} 个无法读取` : ''}`;
  }

  /** 2 when an input was unusable, 1 when a report has an error, 0 otherwise. */
  exitCode(): number {
    return this.unusable ? 2 : this.counts.error ? 1 : 0;
  }
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const tally = new Tally();
  tally.findings(findings);
  return tally.counts;
}

export function countsLine(counts: Record<Severity, number>): string {
  return `${counts.error} 个错误，${counts.warning} 个警告，${counts.info} 个提示`;
}
