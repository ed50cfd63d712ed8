/**
 * `xxgk ledger`: the 依申请公开 ledger: its template; a sheet imported into the store and exported again; due dates
 * from the store or straight from a sheet; a report built from a sheet (from the store: `xxgk author`).
 */
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Option, type Command } from 'commander';
import {
  asOf, buildReport, byUrgency, csvTemplate, stateOf, statusOf, STATUS_NAMES, WAITING_NAMES, xlsxTemplate, type BuildResult,
  type Calendar, type DueStatus, type SheetProblem,
} from '../ledger/index.ts';
import type { Report } from '../report/types.ts';
import { rowsToCsv } from '../render/csv.ts';
import { exportLedger, importLedger, ledgerApplications, listLedger } from '../store/index.ts';
import { HISTORY_COLUMNS, historyRows } from '../web/ledger-history.ts';
import { BUILD_EXIT_CODES, BUILT_FORMATS, writeBuilt, type BuiltOutputOptions } from './author.ts';
import { calendarOf, date, printProblems, readJson, readSheet, readTable2, today, withCalendar, year, type CalendarCliOptions } from './ledger-options.ts';
import { inline, say, sayJson, warn } from './output.ts';
import { addStoreOptions, withStore, type StoreCliOptions } from './store-options.ts';

type StoreLedgerOptions = CalendarCliOptions & StoreCliOptions & { agency?: string };

export function registerLedger(program: Command): void {
  const ledger = program.command('ledger').description('依申请公开台账：模板、导入数据库、答复期限、导出；由台账生成年度报告见 xxgk author');
  ledger.command('template')
    .description('输出台账模板（表头为中文，含一行示例）：CSV，或 -o 指定 .xlsx 文件时为 Excel 工作簿（含下拉选项和填写说明）')
    .option('-o, --out <文件>', '写入文件（.xlsx 为 Excel 工作簿，其余为 CSV；默认 CSV 写到标准输出）')
    .action(async (opts: { out?: string }) => {
      if (!opts.out) return void process.stdout.write(csvTemplate());
      writeFileSync(opts.out, extname(opts.out).toLowerCase() === '.xlsx' ? await xlsxTemplate() : csvTemplate());
    });
  registerImport(ledger);
  registerDue(ledger);
  registerExport(ledger);
  registerBuild(ledger);
}

function registerImport(ledger: Command): void {
  addStoreOptions(withCalendar(ledger.command('import')
    .description('把台账表格存入数据库：新申请登记，已有申请补记表格中新增的记录；有一行出错则整个文件不存入')
    .argument('<file>', '台账文件（.csv 或 .xlsx）')
    .requiredOption('--agency <机关>', '台账所属机关')
    .option('--by <经办人>', '记为经办人（默认“导入:文件名”）')))
    .addHelpText('after', `
已存入的记录不能修改或删除：表格中缺少或改动了库中已有的记录时，整个文件不存入。
退出码：0 已存入（可能有警告）；1 有错误，未存入；2 文件或数据库无法读取。`)
    .action(async (file: string, opts: StoreLedgerOptions & { agency: string; by?: string }) => {
      const calendar = calendarOf(opts);
      const sheet = await readSheet(file, calendar, opts.by);
      const result = await withStore(opts, (db) => importLedger(db, opts.agency, sheet, calendar));
      if (!result) return;
      printProblems(file, result.problems);
      const errors = result.problems.filter((p) => p.severity === 'error').length;
      warn(result.stored
        ? `已存入${inline(opts.agency)}的台账：新登记${result.added}件，补记${result.appended}条记录，未变${result.unchanged}件`
        : `未存入：有${errors}处错误，整个文件未存入（nothing stored: ${errors} errors）`);
      process.exitCode = result.stored ? 0 : 1;
    });
}

function registerDue(ledger: Command): void {
  addStoreOptions(withCalendar(ledger.command('due')
    .description('列出未办结申请的答复期限：已超期在前，其次即将到期、中止计时、办理中')
    .argument('[file]', '台账文件（.csv 或 .xlsx；不给文件时读数据库中 --agency 的台账）')
    .option('--agency <机关>', '读数据库中该机关的台账')
    .option('--as-of <日期>', '按该日的台账计算（默认今天，北京时间）', date)
    .option('--json', '输出 JSON：每个申请一行')))
    .addHelpText('after', '\n退出码：0 没有超期；1 有超期申请或台账有错误；2 文件或数据库无法读取。')
    .action(async (file: string | undefined, opts: StoreLedgerOptions & { asOf?: string; json?: boolean }, command: Command) => {
      if (!file === !opts.agency) command.error('请给出台账文件，或用 --agency 指明数据库中的台账，二者取一 (give a sheet or --agency)', { exitCode: 2 });
      const calendar = calendarOf(opts);
      const day = opts.asOf ?? today();
      const found = file ? await dueFromSheet(file, calendar, day) : await dueFromStore(opts, opts.agency!, calendar, day);
      if (!found) return;
      const statuses = found.statuses.filter((s) => s.status !== 'concluded' && (s.due || s.waiting));
      if (opts.json) statuses.forEach((s) => sayJson(s));
      else for (const s of statuses) say(dueLine(s));
      const overdue = statuses.filter((s) => s.status === 'overdue').length;
      if (!opts.json) warn(`${day}：未办结${statuses.length}件，其中已超期${overdue}件`);
      process.exitCode = overdue || found.errors ? 1 : 0;
    });
}

