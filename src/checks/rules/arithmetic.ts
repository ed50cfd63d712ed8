/**
 * FORMAT.md arithmetic rules 1–4: every identity the template declares (src/format), expanded for every column, row
 * and group, in whichever version the table was read. Blank and "/" cells count as 0 and the message says so; cells
 * lost in reading (already reported as reading errors) make an identity unevaluable rather than wrong.
 */
import { cellKey, expandIdentities, tableName, TABLE_IDS, VERSIONS, type Identity } from '../../format/index.ts';
import type { IdentityTemplate, TableDef } from '../../format/types.ts';
import type { Report } from '../../report/types.ts';
import { cellsOf, numberAt, tableDefOf, valueAt } from '../../report/cells.ts';
import { defineRule } from '../define.ts';
import type { Hit, Rule } from '../types.ts';

/** One rule per identity template of the format, e.g. table3-balance; same id across versions. */
export function identityRules(): Rule[] {
  const templates = new Map<string, { table: TableDef; template: IdentityTemplate }>();
  for (const version of VERSIONS) {
    for (const id of TABLE_IDS) {
      const table = version.tables[id];
      for (const template of table.identities) if (!templates.has(template.id)) templates.set(template.id, { table, template });
    }
  }
  return [...templates.values()].map(({ table, template }) => identityRule(table, template));
}

function identityRule(sample: TableDef, template: IdentityTemplate): Rule {
  const name = tableName(sample.id);
  const [lhsName, rhsName] = sides(template);
  const along = template.each === 'column' ? `${sample.rows[0].columns[0].label}列` : `「${sample.rows[0].label}」${sample.id === 'table4' ? '' : '行'}`;
  return defineRule({
    id: template.id,
    severity: 'error',
    basis: 'template',
    title: `${name}勾稽关系：${template.description}`,
    description: `${name}的每一${template.each === 'column' ? '列' : sample.id === 'table4' ? '组' : '行'}都须满足${template.description}。`
      + '空白或“/”单元格按0计算并在消息中注明；读取时未能确定的单元格不参与计算。'
      + '一侧全部空白（如“总计”列未填）致使多处不成立时，合并为一条，列出各处并包含全部单元格。',
    example: `${name}·${along}：${lhsName}=3，${rhsName}=2，相差1`,
    check(ctx) {
      const table = tableDefOf(ctx.report, sample.id);
      if (!table) return [];
      const failed: Failed[] = [];
      for (const identity of expanded(table)) {
        if (identity.id !== template.id) continue;
        const hit = evaluate(ctx.report, table, identity);
        if (hit) failed.push({ identity, hit, blankSide: blankSide(ctx.report, identity) });
      }
      return groupBlankSides(table, failed);
    },
  });
}

/** An identity expanded for one row or column, with its cells' Report JSON paths. */
type Expanded = Identity & { lhsKeys: string[]; rhsKeys: string[] };

interface Failed {
  identity: Expanded;
  hit: Hit;
  /** The side whose cells are all blank or "/" ("总计" left empty), when one is. */
  blankSide?: 'lhs' | 'rhs';
}

function blankSide(report: Report, identity: Expanded): Failed['blankSide'] {
  const blank = (keys: string[]) => keys.every((k) => typeof valueAt(report, k) !== 'number');
  return blank(identity.lhsKeys) ? 'lhs' : blank(identity.rhsKeys) ? 'rhs' : undefined;
}

/**
 * One cause, one finding: a column left blank (总计 not filled in) breaks the identity on every row; those failures
 * become one finding that lists every row and holds all their cells, the blank ones first. A single failure keeps
 * its own message.
 */
function groupBlankSides(table: TableDef, failed: Failed[]): Hit[] {
  const grouped = (['lhs', 'rhs'] as const).filter((side) => failed.filter((f) => f.blankSide === side).length >= 2);
  const single = failed.filter((f) => !f.blankSide || !grouped.includes(f.blankSide)).map((f) => f.hit);
  return [...single, ...grouped.map((side) => blankSideHit(table, failed.filter((f) => f.blankSide === side), side))];
}

