/** Table 二 as typed into the draft page's form: plain decimals or blank (kept blank), each problem named by its cell. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { table2FromText, table2Problems } from '../../src/ledger/table2.ts';

test('blank stays blank, plain decimals are read, anything else is refused by cell', () => {
  const { table2, problems } = table2FromText({ 'regulations.issued': '2', 'regulations.repealed': '', licensing: ' 1.5 ', punishment: '0x10', coercion: '-1', fees_wan_yuan: '1e3' }, 2025);
  assert.deepEqual(table2.regulations, { issued: 2, repealed: null, in_force: null });
  assert.equal(table2.licensing, 1.5);
  assert.deepEqual(problems.map((p) => [p.key, p.zh.endsWith('须为数字（可留空）') ? 'nan' : 'negative']), [
    ['punishment', 'nan'], ['coercion', 'negative'], ['fees_wan_yuan', 'nan'],
  ]);
});

test("a stored table 二 has only the year's cells, each a non-negative number or null", () => {
  assert.deepEqual(table2Problems({ licensing: null, punishment: 3, regulations: { issued: 0 } }, 2025), []);
  assert.deepEqual(table2Problems({ punishment: -1, other: 2, regulations: { issued: '1' } }, 2025).map((p) => p.key), ['other', 'regulations.issued', 'punishment']);
  // The 2019 template has no 行政事业性收费 amount as a single number.
  assert.deepEqual(table2Problems({ fees_wan_yuan: 1 }, 2020).map((p) => p.key), ['fees_wan_yuan']);
  assert.equal(table2Problems([], 2025).length, 1);
});
