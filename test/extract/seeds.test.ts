/** The five real seed reports against values transcribed by hand (test/fixtures/seeds/*.expected.json). */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expectedSeed, parseFile, pathsOf, SEEDS_DIR, seedNames, seedsAvailable } from '../helpers.ts';

describe('seed reports', { skip: !seedsAvailable && 'shared seeds not present' }, () => {
  for (const name of seedNames()) {
    describe(name, () => {
      const expected = expectedSeed(name);
      const parsed = parseFile(join(SEEDS_DIR, `${name}.txt`));

      it('reads agency, year, format version and publication date', async () => {
        const r = await parsed;
        assert.deepEqual(
          { agency: r.agency, year: r.year, format_version: r.format_version, published: r.published },
          { agency: expected.agency, year: expected.year, format_version: expected.format_version, published: expected.published },
        );
      });

      it('finds the six sections with their titles and lines', async () => {
        const r = await parsed;
        assert.deepEqual(
          r.sections.map((s) => ({ number: s.number, title: s.title, line: s.source && 'line' in s.source ? s.source.line : undefined })),
          expected.sections,
        );
      });

      it('reproduces every cell of tables 二, 三 and 四', async () => {
        const r = await parsed;
        assert.deepEqual(r.table2, expected.table2);
        assert.deepEqual(r.table3, expected.table3);
        assert.deepEqual(r.table4, expected.table4);
      });

      it('reports ragged rows as findings and shifts no value', async () => {
        const r = await parsed;
        const ragged = r.findings.filter((f) => f.rule === 'row-value-count').map((f) => [f.place.cells![0].row, f.line, f.actual]);
        assert.deepEqual(ragged, expected.ragged_rows.map((x: any) => [x.row, x.line, x.found]));
        for (const f of r.findings.filter((f) => f.rule === 'row-value-count')) {
          const cells = pathsOf(f)!.map((c) => r.provenance[c].status);
          assert.ok(cells.every((s) => s === 'recovered' || s === 'unknown'), 'a ragged row is recovered or unknown, never shifted');
        }
      });
    });
  }
});
