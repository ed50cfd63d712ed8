/**
 * The roster: every agency the store knows (with or without reports, so names are not links), grouped by region, with its other names, level and parent; an admin
 * imports a roster CSV here (a file with a faulty row writes nothing, and every such row is listed).
 */
import { LEVELS } from '../format/index.ts';
import { CsrfField, DataLinks, Layout, type Viewer } from './layout.tsx';
import type { DataTable, RosterImport, RosterRow } from './model.ts';

/** Rows by region, regions in name order; agencies with no region last. */
function byRegion(rows: RosterRow[]): [string, RosterRow[]][] {
  const groups = new Map<string, RosterRow[]>();
  for (const row of rows) groups.set(row.region, [...(groups.get(row.region) ?? []), row]);
  return [...groups].sort(([a], [b]) => (!a ? 1 : !b ? -1 : a < b ? -1 : a > b ? 1 : 0));
}

function RosterTable({ roster }: { roster: DataTable<RosterRow> }) {
  const label = (key: string) => roster.columns.find((c) => c.key === key)!.label;
  const shown = ['agency', 'aliases', 'level', 'parent'];
  return (
    <div class="table-scroll">
      <table class="list roster">
        <caption>按地区分组，共 {roster.rows.length} 个机关</caption>
        <thead>
          <tr>
            {shown.map((key) => (
              <th scope="col">{label(key)}</th>
            ))}
          </tr>
        </thead>
        {byRegion(roster.rows).map(([region, rows]) => (
          <tbody>
            <tr class="group">
              <th scope="rowgroup" colspan={shown.length}>
                {region || '地区不明'} <small>{rows.length} 个机关</small>
              </th>
            </tr>
            {rows.map((r) => (
              <tr>
                <th scope="row">{r.agency}</th>
                <td>{r.aliases.split(';').filter(Boolean).join('、')}</td>
                <td>{r.level || '不明'}</td>
                <td>{r.parent}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function ImportResult({ result }: { result: RosterImport }) {
  if (!result.problems) {
    return (
      <p class="notice" role="status">
        名册已导入：登记 {result.count} 个机关。
      </p>
    );
  }
  return (
    <section class="problems" role="alert" aria-label="名册中的问题">
      <h2>名册有 {result.problems.length} 处问题，未导入任何内容</h2>
      <table class="list">
        <thead>
          <tr>
            <th scope="col">行</th>
            <th scope="col">问题</th>
          </tr>
        </thead>
        <tbody>
          {result.problems.map((p) => (
            <tr>
              <th scope="row">{p.line ? `第${p.line}行` : '整个文件'}</th>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ImportForm({ viewer }: { viewer: Viewer }) {
  return (
    <form class="upload roster-import" method="post" action="/roster" enctype="multipart/form-data">
      <CsrfField viewer={viewer} />
      <label>
        导入名册（CSV，列：机关、别名、地区、级别、上级；级别为{LEVELS.map((l) => l.name).join('、')}）
        <input type="file" name="roster" accept=".csv,text/csv" required />
      </label>
      <p class="note">
        任何一行有误时整个文件都不导入，并列出每一行的问题。别名用分号分隔。空白的级别或上级不改变已登记的内容。
      </p>
      <button type="submit">导入名册</button>
    </form>
  );
}

export function RosterPage(props: { viewer: Viewer; roster: DataTable<RosterRow>; result?: RosterImport }) {
  return (
    <Layout title="名册" viewer={props.viewer} current="/roster">
      <h1>机关名册</h1>
      <DataLinks json="/api/roster" csv="/roster.csv" />
      {props.result && <ImportResult result={props.result} />}
      {props.roster.rows.length ? <RosterTable roster={props.roster} /> : <p>名册为空：导入名册或上传报告后，机关会出现在这里。</p>}
      {props.viewer.role === 'admin' && <ImportForm viewer={props.viewer} />}
    </Layout>
  );
}
