/**
 * Where a report belongs: agency, region, level and year come from its content; the file's path is the fallback;
 * the import's flags and the roster override both.
 */
import { basename, dirname, extname, sep } from 'node:path';
import type { Outcome } from '../pipeline/index.ts';
import { rosterEntry, type Roster } from '../roster/index.ts';
import type { AgencyIdentity } from './agencies.ts';
import { placesIn, regionChain } from './regions.ts';

export interface IdentityOverrides {
  agency?: string;
  year?: number;
  /** Region text, outermost first (江苏省淮安市). */
  region?: string;
  /** Level id or Chinese name, already validated. */
  level?: string;
  roster?: Roster;
}

export type ReportIdentity = AgencyIdentity & { year: number | null };

const YEAR_RE = /(?<!\d)(20[1-4]\d)(?!\d)/g;
const TITLE_WORDS_RE = /[（(]?20\d\d[)）]?年?(?:度)?|政府信息公开工作年度报告|政府信息公开年度报告|年度报告|信息公开/g;

export function identityOf(outcome: Outcome & { report: object }, overrides: IdentityOverrides = {}): ReportIdentity {
  const { report, path } = outcome as { report: import('../report/types.ts').Report; path: string };
  const name = overrides.agency ?? report.agency ?? agencyFromPath(path);
  const entry = rosterEntry(overrides.roster, name);
  const level = overrides.level ?? entry?.level ?? report.level?.id ?? null;
  const declared = overrides.level !== undefined || entry?.level != null || report.level?.source === 'declared';
  const outer = placesIn(overrides.region ?? entry?.region ?? '');
  return {
    name: entry?.agency ?? name,
    aliases: [...(entry?.aliases ?? []), ...(entry && entry.agency !== name ? [name] : [])],
    region: regionChain(entry?.agency ?? name, outer.length ? outer : placesFromPath(path), level === 'township'),
    level,
    levelSource: level ? (declared ? 'declared' : 'inferred') : null,
    year: overrides.year ?? report.year ?? yearFromPath(path),
  };
}

/** The last year-like number in the path (…/2023/报告.pdf, 2023年度报告.docx). */
export function yearFromPath(path: string): number | null {
  const years = [...path.matchAll(YEAR_RE)].map((m) => Number(m[1]));
  return years.at(-1) ?? null;
}

/** The file name without its year and the words every title has; the name itself when nothing else is left. */
export function agencyFromPath(path: string): string {
  const stem = basename(path, extname(path));
  return stem.replace(TITLE_WORDS_RE, '').replace(/[\s_\-—]+/g, '').trim() || stem;
}

/** Folder names that are places (…/淮安市/洪泽区/…), outermost first. */
function placesFromPath(path: string): string[] {
  return dirname(path).split(sep).flatMap((part) => (placesIn(part).join('') === part ? placesIn(part) : []));
}
