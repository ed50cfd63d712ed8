/**
 * Calendar dates as ISO strings ("2024-10-01"), the way the ledger stores them: no time of day and no time zone, so
 * a date means the same day in Beijing and on a server in UTC. Arithmetic goes through UTC midnight.
 */

/** An ISO calendar date, "YYYY-MM-DD". */
export type IsoDate = string;

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The days a ledger date may fall on. Working days are counted day by day, so a typo such as 9999-12-31 would make
 * every count over it take seconds; no application of this law (2008, revised 2019) is dated outside these years.
 */
export const FIRST_DAY: IsoDate = '1990-01-01';
export const LAST_DAY: IsoDate = '2100-12-31';

/** Whether a string is a real calendar date in ISO form ("2024-02-30" is not) within FIRST_DAY…LAST_DAY. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE_RE.exec(s);
  if (!m || s < FIRST_DAY || s > LAST_DAY) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/**
 * A date as spreadsheets and people write it: 2024-10-08, 2024/10/8, 2024.10.8, 2024年10月8日, with a midnight time
 * some exports add (2024-10-08 00:00:00). Undefined when it is not a real date.
 */
export function parseDate(text: string): IsoDate | undefined {
  const parts = text.trim().split(/\s+/);
  if (parts.length > 1 && /^0{1,2}:00(?::00)?$/.test(parts[parts.length - 1])) parts.pop();
  const day = parts.join('');
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(day);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

const toUtc = (d: IsoDate) => Date.parse(`${d}T00:00:00Z`);
const fromUtc = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

/** The date n calendar days later (n may be negative). */
export function addDays(d: IsoDate, n: number): IsoDate {
  return fromUtc(toUtc(d) + n * DAY_MS);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekday(d: IsoDate): number {
  return new Date(toUtc(d)).getUTCDay();
}

export const yearOf = (d: IsoDate): number => Number(d.slice(0, 4));

/** 31 December of a year, the day table 三 counts what is still open. */
export const yearEnd = (year: number): IsoDate => `${year}-12-31`;
