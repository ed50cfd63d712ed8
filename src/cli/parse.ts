/** `xxgk parse FILE...`: read reports into statutory data; a human summary, or Report JSON with --json. */
import type { Command } from 'commander';
import { expandInputs } from './inputs.ts';
import { exitCodeOf, parseAll, printUnusable, type Outcome } from './run.ts';
import { summarize } from './summary.ts';

export function registerParse(program: Command): void {
  program
    .command('parse')
    .description('读取年度报告（文本、Markdown、网页、Word、PDF），输出机关、年度、三张统计表和读取中发现的问题')
    .argument('<files...>', '报告文件或文件夹；- 表示从标准输入读取')
    .option('--json', '输出 JSON Lines：每个输入一行 Report JSON，顺序与输入一致')
    .option('--pretty', '与 --json 同用：缩进排版，便于阅读')
    .option('--ocr', '对没有文字层的扫描件进行文字识别（需安装 tesseract-ocr）')
    .addHelpText('after', `
退出码：0 读取成功；1 读取成功但有错误级问题；2 有无法读取的输入。

示例：
  xxgk parse 年度报告.html
  xxgk parse --json reports/ > reports.jsonl
  cat 报告.txt | xxgk parse -`)
    .action(async (files: string[], opts: { json?: boolean; pretty?: boolean; ocr?: boolean }) => {
      const paths = await expandInputs(files);
      const outcomes: Outcome[] = [];
      for await (const outcome of parseAll(paths, { ocr: opts.ocr })) {
        outcomes.push(outcome);
        print(outcome, opts.json ?? false, opts.pretty ?? false);
      }
      process.exitCode = exitCodeOf(outcomes);
    });
}

function print(outcome: Outcome, json: boolean, pretty: boolean): void {
  if ('error' in outcome) {
    printUnusable(outcome, json);
    return;
  }
  if (json) process.stdout.write(`${JSON.stringify(outcome.report, null, pretty ? 2 : undefined)}\n`);
  else process.stdout.write(`${summarize(outcome.report)}\n\n`);
}
