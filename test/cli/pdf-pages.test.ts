/**
 * Findings in a multi-page PDF name their page, the way a reader of the printed report looks things up.
 * test/fixtures/seeds-rendered/page2-error.pdf is seed 002 printed by Chromium over three pages, with table 三 on
 * pages 1–2 and two mistakes in rows on page 2: 2.重复申请 / 自然人 reads "见附件", and 自然人 of （一）予以公开 is
 * 10 too high.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { CLI, ROOT } from '../helpers.ts';

const run = promisify(execFile);
const PDF = join('test', 'fixtures', 'seeds-rendered', 'page2-error.pdf');

async function xxgk(args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [...CLI, ...args], { cwd: ROOT, maxBuffer: 16 * 2 ** 20 });
    return { code: 0, stdout };
  } catch (e: any) {
    return { code: e.code, stdout: e.stdout };
  }
}

/** The finding lines that carry a page, as printed. */
const pageLines = (stdout: string) => stdout.split('\n').map((l) => l.trim()).filter((l) => l.startsWith(`${PDF}:第`));

describe('xxgk on a multi-page PDF', () => {
  it('parse names page 2 for the cell that is not a number, and exits 1', async () => {
    const { code, stdout } = await xxgk(['parse', PDF]);
    assert.equal(code, 1);
    assert.deepEqual(pageLines(stdout), [
      `${PDF}:第2页: 错误 [value-text] 表三「2.重复申请」行“自然人”列：“见附件”不是数值，未采用`,
    ]);
  });

  it('check names page 2 for the unreadable cell and for the row that does not add up', async () => {
    const { code, stdout } = await xxgk(['check', PDF]);
    assert.equal(code, 1);
    assert.deepEqual(pageLines(stdout), [
      `${PDF}:第2页: 错误 [value-text] 表三「2.重复申请」行“自然人”列：“见附件”不是数值，未采用`,
      `${PDF}:第2页: 错误 [table3-row-total] 表三·「（一）予以公开」行：总计=1，自然人+法人或其他组织各列之和=11，相差10`,
    ]);
  });
});
