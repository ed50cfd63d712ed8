/** samples/ holds exactly what test/support/samples.ts generates, and reads back as intended. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { generateReport } from '../support/generate.ts';
import { renderSample, SAMPLES } from '../support/samples.ts';
import { parseReportFile } from '../../src/index.ts';

const path = (file: string) => new URL(`../../samples/${file}`, import.meta.url).pathname;

describe('samples', () => {
  it('are up to date with the generator and renderers (regenerate: node --import tsx test/support/samples.ts)', () => {
    for (const sample of SAMPLES) assert.equal(readFileSync(path(sample.file), 'utf8'), renderSample(sample), sample.file);
  });

  for (const sample of SAMPLES.filter((s) => !s.spoil && !s.spoilText)) {
    it(`${sample.file} reads back to the data it was generated from, without errors`, async () => {
      const report = generateReport(sample.seed, sample.options);
      const parsed = await parseReportFile(path(sample.file));
      for (const key of ['agency', 'year', 'format_version', 'published', 'table2', 'table3', 'table4'] as const) {
        assert.deepEqual(parsed[key], report[key], key);
      }
      assert.deepEqual(parsed.findings.filter((f) => f.severity === 'error'), []);
    });
  }

  it('the sample with mistakes shows its ragged row as an error and fills in none of its values', async () => {
    const parsed = await parseReportFile(path('2024-mistakes.txt'));
    const errors = parsed.findings.filter((f) => f.severity === 'error');
    assert.deepEqual(errors.map((f) => [f.rule, f.line, f.expected, f.actual]), [['row-value-count', 35, 3, 2]]);
    assert.deepEqual(parsed.table2!.normative_docs, { issued: null, repealed: null, in_force: null });
    const sample = SAMPLES.find((s) => s.file === '2024-mistakes.txt')!;
    const clean = generateReport(sample.seed, sample.options);
    assert.equal(parsed.table3!.granted[0], (clean.table3!.granted[0] as number) + 10);
  });
});
