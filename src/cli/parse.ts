/** `xxgk parse FILE...`: read reports into statutory data; a human summary, Report JSON Lines, or CSV cells. */
import { Option, type Command } from 'commander';
import { parseMany, type Outcome } from '../pipeline/index.ts';
import { csvHeader, csvRows } from './csv.ts';
import { Tally } from './findings.ts';
import { expandInputs } from '../pipeline/inputs.ts';
import { addCommonOptions, batchOptions, findingFilter, type CommonOptions } from './options.ts';
import { withProgress } from './progress.ts';
import { printUnusable } from './unusable.ts';
import { say, sayJson } from './output.ts';
import { summarize } from './summary.ts';

type ParseOptions = CommonOptions & { csv?: boolean };

export function registerParse(program: Command): void {
  addCommonOptions(program
    .command('parse')
    .description('读取年度报告（文本、Markdown、网页、Word、PDF），输出机关、年度、三张统计表和读取中发现的问题')
    .argument('<files...>', '报告文件或文件夹；- 表示从标准输入读取'))
    .addOption(new Option('--csv', '输出 CSV：每个报告的每个单元格一行（文件、机关、年度、表、行、列、值、来源），可用电子表格打开').conflicts('json'))
    .addHelpText('after', `
退出码：0 读取成功；1 读取成功但有错误级问题；2 有无法读取的输入（其余文件照常读取）。

示例：
  xxgk parse 年度报告.html
  xxgk parse --json reports/ > reports.jsonl
  xxgk parse --csv reports/ > 单元格.csv
  cat 报告.txt | xxgk parse -`)
    .action(async (files: string[], opts: ParseOptions) => {
      const paths = await expandInputs(files);
      const filter = findingFilter(opts);
      const tally = new Tally();
      if (opts.csv) say(csvHeader());
      for await (const read of withProgress(parseMany(paths, batchOptions(opts)), paths.length, '读取')) {
        const outcome = filter.outcome(read);
        tally.add(outcome);
        print(outcome, opts);
      }
      process.exitCode = tally.exitCode();
    });
}

function print(outcome: Outcome, opts: ParseOptions): void {
  if ('error' in outcome) printUnusable(outcome, opts.json ?? false, opts.pretty);
  else if (opts.json) sayJson(outcome.report, opts.pretty);
  else if (opts.csv) for (const row of csvRows(outcome.path, outcome.report)) process.stdout.write(`${row}\n`);
  else say(`${summarize(outcome.report)}\n`);
}