function registerExport(ledger: Command): void {
  addStoreOptions(ledger.command('export')
    .description('把数据库中机关的台账导出为台账 CSV 表格（与模板同列，可修改后再导入；每类事项只有第一条的列）')
    .requiredOption('--agency <机关>', '台账所属机关')
    .option('--history', '改为导出全部办理记录：每条事项一行，含全部内容、经办人和记录时间')
    .option('-o, --out <文件>', '写入文件（默认写到标准输出）'))
    .addHelpText('after', '\n退出码：0 已导出；2 数据库无法读取或没有该机关。')
    .action(async (opts: StoreCliOptions & { agency: string; history?: boolean; out?: string }) => {
      const csv = await withStore(opts, async (db) =>
        opts.history ? rowsToCsv(HISTORY_COLUMNS, historyRows(await ledgerApplications(db, opts.agency))) : exportLedger(db, opts.agency));
      if (csv === undefined) return;
      if (opts.out) writeFileSync(opts.out, csv);
      else process.stdout.write(csv);
    });
}

function registerBuild(ledger: Command): void {
  withCalendar(ledger.command('build')
    .description('由台账文件生成年度报告（表三、表四由台账统计，各部分预填数字），并按全部规则核查；台账在数据库中时用 xxgk author')
    .argument('<file>', '台账文件（.csv 或 .xlsx）')
    .requiredOption('--year <年度>', '报告年度', year)
    .requiredOption('--agency <机关>', '机关名称')
    .option('--table2 <文件>', '表二（JSON，键同 Report JSON 的 table2）')
    .option('--previous <文件>', '上年度报告的 Report JSON（xxgk parse --json 的输出）：沿用其文字，并做跨年度核查')
    .option('--published <日期>', '发布日期', date)
    .addOption(new Option('--to <格式>', '输出格式').choices(BUILT_FORMATS).default('md'))
    .option('-o, --out <文件>', '写入文件（docx、pdf 不写到终端）'))
    .addHelpText('after', BUILD_EXIT_CODES)
    .action(async (file: string, opts: CalendarCliOptions & BuildCliOptions) => {
      const calendar = calendarOf(opts);
      const table2 = opts.table2 ? readTable2(opts.table2, opts.year) : undefined;
      const sheet = await readSheet(file, calendar);
      printProblems(file, sheet.problems);
      const result = buildReport(sheet.applications, {
        year: opts.year, agency: opts.agency, calendar, published: opts.published,
        table2, previous: opts.previous ? (readJson(opts.previous) as Report) : undefined,
      });
      await writeBuilt(withSheetErrors(result, sheet.problems), opts);
    });
}

/**
 * A sheet row with an error is left out of the applications (or an event of it refused), so the tables would count
 * without it: the report is then not final, and says why, however clean its arithmetic.
 */
function withSheetErrors(result: BuildResult, problems: SheetProblem[]): BuildResult {
  const rows = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.row)).size;
  if (!rows) return result;
  const reason = { zh: `台账表格有${rows}行错误（见上），改正后才能完整统计`, en: `${rows} sheet rows have errors (listed above): the counts are incomplete until they are corrected` };
  return { ...result, blocking: [...result.blocking, reason], final: false };
}

interface BuildCliOptions extends BuiltOutputOptions {
  year: number;
  agency: string;
  table2?: string;
  previous?: string;
  published?: string;
}

/** Statuses of a sheet's applications as of a day, most urgent first; its problems printed by row. */
async function dueFromSheet(file: string, calendar: Calendar, day: string): Promise<DueList> {
  const { applications, problems } = await readSheet(file, calendar);
  printProblems(file, problems);
  const statuses = applications.map((app) => statusOf(stateOf(asOf(app, day), calendar), day, calendar)).sort(byUrgency);
  return { statuses, errors: problems.some((p) => p.severity === 'error') };
}

/** Statuses of the agency's stored applications as of a day, most urgent first (stored events keep every rule). */
async function dueFromStore(opts: StoreCliOptions, agency: string, calendar: Calendar, day: string): Promise<DueList | undefined> {
  const entries = await withStore(opts, (db) => listLedger(db, agency, { calendar, asOf: day }));
  return entries && { statuses: entries.map((e) => e.status), errors: false };
}

interface DueList {
  statuses: DueStatus[];
  errors: boolean;
}

function dueLine(s: DueStatus): string {
  const what = s.waiting ? `${WAITING_NAMES[s.waiting.kind]}（自${s.waiting.since}${s.waiting.until ? `，至迟${s.waiting.until}` : ''}）` : `答复期限 ${s.due}，剩余${s.remaining}个工作日`;
  const gap = s.uncoveredYears.length ? `（缺${s.uncoveredYears.join('、')}年节假日数据，期限可能偏早，见 --calendar）` : '';
  return `${inline(s.id)}  ${STATUS_NAMES[s.status]}  ${what}${gap}`;
}
