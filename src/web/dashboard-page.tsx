/**
 * A region's dashboard for a year: its members' tables 二/三/四 summed and drawn as the statutory template, charts
 * of the years and of the members (each with its numbers as a table), rankings, who has not reported, and the
 * tree below it: sub-regions and the region's own agencies a page at a time.
 */
import { rowKeys, TABLE_IDS, versionById, type FormatVersionId, type TableDef } from '../format/index.ts';
import { tableGrid } from '../render/grid.ts';
import { rowJson } from '../report/cells.ts';
import type { CellValue } from '../report/types.ts';
import { svgDataUri } from './charts.ts';
import { dashboardCharts, type DashboardChart } from './dashboard-charts.ts';
import { Layout, type Viewer } from './layout.tsx';
import type { DashboardRanking, RegionDashboard } from './model.ts';
import { StatutoryTable } from './statutory-table.tsx';
import { percentZh, regionKindZh, yearZh } from './words.ts';

const regionHref = (id: number, year: number | null, extra = '') => `/regions/${id}${year === null ? '' : `?year=${year}`}${extra}`;
const agencyHref = (name: string) => `/agencies/${encodeURIComponent(name)}`;

/** A table's JSON (as a report has it) from the summed cells, for the statutory grid. */
function summedJson(table: TableDef, sums: Map<string, number | null>): Record<string, unknown> {
  return Object.fromEntries(table.rows.map((row) => [row.id, rowJson(row, rowKeys(table, row.id).map((k): CellValue => sums.get(k) ?? null))]));
}

