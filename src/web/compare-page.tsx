/**
 * One agency, two years: the statutory tables drawn as the template lays them out with each cell showing both years,
 * the difference and the change in per cent; table 三's carry-over continuity; each section's text word by word.
 * By default only rows and text that changed; `all` shows every row and the whole text.
 */
import { versionById, type TableDef } from '../format/index.ts';
import { tableGrid, type GridCell } from '../render/grid.ts';
import type { CellComparison, Comparison, SectionComparison, Side, TableComparison } from './compare.ts';
import { elideSame } from './compare.ts';
import { DataLinks, Layout, type Viewer } from './layout.tsx';
import type { AgencyYears } from './model.ts';
import { StatutoryTable } from './statutory-table.tsx';
import { formatZh, yearZh } from './words.ts';

export interface YearReport {
  year: number;
  reportId: number;
}

export interface CompareView {
  agency: string;
  /** The years the agency has reports for, latest first. */
  years: number[];
  then: YearReport;
  now: YearReport;
  comparison: Comparison;
}

const SIDE_WORDS = { blank: ['空', '空白（未填）'], slash: ['/', '填“/”'], absent: ['—', '该年报告无此项'], unread: ['?', '无法读取'] } as const;

function SideText({ side }: { side: Side }) {
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

function TableBlock({ table, view, all }: { table: TableComparison; view: CompareView; all: boolean }) {
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

function CarryOverBlock({ view }: { view: CompareView }) {
  const carry = view.comparison.carryOver;
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
            <tr>
              <th scope="row" class="label">
                {view.now.year}年「{carry.over}」
              </th>
              {carry.columns.map((c) => (
                <td class="value">
                  <SideText side={c.over} />
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row" class="label">
                {view.then.year}年「{carry.forward}」
              </th>
              {carry.columns.map((c) => (
                <td class="value">
                  <SideText side={c.forward} />
                </td>
              ))}
            </tr>
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

function SectionBlock({ s, all, view }: { s: SectionComparison; all: boolean; view: CompareView }) {
  const status = {
    same: '两年文字相同。',
    changed: '',
    absent: '两年的报告都没有这一部分。',
    'too-long': `这一部分过长（${view.then.year}年${s.segments.then}个词、${view.now.year}年${s.segments.now}个词，含标点），未逐词比较。`,
    'too-different': '两年文字差异过大，未逐词比较。',
  }[s.status];
  const parts = s.status === 'same' && !all ? [] : all ? s.parts : elideSame(s.parts);
  return (
    <section class="compare-section">
      <h3>
        {s.number}、{s.title}
      </h3>
      {status && <p class="note">{status}</p>}
      {parts.length > 0 && (
        <p class="word-diff">
          {parts.map((p) =>
            p.op === 'gap' ? <span class="gap">…</span> : p.op === 'added' ? <ins>{p.text}</ins> : p.op === 'removed' ? <del>{p.text}</del> : <>{p.text}</>,
          )}
        </p>
      )}
    </section>
  );
}

function YearForm({ view, all }: { view: CompareView; all: boolean }) {
  const select = (name: string, chosen: number) => (
    <select name={name}>
      {view.years.map((y) => (
        <option value={String(y)} selected={y === chosen}>
          {yearZh(y)}
        </option>
      ))}
    </select>
  );
  return (
    <form class="filters" method="get" action={`/agencies/${encodeURIComponent(view.agency)}/compare`}>
      <label>
        本年度
        {select('year', view.now.year)}
      </label>
      <label>
        对比年度
        {select('with', view.then.year)}
      </label>
      {all && <input type="hidden" name="rows" value="all" />}
      <button type="submit">比较</button>
    </form>
  );
}

/** The compare page's address; `api` and `csv` give the same data as JSON and CSV. */
export function compareHref(agency: string, year: number, withYear: number, as: 'page' | 'api' | 'csv' = 'page'): string {
  const path = `/agencies/${encodeURIComponent(agency)}/compare${as === 'csv' ? '.csv' : ''}`;
  return `${as === 'api' ? '/api' : ''}${path}?year=${year}&with=${withYear}`;
}

/**
 * Where a report of `year` is compared with another year of its agency (`other`): the nearest earlier year, else the
 * nearest later one; undefined when the agency has no other dated year.
 */
export function compareLinkFor(agency: AgencyYears | undefined, year: number | null): { href: string; other: number } | undefined {
  if (!agency || year === null) return undefined;
  const others = agency.years.map((y) => y.year).filter((y): y is number => y !== null && y !== year);
  const earlier = Math.max(...others.filter((y) => y < year));
  if (Number.isFinite(earlier)) return { href: compareHref(agency.agency, year, earlier), other: earlier };
  const later = Math.min(...others.filter((y) => y > year));
  return Number.isFinite(later) ? { href: compareHref(agency.agency, later, year), other: later } : undefined;
}

/** The link to a report's year-over-year page, in the words of the agency and report pages. */
export const CompareLink = ({ link }: { link?: { href: string; other: number } }) =>
  link ? <a href={link.href}>与{link.other}年度比较</a> : <></>;

export function ComparePage(props: { viewer: Viewer; view: CompareView; all: boolean }) {
  const { view, all } = props;
  const { then, now, comparison } = view;
  const title = `${view.agency} · ${now.year}年度与${then.year}年度比较`;
  const here = compareHref(view.agency, now.year, then.year);
  const changed = comparison.tables.reduce((n, t) => n + t.changed, 0);
  return (
    <Layout title={title} viewer={props.viewer} current="/regions">
      <h1>{title}</h1>
      <p class="facts">
        <a href={`/reports/${now.reportId}`}>{yearZh(now.year)}报告</a> · <a href={`/reports/${then.reportId}`}>{yearZh(then.year)}报告</a> ·{' '}
        <a href={`/agencies/${encodeURIComponent(view.agency)}`}>该机关历年报告</a>
      </p>
      <YearForm view={view} all={all} />
      <nav class="actions" aria-label="显示范围">
        {all ? <a href={here}>只看有变化的行和文字</a> : <a href={`${here}&rows=all`}>显示全部行和全文</a>}
      </nav>
      <DataLinks json={compareHref(view.agency, now.year, then.year, 'api')} csv={compareHref(view.agency, now.year, then.year, 'csv')} />
      <p class="note">
        每格：上为{now.year}年数值，下为{then.year}年数值及差值（变化率）。空白不作0计，上年为0或空白时不计变化率。共{changed}个单元格有变化。
      </p>
      <h2>统计表</h2>
      {comparison.tables.map((t) => (
        <TableBlock table={t} view={view} all={all} />
      ))}
      <h2>结转衔接</h2>
      <CarryOverBlock view={view} />
      <h2>叙述文字</h2>
      <p class="note">
        <ins>新增</ins>为{now.year}年新写的词，<del>删除</del>为{then.year}年有而{now.year}年删去的词。
      </p>
      {comparison.sections.map((s) => (
        <SectionBlock s={s} all={all} view={view} />
      ))}
    </Layout>
  );
}

/** The compared cells as CSV rows (one per cell, every cell): header and rows in the page's words. */
export function compareCsv(view: CompareView): { header: string[]; rows: (string | number | null)[][] } {
  const text = (s: Side) => (s.state === 'number' ? s.value : s.state === 'blank' ? null : s.state === 'slash' ? '/' : SIDE_WORDS[s.state][1]);
  const header = ['表', '单元格', `${view.then.year}年`, `${view.now.year}年`, '差值', '变化率（%）', '有变化'];
  const rows = view.comparison.tables.flatMap((t) =>
    t.cells.map((c) => [t.name, c.label, text(c.then), text(c.now), c.delta, c.percent, c.changed ? '是' : '否']),
  );
  return { header, rows };
}
