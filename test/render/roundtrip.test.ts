/**
 * Round trip: generated reports rendered in every layout read back to exactly the data they were written from, with
 * no error findings. A layout that cannot show blank cells (text laid out by spaces, one cell per line, tab or pipe
 * rows whose edges look like padding) is not asked to keep them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateReport, type GenerateOptions } from '../../bench/generate.ts';
import { SECTIONS } from '../../src/format/index.ts';
import { parseReportBytes } from '../../src/index.ts';
import { LAYOUTS, type Layout } from '../../src/render/index.ts';

const REPORTS = 30;

const KEYS = ['agency', 'year', 'format_version', 'published', 'table2', 'table3', 'table4'] as const;

/** Renders and reads back reports 1…30 and compares every field the data has. */
async function assertRoundTrip(layout: Layout, options: GenerateOptions): Promise<void> {
  for (let seed = 1; seed <= REPORTS; seed++) {
    const report = generateReport(seed, options);
    const bytes = new TextEncoder().encode(layout.render(report));
    const parsed = await parseReportBytes(bytes, `seed-${seed}${layout.ext}`);
    const where = `${layout.id}, report ${seed} ${JSON.stringify(options)}`;
    for (const key of KEYS) assert.deepEqual(parsed[key], report[key], `${where}: ${key}`);
    const errors = parsed.findings.filter((f) => f.severity === 'error');
    assert.deepEqual(errors.map((f) => f.message), [], `${where}: error findings`);
    assert.deepEqual(parsed.sections.map((s) => s.number), SECTIONS.map((s) => s.number), `${where}: sections`);
  }
}

describe('render → parse round trip', () => {
  for (const layout of LAYOUTS) {
    describe(layout.id, () => {
      const cases: [string, GenerateOptions][] = [
        ['reads back 30 reports of the 2021 format exactly', { version: '2021' }],
        ['reads back 30 reports of the 2019 format exactly', { version: '2019' }],
        ['reads back cells marked "/" as "/"', { version: '2021', slashes: true }],
      ];
      if (layout.showsBlanks) cases.push(['reads back blank cells as blank, not 0', { version: '2021', blanks: true }]);
      for (const [name, options] of cases) {
        it(name, () => assertRoundTrip(layout, options));
      }
    });
  }
});