function Chart({ chart }: { chart: DashboardChart }) {
  return (
    <figure class="chart">
      <figcaption>{chart.title}</figcaption>
      {chart.rows.length ? (
        <>
          <picture>
            <source media="(max-width: 600px)" srcset={svgDataUri(chart.narrowSvg)} />
            <img src={svgDataUri(chart.svg)} data-chart={chart.id} alt={`${chart.title}（图中数字见下方数据表）`} />
          </picture>
          <details>
            <summary>数据表</summary>
            <div class="table-scroll">
              <table class="list">
                <caption>{chart.title}</caption>
                <thead>
                  <tr>
                    {chart.head.map((h) => (
                      <th scope="col">{h}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {chart.rows.map((r) => (
                    <tr>
                      <th scope="row">{r.label}</th>
                      {r.cells.map((c) => (
                        <td class="num">{c}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      ) : (
        <p class="absent">（没有可画的数据）</p>
      )}
    </figure>
  );
}

function RankingTable({ ranking }: { ranking: DashboardRanking }) {
  return (
    <table class="list ranking">
      <caption>{ranking.name}</caption>
      <thead>
        <tr>
          <th scope="col">名次</th>
          <th scope="col">机关</th>
          <th scope="col">{ranking.name}</th>
        </tr>
      </thead>
      <tbody>
        {ranking.rows.length ? (
          ranking.rows.map((r) => (
            <tr>
              <td class="num">{r.rank}</td>
              <th scope="row">
                <a href={`/reports/${r.reportId}`}>{r.agency}</a>
              </th>
              <td class="num">{ranking.share ? percentZh(r.value) : r.value}</td>
            </tr>
          ))
        ) : (
          <tr>
            <td colspan={3}>（无数据）</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

function YearNav({ d }: { d: RegionDashboard }) {
  return (
    <nav class="years" aria-label="年度">
      {d.years.map((y) => (
        <a href={regionHref(d.region.id, y)} aria-current={y === d.year ? 'page' : undefined}>
          {y}
        </a>
      ))}
    </nav>
  );
}

/** Missing members listed on the page; a province's list can run to thousands (the JSON has every one). */
const MISSING_SHOWN = 200;

function Missing({ d }: { d: RegionDashboard }) {
  if (!d.missing.length) return <p>本地区已知机关本年度均有报告。</p>;
  return (
    <details>
      <summary>
        未报送本年度报告的机关：{d.missing.length} 个
      </summary>
      {d.missing.length > MISSING_SHOWN && <p class="note">以下列出前 {MISSING_SHOWN} 个，完整名单见 JSON。</p>}
      <ul class="missing">
        {d.missing.slice(0, MISSING_SHOWN).map((m) => (
          <li>
            <a href={agencyHref(m.name)}>{m.name}</a> <small>{m.region}{m.lastYear === null ? ' · 尚无报告' : ` · 最近：${m.lastYear}年度`}</small>
          </li>
        ))}
      </ul>
    </details>
  );
}

function Tree({ d }: { d: RegionDashboard }) {
  const { agencies } = d;
  const pages = (o: number) => regionHref(d.region.id, d.year, `${d.year === null ? '?' : '&'}offset=${o}&limit=${agencies.limit}#agencies`);
  return (
    <div class="grid-2">
      <table class="list">
        <caption>下级地区</caption>
        <thead>
          <tr>
            <th scope="col">地区</th>
            <th scope="col">{d.year === null ? '本年度' : `${d.year}年度`}报告</th>
            <th scope="col">历年报告</th>
          </tr>
        </thead>
        <tbody>
          {d.children.length ? (
            d.children.map((c) => (
              <tr>
                <th scope="row">
                  <a href={regionHref(c.id, d.year)}>{c.name}</a> <small>{regionKindZh(c.kind)}</small>
                </th>
                <td class="num">{c.yearReports}</td>
                <td class="num">{c.reports}</td>
              </tr>
            ))
          ) : (
            <tr>
              <td colspan={3}>（没有下级地区）</td>
            </tr>
          )}
        </tbody>
      </table>
      <table class="list" id="agencies">
        <caption>
          本级机关（{agencies.total} 个{agencies.total > agencies.items.length ? `，第 ${agencies.offset + 1}–${agencies.offset + agencies.items.length} 个` : ''}）
        </caption>
        <thead>
          <tr>
            <th scope="col">机关</th>
            <th scope="col">层级</th>
            <th scope="col">历年报告</th>
            <th scope="col">本年度报告</th>
          </tr>
        </thead>
        <tbody>
          {agencies.items.map((a) => (
            <tr>
              <th scope="row">
                <a href={agencyHref(a.name)}>{a.name}</a>
              </th>
              <td>{a.level ?? ''}</td>
              <td class="num">{a.reports}</td>
              <td>{a.reportId === null ? '未报送' : <a href={`/reports/${a.reportId}`}>查看</a>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {agencies.total > agencies.limit && (
        <nav class="pager" aria-label="本级机关分页">
          {agencies.offset > 0 && <a href={pages(Math.max(0, agencies.offset - agencies.limit))}>上一页</a>}
          {agencies.offset + agencies.limit < agencies.total && <a href={pages(agencies.offset + agencies.limit)}>下一页</a>}
        </nav>
      )}
    </div>
  );
}

export function DashboardPage(props: { viewer: Viewer; dashboard: RegionDashboard }) {
  const d = props.dashboard;
  const name = d.region.path.join('');
  const query = d.year === null ? '' : `?year=${d.year}`;
  const format = versionById(d.format as FormatVersionId);
  const sums = new Map(d.rollup.map((r) => [r.key, r.sum]));
  return (
    <Layout title={`${name} ${yearZh(d.year)}汇总`} viewer={props.viewer} current="/regions">
      <p class="crumbs">
        <a href="/regions">地区</a> › {name}
      </p>
      <h1>
        {name} {yearZh(d.year)}汇总 <small>{regionKindZh(d.region.kind)}</small>
      </h1>
      <YearNav d={d} />
      <p class="facts">
        本年度共汇总 {d.reports} 份报告（本地区及下级地区各机关的现行版本）；表中空白表示所有报告均未填写，不作 0 计。
      </p>
      <Missing d={d} />
      <p class="data-links">
        数据：<a href={`/api/regions/${d.region.id}/dashboard${query}`}>JSON</a>
        {' · '}
        <a href={`/regions/${d.region.id}/rollup.csv${query}`}>汇总表 CSV</a>
        {' · '}
        <a href={`/regions/${d.region.id}/agencies.csv${query}`}>各机关对比 CSV</a>
      </p>
      <h2>图表</h2>
      <div class="charts">
        {dashboardCharts(d).map((c) => (
          <Chart chart={c} />
        ))}
      </div>
      <h2>机关排名（前 {Math.max(0, ...d.rankings.map((r) => r.rows.length))} 名）</h2>
      <div class="grid-3">
        {d.rankings.map((r) => (
          <RankingTable ranking={r} />
        ))}
      </div>
      <h2>汇总报表（{format.id}版格式）</h2>
      {TABLE_IDS.map((id) => (
        <StatutoryTable grid={tableGrid(format.tables[id], summedJson(format.tables[id], sums))} notes={new Map()} provenance={{}} />
      ))}
      <h2>下级地区与本级机关</h2>
      <Tree d={d} />
    </Layout>
  );
}
