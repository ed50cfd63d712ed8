/**
 * Copies made by other people's tools (src/render/copies.ts), generated from reports with known values: the failure
 * classes of real reports covered beyond the real fragments. Exact copies read back exactly; a copy that loses
 * information (run-together digits) reads back every cell either exactly or as unknown with a finding, never wrong.
 * No copy of a clean report yields an error finding other than the ones that say what the copy lost.
 */
import { pathsOf } from '../helpers.ts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateReport, type GenerateOptions } from '../support/generate.ts';
import { SECTIONS } from '../../src/format/index.ts';
import { parseReportBytes } from '../../src/index.ts';
import { COPIES, type Copy } from '../../src/render/copies.ts';
import type { Report } from '../../src/report/types.ts';

const REPORTS = 20;
const TABLES = ['table2', 'table3', 'table4'] as const;

async function readCopy(copy: Copy, seed: number, options: GenerateOptions) {
  const data = generateReport(seed, options);
  const parsed = await parseReportBytes(new TextEncoder().encode(copy.render(data)), `seed-${seed}${copy.ext}`);
  return { data, parsed, where: `${copy.id}, report ${seed} ${JSON.stringify(options)}` };
}

/** Cells that differ from the data, and whether each is marked unknown with a finding naming it. */
function lostCells(parsed: Report, data: Record<string, unknown>): { path: string; explained: boolean }[] {
  const named = new Set(parsed.findings.flatMap((f) => pathsOf(f) ?? []));
  const out: { path: string; explained: boolean }[] = [];
  for (const table of TABLES) {
    const want = JSON.stringify(data[table]);
    if (JSON.stringify(parsed[table]) === want) continue;
    for (const [row, value] of Object.entries(data[table] as Record<string, unknown>)) {
      const cells = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const)
        : value !== null && typeof value === 'object' ? Object.entries(value) : [['', value] as const];
      const got = (parsed[table] as Record<string, unknown> | undefined)?.[row];
      for (const [col, v] of cells) {
        const actual = col === '' ? got : (got as Record<string, unknown> | undefined)?.[col];
        if (actual === v) continue;
        const path = `${table}.${row}${col === '' ? '' : `.${col}`}`;
        out.push({ path, explained: actual === null && parsed.provenance[path]?.status === 'unknown' && named.has(path) });
      }
    }
  }
  return out;
}

describe('copies made by real-world tools, generated', () => {
  for (const copy of COPIES) {
    describe(copy.id, () => {
      for (const version of ['2021', '2019'] as const) {
        it(`reads ${REPORTS} reports of the ${version} format ${copy.exact ? 'exactly' : 'without a wrong cell'}`, async () => {
          let recovered = 0;
          for (let seed = 1; seed <= REPORTS; seed++) {
            const { data, parsed, where } = await readCopy(copy, seed, { version, ...(copy.blanks ? { blanks: true } : {}) });
            assert.equal(parsed.year, data.year, `${where}: year`);
            assert.deepEqual(parsed.sections.map((s) => s.number), SECTIONS.map((s) => s.number), `${where}: sections`);
            const lost = lostCells(parsed, data as unknown as Record<string, unknown>);
            if (copy.exact) assert.deepEqual(lost, [], `${where}: cells`);
            else assert.deepEqual(lost.filter((c) => !c.explained), [], `${where}: wrong cells`);
            const errors = parsed.findings.filter((f) => f.severity === 'error' && f.rule !== 'row-value-count');
            assert.deepEqual(errors.map((f) => f.message), [], `${where}: error findings`);
            recovered += Object.values(parsed.provenance).filter((p) => p.status === 'recovered').length;
          }
          if (!copy.exact) assert.ok(recovered > 0, 'run-together digits split by the arithmetic');
        });
      }
    });
  }

  it('names the agency of a one-line dump without its page metadata', async () => {
    const { data, parsed } = await readCopy(COPIES.find((c) => c.id === 'oneline-dump')!, 1, {});
    assert.equal(parsed.agency, data.agency);
  });

  it('says which rows of a copy with misspelt labels were identified by template order', async () => {
    const { parsed } = await readCopy(COPIES.find((c) => c.id === 'misspelt-labels')!, 1, { version: '2021' });
    assert.ok(parsed.findings.some((f) => f.rule === 'row-label-inferred'));
  });
});
