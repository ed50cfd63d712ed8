/** The one catalogue: every finding id that any stage emits on the test corpus is catalogued, once. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkReport } from '../../src/checks/index.ts';
import { UnreadableError } from '../../src/document/errors.ts';
import { catalogueEntry, CATALOGUE } from '../../src/pipeline/catalogue.ts';
import { FIXTURES, parseFile, ROOT, SEEDS_DIR } from '../helpers.ts';

const REPORT_FILE = /\.(txt|md|html?|docx|pdf)$/;
const FRAGMENTS = join(ROOT, '..', 'shared', 'corpus', 'fragments');

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : REPORT_FILE.test(e.name) ? [join(dir, e.name)] : []);
}

describe('the finding catalogue', () => {
  it('holds each id once, with every field filled', () => {
    const ids = CATALOGUE.map((e) => e.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
    for (const e of CATALOGUE) assert.ok(e.title && e.description && e.example && e.basis, e.id);
  });

  it('covers every id emitted on the samples, fixtures, seeds and fragments, with its severity and origin', async () => {
    const files = [...filesUnder(join(ROOT, 'samples')), ...filesUnder(FIXTURES), ...filesUnder(SEEDS_DIR), ...filesUnder(FRAGMENTS)];
    const emitted = new Map<string, string>();
    for (const file of files) {
      const report = await parseFile(file).catch((e) => (e instanceof UnreadableError ? undefined : Promise.reject(e)));
      if (!report) continue;
      for (const f of checkReport(report).findings) {
        const entry = catalogueEntry(f.rule);
        assert.ok(entry, `${f.rule} (${file}) is not in the catalogue`);
        assert.equal(f.origin, entry.origin, f.rule);
        assert.equal(f.severity, entry.severity, f.rule);
        emitted.set(f.rule, file);
      }
    }
    console.log(`catalogue: ${emitted.size} of ${CATALOGUE.length} ids emitted on ${files.length} files, all catalogued`);
    assert.ok(emitted.size > 5, 'the corpus exercises reading, extraction and checks');
  });
});
