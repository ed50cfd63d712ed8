/**
 * `xxgk check FILE...`: read reports and check them; compiler-style findings grouped per file and a summary line.
 * Reports of the same agency in consecutive years among the inputs are paired and the cross-year rules run.
 */
import type { Command } from 'commander';
import { checkPair, checkReport, findPairs, pairLine } from '../checks/index.ts';
import { CATALOGUE, ORIGIN_ZH } from '../pipeline/catalogue.ts';
import type { ReadOptions } from '../readers/index.ts';
import type { Finding, Report, Severity } from '../report/types.ts';
import { applyRoster, loadRoster, RosterError, type Roster } from '../roster/index.ts';
import { SEVERITY_ZH, findingLine } from './findings.ts';
import { expandInputs } from './inputs.ts';
import { exitCodeOf, parseAll, printUnusable, type Outcome } from './run.ts';
import { displayWidth, padEnd } from './width.ts';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('核查年度报告：表格勾稽关系、格式版本、章节结构、叙述与表格是否一致、发布时限；同一机关相邻年度自动比对')
    .argument('[files...]', '报告文件或文件夹；- 表示从标准输入读取')
    .option('--json', '输出 JSON Lines：每个输入一行 Report JSON，顺序与输入一致')
    .option('--pretty', '与 --json 同用：缩进排版，便于阅读')
    .option('--rules', '列出全部核查规则（编号、级别、依据、说明）')
    .option('--ocr', '对没有文字层的扫描件进行文字识别（需安装 tesseract-ocr）')
    .option('--roster <file>', '机关名册（CSV：agency,aliases,region,level,parent），登记级别与别名，优先于由名称推断的级别')
    .option('--exit-zero', '发现错误时也以 0 退出（无法读取的输入仍以 2 退出）')
    .addHelpText('after', `
退出码：0 未发现错误；1 有错误级问题；2 有无法读取的输入（其余文件照常核查）。

示例：
  xxgk check 年度报告.html
  xxgk check reports/2023/ reports/2024/      同一机关相邻两年的报告自动比对
  xxgk check --json 报告.pdf > 报告.json
  xxgk check --rules`)
    .action(async (files: string[], opts: { json?: boolean; pretty?: boolean; rules?: boolean; ocr?: boolean; exitZero?: boolean; roster?: string }, command: Command) => {
      if (opts.rules) {
        process.stdout.write(`${rulesTable()}\n`);
        if (!files.length) return;
      }
      if (!files.length) command.error('缺少要核查的文件（或使用 --rules 列出规则）', { exitCode: 2 });
      const roster = opts.roster ? await loadRoster(opts.roster).catch((e: Error) => command.error(rosterReason(e), { exitCode: 2 })) : undefined;
      const paths = await expandInputs(files);
      const { outcomes, pairLines } = await checkAll(paths, { ocr: opts.ocr }, roster);
      for (const outcome of outcomes) print(outcome, opts.json ?? false, opts.pretty ?? false);
      if (pairLines.length) (opts.json ? process.stderr : process.stdout).write(`${pairLines.join('\n')}\n`);
      const summary = summaryLine(outcomes);
      if (opts.json) process.stderr.write(`${summary}\n`);
      else process.stdout.write(`${summary}\n`);
      const code = exitCodeOf(outcomes);
      process.exitCode = opts.exitZero && code === 1 ? 0 : code;
    });
}

/** Reads and checks every input, then runs the cross-year rules on the pairs found among them (said in pairLines). */
export async function checkAll(paths: string[], options: ReadOptions, roster?: Roster): Promise<{ outcomes: Outcome[]; pairLines: string[] }> {
  const outcomes: Outcome[] = [];
  for await (const outcome of parseAll(paths, options, '核查')) {
    outcomes.push('report' in outcome ? { path: outcome.path, report: checkReport(applyRoster(outcome.report, roster)) } : outcome);
  }
  const reports = outcomes.map((o) => ('report' in o ? o.report : undefined));
  const pairs = findPairs(reports, roster);
  for (const { current, previous } of pairs) {
    const report = reports[current]!;
    const findings = checkPair(reports[previous]!, report);
    outcomes[current] = { path: outcomes[current].path, report: { ...report, findings: [...report.findings, ...findings] } };
  }
  return { outcomes, pairLines: pairs.map((p) => pairLine(p, outcomes.map((o) => o.path), reports)) };
}

function rosterReason(e: Error): string {
  return e instanceof RosterError ? e.message : `无法读取名册 (cannot read roster): ${e.message}`;
}

function print(outcome: Outcome, json: boolean, pretty: boolean): void {
  if ('error' in outcome) {
    printUnusable(outcome, json);
    return;
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(outcome.report, null, pretty ? 2 : undefined)}\n`);
    return;
  }
  const findings = byPlace(outcome.report.findings);
  if (!findings.length) return;
  process.stdout.write(`${findings.map((f) => findingLine(outcome.path, f)).join('\n')}\n\n`);
}

/** Findings in source order (those without a place first), stable within a place. */
function byPlace(findings: Finding[]): Finding[] {
  const at = (f: Finding) => f.page ?? f.line ?? 0;
  return findings.map((f, i) => ({ f, i })).sort((a, b) => at(a.f) - at(b.f) || a.i - b.i).map(({ f }) => f);
}

export function summaryLine(outcomes: Outcome[]): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const reports = outcomes.filter((o): o is { path: string; report: Report } => 'report' in o);
  for (const o of reports) for (const f of o.report.findings) counts[f.severity]++;
  const unusable = outcomes.length - reports.length;
  return `${outcomes.length} 个文件，${counts.error} 个错误，${counts.warning} 个警告，${counts.info} 个提示`
    + (unusable ? `，${unusable} 个无法读取` : '');
}

export function rulesTable(): string {
  const rows = CATALOGUE.map((r) => [r.id, ORIGIN_ZH[r.origin], SEVERITY_ZH[r.severity], r.title]);
  const head = ['规则', '阶段', '级别', '说明'];
  const width = (i: number) => Math.max(...[head, ...rows].map((r) => displayWidth(r[i])));
  const widths = [0, 1, 2].map(width);
  const line = (r: string[]) => r.map((c, i) => (i < 3 ? padEnd(c, widths[i]) : c)).join('  ').trimEnd();
  return [line(head), ...rows.map(line), '', `共 ${CATALOGUE.length} 条；跨年度规则在同时核查同一机关相邻两年的报告时运行（docs/rules.md 有完整说明）。`].join('\n');
}

