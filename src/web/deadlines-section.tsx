/**
 * The overview's check of one year against the roster: agencies with no report of the year, and reports published
 * after their level's deadline (次年1月31日 for a department, 3月31日 for the 本级政府 report; see src/format/levels.ts).
 */
import { LEVELS } from '../format/index.ts';
import { DataTableView } from './data-table.tsx';
import { DataLinks } from './layout.tsx';
import type { Deadlines } from './model.ts';
import { yearZh } from './words.ts';

/** Rows listed on the page per table: a large store misses thousands, which the CSV and JSON list in full. */
const SHOWN = 200;

const deadlineWords = LEVELS.map((l) => `${l.name}次年${l.deadline.month}月${l.deadline.day}日`).join('，');

function YearPicker(props: { year: number; years: number[] }) {
  return (
    <form class="filters year-picker" method="get" action="/">
      <label>
        年度
        <select name="year">
          {props.years.map((y) => (
            <option value={String(y)} selected={y === props.year}>
              {yearZh(y)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">查看</button>
    </form>
  );
}

export function DeadlinesSection(props: { deadlines: Deadlines; years: number[] }) {
  const { year, missing, late } = props.deadlines;
  const q = `?year=${year}`;
  return (
    <section class="deadlines" aria-labelledby="deadlines-title">
      <h2 id="deadlines-title">{yearZh(year)}报告：缺报与逾期</h2>
      <YearPicker year={year} years={props.years.includes(year) ? props.years : [year, ...props.years]} />
      <p class="note">
        法定期限：{deadlineWords}。级别不明的按最宽松的期限；未注明发布日期的报告不计为逾期。
      </p>
      <div class="grid-2">
        <div>
          <h3>未见报告（{missing.rows.length}）</h3>
          <DataLinks json={`/api/deadlines${q}`} csv={`/deadlines/missing.csv${q}`} />
          {missing.rows.length > SHOWN && <p class="note">以下列出前 {SHOWN} 个，完整名单见 CSV 或 JSON。</p>}
          <DataTableView
            table={{ ...missing, rows: missing.rows.slice(0, SHOWN) }}
            caption={`名册中没有${yearZh(year)}报告的机关`}
            empty="名册中的机关都有本年度报告。"
          />
        </div>
        <div>
          <h3>逾期发布（{late.rows.length}）</h3>
          <DataLinks json={`/api/deadlines${q}`} csv={`/deadlines/late.csv${q}`} />
          {late.rows.length > SHOWN && <p class="note">以下列出前 {SHOWN} 份，完整名单见 CSV 或 JSON。</p>}
          <DataTableView
            table={{ columns: late.columns.filter((c) => c.key !== 'rank'), rows: late.rows.slice(0, SHOWN) }}
            caption={`${yearZh(year)}报告中发布晚于法定期限的`}
            link={(r) => `/reports/${r.report_id}`}
            empty="没有逾期发布的报告。"
          />
        </div>
      </div>
    </section>
  );
}
