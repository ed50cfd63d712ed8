/**
 * The store on both engines (a PGlite folder and the real PostgreSQL server): import, re-import as a no-op, versions,
 * reviews that survive re-checking, unreadable files, and the same content on both engines.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { checkOutcome, expandInputs, readInput } from '../../src/pipeline/index.ts';
import { importFiles, Store, type ImportEvent } from '../../src/store/index.ts';
import { ROOT } from '../helpers.ts';
import { generateReport } from '../support/generate.ts';
import { dumpStore, freshEngine, writeGenerated, writeReportFile, type TestEngine } from '../support/store.ts';
import { renderTextTab } from '../../src/render/index.ts';

const work = mkdtempSync(join(tmpdir(), 'xxgk-store-test-'));
const corpus = writeGenerated(join(work, 'generated'), 30);
writeFileSync(join(corpus, 'empty.txt'), '');
const inputs = [join(ROOT, 'samples'), corpus];

async function importAll(store: Store, paths = inputs): Promise<ImportEvent[]> {
  const events: ImportEvent[] = [];
  for await (const event of importFiles(store, await expandInputs(paths), { limits: { concurrency: 2 } })) events.push(event);
  return events;
}

const statuses = (events: ImportEvent[]) => events.reduce<Record<string, number>>((n, e) => ({ ...n, [e.status]: (n[e.status] ?? 0) + 1 }), {});

const dumps: Record<string, string> = {};
after(() => rmSync(work, { recursive: true, force: true }));

for (const name of ['pglite', 'postgres'] as const) {
  describe(`store on ${name}`, () => {
    let engine: TestEngine;
    let store: Store;
    before(async () => {
      engine = await freshEngine(name);
      store = await Store.open(engine.options);
    });
    after(async () => {
      await store?.close();
      await engine?.drop();
    });

    test('an import stores every file once; importing the same files again changes nothing', async () => {
      const first = statuses(await importAll(store));
      assert.deepEqual(first, { imported: 36, unreadable: 1 });
      const dump = await dumpStore(store);
      const second = statuses(await importAll(store));
      assert.deepEqual(second, { unchanged: 37 });
      assert.equal(await dumpStore(store), dump);
      dumps[name] = dump;
    });

    test('every cell is stored with its value: blank is not zero', async () => {
      const cells = await store.db.selectFrom('cell').select(['key', 'num', 'mark']).execute();
      assert.ok(cells.length > 36 * 100);
      assert.ok(cells.some((c) => c.num === null && c.mark === null), 'some generated cells are blank');
      const defs = await store.db.selectFrom('cell_def').select('key').where('format_version', '=', '2021').execute();
      assert.ok(defs.some((d) => d.key === 'table3.granted.6'), 'cell_def comes from the format');
    });

    test('a changed file of the same agency and year is a new version; the old one is kept', async () => {
      const path = join(corpus, '00001.txt');
      const original = readFileSync(path, 'utf8');
      writeFileSync(path, `${original}\n（本报告于发布后更正。）\n`);
      try {
        const events = await importAll(store, [path]);
        assert.deepEqual(statuses(events), { 'new-version': 1 });
        const versions = await store.db.selectFrom('report_version').select(['version', 'is_current']).where('report_id', '=', events[0].reportId!).orderBy('version').execute();
        assert.deepEqual(versions, [{ version: 1, is_current: false }, { version: 2, is_current: true }]);
      } finally {
        writeFileSync(path, original);
      }
      assert.deepEqual(statuses(await importAll(store, [path])), { unchanged: 1 }, 'the first version is still known');
    });

    test('a review survives re-checking the report and re-importing the identical file', async () => {
      const finding = await store.db
        .selectFrom('finding as f')
        .innerJoin('report_version as v', 'v.id', 'f.version_id')
        .select(['v.report_id', 'f.fingerprint'])
        .where('v.is_current', '=', true)
        .orderBy('f.id')
        .executeTakeFirstOrThrow();
      await store.review(finding.report_id, finding.fingerprint, 'dismissed', '审核员甲', '表述无误');
      await store.recheck(finding.report_id);
      await importAll(store);
      const review = await store.db
        .selectFrom('finding as f')
        .innerJoin('report_version as v', 'v.id', 'f.version_id')
        .innerJoin('review as r', (j) => j.onRef('r.report_id', '=', 'v.report_id').onRef('r.fingerprint', '=', 'f.fingerprint'))
        .select(['r.state', 'r.reviewer', 'r.comment'])
        .where('v.report_id', '=', finding.report_id)
        .where('v.is_current', '=', true)
        .where('f.fingerprint', '=', finding.fingerprint)
        .executeTakeFirstOrThrow();
      assert.deepEqual(review, { state: 'dismissed', reviewer: '审核员甲', comment: '表述无误' });
    });

    test('consecutive years of one agency are paired under either of its names, and the cross-year rules run', async () => {
      const dir = join(work, `pair-${name}`);
      const write = (seed: number, agency: string, year: number) => {
        const data = { ...generateReport(seed, { version: '2021' }), agency, year, title: undefined, published: `${year + 1}-01-20` };
        return writeReportFile(dir, `${agency}${year}.txt`, renderTextTab(data));
      };
      await importAll(store, [write(901, '洪泽区财政局', 2023), write(902, '淮安市洪泽区财政局', 2024)]);
      const reports = await store.db.selectFrom('report as r').innerJoin('agency as a', 'a.id', 'r.agency_id').select(['a.name', 'r.year']).where('a.name', '=', '洪泽区财政局').orderBy('r.year').execute();
      assert.deepEqual(reports, [{ name: '洪泽区财政局', year: 2023 }, { name: '洪泽区财政局', year: 2024 }]);
      const pairRules = await store.db.selectFrom('finding').select('rule').distinct().where('scope', '=', 'pair').execute();
      assert.ok(pairRules.some((r) => r.rule === 'carried-over'), 'random tables do not carry over: the rule fires');
    });

    test('an unreadable file is recorded with its reason and stays a no-op', async () => {
      const row = await store.db.selectFrom('unreadable').select(['path', 'code']).executeTakeFirstOrThrow();
      assert.equal(row.code, 'empty');
      assert.match(row.path, /empty\.txt$/);
    });
  });
}

test('both engines hold exactly the same after the same import', () => {
  assert.ok(dumps.pglite && dumps.postgres);
  assert.equal(dumps.pglite, dumps.postgres);
});

test('two stores on one PostgreSQL database writing reports of the same new agency at once both succeed', async () => {
  const engine = await freshEngine('postgres');
  const stores = [await Store.open(engine.options), await Store.open(engine.options)];
  const outcome = async (seed: number) => {
    const path = writeReportFile(join(work, 'race'), `${seed}.txt`, renderTextTab(generateReport(seed)));
    return checkOutcome(await readInput({ path }));
  };
  try {
    // Each round both stores create the same new agency and region in their own transactions, at once: one loses the
    // race (a unique violation) and tries again.
    for (let round = 0; round < 5; round++) {
      const outcomes = await Promise.all([1, 2].map((n) => outcome(1000 + round * 2 + n)));
      const identity = (year: number) => ({ agency: `新设数据局${round}`, region: `安徽省淮南市新区${round}`, year });
      const events = await Promise.all(stores.map((store, n) => store.writeMany([outcomes[n]], identity(2023 + n))));
      assert.deepEqual(events.map(([e]) => e.status), ['imported', 'imported']);
    }
    const agencies = await stores[0].db.selectFrom('agency').select('name').execute();
    assert.equal(agencies.length, 5);
  } finally {
    await Promise.all(stores.map((s) => s.close()));
    await engine.drop();
  }
});
