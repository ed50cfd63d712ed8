/**
 * The ledger pages: each route reads through `WebData.ledger`, the ledger's rules (src/ledger) decide every write, and
 * a refused form comes back (422) with each rule's message beside its field.
 */
import type { Context } from 'hono';
import { appendEvent, eventsOffered, exportCsv, foldEvents, type Application, type EventType } from '../ledger/index.ts';
import { MEDIA_TYPES } from '../readers/sniff.ts';
import { exportReport, reportData } from '../render/exports.ts';
import { renderHtml } from '../render/html.ts';
import { DRAFT_FORMATS, DraftPage, FinalRefusedPage, type DraftFormat } from '../web/ledger-draft-page.tsx';
import type { FieldErrors } from '../web/ledger-fields.ts';
import type { FormState } from '../web/ledger-forms.tsx';
import { HISTORY_COLUMNS, historyRows } from '../web/ledger-history.ts';
import { beijingToday, ledgerRow } from '../web/ledger-model.ts';
import { ApplicationPage, EntryPage, LedgerIndexPage, LedgerListPage, ledgerPath } from '../web/ledger-pages.tsx';
import type { AppContext } from './context.ts';
import { csvResponse, download } from './csv.ts';
import { notFound, WebError, type AppEnv } from './http.ts';
import { recordEvent, recordTable2Form, registerApplication } from './ledger-write.ts';
import { ledgerAgency, ledgerCalendar, mayOpen } from './ledger-access.ts';
import { draftYear, ledgerList, ledgerYears, listQueryOf, listQueryView } from './ledger-query.ts';
import { page, viewerOf } from './render.tsx';

/** The number suggested for a new application: one past the highest of this year's series "2026-001", "2026-002"…. */
function nextNumber(numbers: string[], year: string): string {
  const taken = numbers.flatMap((n) => (n.startsWith(`${year}-`) && /^\d+$/.test(n.slice(5)) ? [Number(n.slice(5))] : []));
  return `${year}-${String(taken.reduce((max, n) => Math.max(max, n), 0) + 1).padStart(3, '0')}`;
}

const formValues = async (c: Context) =>
  Object.fromEntries(Object.entries(await c.req.parseBody()).flatMap(([k, v]) => (typeof v === 'string' && k !== '_csrf' ? [[k, v]] : [])));

