/** What the ledger commands share: the holiday calendar option, dates and years, sheets and JSON files read or exit 2. */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { chineseCalendar, importCsv, importXlsx, parseDate, table2Problems, type Calendar, type SheetProblem } from '../ledger/index.ts';
import type { Table2Json } from '../report/types.ts';
import type { ParsedSheet } from '../store/index.ts';
import { inline, warn } from './output.ts';

export interface CalendarCliOptions {
  calendar?: string[];
}

export function withCalendar(command: Command): Command {
  return command.option('--calendar <文件>', '补充节假日 CSV（日期,类型,说明；类型为休或班）：文件中有10个以上日期的年度整年覆盖，其他日期逐日覆盖；也可用环境变量 XXGK_CALENDAR', (v, prev: string[]) => [...prev, v], []);
}

/** The working-day calendar with the files given; an unreadable file ends the command (exit 2). */
export function calendarOf(opts: CalendarCliOptions): Calendar {
  try {
    return chineseCalendar(opts.calendar?.length ? opts.calendar : undefined);
  } catch (e) {
    return cannotRead(e);
  }
}

/** Sheet parsers by file extension: each gives the applications in row order and the problems by row. */
const SHEET_PARSERS: Record<string, (bytes: Buffer, options: Parameters<typeof importCsv>[1]) => ParsedSheet | Promise<ParsedSheet>> = {
  '.csv': (bytes, options) => importCsv(bytes.toString('utf8'), options),
  '.xlsx': (bytes, options) => importXlsx(bytes, options),
};

/** A ledger sheet read and parsed (its events recorded as by `by`, dates after today warned of); an unreadable file or unknown format exits 2. */
export async function readSheet(file: string, calendar: Calendar, by = `导入:${file}`): Promise<ParsedSheet> {
  const parser = SHEET_PARSERS[extname(file).toLowerCase()];
  if (!parser) {
    const known = Object.keys(SHEET_PARSERS).join('、');
    warn(`xxgk: ${inline(file)}: 台账文件应为 ${known} 格式（ledger sheet must be ${known}）`);
    process.exit(2);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return cannotRead(e);
  }
  return parser(bytes, { calendar, by, at: new Date().toISOString(), today: today() });
}

/** Each problem of a sheet on one line, by row, in Chinese and English. */
export function printProblems(file: string, problems: SheetProblem[]): void {
  for (const p of problems) {
    warn(`${inline(file)}:${p.row}: ${p.severity === 'error' ? '错误' : '警告'}${p.id ? ` [${inline(p.id)}]` : ''}${p.column ? `「${p.column}」` : ''} ${inline(p.zh)}（${p.en}）`);
  }
}

export function readJson(path: string): any {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    warn(`xxgk: ${inline(path)}: ${inline((e as Error).message)}（无法读取 JSON；cannot read JSON）`);
    process.exit(2);
  }
}

/**
 * Table 二 from a JSON file, checked as the store checks what the draft page saves: a misspelt key or a value that is
 * not a non-negative number (or null, blank) would otherwise go into the report unseen. Any problem exits 2.
 */
export function readTable2(path: string, year: number): Table2Json {
  const table2 = readJson(path);
  const problems = table2Problems(table2, year);
  if (problems.length) {
    for (const p of problems) warn(`xxgk: ${inline(path)}: ${inline(p.zh)}（${inline(p.en)}）`);
    process.exit(2);
  }
  return table2 as Table2Json;
}

function cannotRead(e: unknown): never {
  warn(`xxgk: ${inline((e as Error).message)}（无法读取；cannot read）`);
  process.exit(2);
}

export function date(value: string): string {
  const d = parseDate(value);
  if (!d) throw new InvalidArgumentError('应为日期，如 2025-01-20 (expected a date)');
  return d;
}

export function year(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2019 || n > 2100) throw new InvalidArgumentError('应为2019年以后的年度 (expected a year from 2019)');
  return n;
}

/** Today in Beijing, where the agencies' days are. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}
