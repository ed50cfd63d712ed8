/**
 * The questions a store answers, each one set-based statement (or a few) over the current versions: an agency
 * across years, a region's sum and its 本级政府 report against it, rankings, findings by rule, full-text search,
 * the roster in and out, and the corpus as a dataset. Every answer is a Table (columns and plain rows).
 */
export { agencyHistory, type AgencyHistory } from './agency.ts';
export { regionMembers, regionSum, regionYear, type RegionSum, type RegionYear } from './region.ts';
export { COVERED_TABLES, governmentVsMembers, type GovernmentComparison } from './government.ts';
export { rank, RANKINGS, type Ranking, type RankingDef, type RankingId, type RankOptions, type RankRow } from './rank.ts';
export { findingsByRule, type RuleCountsOptions } from './rules.ts';
export { search, type SearchOptions } from './search.ts';
export { exportRoster, importRoster } from './roster.ts';
export type { RosterRow } from '../../roster/index.ts';
export { lateReports, missingReports, type MissingRow } from './deadlines.ts';
export { dataset, type DatasetOptions } from './dataset.ts';
export { findAgency, findRegion, type AgencyRef, type RegionRef, type Scope } from './scope.ts';
export { levelName, type Column, type Table, type Value } from './table.ts';
