/**
 * The agency level the level-dependent rules hold a report to. When neither the name nor a roster says, the most
 * lenient level is used (the latest deadline, the highest fee limit): a rule must not cry wolf on a guess.
 */
import { levelById, LEVELS, type AgencyLevel } from '../format/index.ts';
import type { Report } from '../report/types.ts';

export interface LevelUsed {
  level: AgencyLevel;
  /** How the level is known, for messages: "由机关名称推断", "名册登记", or "级别不明，按最宽松的标准". */
  how: string;
}

export function levelUsed(report: Report, lenient: (a: AgencyLevel, b: AgencyLevel) => AgencyLevel): LevelUsed {
  const known = report.level;
  if (known) return { level: levelById(known.id), how: known.source === 'declared' ? '名册登记' : '由机关名称推断' };
  return { level: LEVELS.reduce(lenient), how: '级别不明，按最宽松的标准' };
}
