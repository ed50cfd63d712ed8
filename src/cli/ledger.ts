/** `xxgk ledger`: the 依申请公开 ledger from a spreadsheet: its template, due dates, and the report it builds. */
import { readFileSync, writeFileSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import {
  asOf, buildReport, chineseCalendar, csvTemplate, importCsv, parseDate, stateOf, statusOf, STATUS_NAMES, WAITING_NAMES,
  type Calendar, type DueStatus, type SheetProblem,
} from '../ledger/index.ts';
import { renderHtml, type ReportData } from '../render/index.ts';
import { renderMarkdown } from '../render/markdown.ts';
import type { Report } from '../report/types.ts';
import { inline, say, sayJson, warn } from './output.ts';

interface SheetOptions {
  calendar?: string[];
}

export function registerLedger(program: Command): void {
  const ledger = program.command('ledger').description('依申请公开台账：模板、答复期限、由台账生成年度报告');
  ledger.command('template').description('输出台账 CSV 模板（表头为中文，含一行示例）').action(() => {
    process.stdout.write(csvTemplate());
  });
  withCalendar(ledger.command('due')
    .description('列出未办结申请的答复期限：已超期在前，其次即将到期、中止计时、办理中')
    .argument('<file>', '台账 CSV 文件')
    .option('--as-of <日期>', '按该日的台账计算（默认今天，北京时间）', date)
    .option('--json', '输出 JSON：每个申请一行'))
    .addHelpText('after', '\n退出码：0 没有超期；1 有超期申请或台账有错误；2 文件无法读取。')
    .action((file: string, opts: SheetOptions & { asOf?: string; json?: boolean }) => {
      const { calendar, applications, problems } = readSheet(file, opts);
      const day = opts.asOf ?? today();
      const statuses = applications.map((app) => statusOf(stateOf(asOf(app, day), calendar), day, calendar))
        .filter((s) => s.status !== 'concluded' && (s.due || s.waiting));
      statuses.sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || (a.due ?? '9').localeCompare(b.due ?? '9'));
      if (opts.json) statuses.forEach((s) => sayJson(s));
      else for (const s of statuses) say(dueLine(s));
      const overdue = statuses.filter((s) => s.status === 'overdue').length;
      if (!opts.json) warn(`${day}：未办结${statuses.length}件，其中已超期${overdue}件`);
      process.exitCode = overdue || problems.some((p) => p.severity === 'error') ? 1 : 0;
    });
  withCalendar(ledger.command('build')
    .description('由台账生成年度报告（表三、表四由台账统计，各部分预填数字），并按全部规则核查')
    .argument('<file>', '台账 CSV 文件')
    .requiredOption('--year <年度>', '报告年度', year)
    .requiredOption('--agency <机关>', '机关名称')
    .option('--table2 <文件>', '表二（JSON，键同 Report JSON 的 table2）')
    .option('--previous <文件>', '上年度报告的 Report JSON（xxgk parse --json 的输出）：沿用其文字，并做跨年度核查')
    .option('--published <日期>', '发布日期', date)
    .addOption(new Option('--to <格式>', '输出格式').choices(['md', 'html', 'docx', 'json']).default('md'))
    .option('-o, --out <文件>', '写入文件（docx 必须指定）'))
    .addHelpText('after', '\n退出码：0 可以定稿；1 不能定稿（有错误级问题、台账记录不符合规则或未填表二）；2 文件无法读取。')
    .action(async (file: string, opts: SheetOptions & BuildCliOptions) => {
      const { calendar, applications } = readSheet(file, opts);
      const result = buildReport(applications, {
        year: opts.year, agency: opts.agency, calendar, published: opts.published,
        table2: opts.table2 ? json(opts.table2) : undefined, previous: opts.previous ? (json(opts.previous) as Report) : undefined,
      });
      await write(result.report, opts);
      for (const f of result.report.findings) warn(`${f.severity === 'error' ? '错误' : f.severity === 'warning' ? '警告' : '提示'} [${f.rule}] ${inline(f.message)}`);
      warn(result.final ? '可以定稿（final）' : `不能定稿：${result.blocking.map((b) => b.zh).join('；')}（not final: ${result.blocking.map((b) => b.en).join('; ')}）`);
      process.exitCode = result.final ? 0 : 1;
    });
}

