/**
 * The rewritten regexes on the inputs that made the old ones backtrack (issue 9): ~50 KB of one repeated prefix
 * that never completes a match. A guard, not a timed assertion: the old regexes took 1 to 30 seconds on these.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkReport } from '../../src/checks/index.ts';
import { inferLevel } from '../../src/extract/metadata.ts';
import { parseReportBytes } from '../../src/index.ts';
import { ROOT } from '../helpers.ts';

const GUARD = { timeout: 60_000 };
/** Repeats of a prefix that make about 50 KB of UTF-8. */
const repeated = (prefix: string) => prefix.repeat(Math.ceil(50_000 / Buffer.byteLength(prefix)));

const SAMPLE = readFileSync(join(ROOT, 'samples', '2024-tab.txt'), 'utf8');

/** The sample report with `line` added after the first line that holds `after`, read and checked. */
async function checkedWith(after: string, line: string) {
  const lines = SAMPLE.split('\n');
  lines.splice(lines.findIndex((l) => l.includes(after)) + 1, 0, line);
  return checkReport(await parseReportBytes(new TextEncoder().encode(lines.join('\n')), 'report.txt'));
}

describe('each kind of rewritten regex on ~50 KB of its repeated prefix', GUARD, () => {
  test('clause scans: a quantity word repeated without its count', async () => {
    for (const word of ['共收到', '依申请予以公开', '上年结转', '结转下年度', '政府信息公开行政复议', '作出行政许可', '印发规范性文件']) {
      const report = await checkedWith('（二）依申请公开情况', repeated(word));
      assert.equal(report.year, 2024, word);
    }
  });

  test('the preamble: 发布《 and a year repeated without 报告》', async () => {
    const report = await checkedWith('国办公开办函', repeated('现发布《2023年'));
    assert.equal(report.year, 2024);
  });

  test('a citation after a long 《…》 that does not end where the citation starts', async () => {
    const report = await checkedWith('国办公开办函', `根据《${repeated('a')}》>〉》国办公开办函〔2021〕31号`);
    assert.ok(report.findings.some((f) => f.rule === 'citation-number'));
  });

  test('a table line of dashes with a malformed number at its end', async () => {
    const report = await checkedWith('三、本年度办理结果', `${repeated('— ')}1.2.3`);
    assert.equal(report.year, 2024);
  });

  test('an agency name of unclosed brackets', () => {
    assert.equal(inferLevel(repeated('（')), null);
  });
});
