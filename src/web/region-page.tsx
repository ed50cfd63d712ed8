/** The region tree down to agencies, and one agency's reports by year. */
import { DataLinks, Layout, type Viewer } from './layout.tsx';
import type { AgencyYears, RegionNode } from './model.ts';
import { yearZh } from './words.ts';

function Region({ node }: { node: RegionNode }) {
  return (
    <li>
      <details open>
        <summary>
          {node.name} <small>（{node.kind}）</small>
        </summary>
        {node.agencies.length > 0 && (
          <ul class="agencies">
            {node.agencies.map((a) => (
              <li>
                <a href={`/agencies/${encodeURIComponent(a.name)}`}>{a.name}</a> <small>{a.reports} 份</small>
              </li>
            ))}
          </ul>
        )}
        {node.children.length > 0 && (
          <ul class="regions">
            {node.children.map((child) => (
              <Region node={child} />
            ))}
          </ul>
        )}
      </details>
    </li>
  );
}

export function RegionsPage(props: { viewer: Viewer; tree: RegionNode[] }) {
  return (
    <Layout title="地区" viewer={props.viewer} current="/regions">
      <h1>地区与机关</h1>
      <DataLinks json="/api/regions" csv="/regions.csv" />
      {props.tree.length ? (
        <ul class="regions tree">
          {props.tree.map((n) => (
            <Region node={n} />
          ))}
        </ul>
      ) : (
        <p>还没有地区。</p>
      )}
    </Layout>
  );
}

export function AgencyPage(props: { viewer: Viewer; agency: AgencyYears }) {
  const { agency } = props;
  return (
    <Layout title={agency.agency} viewer={props.viewer} current="/regions">
      <h1>{agency.agency}</h1>
      <DataLinks json={`/api/agencies/${encodeURIComponent(agency.agency)}`} csv={`/agencies/${encodeURIComponent(agency.agency)}/years.csv`} />
      <table class="list">
        <caption>历年报告</caption>
        <thead>
          <tr>
            <th scope="col">年度</th>
            <th scope="col">错误</th>
          </tr>
        </thead>
        <tbody>
          {agency.years.map((y) => (
            <tr>
              <th scope="row">
                <a href={`/reports/${y.reportId}`}>{yearZh(y.year)}</a>
              </th>
              <td class="num">{y.errors}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