export function registerLedgerPages(ctx: AppContext): void {
  const viewer = (c: Context<AppEnv>) => viewerOf(c, ctx.options.mode === 'server')!;
  const by = (c: Context<AppEnv>) => c.get('session')!.user;

  ctx.route('GET', '/ledger', 'viewer', async (c) => {
    const ledger = ctx.data.ledger;
    const picked = c.req.query('agency')?.trim();
    if (picked) return c.redirect(ledgerPath(picked), 303);
    const ledgers = (await ledger.agencies()).filter((a) => mayOpen(c, a));
    const session = c.get('session')!;
    // Every agency the store knows (the roster) may start a ledger; an editor has only their own.
    const rosterAgencies = session.role === 'editor' ? [] : (await ctx.data.roster()).rows.map((r) => r.agency);
    const known = [...new Set([...ledgers, ...rosterAgencies, ...(session.agency ? [session.agency] : [])])].sort((a, b) => a.localeCompare(b, 'zh'));
    return page(c, <LedgerIndexPage viewer={viewer(c)} ledgers={ledgers} known={known} />);
  });

  ctx.route('GET', '/ledger/:agency', 'viewer', async (c) => {
    const agency = ledgerAgency(c);
    const query = listQueryOf(c);
    const apps = await ctx.data.ledger.applications(agency);
    return page(c, <LedgerListPage viewer={viewer(c)} agency={agency} rows={ledgerList(apps, query)} query={listQueryView(query)} years={ledgerYears(apps)} canWrite={mayWrite(c)} />);
  });

  /** The applications the list's filters select (a single one with ?no=). */
  const listed = async (c: Context<AppEnv>, agency: string) => {
    const apps = await ctx.data.ledger.applications(agency);
    const ids = new Set(ledgerList(apps, listQueryOf(c)).map((r) => r.id));
    return apps.filter((a) => ids.has(a.id));
  };

  ctx.route('GET', '/ledger/:agency/applications.csv', 'viewer', async (c) => {
    const agency = ledgerAgency(c);
    return download(c, `${agency}台账.csv`, exportCsv(await listed(c, agency)), 'text/csv; charset=utf-8');
  });

  ctx.route('GET', '/ledger/:agency/history.csv', 'viewer', async (c) => {
    const agency = ledgerAgency(c);
    return csvResponse(c, `${agency}办理记录.csv`, HISTORY_COLUMNS, historyRows(await listed(c, agency)));
  });

  const entryPage = (c: Context<AppEnv>, agency: string, state: FormState, status: 200 | 422 = 200) =>
    page(c, <EntryPage viewer={viewer(c)} agency={agency} state={state} />, status);

  ctx.route('GET', '/ledger/:agency/new', 'editor', async (c) => {
    const agency = ledgerAgency(c);
    const numbers = (await ctx.data.ledger.applications(agency)).map((a) => a.id);
    const today = beijingToday();
    return entryPage(c, agency, { values: { no: nextNumber(numbers, today.slice(0, 4)), submitted: today }, errors: {} });
  });

  ctx.route('POST', '/ledger/:agency/new', 'editor', async (c) => {
    const agency = ledgerAgency(c);
    const values = await formValues(c);
    const result = await registerApplication(ctx.data.ledger, agency, values, by(c));
    if (!result.accepted) return entryPage(c, agency, { values, errors: result.errors }, 422);
    return recorded(c, agency, values.no.trim(), result.warnings);
  });

  const draftView = async (c: Context<AppEnv>, agency: string, year: number, table2?: FormState, status: 200 | 422 = 200) => {
    const built = await ctx.data.ledger.draft(agency, year);
    const apps = await ctx.data.ledger.applications(agency);
    const notes = (severity: string) => built.issues.filter((i) => i.issue.severity === severity).map((i) => ({ application: i.application, zh: i.issue.zh }));
    const draft = { report: built.report, blocking: built.blocking, refused: notes('error'), cautions: notes('warning') };
    const years = [...new Set([...ledgerYears(apps), year])].sort((a, b) => b - a);
    return page(c, <DraftPage viewer={viewer(c)} agency={agency} year={year} draft={draft} canWrite={mayWrite(c)} years={years} table2={table2} />, status);
  };

  ctx.route('GET', '/ledger/:agency/draft', 'viewer', async (c) => draftView(c, ledgerAgency(c), draftYear(c)));

  // Table 二 is entered, not counted: each save is a new version and the draft reads the latest.
  ctx.route('POST', '/ledger/:agency/draft/table2', 'editor', async (c) => {
    const agency = ledgerAgency(c);
    const year = draftYear(c);
    const values = await formValues(c);
    const result = await recordTable2Form(ctx.data.ledger, agency, year, values, by(c));
    if (!result.accepted) return draftView(c, agency, year, { values, errors: errorsByField(result.issues) }, 422);
    return c.redirect(`${ledgerPath(agency, '/draft')}?year=${year}`, 303);
  });

  for (const format of [...DRAFT_FORMATS, 'csv'] as const) {
    ctx.route('GET', `/ledger/:agency/draft.${format}`, 'viewer', async (c) => {
      const agency = ledgerAgency(c);
      const year = draftYear(c);
      const { report } = await ctx.data.ledger.draft(agency, year);
      const body = await exportReport(report, format);
      if (body === undefined) throw notFound();
      return c.body(body as string | Uint8Array<ArrayBuffer>, 200, {
        'content-type': `${DRAFT_MEDIA[format]}${typeof body === 'string' ? '; charset=utf-8' : ''}`,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`${report.title}（草稿）.${format}`)}`,
      });
    });
  }

  // Final: the draft goes into the reports as the agency's report of the year, read and checked like any upload.
  ctx.route('POST', '/ledger/:agency/draft/final', 'editor', async (c) => {
    const agency = ledgerAgency(c);
    const year = draftYear(c);
    const built = await ctx.data.ledger.draft(agency, year);
    if (!built.final) return page(c, <FinalRefusedPage viewer={viewer(c)} agency={agency} year={year} blocking={built.blocking} />, 409);
    const [result] = await ctx.data.importFiles([{ name: `${built.report.title}.html`, bytes: new TextEncoder().encode(renderHtml(reportData(built.report)!)) }]);
    if (!result.reportId) throw new WebError(500, 'final', `定稿未能保存：${result.error ?? ''}`, 'the final report could not be stored');
    return c.redirect(`/reports/${result.reportId}`, 303);
  });

  const applicationView = async (c: Context<AppEnv>, agency: string, no: string, posted?: { type: EventType; state: FormState }, status: 200 | 422 = 200) => {
    const app = await ctx.data.ledger.application(agency, no);
    if (!app) throw notFound();
    const { state } = foldEvents(app, ledgerCalendar());
    const row = ledgerRow(app, beijingToday(), ledgerCalendar());
    const openCases = state.appeals.filter((a) => !a.decided).map((a) => a.caseId);
    return page(
      c,
      <ApplicationPage viewer={viewer(c)} agency={agency} app={app} row={row} offered={eventsOffered(state)} openCases={openCases} canWrite={mayWrite(c)} posted={posted} />,
      status,
    );
  };

  ctx.route('GET', '/ledger/:agency/:no', 'viewer', async (c) => {
    const agency = ledgerAgency(c);
    const no = c.req.param('no') ?? '';
    if (c.req.query('noted') === undefined) return applicationView(c, agency, no);
    const app = await ctx.data.ledger.application(agency, no);
    const noted = app && latestWarnings(app);
    return applicationView(c, agency, no, noted && { type: noted.type, state: { values: {}, errors: {}, warnings: noted.warnings } });
  });

  ctx.route('POST', '/ledger/:agency/:no/events', 'editor', async (c) => {
    const agency = ledgerAgency(c);
    const no = c.req.param('no') ?? '';
    const values = await formValues(c);
    const type = values.type as EventType;
    const result = await recordEvent(ctx.data.ledger, agency, no, values, by(c));
    if (!result.accepted) return applicationView(c, agency, no, { type, state: { values, errors: result.errors } }, 422);
    return recorded(c, agency, no, result.warnings);
  });
}

/**
 * After a write, always a redirect (so reloading the page cannot record the event twice); one the rules warned of
 * goes to the application page with ?noted, which says the warnings again.
 */
function recorded(c: Context<AppEnv>, agency: string, no: string, warnings: string[]): Response {
  return c.redirect(`${ledgerPath(agency, `/${encodeURIComponent(no)}`)}${warnings.length ? '?noted' : ''}`, 303);
}

/** The warnings of an application's latest event, as the rules gave them when it was recorded today. */
function latestWarnings(app: Application): { type: EventType; warnings: string[] } | undefined {
  const last = app.events.at(-1);
  if (!last) return undefined;
  const { issues } = appendEvent({ id: app.id, events: app.events.slice(0, -1) }, last, ledgerCalendar(), { today: beijingToday() });
  const warnings = issues.filter((i) => i.severity === 'warning').map((i) => i.zh);
  return warnings.length ? { type: last.type, warnings } : undefined;
}

const DRAFT_MEDIA: Record<DraftFormat, string> = { docx: MEDIA_TYPES.docx, pdf: MEDIA_TYPES.pdf, html: MEDIA_TYPES.html, md: MEDIA_TYPES.markdown, csv: 'text/csv' };

/** A refusal's messages by the field they concern ('' for the whole form). */
function errorsByField(issues: { field?: string; zh: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const i of issues) (errors[i.field ?? ''] ??= []).push(i.zh);
  return errors;
}

/** Editors (of this agency: checked by ledgerAgency), reviewers and admins write; viewers read. */
const mayWrite = (c: Context<AppEnv>) => c.get('session')?.role !== 'viewer';
