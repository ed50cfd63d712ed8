/** A .zip of reports imports like the folder it came from: members named "archive.zip/member", unsafe names skipped. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { zipSync } from 'fflate';
import { expandInputs } from '../../src/pipeline/index.ts';
import { importFiles, Store } from '../../src/store/index.ts';
import { ROOT } from '../helpers.ts';
import { freshEngine } from '../support/store.ts';

const work = mkdtempSync(join(tmpdir(), 'xxgk-zip-test-'));
after(() => rmSync(work, { recursive: true, force: true }));

test('the reports in a zip are imported under their names in the archive; the same members again are unchanged', async () => {
  const sample = readFileSync(join(ROOT, 'samples', '2024-tab.txt'));
  const archive = join(work, '报告.zip');
  writeFileSync(archive, zipSync({
    '淮安市/洪泽区/2024年度报告.txt': sample,
    '../逃逸.txt': sample,
    '说明.xlsx': new Uint8Array([1, 2, 3]),
  }));
  const inputs = await expandInputs([archive]);
  assert.deepEqual(inputs.map((i) => (typeof i === 'string' ? i : i.name)), [`${archive}/淮安市/洪泽区/2024年度报告.txt`]);
  const engine = await freshEngine('pglite');
  const store = await Store.open(engine.options);
  try {
    const events = [];
    for await (const e of importFiles(store, inputs)) events.push(e);
    assert.deepEqual(events.map((e) => [e.path, e.status]), [[`${archive}/淮安市/洪泽区/2024年度报告.txt`, 'imported']]);
    const version = await store.db.selectFrom('report_version').select(['path']).executeTakeFirstOrThrow();
    assert.equal(version.path, `${archive}/淮安市/洪泽区/2024年度报告.txt`);
    const again = [];
    for await (const e of importFiles(store, await expandInputs([archive]))) again.push(e.status);
    assert.deepEqual(again, ['unchanged']);
  } finally {
    await store.close();
    await engine.drop();
  }
});
