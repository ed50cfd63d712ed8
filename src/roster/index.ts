/**
 * An optional roster of agencies (CSV with a header: agency, aliases, region, level, parent; Chinese headers 机关, 别名,
 * 地区, 级别, 上级 also accepted). It declares an agency's level, overriding the level inferred from its name, and
 * its other names, so that reports written under any of them are paired across years.
 *
 * @example
 *   agency,aliases,region,level,parent
 *   洪泽区人民政府,淮安市洪泽区人民政府;洪泽区政府,江苏省淮安市,本级政府,淮安市人民政府
 */
import { readFile } from 'node:fs/promises';
import { LEVELS, levelByName, type AgencyLevelId } from '../format/index.ts';
import type { Report } from '../report/types.ts';
import { csvRecords } from './csv.ts';
import { agencyKey } from './names.ts';

export { agencyKey, extraPlaces, splitPlaces, type SplitName } from './names.ts';

/** One agency as a roster file has it: aliases joined by ";", the level's Chinese name, "" for what is not known. */
export interface RosterRow extends Record<string, string> {
  agency: string;
  aliases: string;
  region: string;
  level: string;
  parent: string;
}

export interface RosterEntry {
  agency: string;
  aliases: string[];
  region: string;
  level: AgencyLevelId | null;
  parent: string;
}

export interface Roster {
  entries: RosterEntry[];
  /** Every name and alias, by key, to its entry. */
  byKey: Map<string, RosterEntry>;
}

/** One row of a roster file that cannot be used: its line in the file and why, in Chinese. */
export interface RosterProblem {
  line: number;
  message: string;
}

/** A roster file that cannot be used: every problem row, each naming its line (the message joins them). */
export class RosterError extends Error {
  constructor(readonly problems: RosterProblem[]) {
    super(problems.map((p) => (p.line ? `名册第${p.line}行：${p.message}` : p.message)).join('；'));
  }
}

const COLUMNS: Record<keyof RosterEntry, string[]> = {
  agency: ['agency', '机关', '机关名称'],
  aliases: ['aliases', '别名'],
  region: ['region', '地区'],
  level: ['level', '级别'],
  parent: ['parent', '上级', '上级机关'],
};

/** The roster a CSV text declares; a RosterError listing every unusable row (nothing of a faulty file is used). */
export function parseRoster(text: string): Roster {
  const [head, ...rows] = csvRecords(text);
  if (!head) throw new RosterError([{ line: 0, message: '名册为空 (empty roster)' }]);
  const header = head.cells;
  const column = (key: keyof RosterEntry) => header.findIndex((h) => COLUMNS[key].includes(h.trim().toLowerCase()));
  const at = Object.fromEntries(Object.keys(COLUMNS).map((k) => [k, column(k as keyof RosterEntry)])) as Record<keyof RosterEntry, number>;
  if (at.agency < 0) throw new RosterError([{ line: head.line, message: '缺少 agency（机关）列 (roster header has no agency column)' }]);
  const entries: RosterEntry[] = [];
  const byKey = new Map<string, RosterEntry>();
  const lineOf = new Map<RosterEntry, number>();
  const problems: RosterProblem[] = [];
  rows.forEach(({ line, cells }) => {
    const cell = (key: keyof RosterEntry) => (at[key] >= 0 ? cells[at[key]]?.trim() ?? '' : '');
    if (!cell('agency')) {
      problems.push({ line, message: '缺少机关名称 (no agency name)' });
      return;
    }
    const levelText = cell('level');
    const level = levelText ? levelByName(levelText) : undefined;
    if (levelText && !level) {
      problems.push({ line, message: `级别“${levelText}”应为${LEVELS.map((l) => l.name).join('、')} (unknown level)` });
      return;
    }
    const entry: RosterEntry = {
      agency: cell('agency'),
      aliases: cell('aliases').split(/[;；、|]/).map((a) => a.trim()).filter(Boolean),
      region: cell('region'),
      level: level?.id ?? null,
      parent: cell('parent'),
    };
    const names = [entry.agency, ...entry.aliases];
    const taken = names.find((name) => byKey.has(agencyKey(name)));
    if (taken) {
      problems.push({ line, message: `“${taken}”已在第${lineOf.get(byKey.get(agencyKey(taken))!)}行登记 (name listed twice)` });
      return;
    }
    entries.push(entry);
    lineOf.set(entry, line);
    for (const name of names) byKey.set(agencyKey(name), entry);
  });
  if (problems.length) throw new RosterError(problems);
  return { entries, byKey };
}

export async function loadRoster(path: string): Promise<Roster> {
  return parseRoster(await readFile(path, 'utf8'));
}

/** The roster's entry for an agency name, by its name or an alias. */
export function rosterEntry(roster: Roster | undefined, agency: string | null): RosterEntry | undefined {
  return agency ? roster?.byKey.get(agencyKey(agency)) : undefined;
}

/** The report with the level its roster entry declares (the inferred one is kept when the roster has none). */
export function applyRoster(report: Report, roster: Roster | undefined): Report {
  const level = rosterEntry(roster, report.agency)?.level;
  return level ? { ...report, level: { id: level, source: 'declared' } } : report;
}
