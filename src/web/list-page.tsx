/** The report list: a filter form (GET, so a filtered list is a link), the matching reports, paging. */
import { LEVELS } from '../format/index.ts';
import { DataLinks, FilterSelect, Layout, type Viewer } from './layout.tsx';
import type { ReportSummary } from './model.ts';
import { formatZh, yearZh } from './words.ts';

/** The filter as the form shows it: the query's own strings. */
export type ListQuery = Partial<Record<'region' | 'year' | 'agency' | 'level' | 'format' | 'has_errors' | 'rule' | 'q', string>>;

export function queryString(query: ListQuery, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, ...extra })) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

function Filters({ query }: { query: ListQuery }) {
  const text = (name: keyof ListQuery, label: string, type = 'text') => (
    <label>
      {label}
      <input type={type} name={name} value={query[name] ?? ''} />
    </label>
  );
  const select = (name: keyof ListQuery, label: string, options: [string, string][]) => (
    <FilterSelect name={name} label={label} value={query[name]} options={options} />
  );
  return (
    <form class="filters" method="get" action="/reports" role="search">
      {text('q', '全文检索', 'search')}
      {text('agency', '机关')}
      {text('region', '地区')}
      {text('year', '年度', 'number')}
      {select('level', '层级', LEVELS.map((l) => [l.id, l.name]))}
      {select('format', '格式', [['2021', '2021版'], ['2019', '2019版'], ['free', '非模板']])}
      {select('has_errors', '错误', [['true', '有错误'], ['false', '无错误']])}
      {text('rule', '规则 id')}
      <button type="submit">筛选</button>
    </form>
  );
}

export function ReportRows({ items }: { items: ReportSummary[] }) {
  return (
    <div class="table-scroll">
      <table class="list">
        <thead>
          <tr>
            <th scope="col">机关</th>
            <th scope="col">年度</th>
            <th scope="col">地区</th>
            <th scope="col">格式</th>
            <th scope="col">错误</th>
            <th scope="col">警告</th>
            <th scope="col">提示</th>
            <th scope="col">导入时间</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr class={r.errors ? 'has-errors' : undefined}>
              <th scope="row">
                <a href={`/reports/${r.id}`}>{r.agency ?? `（机关不明）${r.source}`}</a>
              </th>
              <td>{yearZh(r.year)}</td>
              <td>{r.region ?? ''}</td>
              <td>{formatZh(r.format)}</td>
              <td class="num">{r.errors}</td>
              <td class="num">{r.warnings}</td>
              <td class="num">{r.infos}</td>
              <td>{r.importedAt}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ListPage(props: { viewer: Viewer; query: ListQuery; total: number; items: ReportSummary[]; limit: number; offset: number }) {
  const { query, total, limit, offset } = props;
  const page = (o: number) => `/reports${queryString(query, { offset: o, limit })}`;
  return (
    <Layout title="报告" viewer={props.viewer} current="/reports">
      <h1>报告</h1>
      <Filters query={query} />
      <p class="total">
        共 {total} 份{total > 0 && `，第 ${offset + 1}–${Math.min(offset + limit, total)} 份`}
      </p>
      <DataLinks json={`/api/reports${queryString(query)}`} csv={`/reports.csv${queryString(query)}`} />
      {props.items.length ? <ReportRows items={props.items} /> : <p>没有符合条件的报告。</p>}
      <nav class="pager" aria-label="分页">
        {offset > 0 && <a href={page(Math.max(0, offset - limit))}>上一页</a>}
        {offset + limit < total && <a href={page(offset + limit)}>下一页</a>}
      </nav>
    </Layout>
  );
}
