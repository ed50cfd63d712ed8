/**
 * One agency, two years: the statutory tables drawn as the template lays them out with each cell showing both years,
 * the difference and the change in per cent; table 三's carry-over continuity; each section's text word by word.
 * By default only rows and text that changed; `all` shows every row and the whole text.
 */
import { elideSame, type CompareView, type SectionComparison, type Side } from './compare.ts';
import { CarryOverBlock, SIDE_WORDS, TableBlock } from './compare-tables.tsx';
import type { TabularColumn, TabularValue } from '../render/types.ts';
import { DataLinks, Layout, type Viewer } from './layout.tsx';
import type { AgencyYears } from './model.ts';
import { yearZh } from './words.ts';

function SectionBlock({ s, all, view }: { s: SectionComparison; all: boolean; view: CompareView }) {
  const status = {
    same: '两年文字相同。',
    changed: '',
    absent: '两年的报告都没有这一部分。',
    'too-long': `这一部分过长（${view.then.year}年${s.segments.then}个词、${view.now.year}年${s.segments.now}个词，含标点），未逐词比较。`,
    'too-different': '两年文字差异过大，未逐词比较。',
  }[s.status];
  const missing = !s.present.then ? view.then.year : !s.present.now ? view.now.year : undefined;
  const parts = s.status === 'same' && !all ? [] : all ? s.parts : elideSame(s.parts);
  return (
    <section class="compare-section">
      <h3>
        {s.number}、{s.title}
      </h3>
      {status && <p class="note">{status}</p>}
      {missing && s.status !== 'absent' && <p class="note">{missing}年的报告没有这一部分。</p>}
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

/** The compared cells as CSV (one line per cell, every cell): columns and rows in the page's words. */
export function compareCsv(view: CompareView): { columns: TabularColumn[]; rows: Record<string, TabularValue>[] } {
  const text = (s: Side) => (s.state === 'number' ? s.value : s.state === 'blank' ? null : s.state === 'slash' ? '/' : SIDE_WORDS[s.state][1]);
  const columns = [
    { key: 'table', label: '表' },
    { key: 'cell', label: '单元格' },
    { key: 'then', label: `${view.then.year}年` },
    { key: 'now', label: `${view.now.year}年` },
    { key: 'delta', label: '差值' },
    { key: 'percent', label: '变化率（%）' },
    { key: 'changed', label: '有变化' },
  ];
  const rows = view.comparison.tables.flatMap((t) =>
    t.cells.map((c) => ({ table: t.name, cell: c.label, then: text(c.then), now: text(c.now), delta: c.delta, percent: c.percent, changed: c.changed ? '是' : '否' })),
  );
  return { columns, rows };
}
