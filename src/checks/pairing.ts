/** Pairs reports of the same agency in consecutive years, for the cross-year rules. */
import type { Report } from '../report/types.ts';
import { normalizeProse } from './narrative.ts';

/** An agency name compared loosely: no spaces or punctuation, "委员会" and "委" the same. */
export function agencyKey(agency: string): string {
  return normalizeProse(agency).replace(/[\p{P}\p{S}]/gu, '').replace(/委员会$/, '委');
}

/** For each report (by index), the index of last year's report of the same agency, when there is exactly one. */
export function pairReports(reports: (Report | undefined)[]): Map<number, number> {
  const byKey = new Map<string, number[]>();
  reports.forEach((r, i) => {
    if (!r?.agency || !r.year) return;
    const key = `${agencyKey(r.agency)}|${r.year}`;
    byKey.set(key, [...(byKey.get(key) ?? []), i]);
  });
  const pairs = new Map<number, number>();
  reports.forEach((r, i) => {
    if (!r?.agency || !r.year) return;
    const previous = byKey.get(`${agencyKey(r.agency)}|${r.year - 1}`);
    if (previous?.length === 1) pairs.set(i, previous[0]);
  });
  return pairs;
}
