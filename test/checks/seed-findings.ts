/**
 * What the checker finds on the five seed reports, each finding verified by reading the seed (see seeds.test.ts).
 * [rule, line]; info findings left out. Shared by the seed test and the mutation harness (which counts any other
 * error on an unmutated seed as a false error).
 */
import { join } from 'node:path';
import { checkReport } from '../../src/checks/index.ts';
import { extractReport } from '../../src/extract/index.ts';
import { readPath } from '../../src/readers/index.ts';
import type { Report } from '../../src/report/types.ts';
import { SEEDS_DIR } from '../helpers.ts';

/** A seed read as the CLI reads it: the report as extracted, and checked. */
export async function checkSeed(name: string): Promise<{ read: Report; checked: Report }> {
  const read = extractReport(await readPath(join(SEEDS_DIR, `${name}.txt`)));
  return { read, checked: checkReport(read) };
}

export const SEED_FINDINGS: Record<string, [string, number | null][]> = {
  // 2024, consistent; 未收到申请 matches table 三 = 0; 1026条 with parts 8+237+125+140=510 is fine.
  '000_f6478d7b7b0e6afc': [],
  '001_62e18fc6e57dfc2d': [
    ['citation-title', 7], // 《…政府信息公开与政务公开办公室…》: the office is 政府信息与政务公开办公室
    ['duplicate-word', 11], // 其中其中疫情信息
    ['narrative-sum', 13], // 共制发268件，其中120+147+2=269
    ['narrative-total-conflict', 13], // 共制发公文253件 (line 11) vs 共制发268件 (line 13)
    ['subheading-sequence', 23], // 一、总体情况: （一）（二）（三）（四）（六）
    ['fee-statement', 92], // 六、其他需要报告的事项: 无其他需要报告的事项。
  ],
  // 行政许可公示10条 counts published items: not compared with 行政许可 0. The cited notice's title is another document's.
  '002_cf59cfa8c9ac4fc5': [['citation-title', 14]],
  // 清理废止…规范性文件34件 vs 表二 行政规范性文件 本年废止 0; 受理依申请公开材料2份 = 表三 2.
  '003_d20f3da8d3ab99e3': [['narrative-table2', 13]],
  // 未收取依申请公开费用 is a fee statement. No statistics period stated (info).
  '004_e3c010c5c349aa33': [],
};
