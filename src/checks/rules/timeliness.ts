/**
 * Publication deadline by agency level (条例第四十九条 as set out in FORMAT.md and src/format/levels.ts): departments
 * by 31 January of the next year, the 本级政府 report by 31 March; townships are held to 31 March.
 */
import { deadlineFor } from '../../format/index.ts';
import { defineRule } from '../define.ts';
import { levelUsed } from '../level.ts';

export const publishedLate = defineRule({
  id: 'published-late',
  severity: 'warning',
  basis: '条例第四十九条',
  title: '发布时间晚于法定期限',
  description: '按机关级别确定期限：县级以上人民政府部门应于次年1月31日前公布上一年度报告；本级政府（人民政府、开发区等管委会、'
    + '只写地名的报告）为3月31日；条例未规定乡镇、街道的期限，按其所在县级本级政府报告的3月31日检查。'
    + '级别由机关名称推断，或由名册（--roster）登记；不明时按3月31日。未注明发布日期时不检查。',
  example: '发布日期为2025-02-20，晚于部门（由机关名称推断）的法定期限2025-01-31',
  check({ report }) {
    if (!report.year || !report.published) return [];
    const { level, how } = levelUsed(report, (a, b) => (deadlineFor(a, 0) >= deadlineFor(b, 0) ? a : b));
    const deadline = deadlineFor(level, report.year);
    if (report.published <= deadline) return [];
    const late = report.level ? `晚于${level.name}（${how}）的法定期限${deadline}` : `晚于法定期限${deadline}（${how}）`;
    return [{ message: `发布日期为${report.published}，${late}`, expected: deadline, actual: report.published }];
  },
});
