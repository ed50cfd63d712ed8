/**
 * The Chinese working-day calendar the statutory time limits run on (条例第三十三条 "20个工作日"): Monday to Friday,
 * less the statutory holidays, plus the weekend days the 国务院办公厅 notice on each year's holidays makes working days
 * (调休, e.g. Sunday 2024-02-04 and Sunday 2024-02-18 around the Spring Festival).
 *
 * Data: the npm package `chinese-days` (pinned; 2004 onwards, its maintainers update it from each year's 国务院办公厅
 * notice, which comes out around November for the next year). A year the package does not have yet is added without a
 * code change by a CSV file of that notice's dates (`日期,类型,说明`, 类型 休 or 班). A year the file covers (at least
 * WHOLE_YEAR_DATES of its dates) replaces the package's data for that year; the file's other dates, such as the days of
 * the year before that a notice mentions around 元旦, replace the package's data date by date. The CLI takes it with
 * `--calendar FILE`, or from the XXGK_CALENDAR environment variable.
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

/**
 * The dates of a year that make a whole year's data. A notice lists at least 21 (the package's leanest year, 2014, has
 * 16 weekday holidays and 5 调休 days, weekends inside the holidays not counted), while the dates of the year before
 * that a notice mentions are at most 3 (12-29 to 12-31 around 元旦), so 10 tells the two apart with room on both sides.
 */
const WHOLE_YEAR_DATES = 10;

/** The years with at least WHOLE_YEAR_DATES different dates among the entries. */
function wholeYears(entries: CalendarEntry[]): Set<number> {
  const count = new Map<number, number>();
  for (const date of new Set(entries.map((e) => e.date))) count.set(yearOf(date), (count.get(yearOf(date)) ?? 0) + 1);
  return new Set([...count].filter(([, n]) => n >= WHOLE_YEAR_DATES).map(([year]) => year));
}

/**
 * A calendar from entries; it covers the years it has whole data of (WHOLE_YEAR_DATES): a year of which it has only a
 * few dates, or none, is not covered, and its other days fall back to Monday–Friday.
 */
export function createCalendar(entries: CalendarEntry[], sources: string[]): Calendar {
  const holidays = new Set(entries.filter((e) => e.kind === 'holiday').map((e) => e.date));
  const workdays = new Set(entries.filter((e) => e.kind === 'workday').map((e) => e.date));
  const years = wholeYears(entries);
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

/**
 * The base with `extra` laid over it: a year `extra` has whole (a year's notice) replaces the base's year; its other
 * dates replace the base's on those dates only, so a notice mentioning 12-31 of the year before keeps that year's data.
 */
export function overlay(base: CalendarEntry[], extra: CalendarEntry[]): CalendarEntry[] {
  const years = wholeYears(extra);
  const dates = new Set(extra.map((e) => e.date));
  return [...base.filter((e) => !years.has(yearOf(e.date)) && !dates.has(e.date)), ...extra];
}

/** Thrown for a calendar file that cannot be used: one line per problem, in Chinese and English. */
export class CalendarFileInvalid extends Error {
  constructor(readonly path: string, readonly errors: CalendarFileError[]) {
    super(errors.map((e) => `${path}:${e.row}: ${e.zh}（${e.en}）`).join('\n'));
  }
}

/**
 * The calendar of the package with each file laid over it (`overlay`), in order. Files default to the paths in the
 * XXGK_CALENDAR environment variable (separated like PATH).
 */
export function chineseCalendar(files: string[] = envFiles()): Calendar {
  let entries = packageEntries();
  for (const path of files) {
    const { entries: extra, errors } = parseCalendarCsv(readFileSync(path, 'utf8'));
    if (errors.length) throw new CalendarFileInvalid(path, errors);
    entries = overlay(entries, extra);
  }
  return createCalendar(entries, [`${PACKAGE}@${packageVersion()}`, ...files]);
}

function envFiles(): string[] {
  const value = process.env.XXGK_CALENDAR;
  return value ? value.split(process.platform === 'win32' ? ';' : ':').filter(Boolean) : [];
}
