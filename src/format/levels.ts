/**
 * Agency levels: who publishes a report, by when, and what figures are plausible at that level.
 *
 * Deadlines (条例第四十九条, FORMAT.md "Deadline"): 县级以上人民政府部门 publish by 31 January; the 政府信息公开工作主管部门
 * publishes the 本级政府 report of a 县级以上地方人民政府 by 31 March. The article names no date for 乡镇人民政府 and
 * 街道办事处: their figures feed the county's 本级政府 report, so the latest defensible date is 31 March, and a township
 * report is never called late before it (a false alarm is worse than a miss).
 */

export type AgencyLevelId = 'government' | 'department' | 'township';

export interface AgencyLevel {
  id: AgencyLevelId;
  /** Chinese name, as in messages and the roster file. */
  name: string;
  /** Publication deadline in the year after the report year. */
  deadline: { month: number; day: number };
  /** Fees (行政事业性收费, 万元) at or above this are more likely 元 typed as 万元 than real at this level. */
  feeLimitWanYuan: number;
}

export const LEVELS: readonly AgencyLevel[] = [
  // A 本级政府 report sums every department of a county, city or province: 9.6亿元 of fees is ordinary for a city.
  { id: 'government', name: '本级政府', deadline: { month: 3, day: 31 }, feeLimitWanYuan: 1_000_000 },
  { id: 'department', name: '部门', deadline: { month: 1, day: 31 }, feeLimitWanYuan: 10_000 },
  // Townships collect few fees of their own.
  { id: 'township', name: '乡镇街道', deadline: { month: 3, day: 31 }, feeLimitWanYuan: 1_000 },
];

export function levelById(id: AgencyLevelId): AgencyLevel {
  return LEVELS.find((l) => l.id === id)!;
}

/** The level a roster cell names, by id or Chinese name ("部门", "department"). */
export function levelByName(name: string): AgencyLevel | undefined {
  const key = name.trim();
  return LEVELS.find((l) => l.id === key || l.name === key);
}

/** The deadline of a level for a report year, as an ISO date. */
export function deadlineFor(level: AgencyLevel, year: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year + 1}-${pad(level.deadline.month)}-${pad(level.deadline.day)}`;
}

/**
 * How agency names end at each level. Order matters: a township's 人民政府 is a township, a government's 办公室 is a
 * department. A zone's 管委会 is a government; other 管理委员会 (of a wetland, an old town) are departments.
 */
export const LEVEL_NAME_PATTERNS: readonly { level: AgencyLevelId; pattern: RegExp }[] = [
  { level: 'township', pattern: /(?:乡|镇|苏木|街道)(?:人民政府|政府|办事处)?$|街道办$/ },
  { level: 'government', pattern: /(?:人民政府|政府|行政公署)$/ },
  { level: 'government', pattern: /(?:开发区|高新区|新区|实验区|试验区|示范区|保税区|自贸区|合作区|风景区)(?:党工委)?(?:管委会|管理委员会)$/ },
  { level: 'department', pattern: /(?:局|委|委员会|管委会|办公室|办公厅|办|厅|署|中心|院|所|站|队|处|部|会|馆|社)$/ },
];

/** A name made only of places (平罗县, 淮安市洪泽区, 平潭综合实验区, 西咸新区): the 本级政府 report of that place. */
const PLACE_SUFFIX_RE = /(?:省|自治区|特别行政区|市|自治州|州|地区|盟|自治县|县|自治旗|旗|区|新区|综合实验区|开发区|高新区)/g;

/** Whether a name is a run of places, each at most 10 characters before its suffix (linear: one pass over suffixes). */
export function isRegionOnly(name: string): boolean {
  if (!/^[\u4e00-\u9fff]+$/.test(name)) return false;
  let start = 0;
  for (const m of name.matchAll(PLACE_SUFFIX_RE)) {
    if (m.index - start < 1 || m.index - start > 10) continue;
    start = m.index + m[0].length;
  }
  return start === name.length;
}
