/**
 * Nothing lost, nothing partial: an import killed with SIGKILL in the middle and run again holds exactly what a
 * clean import holds, on both engines. And an embedded data folder belongs to one process: a second one is refused.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, test } from 'node:test';
import { Store, type EngineOptions } from '../../src/store/index.ts';
import { CLI, ROOT } from '../helpers.ts';
import { dumpStore, freshEngine, writeGenerated, type TestEngine } from '../support/store.ts';

const work = mkdtempSync(join(tmpdir(), 'xxgk-crash-'));
const corpus = writeGenerated(join(work, 'generated'), 160);
after(() => rmSync(work, { recursive: true, force: true }));

function storeArgs(options: EngineOptions): string[] {
  return options.url ? ['--database-url', options.url] : ['--data', options.dir!];
}

/** Runs `xxgk import --json` and kills it with SIGKILL once `afterEvents` files are done; resolves when it is dead. */
function importKilled(options: EngineOptions, afterEvents: number): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...CLI, 'import', '--json', '-j', '2', ...storeArgs(options), corpus], { stdio: ['ignore', 'pipe', 'ignore'] });
    let events = 0;
    createInterface({ input: child.stdout }).on('line', () => {
      if (++events === afterEvents) child.kill('SIGKILL');
    });
    child.on('exit', () => resolve(events));
  });
}

function importToEnd(options: EngineOptions): { status: number | null; stdout: string } {
  const r = spawnSync(process.execPath, [...CLI, 'import', '-j', '2', ...storeArgs(options), corpus], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout };
}

async function dumpOf(options: EngineOptions): Promise<string> {
  const store = await Store.open(options);
  try {
    return await dumpStore(store);
  } finally {
    await store.close();
  }
}

for (const name of ['pglite', 'postgres'] as const) {
  test(`${name}: an import killed mid-way and run again equals a clean import`, async () => {
    const engines: TestEngine[] = [await freshEngine(name), await freshEngine(name)];
    try {
      const [killed, clean] = engines;
      const done = await importKilled(killed.options, 60);
      assert.ok(done >= 60 && done < 160, `killed after ${done} of 160 files`);
      const rerun = importToEnd(killed.options);
      assert.equal(rerun.status, 0);
      assert.match(rerun.stdout, /160 个文件：新增 \d+，未变 \d+/);
      assert.equal(importToEnd(clean.options).status, 0);
      assert.equal(await dumpOf(killed.options), await dumpOf(clean.options));
    } finally {
      for (const e of engines) await e.drop();
    }
  });
}

test('a second process on an embedded data folder is refused with a clear message', async () => {
  const engine = await freshEngine('pglite');
  const store = await Store.open(engine.options);
  try {
    const r = spawnSync(process.execPath, [...CLI, 'import', '--data', engine.options.dir!, join(ROOT, 'samples')], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^xxgk: 数据目录 .+ 正由进程 \d+（.+）使用.+\(data folder .+ is in use by process \d+ on .+\)\n$/);
  } finally {
    await store.close();
    await engine.drop();
  }
  const again = await Store.open(engine.options).catch((e: Error) => e);
  assert.ok(again instanceof Store, 'the folder is free once the owner closed it');
  await again.close();
});
