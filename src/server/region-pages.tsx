/** A region's dashboard page and its two CSV downloads (the roll-up, and its members side by side). */
import type { Context } from 'hono';
import { DashboardPage } from '../web/dashboard-page.tsx';
import type { AppContext } from './context.ts';
import { csvDocument } from './csv.ts';
import { notFound, type AppEnv } from './http.ts';
import { parsed } from './pages.tsx';
import { page, viewerOf } from './render.tsx';
import { DashboardQuery } from './schemas.ts';

const csv = (c: Context, name: string, body: string) =>
  c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` });

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
    const rows = d.rollup.map((r) => [r.key, r.label, r.sum, r.filled, r.reported]);
    return csv(c, `region-${d.region.id}-${d.year ?? 'all'}-rollup.csv`, csvDocument(['单元格', '项目', '合计', '填数机关', '列有此项'], rows));
  });

  ctx.route('GET', '/regions/:id/agencies.csv', 'viewer', async (c) => {
    const d = await dashboard(c);
    const header = ['报告编号', '机关', '层级', '地区', ...d.rankings.map((r) => (r.share ? `${r.name}（%）` : r.name)), '错误', '警告'];
    const rows = d.members.map((m) => [
      m.reportId, m.agency, m.level, m.region,
      ...d.rankings.map((r) => (r.share ? asPercent(m.values[r.id] ?? null) : (m.values[r.id] ?? null))),
      m.errors, m.warnings,
    ]);
    return csv(c, `region-${d.region.id}-${d.year ?? 'all'}-agencies.csv`, csvDocument(header, rows));
  });
}
