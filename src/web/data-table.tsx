/** A store answer (named columns, plain rows) as an HTML table: the first column heads its row; numbers align right. */
import type { DataTable } from './model.ts';

type Row = DataTable['rows'][number];

export function DataTableView(props: { table: DataTable; caption: string; link?: (row: Row) => string | undefined; empty: string }) {
  const { columns, rows } = props.table;
  if (!rows.length) return <p class="empty">{props.empty}</p>;
  return (
    <div class="table-scroll">
      <table class="list">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col">{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              {columns.map((c, i) => {
                const value = row[c.key] ?? '';
                if (i > 0) return <td class={typeof value === 'number' ? 'num' : undefined}>{value}</td>;
                const href = props.link?.(row);
                return <th scope="row">{href ? <a href={href}>{value}</a> : value}</th>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
