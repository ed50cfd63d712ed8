/** The overview: reports by year and region, findings by severity and rule, the latest imports. */
import { DeadlinesSection } from './deadlines-section.tsx';
import { DataLinks, Layout, type Viewer } from './layout.tsx';
import { ReportRows, queryString } from './list-page.tsx';
import type { Deadlines, Overview } from './model.ts';
import { SEVERITY_ZH, yearZh } from './words.ts';

function CountTable(props: { caption: string; head: string; rows: { label: string; href?: string; count: number }[] }) {
  return (
    <table class="counts-table">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.head}</th>
          <th scope="col">数量</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr>
            <th scope="row">{r.href ? <a href={r.href}>{r.label}</a> : r.label}</th>
            <td class="num">{r.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** `deadlines`: the chosen year's missing and late reports (absent while no report has a year). */
export function OverviewPage(props: { viewer: Viewer; overview: Overview; deadlines?: Deadlines }) {
  const o = props.overview;
  return (
    <Layout title="总览" viewer={props.viewer} current="/">
      <h1>总览</h1>
      <p class="total">共 {o.reports} 份报告</p>
      <DataLinks json="/api/overview" csv="/overview.csv" />
      <div class="charts">
        <figure>
          <img src="/charts/reports-by-year.svg" alt="各年度报告数量柱状图（数字见下方“按年度”表）" width={640} height={320} />
          <figcaption>各年度报告数量</figcaption>
        </figure>
        <figure>
          <img src="/charts/findings-by-rule.svg" alt="各规则发现问题数量条形图（数字见下方“问题按规则”表）" />
          <figcaption>问题最多的规则</figcaption>
        </figure>
      </div>
      <div class="grid-2">
        <CountTable
          caption="按年度"
          head="年度"
          rows={o.byYear.map((y) => ({ label: yearZh(y.year), href: y.year === null ? undefined : `/reports${queryString({ year: String(y.year) })}`, count: y.count }))}
        />
        <CountTable
          caption="按地区"
          head="地区"
          rows={o.byRegion.map((r) => ({ label: r.region ?? '地区不明', href: r.region ? `/reports${queryString({ region: r.region })}` : undefined, count: r.count }))}
        />
        <CountTable caption="问题按严重程度" head="严重程度" rows={o.bySeverity.map((s) => ({ label: SEVERITY_ZH[s.severity], count: s.count }))} />
        <CountTable
          caption="问题按规则"
          head="规则"
          rows={o.byRule.map((r) => ({ label: r.rule, href: `/reports${queryString({ rule: r.rule })}`, count: r.count }))}
        />
      </div>
      {props.deadlines && <DeadlinesSection deadlines={props.deadlines} years={o.byYear.flatMap((y) => (y.year === null ? [] : [y.year]))} />}
      <h2>最近导入</h2>
      {o.recent.length ? <ReportRows items={o.recent} /> : <p>还没有报告，请先上传。</p>}
    </Layout>
  );
}
