/**
 * Who may open which ledger: every signed-in role reads every agency's ledger, except an editor, who reads and writes
 * only the ledger of the agency they are bound to. Every `:agency` route (pages and API) goes through `ledgerAgency`.
 */
import type { Context } from 'hono';
import { chineseCalendar, type Calendar } from '../ledger/index.ts';
import { WebError, type AppEnv } from './http.ts';

export const mayOpen = (c: Context<AppEnv>, agency: string) => {
  const session = c.get('session');
  return session?.role !== 'editor' || session.agency === agency;
};

/** The route's agency, refused (403) to an editor of another agency. */
export function ledgerAgency(c: Context<AppEnv>): string {
  const agency = (c.req.param('agency') ?? '').trim();
  if (!agency || agency.length > 200) throw new WebError(404, 'not-found', '未找到', 'not found');
  if (!mayOpen(c, agency)) {
    throw new WebError(403, 'other-agency', `只能查看和填写本机关（${c.get('session')!.agency}）的台账`, 'an editor works on their own agency only');
  }
  return agency;
}

let calendar: Calendar | undefined;
/** The working-day calendar (chinese-days, and any XXGK_CALENDAR files), loaded on first use. */
export const ledgerCalendar = (): Calendar => (calendar ??= chineseCalendar());
