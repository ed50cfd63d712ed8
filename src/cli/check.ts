/**
 * `xxgk check FILE...`: read reports and check them; compiler-style findings in a block per file, headed by what the
 * file was read as, and a summary line. Reports of one agency in consecutive years among the inputs are paired and
 * the cross-year rules run once every input is read (last year's report may come later in the batch).
 */
import type { Command } from 'commander';
import { CATALOGUE, CheckBatch, ORIGIN_ZH, type Outcome } from '../pipeline/index.ts';
import type { Finding } from '../report/types.ts';
import { loadRoster, RosterError } from '../roster/index.ts';
import { FindingFilter, SEVERITY_ZH, Tally, findingLine, headerLine } from './findings.ts';
import { expandInputs } from '../pipeline/inputs.ts';
import { addCommonOptions, batchOptions, findingFilter, type CommonOptions } from './options.ts';
import { inline, say, sayJson, warn } from './output.ts';
import { withProgress } from './progress.ts';
import { printUnusable } from './unusable.ts';
import { displayWidth, padEnd } from '../text/width.ts';

type CheckOptions = CommonOptions & { rules?: boolean; roster?: string; exitZero?: boolean };

export function registerCheck(program: Command): void {
  addCommonOptions(program
    .command('check')
    .description('核查年度报告：表格勾稽关系、格式版本、章节结构、叙述与表格是否一致、发布时限；同一机关相邻年度自动比对')
    .argument('[files...]', '报告文件或文件夹；- 表示从标准输入读取'))
    .option('--rules', '列出全部核查规则（编号、阶段、级别、说明）')
    .option('--roster <file>', '机关名册（CSV：agency,aliases,region,level,parent），登记级别与别名，优先于由名称推断的级别')
    .option('--exit-zero', '发现错误时也以 0 退出（无法读取的输入仍以 2 退出）')
    .addHelpText('after', `
退出码：0 未发现错误；1 有错误级问题；2 有无法读取的输入（其余文件照常核查）。
--quiet、--severity、--ignore 同时决定显示、统计和退出码。

示例：
  xxgk check 年度报告.html
  xxgk check reports/2023/ reports/2024/      同一机关相邻两年的报告自动比对
  xxgk check --quiet --ignore fee-statement reports/
  xxgk check --json 报告.pdf > 报告.json
  xxgk check --rules`)
    .action(async (files: string[], opts: CheckOptions, command: Command) => {
      if (opts.rules) {
        say(rulesTable());
        if (!files.length) return;
      }
      if (!files.length) command.error('缺少要核查的文件（或使用 --rules 列出规则）', { exitCode: 2 });
      const roster = opts.roster ? await loadRoster(opts.roster).catch((e: Error) => command.error(rosterReason(e), { exitCode: 2 })) : undefined;
      const paths = await expandInputs(files);
      const batch = new CheckBatch(paths, { ...batchOptions(opts), roster });
      try {
        const code = await (opts.json ? checkToJson : checkToText)(batch, paths.length, findingFilter(opts), opts.pretty);
        process.exitCode = opts.exitZero && code === 1 ? 0 : code;
      } finally {
        await batch.close();
      }
    });
}

/** People: each file's block as soon as it is checked, then the pairs of years with their findings, then the summary. */
async function checkToText(batch: CheckBatch, total: number, filter: FindingFilter): Promise<number> {
  const tally = new Tally();
  for await (const checked of withProgress(batch.checked(), total, '核查')) {
    const outcome = filter.outcome(checked);
    tally.add(outcome);
    if ('error' in outcome) printUnusable(outcome, false);
    else if (outcome.report.findings.length) say(`${fileBlock(outcome.path, outcome)}\n`);
  }
  for (const { pair, line, findings } of await batch.pairs()) {
    const shown = findings.filter(filter.keep);
    tally.findings(shown);
    const path = batch.pathOf(pair.current);
    say([inline(line), ...byPlace(shown).map((f) => findingLine(path, f))].join('\n'));
  }
  say(tally.summary());
  return tally.exitCode();
}

/** Programs: one Report JSON line per input in input order, cross-year findings included; the summary on stderr. */
async function checkToJson(batch: CheckBatch, total: number, filter: FindingFilter, pretty?: boolean): Promise<number> {
  for await (const outcome of withProgress(batch.checked(), total, '核查')) {
    if ('error' in outcome) printUnusable(outcome, false);
  }

  for (const { line } of await batch.pairs()) warn(inline(line));
  const tally = new Tally();
  for await (const final of batch.final()) {
    const outcome = filter.outcome(final);
    tally.add(outcome);
    sayJson('error' in outcome ? outcome.error : outcome.report, pretty);
  }
  warn(tally.summary());
  return tally.exitCode();
}

function rosterReason(e: Error): string {
  return e instanceof RosterError ? e.message : `无法读取名册 (cannot read roster): ${e.message}`;
}

function fileBlock(path: string, outcome: Extract<Outcome, { report: unknown }>): string {
  return [headerLine(path, outcome.report), ...byPlace(outcome.report.findings).map((f) => findingLine(path, f))].join('\n');
}

/** Findings in source order (those without a place first), stable within a place. */
function byPlace(findings: readonly Finding[]): Finding[] {
  const at = (f: Finding) => f.page ?? f.line ?? 0;
  return findings.map((f, i) => ({ f, i })).sort((a, b) => at(a.f) - at(b.f) || a.i - b.i).map(({ f }) => f);
}

export function rulesTable(): string {
  const rows = CATALOGUE.map((r) => [r.id, ORIGIN_ZH[r.origin], SEVERITY_ZH[r.severity], r.title]);
  const head = ['规则', '阶段', '级别', '说明'];
  const width = (i: number) => Math.max(...[head, ...rows].map((r) => displayWidth(r[i])));
  const widths = [0, 1, 2].map(width);
  const line = (r: string[]) => r.map((c, i) => (i < 3 ? padEnd(c, widths[i]) : c)).join('  ').trimEnd();
  return [line(head), ...rows.map(line), '', `共 ${CATALOGUE.length} 条；跨年度规则在同时核查同一机关相邻两年的报告时运行（docs/rules.md 有完整说明）。`].join('\n');
}

