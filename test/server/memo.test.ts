import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Memo } from '../../src/server/memo.ts';

test('an aggregate answer is kept for its time, asked afresh after a write or when it expires, never kept when it failed', async () => {
  let now = 0;
  let asked = 0;
  const memo = new Memo(1000, 10, () => now);
  const answer = () => memo.get('overview', async () => ++asked);
  assert.equal(await answer(), 1);
  now = 999;
  assert.equal(await answer(), 1, 'within its time: kept');
  memo.clear();
  assert.equal(await answer(), 2, 'after a write: asked again');
  now = 2000;
  assert.equal(await answer(), 3, 'expired: asked again');
  await assert.rejects(memo.get('broken', async () => { throw new Error('db down'); }));
  assert.equal(await memo.get('broken', async () => 'ok'), 'ok', 'a failure is not kept');
});

test('the memo holds a bounded number of answers', async () => {
  let asked = 0;
  const memo = new Memo(60_000, 2, () => 0);
  for (const key of ['a', 'b', 'c']) await memo.get(key, async () => ++asked);
  assert.equal(await memo.get('a', async () => ++asked), 4, 'a third key emptied the memo');
});