interface BuildCliOptions {
  year: number;
  agency: string;
  table2?: string;
  previous?: string;
  published?: string;
  to: 'md' | 'html' | 'docx' | 'json';
  out?: string;
}

const ORDER: DueStatus['status'][] = ['overdue', 'due-soon', 'waiting', 'open'];

function withCalendar(command: Command): Command {
  return command.option('--calendar <文件>', '补充节假日 CSV（日期,类型,说明；类型为休或班），覆盖所含年度；也可用环境变量 XXGK_CALENDAR', (v, prev: string[]) => [...prev, v], []);
}

/** The sheet, its problems printed to stderr by row; an unreadable file exits 2. */
function readSheet(file: string, opts: SheetOptions): { calendar: Calendar; applications: ReturnType<typeof importCsv>['applications']; problems: SheetProblem[] } {
  let text: string;
  let calendar: Calendar;
  try {
    calendar = chineseCalendar(opts.calendar?.length ? opts.calendar : undefined);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    warn(`xxgk: ${inline((e as Error).message)}（无法读取；cannot read）`);
    process.exit(2);
  }
  const { applications, problems } = importCsv(text, { calendar, by: `导入:${file}`, at: new Date().toISOString() });
  for (const p of problems) {
    warn(`${inline(file)}:${p.row}: ${p.severity === 'error' ? '错误' : '警告'}${p.id ? ` [${inline(p.id)}]` : ''}${p.column ? `「${p.column}」` : ''} ${inline(p.zh)}（${p.en}）`);
  }
  return { calendar, applications, problems };
}

function dueLine(s: DueStatus): string {
  const what = s.waiting ? `${WAITING_NAMES[s.waiting.kind]}（自${s.waiting.since}${s.waiting.until ? `，至迟${s.waiting.until}` : ''}）` : `答复期限 ${s.due}，剩余${s.remaining}个工作日`;
  const gap = s.uncoveredYears.length ? `（缺${s.uncoveredYears.join('、')}年节假日数据，期限可能偏早，见 --calendar）` : '';
  return `${inline(s.id)}  ${STATUS_NAMES[s.status]}  ${what}${gap}`;
}

async function write(report: Report, opts: BuildCliOptions): Promise<void> {
  if (opts.to === 'json') return output(`${JSON.stringify(report, null, 2)}\n`, opts.out);
  const data = reportData(report);
  if (opts.to === 'docx') {
    if (!opts.out) throw new InvalidArgumentError('--to docx 须用 --out 指定文件 (docx needs --out)');
    // `docx` is a development dependency (src/render/docx.ts): loaded only when asked for.
    const { renderDocx } = await import('../render/docx.ts');
    return writeFileSync(opts.out, await renderDocx(data));
  }
  output(opts.to === 'html' ? renderHtml(data) : renderMarkdown(data), opts.out);
}

function output(text: string, out?: string): void {
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}

/** What the renderers take, from the built report. */
function reportData(report: Report): ReportData {
  return {
    agency: report.agency!, year: report.year!, format_version: report.format_version as ReportData['format_version'],
    published: report.published, title: report.title, preface: report.preamble.map((p) => p.text).join('\n'),
    table2: report.table2, table3: report.table3, table4: report.table4,
    sections: report.sections.map((s) => ({ number: s.number, title: s.title, text: s.text })),
  };
}

function json(path: string): any {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    warn(`xxgk: ${inline(path)}: ${inline((e as Error).message)}（无法读取 JSON；cannot read JSON）`);
    process.exit(2);
  }
}

function date(value: string): string {
  const d = parseDate(value);
  if (!d) throw new InvalidArgumentError('应为日期，如 2025-01-20 (expected a date)');
  return d;
}

function year(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2019 || n > 2100) throw new InvalidArgumentError('应为2019年以后的年度 (expected a year from 2019)');
  return n;
}

/** Today in Beijing, where the agencies' days are. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}
