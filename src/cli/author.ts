/**
 * `xxgk author --year Y --agency A --to FORMAT`: the year's report drafted from the agency's ledger in the store,
 * with last year's stored report as the starting point, checked with every rule and written in the statutory layout.
 */
import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { BuildResult } from '../ledger/index.ts';
import { exportReport } from '../render/exports.ts';
import { buildLedgerReport } from '../store/index.ts';
import { calendarOf, date, readTable2, withCalendar, year, type CalendarCliOptions } from './ledger-options.ts';
import { inline, warn } from './output.ts';
import { addStoreOptions, withStore, type StoreCliOptions } from './store-options.ts';

export const BUILT_FORMATS = ['md', 'html', 'docx', 'pdf', 'json'] as const;

export interface BuiltOutputOptions {
  to: (typeof BUILT_FORMATS)[number];
  out?: string;
}

interface AuthorOptions extends BuiltOutputOptions, CalendarCliOptions, StoreCliOptions {
  year: number;
  agency: string;
  table2?: string;
  published?: string;
}

export const BUILD_EXIT_CODES = '\n退出码：0 可以定稿；1 不能定稿（有错误级问题、台账记录不符合规则或未填表二）；2 无法读取输入或写出。';

export function registerAuthor(program: Command): void {
  const command = program
    .command('author')
    .description('由数据库中的依申请公开台账编写年度报告：表三、表四由台账统计，各部分预填数字，库中有上年度报告时沿用其文字，并按全部规则核查')
    .requiredOption('--year <年度>', '报告年度', year)
    .requiredOption('--agency <机关>', '机关名称')
    .addOption(new Option('--to <格式>', '输出格式').choices(BUILT_FORMATS).default('md'))
    .option('-o, --out <文件>', '写入文件（docx、pdf 不写到终端）')
    .option('--table2 <文件>', '表二（JSON，键同 Report JSON 的 table2）')
    .option('--published <日期>', '发布日期', date);
  addStoreOptions(withCalendar(command))
    .addHelpText('after', `${BUILD_EXIT_CODES}\n\n示例：\n  xxgk ledger import 台账.csv --agency 某市某局\n  xxgk author --year 2025 --agency 某市某局 --table2 表二.json --to docx -o 年度报告.docx`)
    .action(async (opts: AuthorOptions) => {
      const calendar = calendarOf(opts);
      const table2 = opts.table2 ? readTable2(opts.table2, opts.year) : undefined;
      const result = await withStore(opts, (db) => buildLedgerReport(db, opts.agency, opts.year, { calendar, table2, published: opts.published }));
      if (!result) return;
      if (!result.applications) warn(`警告：数据库中${inline(opts.agency)}的台账没有任何申请，表三、表四均为0（no application in the stored ledger）`);
      warn(result.previous
        ? `沿用${result.previous.year}年度报告（${inline(result.previous.path)}）的文字，并做跨年度核查`
        : `库中没有${opts.year - 1}年度报告：各部分的文字须补充，不做跨年度核查`);
      await writeBuilt(result, opts);
    });
}

/** Writes the built report, lists its findings and says whether it may be final (exit 0) or why not (exit 1). */
export async function writeBuilt(result: BuildResult, opts: BuiltOutputOptions): Promise<void> {
  const toTerminal = !opts.out && process.stdout.isTTY;
  if ((opts.to === 'docx' || opts.to === 'pdf') && toTerminal) {
    warn(`xxgk: ${opts.to} 是二进制格式，请用 -o 指定输出文件（${opts.to} is binary: give -o FILE）`);
    process.exitCode = 2;
    return;
  }
  let out: string | Uint8Array | undefined;
  try {
    out = opts.to === 'json' ? `${JSON.stringify(result.report, null, 2)}\n` : await exportReport(result.report, opts.to);
  } catch (e) {
    // Chromium missing or failing to start (pdf): one line, not a stack.
    warn(`xxgk: 无法生成 ${opts.to}：${inline(String((e as Error).message).split('\n')[0])} (cannot write ${opts.to})`);
    process.exitCode = 2;
    return;
  }
  if (out === undefined) {
    warn('xxgk: 报告缺少机关、年度或法定格式，无法按法定格式写出 (no agency, year or statutory format: cannot lay the report out)');
    process.exitCode = 2;
    return;
  }
  if (opts.out) writeFileSync(opts.out, out);
  else process.stdout.write(out);
  for (const f of result.report.findings) warn(`${f.severity === 'error' ? '错误' : f.severity === 'warning' ? '警告' : '提示'} [${f.rule}] ${inline(f.message)}`);
  for (const { application, issue } of result.issues) warn(`${issue.severity === 'error' ? '错误' : '警告'} [申请${inline(application)}] ${inline(issue.zh)}（${issue.en}）`);
  warn(result.final ? '可以定稿（final）' : `不能定稿：${result.blocking.map((b) => b.zh).join('；')}（not final: ${result.blocking.map((b) => b.en).join('; ')}）`);
  process.exitCode = result.final ? 0 : 1;
}