function blankSideHit(table: TableDef, same: Failed[], side: 'lhs' | 'rhs'): Hit {
  const [lhsName, rhsName] = sides(same[0].identity);
  const [blankName, otherName] = side === 'lhs' ? [lhsName, rhsName] : [rhsName, lhsName];
  const unit = same[0].identity.along.col !== undefined ? '列' : table.id === 'table4' ? '组' : '行';
  const other = (f: Failed) => (side === 'lhs' ? f.hit.expected : f.hit.actual);
  const listed = same.slice(0, 3).map((f) => `${alongName(table, f.identity)}=${other(f)}`);
  const blankKeys = same.flatMap((f) => (side === 'lhs' ? f.identity.lhsKeys : f.identity.rhsKeys));
  const otherKeys = same.flatMap((f) => (side === 'lhs' ? f.identity.rhsKeys : f.identity.lhsKeys));
  return {
    message: `${tableName(table.id)}有${same.length}${unit}的${blankName}为空白（按0计），而${otherName}不为0：${listed.join('、')}${same.length > 3 ? '等' : ''}`,
    cells: [...new Set([...blankKeys, ...otherKeys])],
  };
}

const expansions = new WeakMap<TableDef, Expanded[]>();

/** The table's identities expanded once, with their cells' Report JSON paths. */
function expanded(table: TableDef): Expanded[] {
  let out = expansions.get(table);
  if (!out) {
    out = expandIdentities(table).map((identity) => ({
      ...identity,
      lhsKeys: identity.lhs.map((ref) => cellKey(table, ref)),
      rhsKeys: identity.rhs.map((ref) => cellKey(table, ref)),
    }));
    expansions.set(table, out);
  }
  return out;
}

/** The two sides' names as the template's description writes them ("第一项+第二项", "第三项（七）总计+第四项"). */
function sides(template: { description: string }): [string, string] {
  const [lhs, rhs] = template.description.split('=');
  return [lhs, rhs ?? ''];
}

function evaluate(report: Report, table: TableDef, identity: Expanded): Hit | undefined {
  const { lhsKeys, rhsKeys } = identity;
  const all = [...lhsKeys, ...rhsKeys];
  const values = all.map((k) => numberAt(report, k));
  if (values.some((v) => v === undefined)) return undefined;
  const sum = (ks: string[]) => ks.reduce((s, k) => s + numberAt(report, k)!, 0);
  const lhs = round(sum(lhsKeys));
  const rhs = round(sum(rhsKeys));
  if (lhs === rhs) return undefined;
  const blanks = all.filter((k) => typeof valueAt(report, k) !== 'number');
  const [lhsName, rhsName] = sides(identity);
  const note = blanks.length ? `（其中${blanks.length}个空白或“/”单元格按0计）` : '';
  return {
    message: `${tableName(table.id)}·${alongName(table, identity)}：${lhsName}=${lhs}，${rhsName}=${rhs}，相差${round(Math.abs(lhs - rhs))}${note}`,
    cells: all,
    expected: rhs,
    actual: lhs,
  };
}

function alongName(table: TableDef, identity: Identity): string {
  if (identity.along.col !== undefined) return `${table.rows[0].columns[identity.along.col].label}列`;
  const row = table.rows.find((r) => r.id === identity.along.row)!;
  return `「${row.label}」${table.id === 'table4' ? '' : '行'}`;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** Blank and "/" cells, counted per table (info): blanks are not zeros, and readers of the data should know. */
export const blankCells = defineRule({
  id: 'blank-cells',
  severity: 'info',
  basis: 'template',
  title: '空白或“/”单元格',
  description: '统计表中留空或填“/”（不适用）的单元格按表计数列出。空白不等于0，勾稽核算时按0计。',
  example: '表三有2个空白单元格、1个“/”单元格：「（一）予以公开」行“科研机构”列、「（一）予以公开」行“社会公益组织”列、「（一）予以公开」行“法律服务机构”列',
  check(ctx) {
    const hits: Hit[] = [];
    for (const id of TABLE_IDS) {
      const table = tableDefOf(ctx.report, id);
      if (!table) continue;
      const cells = cellsOf(table).filter((c) => ctx.report.provenance[c.key]?.status !== 'unknown');
      const blank = cells.filter((c) => valueAt(ctx.report, c.key) === null);
      const na = cells.filter((c) => valueAt(ctx.report, c.key) === '/');
      if (!blank.length && !na.length) continue;
      const counts = [blank.length ? `${blank.length}个空白单元格` : '', na.length ? `${na.length}个“/”单元格` : ''].filter(Boolean).join('、');
      const listed = [...blank, ...na].slice(0, 5).map((c) => c.row.shape === 'scalar' ? `「${c.row.label}」` : `「${c.row.label}」${id === 'table4' ? '' : '行'}“${c.column.label}”${id === 'table4' ? '' : '列'}`);
      const more = blank.length + na.length > 5 ? '等' : '';
      hits.push({ message: `${tableName(id)}有${counts}：${listed.join('、')}${more}`, cells: [...blank, ...na].map((c) => c.key) });
    }
    return hits;
  },
});
