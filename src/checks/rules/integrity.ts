/** Template integrity: the right template for the year, values a count can take, a plausible unit and issuer. */
import { FORMAT_2019, FORMAT_2021, LEVELS, TABLE_IDS, tableName, versionById, versionForYear } from '../../format/index.ts';
import { cellName, cellsOf, rowDef, tableDefOf, valueAt } from '../../report/cells.ts';
import { defineRule } from '../define.ts';
import { levelUsed } from '../level.ts';
import type { Hit } from '../types.ts';
import { normalizeProse } from '../narrative.ts';

export const tableVersion = defineRule({
  id: 'table-version',
  severity: 'error',
  basis: '国办公开办函〔2021〕30号',
  title: '统计表使用了与年度不符的格式版本',
  description: `2021年度起的报告须使用${FORMAT_2021.basis}；2019、2020年度使用${FORMAT_2019.basis}。检查每张表的形状属于哪一版。`,
  example: '表二为2019版格式（国办公开办函〔2019〕60号），2024年度报告应使用2021版格式（国办公开办函〔2021〕30号）',
  check({ report }) {
    const hits: Hit[] = [];
    if (!report.year) return hits;
    const expected = versionForYear(report.year);
    if (expected === 'free') return hits;
    for (const id of TABLE_IDS) {
      const actual = report.table_versions[id];
      if (!actual || actual === expected || !report[id]) continue;
      const table = versionById(actual).tables[id];
      const first = cellsOf(table).find((c) => valueAt(report, c.key) !== undefined);
      hits.push({
        message: `${tableName(id)}为${actual}版格式（${docNumber(actual)}），${report.year}年度报告应使用${expected}版格式（${docNumber(expected)}）`,
        cells: first ? [first.key] : undefined,
        expected,
        actual,
      });
    }
    return hits;
  },
});

const docNumber = (v: '2019' | '2021') => versionById(v).basis.replace(/《[^]*$/, '');

export const countValue = defineRule({
  id: 'count-value',
  severity: 'error',
  basis: 'template',
  title: '数值不是非负整数',
  description: '件数、项数须为非负整数；收费金额（万元）可有小数但不能为负；“本年增/减”可为负。',
  example: '表三「（一）予以公开」行“自然人”列：-1不是非负整数',
  check({ report }) {
    const hits: Hit[] = [];
    for (const id of TABLE_IDS) {
      const table = tableDefOf(report, id);
      if (!table) continue;
      for (const cell of cellsOf(table)) {
        const v = valueAt(report, cell.key);
        if (typeof v !== 'number') continue;
        const kind = cell.column.kind ?? 'count';
        if (kind === 'change') continue;
        if (kind === 'money' ? v >= 0 : v >= 0 && Number.isInteger(v)) continue;
        hits.push({ message: `${cellName(cell)}：${v}不是${kind === 'money' ? '非负数' : '非负整数'}`, cells: [cell.key], actual: v });
      }
    }
    return hits;
  },
});

const LIMITS = LEVELS.map((l) => `${l.name}${l.feeLimitWanYuan}万元`).join('、');

export const feeUnit = defineRule({
  id: 'fee-unit',
  severity: 'warning',
  basis: 'plausibility',
  title: '收费金额疑似以元填报',
  description: `表二“本年收费金额”的单位是万元；金额达到机关所在级别的上限（${LIMITS}）以上时，很可能是把元数填进了万元栏。`
    + '本级政府报告汇总全部门的收费，上限最高。级别由机关名称推断或由名册登记；不明时按最高上限。',
  example: '表二「行政事业性收费」：本年收费金额为43582万元，部门（由机关名称推断）的收费很少达到10000万元，疑似按元填报（应为4.3582万元？）',
  check({ report }) {
    const hits: Hit[] = [];
    const table = tableDefOf(report, 'table2');
    if (!table) return hits;
    const { level, how } = levelUsed(report, (a, b) => (a.feeLimitWanYuan >= b.feeLimitWanYuan ? a : b));
    const limit = level.feeLimitWanYuan;
    const whose = report.level ? `${level.name}（${how}）` : `机关（${how}）`;
    for (const cell of cellsOf(table)) {
      if (cell.column.kind !== 'money' || !cell.column.label.includes('万元')) continue;
      const v = valueAt(report, cell.key);
      if (typeof v !== 'number' || v < limit) continue;
      hits.push({
        message: `${cellName(cell)}：本年收费金额为${v}万元，${whose}的收费很少达到${limit}万元，疑似按元填报（应为${v / 10_000}万元？）`,
        cells: [cell.key],
        actual: v,
      });
    }
    return hits;
  },
});

/**
 * Who may make 规章 (立法法第九十三条): 国务院部门 and the people's governments of provinces, autonomous regions,
 * municipalities and 设区的市. An agency whose name places it at county level or below cannot.
 */
export function belowRegulationLevel(agency: string): boolean {
  const name = normalizeProse(agency)
    // Words that contain a place character without being a place level.
    .replace(/自治区|特别行政区|地区|城乡|乡村|城镇|区域|社区|小区/g, '');
  return /县|区|旗|乡|镇|街道/.test(name);
}

export const regulationIssuer = defineRule({
  id: 'regulation-issuer',
  severity: 'warning',
  basis: 'plausibility',
  title: '县级及以下机关填报制发规章',
  description: '只有国务院部门和省、自治区、直辖市、设区的市人民政府可以制定规章（立法法第九十三条）。'
    + '机关名称含县、区、旗、乡、镇、街道的，表二“规章·本年制发件数”应为0。',
  example: '惠农区卫生健康局为县级及以下机关，无权制定规章，但表二「规章」行“本年制发件数”列为2',
  check({ report }) {
    const hits: Hit[] = [];
    const table = tableDefOf(report, 'table2');
    if (!table || !report.agency || !belowRegulationLevel(report.agency)) return hits;
    const row = rowDef(table, 'regulations');
    const column = row?.columns[0];
    if (!row || !column) return hits;
    const cell = cellsOf(table).find((c) => c.row === row && c.col === 0)!;
    const v = valueAt(report, cell.key);
    if (typeof v === 'number' && v > 0) {
      hits.push({ message: `${report.agency}为县级及以下机关，无权制定规章，但${cellName(cell)}为${v}`, cells: [cell.key], actual: v });
    }
    return hits;
  },
});
