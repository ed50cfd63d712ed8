/**
 * Pairs reports of the same agency in consecutive years, for the cross-year rules, and says why each pair was made:
 * the same name, the same name written differently (spacing, punctuation, 委/委员会), one name with more leading
 * places than the other (淮安市洪泽区人民政府 / 洪泽区人民政府), or two names of one agency in the roster.
 */
import type { Report } from '../report/types.ts';
import { agencyKey, extraPlaces, rosterEntry, splitPlaces, type Roster } from '../roster/index.ts';

export { agencyKey } from '../roster/index.ts';

export type PairReason =
  | { kind: 'same' }
  | { kind: 'spelling' }
  | { kind: 'alias'; agency: string }
  | { kind: 'places'; places: string[] };

export interface ReportPair {
  /** Index of this year's report. */
  current: number;
  /** Index of last year's report of the same agency. */
  previous: number;
  reason: PairReason;
}

interface Named {
  index: number;
  year: number;
  agency: string;
  /** The key of the roster's name for the agency, or of its own name. */
  key: string;
  alias?: string;
}

/** What pairing needs of a report: who published it, for which year. */
export type Identity = Pick<Report, 'agency' | 'year'>;

/** For each report (by index), last year's report of the same agency, when there is exactly one. */
export function findPairs(reports: readonly (Identity | undefined)[], roster?: Roster): ReportPair[] {
  const named: Named[] = [];
  reports.forEach((r, index) => {
    if (!r?.agency || !r.year) return;
    const entry = rosterEntry(roster, r.agency);
    named.push({ index, year: r.year, agency: r.agency, key: agencyKey(entry?.agency ?? r.agency), alias: entry?.agency });
  });
  const pairs: ReportPair[] = [];
  for (const current of named) {
    const lastYear = named.filter((n) => n.year === current.year - 1);
    const same = lastYear.filter((n) => n.key === current.key);
    if (same.length === 1) pairs.push({ current: current.index, previous: same[0].index, reason: sameReason(current, same[0]) });
    if (same.length) continue;
    const split = splitPlaces(current.key);
    const near = lastYear.map((n) => ({ n, places: extraPlaces(split, splitPlaces(n.key)) })).filter((x) => x.places);
    if (near.length === 1) pairs.push({ current: current.index, previous: near[0].n.index, reason: { kind: 'places', places: near[0].places! } });
  }
  // A report claimed as last year's by two reports through different places (南京市鼓楼区 / 福州市鼓楼区) pairs with neither.
  const claims = (p: ReportPair) => pairs.filter((q) => q.previous === p.previous && q.reason.kind === 'places').length;
  return pairs.filter((p) => p.reason.kind !== 'places' || claims(p) === 1);
}

function sameReason(current: Named, previous: Named): PairReason {
  if (current.agency === previous.agency) return { kind: 'same' };
  if (agencyKey(current.agency) === agencyKey(previous.agency)) return { kind: 'spelling' };
  return { kind: 'alias', agency: current.alias ?? previous.alias ?? current.agency };
}

/** For each report (by index), the index of last year's report of the same agency, when there is exactly one. */
export function pairReports(reports: readonly (Identity | undefined)[], roster?: Roster): Map<number, number> {
  return new Map(findPairs(reports, roster).map((p) => [p.current, p.previous]));
}

/**
 * One line saying which files were paired and why, for the CLI.
 *
 * @example
 *   pairLine(pair, paths, reports)
 *   // 跨年度比对：2024/洪泽区.txt（洪泽区人民政府2024年）与 2023/洪泽区.txt（淮安市洪泽区人民政府2023年）：去掉地区前缀“淮安市”后名称相同
 */
export function pairLine(pair: ReportPair, paths: readonly string[], reports: readonly (Identity | undefined)[]): string {
  const side = (i: number) => `${paths[i]}（${reports[i]?.agency}${reports[i]?.year}年）`;
  return `跨年度比对：${side(pair.current)}，上年报告 ${side(pair.previous)}（${reasonText(pair.reason)}）`;
}

function reasonText(reason: PairReason): string {
  switch (reason.kind) {
    case 'same': return '机关名称相同';
    case 'spelling': return '机关名称仅空格、标点或“委员会/委”写法不同';
    case 'alias': return `名册中为同一机关“${reason.agency}”`;
    case 'places': return `去掉地区前缀“${reason.places.join('')}”后名称相同`;
  }
}
