/** A region's dashboard page and its two CSV downloads (the roll-up, and its members side by side). */
import type { Context } from 'hono';
import { DashboardPage } from '../web/dashboard-page.tsx';
import { yearZh } from '../web/words.ts';
import type { AppContext } from './context.ts';
import { csvResponse } from './csv.ts';
import { notFound, type AppEnv } from './http.ts';
import { parsed } from './pages.tsx';
import { page, viewerOf } from './render.tsx';
import { DashboardQuery } from './schemas.ts';

const columns = (pairs: string[][]) => pairs.map(([key, label]) => ({ key, label }));

/** Shares in a spreadsheet as percentages to two decimals (45.45 for 0.4545…). */
const asPercent = (v: number | null) => (v === null ? null : Math.round(v * 10000) / 100);

export function registerRegionPages(ctx: AppContext): void {
  const dashboard = async (c: Context<AppEnv>) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id < 1) throw notFound();
    const { year, limit, offset } = parsed(DashboardQuery, Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== '')));
    const found = await ctx.data.regionDashboard(id, year, { limit, offset });
    if (!found) throw notFound();
    return found;
  };

  ctx.route('GET', '/regions/:id', 'viewer', async (c) =>
    page(c, <DashboardPage viewer={viewerOf(c, ctx.options.mode === 'server')!} dashboard={await dashboard(c)} />),
  );

  ctx.route('GET', '/regions/:id/rollup.csv', 'viewer', async (c) => {
    const d = await dashboard(c);
    const header = columns([['key', '单元格'], ['label', '项目'], ['sum', '合计'], ['filled', '填数机关'], ['reported', '列有此项']]);
    return csvResponse(c, `${d.region.name}${yearZh(d.year)}汇总表.csv`, header, d.rollup);
  });

  ctx.route('GET', '/regions/:id/agencies.csv', 'viewer', async (c) => {
    const d = await dashboard(c);
    const header = columns([
      ['reportId', '报告编号'], ['agency', '机关'], ['level', '层级'], ['region', '地区'],
      ...d.rankings.map((r) => [r.id, r.share ? `${r.name}（%）` : r.name]),
      ['errors', '错误'], ['warnings', '警告'],
    ]);
    const share = new Set(d.rankings.filter((r) => r.share).map((r) => r.id));
    const rows = d.members.map(({ values, ...m }) => ({
      ...m,
      ...Object.fromEntries(Object.entries(values).map(([id, v]) => [id, share.has(id) ? asPercent(v) : v])),
    }));
    return csvResponse(c, `${d.region.name}${yearZh(d.year)}各机关对比.csv`, header, rows);
  });
}
