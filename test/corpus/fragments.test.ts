/**
 * The real fragments corpus (../shared/corpus/fragments: 66 pieces of real report pages with hand-transcribed
 * values): every expected cell extracted, none invented. Prints the figure; the floor rises as the readers improve.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { UnreadableError } from '../../src/document/errors.ts';
import type { Report } from '../../src/report/types.ts';
import { parseFile, ROOT } from '../helpers.ts';
import { scoreFragment, type FragmentScore } from './score.ts';

const DIR = join(ROOT, '..', 'shared', 'corpus', 'fragments');
const available = existsSync(DIR);
/** Share of expected cells that must be read exactly; raised with every improvement, never lowered. */
const FLOOR = 0.99;

describe('real fragments', { skip: !available && 'fragments corpus (../shared/corpus/fragments) not present' }, () => {
  it('reads every expected cell and invents none', async () => {
    const cases = readdirSync(DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
    const scores: [string, FragmentScore][] = [];
    for (const id of cases) {
      const expected = JSON.parse(readFileSync(join(DIR, `${id}.json`), 'utf8'));
      scores.push([id, scoreFragment(expected, await parseOrEmpty(join(DIR, `${id}.txt`)))]);
    }
    const total = scores.reduce((n, [, s]) => n + s.expected, 0);
    const matched = scores.reduce((n, [, s]) => n + s.matched, 0);
    const invented = scores.flatMap(([id, s]) => s.invented.map((p) => `${id}:${p}`));
    const share = matched / total;
    console.log(`fragments: ${matched}/${total} cells (${(100 * share).toFixed(1)}%), ${invented.length} invented`);
    if (process.env.FRAGMENTS_DETAIL) {
      for (const [id, s] of scores) {
        if (s.wrong.length || s.invented.length) console.log(id, `${s.matched}/${s.expected}`, JSON.stringify(s.wrong), s.invented.join(' '));
      }
    }
    assert.ok(share >= FLOOR, `fragments: ${(100 * share).toFixed(1)}% < floor ${100 * FLOOR}%`);
    assert.deepEqual(invented, []);
  });

  for (const id of ['023', '039']) {
    it(`${id} (tables were images or prose) gives a clear table-missing finding`, async () => {
      const r = await parseFile(join(DIR, `${id}.txt`));
      assert.ok(r.findings.some((f) => f.rule === 'table-missing'));
    });
  }
});

/** A copy the reader rejects outright scores as a report with nothing read, so one case cannot hide the others. */
async function parseOrEmpty(path: string): Promise<Report> {
  try {
    return await parseFile(path);
  } catch (e) {
    if (!(e instanceof UnreadableError)) throw e;
    return { provenance: {}, findings: [] } as unknown as Report;
  }
}
