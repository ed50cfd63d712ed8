/**
 * The year-over-year tables: the statutory layout with each value cell showing both years, the difference and the
 * change in per cent (only the changed rows unless `all`), and table 三's carry-over continuity column by column.
 */
import { versionById, type TableDef } from '../format/index.ts';
import { tableGrid, type GridCell } from '../render/grid.ts';
import type { CellComparison, CompareView, Side, TableComparison } from './compare.ts';
import { StatutoryTable } from './statutory-table.tsx';
import { formatZh } from './words.ts';

export const SIDE_WORDS = { blank: ['空', '空白（未填）'], slash: ['/', '填“/”'], absent: ['—', '该年报告无此项'], unread: ['?', '无法读取'] } as const;

export function SideText({ side }: { side: Side }) {
  if (side.state === 'number') return <>{String(side.value)}</>;
  const [mark, title] = SIDE_WORDS[side.state];
  return <abbr title={title}>{mark}</abbr>;
}

/** +2, −9, ±0; a per cent with one decimal (+25.0). */
function signed(n: number, digits?: number): string {
  const abs = digits === undefined ? String(Math.abs(n)) : Math.abs(n).toFixed(digits);
  return `${n > 0 ? '+' : n < 0 ? '−' : '±'}${abs}`;
}

function CompareCell({ c, thenYear }: { c: CellComparison; thenYear: number }) {
  const trend = c.delta === null || c.delta === 0 ? '' : c.delta > 0 ? ' up' : ' down';
  return (
    <td class={`value cmp${c.changed ? ' changed' : ''}${trend}`} data-cell={c.key}>
      <span class="now">
        <SideText side={c.now} />
      </span>
      <span class="was">
        {thenYear}年 <SideText side={c.then} />
      </span>
      {c.delta !== null && (
        <span class="delta">
          {signed(c.delta)}
          {c.percent !== null && `（${signed(c.percent, 1)}%）`}
        </span>
      )}
    </td>
  );
}

/** The rows to draw: all, or the changed ones; a table laid out as one line of values (表四) is drawn whole. */
function shownDef(def: TableDef, table: TableComparison, all: boolean): TableDef | undefined {
  if (all) return def;
  const changed = new Set(table.cells.filter((c) => c.changed).map((c) => c.row));
  if (!changed.size) return undefined;
  const oneLine = tableGrid(def).rows.filter((r) => r.some((c) => c.role === 'value')).length === 1;
  return oneLine ? def : tableOfRows(def, changed);
}

/** The table cut to some of its rows; the clauses and groups no kept row belongs to leave the headers with their rows. */
function tableOfRows(def: TableDef, ids: Set<string>): TableDef {
  const rows = def.rows.filter((r) => ids.has(r.id));
  const headings = (list: TableDef['rows']) => new Set(list.flatMap((r) => [r.clause, r.group]).filter((h) => h !== undefined));
  const kept = headings(rows);
  const gone = [...headings(def.rows)].filter((h) => !kept.has(h));
  return { ...def, rows, headers: def.headers.filter((h) => !gone.includes(h)) };
}

export function TableBlock({ table, view, all }: { table: TableComparison; view: CompareView; all: boolean }) {
  const version = table.versions.now ?? table.versions.then;
  if (!version) return <p class="absent">两年的报告都没有读到{table.name}。</p>;
  const { then, now } = table.versions;
  const byKey = new Map(table.cells.map((c) => [c.key, c]));
  const def = shownDef(versionById(version).tables[table.id], table, all);
  const cellOf = (cell: GridCell) => {
    const c = cell.key ? byKey.get(cell.key) : undefined;
    return c ? <CompareCell c={c} thenYear={view.then.year} /> : <td class="value">{cell.text}</td>;
  };
  return (
    <>
      {then !== now && (
        <p class="note">
          两年{table.name}的格式不同（{view.then.year}年：{then ? formatZh(then) : '未读到'}；{view.now.year}年：
          {now ? formatZh(now) : '未读到'}），只比较两年都有的单元格，“—”为该年报告无此项。
        </p>
      )}
      {def ? (
        <StatutoryTable grid={tableGrid(def, {})} valueCell={cellOf} />
      ) : (
        <p class="absent">{table.name}：两年相同，没有变化的单元格。</p>
      )}
    </>
  );
}

/** One year's row of the carry-over table: its label, then its value in each column. */
function SidesRow(props: { label: string; sides: Side[] }) {
  return (
    <tr>
      <th scope="row" class="label">
        {props.label}
      </th>
      {props.sides.map((side) => (
        <td class="value">
          <SideText side={side} />
        </td>
      ))}
    </tr>
  );
}

export function CarryOverBlock({ view }: { view: CompareView }) {
  const carry = view.comparison.carryOver;
  if (view.now.year !== view.then.year + 1) return <p class="absent">{view.then.year}年与{view.now.year}年不相邻，不核对结转衔接（上年结转应等于前一年的结转下年度）。</p>;
  if (!carry) return <p class="absent">有一年的报告没有表三，无法核对结转衔接。</p>;
  const disagree = carry.columns.filter((c) => c.agree === false).length;
  const verdict = { true: ['✓', '一致', 'agree'], false: ['✗', '不一致', 'mismatch'], null: ['—', '无法比较（有空白或未读到的单元格）', 'unknown'] } as const;
  return (
    <>
      <p class={disagree ? 'error' : 'note'}>
        {disagree ? `有${disagree}列不一致：` : '各列一致或无法比较：'}
        {view.now.year}年「{carry.over}」应等于{view.then.year}年「{carry.forward}」。
      </p>
      <div class="table-scroll" tabindex={0} role="region" aria-label="结转衔接">
        <table class="statutory carry">
          <caption>结转衔接</caption>
          <thead>
            <tr>
              <th scope="col">项目</th>
              {carry.columns.map((c) => (
                <th scope="col">{c.column}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            <SidesRow label={`${view.now.year}年「${carry.over}」`} sides={carry.columns.map((c) => c.over)} />
            <SidesRow label={`${view.then.year}年「${carry.forward}」`} sides={carry.columns.map((c) => c.forward)} />
            <tr>
              <th scope="row" class="label">
                衔接
              </th>
              {carry.columns.map((c) => {
                const [mark, words, cls] = verdict[String(c.agree) as 'true' | 'false' | 'null'];
                return (
                  <td class={`value carry-${cls}`}>
                    <abbr title={words}>{mark}</abbr>
                  </td>
                );
              })}
            </tr>
          </tbody>
        </table>
      </div>
    </>
  );
}
