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

/** A page of the tree: `total` roots in all, this page's from `offset`. */
export interface RegionPager {
  total: number;
  limit: number;
  offset: number;
}

export function RegionsPage(props: { viewer: Viewer; tree: RegionNode[]; pager: RegionPager }) {
  const { total, limit, offset } = props.pager;
  const at = (o: number) => `/regions?offset=${o}&limit=${limit}`;
  return (
    <Layout title="地区" viewer={props.viewer} current="/regions">
      <h1>地区与机关</h1>
      {total > 0 && (
        <p class="total">
          共 {total} 个地区，第 {offset + 1}–{Math.min(offset + limit, total)} 个
        </p>
      )}
      <DataLinks json="/api/regions" />
      {props.tree.length ? (
        <ul class="regions tree">
          {props.tree.map((n) => (
            <Region node={n} />
          ))}
        </ul>
      ) : (
        <p>还没有地区。</p>
      )}
      <nav class="pager" aria-label="分页">
        {offset > 0 && <a href={at(Math.max(0, offset - limit))}>上一页</a>}
        {offset + limit < total && <a href={at(offset + limit)}>下一页</a>}
      </nav>
    </Layout>
  );
}

export function AgencyPage(props: { viewer: Viewer; agency: AgencyYears }) {
  const { agency } = props;
  return (
    <Layout title={agency.agency} viewer={props.viewer} current="/regions">
      <h1>{agency.agency}</h1>
      <DataLinks json={`/api/agencies/${encodeURIComponent(agency.agency)}`} />
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
