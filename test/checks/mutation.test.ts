/**
 * Mutation harness: take consistent reports (the five seeds and reports built in code), change one cell of table 三 or
 * 四 at a time (every cell, +1, and −1 where the cell is above 0) directly in the Report JSON, and require an error
 * whose cells include the changed cell, its row or its column. Also counts errors the checker raises on the unmutated
 * documents beyond the verified real problems (false errors). The numbers are printed for the closing note.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { checkReport, type CheckOptions } from '../../src/checks/index.ts';
import { cellsOf, tableDefOf, valueAt } from '../../src/report/cells.ts';
import type { Finding, Report } from '../../src/report/types.ts';
import { seedsAvailable } from '../helpers.ts';
import { buildReport, withCell } from './builder.ts';
import { checkSeed, SEED_FINDINGS } from './seed-findings.ts';
import { TABLE3_HTML_VALUES } from '../fixtures/html/table3.values.ts';
import { pathsOf } from '../helpers.ts';

interface Subject {
  name: string;
  report: Report;
  options: CheckOptions;
  /** Errors the checker rightly raises on the unmutated document: [rule, line]. */
  known: [string, number | null][];
}

/** The table 三 of test/fixtures/html/table3.html: outcomes spread over several rows and columns. */
const SPREAD = TABLE3_HTML_VALUES;

function builtSubjects(): Subject[] {
  const blanks = withCell(withCell(buildReport({ table3: SPREAD }), 'table3.denied_state_secret.3', null), 'table3.other_other.5', '/');
  return [
    { name: 'built 2021', report: buildReport(), options: {}, known: [] },
    { name: 'built 2019', report: buildReport({ version: '2019' }), options: {}, known: [] },
    { name: 'built 2021, spread outcomes', report: buildReport({ table3: SPREAD }), options: {}, known: [] },
    { name: 'built 2021, all zero', report: buildReport({ table3: {}, table4: zeroTable4() }), options: {}, known: [] },
    { name: 'built 2021, blank and "/" cells', report: blanks, options: {}, known: [] },
  ];
}

async function seedSubjects(): Promise<Subject[]> {
  if (!seedsAvailable) return [];
  const out: Subject[] = [];
  for (const [name, findings] of Object.entries(SEED_FINDINGS)) {
    const { read } = await checkSeed(name);
    out.push({ name, report: read, options: {}, known: findings });
  }
  return out;
}

function zeroTable4() {
  const group = () => ({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
  return { review: group(), litigation_direct: group(), litigation_after_review: group() };
}

/** Errors added by the checker (reading findings such as row-value-count are not the checker's). */
const checkerErrors = (before: Report, after: Report): Finding[] =>
  after.findings.slice(before.findings.length).filter((f) => f.severity === 'error');

/** The changed cell, or any cell of its row or of its column. */
function pointsAt(f: Finding, key: string): boolean {
  const [table, row, col] = key.split('.');
  return (pathsOf(f) ?? []).some((c) => {
    const [t, r, k] = c.split('.');
    return c === key || (t === table && (r === row || (col !== undefined && k === col)));
  });
}

const totals = { mutations: 0, detected: 0, falseErrors: 0, documents: 0 };
const missed: string[] = [];

describe('mutation harness: single-cell changes to tables 三 and 四', async () => {
  const subjects = [...builtSubjects(), ...(await seedSubjects())];

  after(() => {
    const rate = totals.mutations ? ((100 * totals.detected) / totals.mutations).toFixed(1) : '0';
    console.log(`mutation harness: ${totals.detected}/${totals.mutations} single-cell mutations detected (${rate}%); `
      + `${totals.falseErrors} false errors on ${totals.documents} consistent documents`
      + `${seedsAvailable ? ' (5 seeds + 5 built)' : ' (built only: seeds absent)'}`);
  });

  for (const subject of subjects) {
    describe(subject.name, () => {
      it('raises no error on the unmutated document beyond the verified problems', () => {
        const checked = checkReport(subject.report, subject.options);
        const known = new Set(subject.known.map(([rule, line]) => `${rule}@${line}`));
        const unexpected = checkerErrors(subject.report, checked).filter((f) => !known.has(`${f.rule}@${f.line ?? null}`));
        totals.documents++;
        totals.falseErrors += unexpected.length;
        assert.deepEqual(unexpected.map((f) => [f.rule, f.line, f.message]), []);
      });

      it('detects every +1 and −1 change of a cell of table 三 or 四 with an error at that cell, row or column', () => {
        const baseline = checkReport(subject.report, subject.options);
        const baselineErrors = new Set(checkerErrors(subject.report, baseline).map((f) => f.message));
        const misses: string[] = [];
        for (const id of ['table3', 'table4'] as const) {
          const table = tableDefOf(subject.report, id);
          if (!table) continue;
          for (const cell of cellsOf(table)) {
            const value = valueAt(subject.report, cell.key);
            if (value === undefined) continue;
            const n = typeof value === 'number' ? value : 0;
            for (const changed of n > 0 ? [n + 1, n - 1] : [n + 1]) {
              const mutated = withCell(subject.report, cell.key, changed);
              const errors = checkerErrors(mutated, checkReport(mutated, subject.options)).filter((f) => !baselineErrors.has(f.message));
              totals.mutations++;
              if (errors.some((f) => pointsAt(f, cell.key))) totals.detected++;
              else misses.push(`${cell.key}: ${value} → ${changed}`);
            }
          }
        }
        missed.push(...misses.map((m) => `${subject.name} ${m}`));
        assert.deepEqual(misses, []);
      });
    });
  }
});
