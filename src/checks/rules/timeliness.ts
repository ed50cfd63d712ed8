/** Publication deadline (条例第四十九条、第五十条 as set out in FORMAT.md): 31 January, or 31 March for 本级政府. */
import { defineRule } from '../define.ts';
import { normalizeProse } from '../narrative.ts';

/** A people's government itself (本级政府 summary report), not one of its offices or departments. */
export function isGovernmentItself(agency: string): boolean {
  return /人民政府$/.test(normalizeProse(agency));
}

export function deadlineOf(year: number, agency: string | null): string {
  return agency && isGovernmentItself(agency) ? `${year + 1}-03-31` : `${year + 1}-01-31`;
}

export const publishedLate = defineRule({
  id: 'published-late',
  severity: 'warning',
  basis: '条例第四十九条',
  title: '发布时间晚于法定期限',
  description: '政府部门应于每年1月31日前公布本部门上一年度报告；县级以上人民政府（本级政府）应于3月31日前公布本级政府上一年度报告。'
    + '发布日期晚于期限时报告；未注明发布日期时不检查。',
  example: '发布日期为2025-02-20，晚于法定期限2025-01-31（政府部门为次年1月31日，本级人民政府为3月31日）',
  check({ report }) {
    if (!report.year || !report.published) return [];
    const deadline = deadlineOf(report.year, report.agency);
    if (report.published <= deadline) return [];
    return [{
      message: `发布日期为${report.published}，晚于法定期限${deadline}（政府部门为次年1月31日，本级人民政府为3月31日）`,
      expected: deadline,
      actual: report.published,
    }];
  },
});
