/**
 * `xxgk render FILE --to FORMAT`: read one report and write it out again: as a spreadsheet (xlsx: the tables in the
 * template's layout, 基本信息, 问题; csv: one line per cell), or re-laid in the statutory layout (docx, pdf, html, md).
 */
import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { checkOutcome, parseOne } from '../pipeline/index.ts';
import { BINARY_FORMATS, EXPORT_FORMATS, exportReport, type ExportFormat } from '../render/exports.ts';
import { batchOptions } from './options.ts';
import { inline, warn } from './output.ts';
import { printUnusable } from './unusable.ts';

interface RenderOptions {
  to: ExportFormat;
  output?: string;
  ocr?: boolean;
}

export function registerRender(program: Command): void {
  program
    .command('render')
    .description('把一份年度报告转换为 Excel 表格（xlsx）、CSV 单元格清单，或按法定格式重排为 Word、PDF、网页、Markdown')
    .argument('<file>', '报告文件；- 表示从标准输入读取')
    .addOption(new Option('--to <格式>', '输出格式').choices(EXPORT_FORMATS).makeOptionMandatory())
    .option('-o, --output <文件>', '写入该文件（默认写到标准输出；xlsx、docx、pdf 不写到终端）')
    .option('--ocr', '对没有文字层的扫描件进行文字识别（需安装 tesseract-ocr）')
    .addHelpText('after', `
退出码：0 已写出；2 无法读取输入，或报告未识别出机关、年度、法定格式而无法重排（docx、pdf、html、md）。
pdf 需要本机安装 Chromium（/usr/bin/chromium）与中文字体（fonts-noto-cjk）。

示例：
  xxgk render 年度报告.pdf --to xlsx -o 年度报告.xlsx
  xxgk render 年度报告.html --to csv > 单元格.csv
  xxgk render 扫描件.pdf --ocr --to docx -o 年度报告.docx`)
    .action(async (file: string, opts: RenderOptions, command: Command) => {
      const toStdout = !opts.output || opts.output === '-';
      if (BINARY_FORMATS.has(opts.to) && toStdout && process.stdout.isTTY) command.error(`${opts.to} 是二进制格式，请用 -o 指定输出文件`, { exitCode: 2 });
      const outcome = checkOutcome(await parseOne(file, batchOptions({ ocr: opts.ocr })));
      if ('error' in outcome) {
        printUnusable(outcome, false);
        process.exitCode = 2;
        return;
      }
      let out;
      try {
        out = await exportReport(outcome.report, opts.to);
      } catch (e) {
        // Chromium missing or failing to start (pdf): one line, not a stack.
        warn(`xxgk: 无法生成 ${opts.to}：${inline(String((e as Error).message).split('\n')[0])} (cannot write ${opts.to})`);
        process.exitCode = 2;
        return;
      }
      if (out === undefined) {
        warn(`xxgk: ${inline(file)}: 未识别出机关、年度或法定格式，无法按法定格式重排 (no agency, year or statutory format recognised: cannot lay the report out again)`);
        process.exitCode = 2;
      } else if (toStdout) process.stdout.write(out);
      else await writeFile(opts.output!, out);
    });
}
