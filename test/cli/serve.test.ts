/**
 * `xxgk serve` as `npm start` runs it: a fresh data folder gets the bundled samples, the address is printed, the
 * pages answer; local mode refuses to listen beyond the loopback address.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileUsers } from '../../src/server/users.ts';
import { CLI } from '../helpers.ts';

test('serve imports the samples into a fresh database and serves them on 127.0.0.1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-serve-'));
  const child = spawn(process.execPath, [...CLI, 'serve', '--port', '0', '--data', join(dir, 'data')], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk;
        const m = /已启动：(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
    });
    assert.match(out, /已导入 .*samples.*：新增 6/);
    const list = await (await fetch(`${url}/api/reports`)).json() as { total: number };
    assert.equal(list.total, 6);
    const page = await fetch(`${url}/reports?has_errors=true`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /江沙市商务局/);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
});

test('local mode will not listen on other addresses', () => {
  const run = spawnSync(process.execPath, [...CLI, 'serve', '--host', '0.0.0.0'], { encoding: 'utf8' });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /只能监听 127\.0\.0\.1.*local mode listens on 127\.0\.0\.1 only/);
});

test('xxgk user binds an editor to one agency, and only an editor', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-users-'));
  const file = join(dir, 'users.json');
  const user = (...args: string[]) => spawnSync(process.execPath, [...CLI, 'user', ...args, '--users', file], { encoding: 'utf8', input: 'a long enough password\n' });
  try {
    assert.equal(user('李四', '--role', 'editor').status, 2, 'an editor needs --agency');
    assert.equal(user('王五', '--role', 'viewer', '--agency', '某局').status, 2, 'a viewer takes no agency');
    const ok = user('李四', '--role', 'editor', '--agency', '河清市生态环境局');
    assert.equal(ok.status, 0, ok.stderr);
    const [saved] = JSON.parse(readFileSync(file, 'utf8')) as { name: string; role: string; agency: string }[];
    assert.deepEqual([saved.name, saved.role, saved.agency], ['李四', 'editor', '河清市生态环境局']);
    const users = fileUsers(file);
    assert.equal((await users.find('李四'))?.agency, '河清市生态环境局');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
