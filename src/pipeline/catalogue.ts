/**
 * The one catalogue of every finding id any stage emits — reading, extraction and checks — in the order they are
 * documented. `xxgk check --rules` and docs/rules.md are generated from it; a test fails when a finding's id is not here.
 */
import { RULES } from '../checks/index.ts';
import type { RuleMeta } from '../document/finding.ts';
import { EXTRACT_RULES } from '../extract/rules.ts';
import { READ_RULES } from '../readers/rules.ts';

/** A catalogue entry; check rules also say whether they look at one report or at two years. */
export type CatalogueEntry = RuleMeta & { scope?: 'report' | 'pair' };

const meta = ({ id, severity, origin, basis, title, description, example, scope }: CatalogueEntry): CatalogueEntry =>
  ({ id, severity, origin, basis, title, description, example, ...(scope ? { scope } : {}) });

export const CATALOGUE: readonly CatalogueEntry[] = [
  ...Object.values(READ_RULES),
  ...Object.values(EXTRACT_RULES),
  ...RULES.map(meta),
];

const byId = new Map(CATALOGUE.map((entry) => [entry.id, entry]));

/** The catalogue entry of a rule id, or undefined for an id no stage should emit. */
export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return byId.get(id);
}

/** Chinese names of the stages, for the catalogue's listings. */
export const ORIGIN_ZH = { read: '读取', extract: '提取', check: '核查' } as const;
