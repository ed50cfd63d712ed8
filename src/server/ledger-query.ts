/** The ledger list's and the draft's query, read the same way by the pages and the API. */
import type { Context } from 'hono';
import type { z } from '@hono/zod-openapi';
import { receiptDate, type Application, type DueStatusId } from '../ledger/index.ts';
import { beijingToday, ledgerRows, type LedgerRow } from '../web/ledger-model.ts';
import type { LedgerListQuery as ListQueryView } from '../web/ledger-pages.tsx';
import { ledgerCalendar } from './ledger-access.ts';
import { filled, parsed } from './pages.tsx';
import { DraftQuery, LedgerListQuery } from './ledger-schemas.ts';

export type ListQuery = z.infer<typeof LedgerListQuery>;

export const listQueryOf = (c: Context): ListQuery => parsed(LedgerListQuery, filled(c));

/** The query as the filter form shows it. */
export const listQueryView = (q: ListQuery): ListQueryView => ({
  status: q.status, year: q.year?.toString(), applicant_type: q.applicant_type, as_of: q.as_of,
});

export function ledgerList(apps: Application[], q: ListQuery): LedgerRow[] {
  return ledgerRows(apps, q.as_of ?? beijingToday(), ledgerCalendar(), { status: q.status as DueStatusId | undefined, year: q.year, applicantType: q.applicant_type, id: q.no });
}

/** Years with applications received, newest first. */
export function ledgerYears(apps: Application[]): number[] {
  const years = apps.flatMap((a) => a.events.flatMap((e) => (e.type === 'received' ? [Number((receiptDate(e) ?? e.submitted).slice(0, 4))] : [])));
  return [...new Set(years)].sort((a, b) => b - a);
}

/** The draft's year: asked for, else this year (Beijing). */
export const draftYear = (c: Context): number => parsed(DraftQuery, filled(c)).year ?? Number(beijingToday().slice(0, 4));

