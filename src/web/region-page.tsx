/** The region tree with report counts (each region links to its dashboard), and one agency's reports by year. */
import { DataLinks, Layout, type Viewer } from './layout.tsx';
import type { AgencyYears, RegionNode } from './model.ts';
import { regionKindZh, yearZh } from './words.ts';

function Region({ node }: { node: RegionNode }) {
  const label = (
    <>
      {node.id ? <a href={`/regions/${node.id}`}>{node.name}</a> : node.name} <small>{regionKindZh(node.kind)} · {node.reports} 份报告</small>
    </>
  );
  if (!node.children.length) return <li class="leaf">{label}</li>;
  return (
    <li>
      <details open>
        <summary>{label}</summary>
        <ul class="regions">
          {node.children.map((child) => (
            <Region node={child} />
          ))}
        </ul>
      </details>
    </li>
  );
}

export function RegionsPage(props: { viewer: Viewer; tree: RegionNode[] }) {
  return (
    <Layout title="地区" viewer={props.viewer} current="/regions">
      <h1>地区</h1>
      <p class="facts">各地区的报告数（含下级地区）；点地区名看它的汇总、图表、排名和机关。</p>
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
