/**
 * The Chinese working-day calendar the statutory time limits run on (条例第三十三条 "20个工作日"): Monday to Friday,
 * less the statutory holidays, plus the weekend days the 国务院办公厅 notice on each year's holidays makes working days
 * (调休, e.g. Sunday 2024-02-04 and Sunday 2024-02-18 around the Spring Festival).
 *
 * Data: the npm package `chinese-days` (pinned; 2004 onwards, its maintainers update it from each year's 国务院办公厅
 * notice, which comes out around November for the next year). A year the package does not have yet is added without a
 * code change by a CSV file of that notice's dates (`日期,类型,说明`, 类型 休 or 班): a year present in such a file
 * replaces the package's data for that year. The CLI takes it with `--calendar FILE`, or from the XXGK_CALENDAR
 * environment variable.
 *
 * @example
 *   const cal = chineseCalendar();
 *   cal.isWorkingDay('2024-02-04');        // true: a 调休 Sunday
 *   cal.addWorkingDays('2024-09-27', 3);   // "2024-10-08": the 调休 Sunday 09-29 counts, National Day week does not
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { csvRecords } from '../roster/csv.ts';
import { addDays, parseDate, weekday, yearOf, type IsoDate } from './day.ts';

/** A day the notice changes: a weekday off (休) or a weekend day worked (班). */
export interface CalendarEntry {
  date: IsoDate;
  kind: 'holiday' | 'workday';
  note?: string;
}

export interface Calendar {
  isWorkingDay(date: IsoDate): boolean;
  /** The n-th working day after `date` (the day itself not counted: "自收到申请之日起20个工作日内"); n = 0 gives `date`. */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** Working days d with from < d ≤ to (negative when `to` is before `from`). */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /** Whether holiday data exists for the year; outside it only weekends are known, and due dates may be early. */
  covers(year: number): boolean;
  /** Where the data came from, for messages and reports. */
  sources: string[];
}

/** A calendar from entries; years absent from them fall back to Monday–Friday. */
export function createCalendar(entries: CalendarEntry[], sources: string[]): Calendar {
  const holidays = new Set(entries.filter((e) => e.kind === 'holiday').map((e) => e.date));
  const workdays = new Set(entries.filter((e) => e.kind === 'workday').map((e) => e.date));
  const years = new Set(entries.map((e) => yearOf(e.date)));
  const isWorkingDay = (d: IsoDate) => workdays.has(d) || (!holidays.has(d) && weekday(d) % 6 !== 0);
  const addWorkingDays = (date: IsoDate, n: number) => {
    let d = date;
    for (let left = n; left > 0;) {
      d = addDays(d, 1);
      if (isWorkingDay(d)) left--;
    }
    return d;
  };
  const workingDaysBetween = (from: IsoDate, to: IsoDate): number => {
    if (to < from) return -workingDaysBetween(to, from);
    let count = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
    return count;
  };
  return { isWorkingDay, addWorkingDays, workingDaysBetween, covers: (y) => years.has(y), sources };
}

interface ChineseDaysJson {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const PACKAGE = 'chinese-days';

/** The package's entries: its `holidays` (including the weekend days inside a holiday) and `workdays` (调休). */
export function packageEntries(): CalendarEntry[] {
  const require = createRequire(import.meta.url);
  const data = require(`${PACKAGE}/dist/chinese-days.json`) as ChineseDaysJson;
  const entries = (map: Record<string, string>, kind: CalendarEntry['kind']) =>
    Object.entries(map).map(([date, note]) => ({ date, kind, note: note.split(',')[1] }));
  return [...entries(data.holidays, 'holiday'), ...entries(data.workdays, 'workday')];
}

export function packageVersion(): string {
  return (createRequire(import.meta.url)(`${PACKAGE}/package.json`) as { version: string }).version;
}

/** A problem in a calendar file, with its line in the file (the header is line 1). */
export interface CalendarFileError {
  row: number;
  zh: string;
  en: string;
}

const KINDS: Record<string, CalendarEntry['kind']> = { 休: 'holiday', 假: 'holiday', holiday: 'holiday', 班: 'workday', workday: 'workday' };

/** A calendar CSV (`日期,类型,说明`): the dates of one or more years' 国务院办公厅 holiday notices. */
export function parseCalendarCsv(text: string): { entries: CalendarEntry[]; errors: CalendarFileError[] } {
  const [, ...rows] = csvRecords(text);
  const entries: CalendarEntry[] = [];
  const errors: CalendarFileError[] = [];
  rows.forEach(({ line: row, cells: [dateText = '', kindText = '', note] }) => {
    const date = parseDate(dateText);
    const kind = KINDS[kindText.trim()];
    if (!date) errors.push({ row, zh: `日期“${dateText}”无法识别`, en: `unreadable date "${dateText}"` });
    else if (!kind) errors.push({ row, zh: `类型“${kindText}”应为“休”或“班”`, en: `kind "${kindText}" must be 休 or 班` });
    else entries.push({ date, kind, note: note?.trim() || undefined });
  });
  return { entries, errors };
}

/** Entries of `extra` replace the base's for every year `extra` has (a year's notice is taken whole). */
export function overrideYears(base: CalendarEntry[], extra: CalendarEntry[]): CalendarEntry[] {
  const years = new Set(extra.map((e) => yearOf(e.date)));
  return [...base.filter((e) => !years.has(yearOf(e.date))), ...extra];
}

/** Thrown for a calendar file that cannot be used: one line per problem, in Chinese and English. */
export class CalendarFileInvalid extends Error {
  constructor(readonly path: string, readonly errors: CalendarFileError[]) {
    super(errors.map((e) => `${path}:${e.row}: ${e.zh}（${e.en}）`).join('\n'));
  }
}

/**
 * The calendar of the package with each file's years laid over it, in order. Files default to the paths in the
 * XXGK_CALENDAR environment variable (separated like PATH).
 */
export function chineseCalendar(files: string[] = envFiles()): Calendar {
  let entries = packageEntries();
  for (const path of files) {
    const { entries: extra, errors } = parseCalendarCsv(readFileSync(path, 'utf8'));
    if (errors.length) throw new CalendarFileInvalid(path, errors);
    entries = overrideYears(entries, extra);
  }
  return createCalendar(entries, [`${PACKAGE}@${packageVersion()}`, ...files]);
}

function envFiles(): string[] {
  const value = process.env.XXGK_CALENDAR;
  return value ? value.split(process.platform === 'win32' ? ';' : ':').filter(Boolean) : [];
}
