/**
 * The ledger pages: each route reads through `WebData.ledger`, the ledger's rules (src/ledger) decide every write, and
 * a refused form comes back (422) with each rule's message beside its field.
 */
import type { Context } from 'hono';
import { eventsOffered, exportCsv, foldEvents, type EventType, type Received } from '../ledger/index.ts';
import { MEDIA_TYPES } from '../readers/sniff.ts';
import { exportReport, reportData } from '../render/exports.ts';
import { renderHtml } from '../render/html.ts';
import { DRAFT_FORMATS, DraftPage, FinalRefusedPage, type DraftFormat } from '../web/ledger-draft-page.tsx';
import { blankFields, EVENT_FIELDS, eventFrom, issuesByField, NUMBER_FIELD, type FieldErrors } from '../web/ledger-fields.ts';
import type { FormState } from '../web/ledger-forms.tsx';
import { beijingToday, ledgerRow } from '../web/ledger-model.ts';
import { ApplicationPage, EntryPage, LedgerIndexPage, LedgerListPage, ledgerPath } from '../web/ledger-pages.tsx';
import type { AppContext } from './context.ts';
import type { LedgerWrite } from './data.ts';
import { notFound, WebError, type AppEnv } from './http.ts';
import { ledgerAgency, ledgerCalendar, mayOpen } from './ledger-access.ts';
import { draftYear, ledgerList, ledgerYears, listQueryOf, listQueryView } from './ledger-query.ts';
import { page, viewerOf } from './render.tsx';

/** Numbers that would collide with the agency's own pages. */
const RESERVED = new Set(['new', 'draft', 'applications.csv', 'draft.csv', ...DRAFT_FORMATS.map((f) => `draft.${f}`)]);

const formValues = async (c: Context) =>
  Object.fromEntries(Object.entries(await c.req.parseBody()).flatMap(([k, v]) => (typeof v === 'string' && k !== '_csrf' ? [[k, v]] : [])));

const hasErrors = (e: FieldErrors) => Object.keys(e).length > 0;
const refusal = (write: LedgerWrite) => write.issues.filter((i) => i.severity === 'error');
const warningsOf = (write: LedgerWrite) => write.issues.filter((i) => i.severity === 'warning').map((i) => i.zh);

export function registerLedgerPages(ctx: AppContext): void {
  const viewer = (c: Context<AppEnv>) => viewerOf(c, ctx.options.mode === 'server')!;
  const by = (c: Context<AppEnv>) => c.get('session')!.user;

  ctx.route('GET', '/ledger', 'viewer', async (c) => {
    const ledger = ctx.data.ledger;
    const picked = c.req.query('agency')?.trim();
    if (picked) return c.redirect(ledgerPath(picked), 303);
    const ledgers = (await ledger.agencies()).filter((a) => mayOpen(c, a));
    const session = c.get('session')!;
    const regionAgencies = session.role === 'editor' ? [] : (await ctx.data.regionTree()).flatMap(function names(r): string[] {
      return [...r.agencies.map((a) => a.name), ...r.children.flatMap(names)];
    });
    const known = [...new Set([...ledgers, ...regionAgencies, ...(session.agency ? [session.agency] : [])])].sort((a, b) => a.localeCompare(b, 'zh'));
    return page(c, <LedgerIndexPage viewer={viewer(c)} ledgers={ledgers} known={known} />);
  });

  ctx.route('GET', '/ledger/:agency', 'viewer', async (c) => {
    const agency = ledgerAgency(c);
    const query = listQueryOf(c);
    const apps = await ctx.data.ledger.applications(agency);
    return page(c, <LedgerListPage viewer={viewer(c)} agency={agency} rows={ledgerList(apps, query)} query={listQueryView(query)} years={ledgerYears(apps)} canWrite={mayWrite(c)} />);
  });

  ctx.route('GET', '/ledger/:agency/applications.csv', 'viewer', async (c) => {
    const agency = ledgerAgency(c);
    const apps = await ctx.data.ledger.applications(agency);
    const ids = new Set(ledgerList(apps, listQueryOf(c)).map((r) => r.id));
    return c.body(exportCsv(apps.filter((a) => ids.has(a.id))), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`${agency}台账.csv`)}`,
    });
  });

  const entryPage = (c: Context<AppEnv>, agency: string, state: FormState, status: 200 | 422 = 200) =>
    page(c, <EntryPage viewer={viewer(c)} agency={agency} state={state} />, status);

  ctx.route('GET', '/ledger/:agency/new', 'editor', async (c) => {
    const agency = ledgerAgency(c);
    const count = (await ctx.data.ledger.applications(agency)).length;
    const today = beijingToday();
    return entryPage(c, agency, { values: { no: `${today.slice(0, 4)}-${String(count + 1).padStart(3, '0')}`, submitted: today }, errors: {} });
  });

  ctx.route('POST', '/ledger/:agency/new', 'editor', async (c) => {
    const agency = ledgerAgency(c);
    const values = await formValues(c);
    const no = values.no?.trim() ?? '';
    const errors = blankFields([NUMBER_FIELD, ...EVENT_FIELDS.received], values);
    if (no && (RESERVED.has(no) || /[/\\?#%]/.test(no) || no.length > 40)) errors.no = ['编号不能含 / \\ ? # %，不超过40个字符，也不能是页面名称'];
    if (hasErrors(errors)) return entryPage(c, agency, { values, errors }, 422);
    const received = eventFrom('received', values, by(c), new Date().toISOString()) as Received;
    const write = await ctx.data.ledger.addApplication(agency, no, received);
    if (!write.accepted) return entryPage(c, agency, { values, errors: issuesByField(refusal(write), values) }, 422);
    return c.redirect(ledgerPath(agency, `/${encodeURIComponent(no)}`), 303);
  });

  ctx.route('GET', '/ledger/:agency/draft', 'viewer', async (c) => {
    const agency = ledgerAgency(c);
    const year = draftYear(c);
    const built = await ctx.data.ledger.draft(agency, year);
    const apps = await ctx.data.ledger.applications(agency);
    const draft = { report: built.report, blocking: built.blocking, refused: built.issues.filter((i) => i.issue.severity === 'error').map((i) => ({ application: i.application, zh: i.issue.zh })) };
    const years = [...new Set([...ledgerYears(apps), year])].sort((a, b) => b - a);
    return page(c, <DraftPage viewer={viewer(c)} agency={agency} year={year} draft={draft} canWrite={mayWrite(c)} years={years} />);
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

  ctx.route('GET', '/ledger/:agency/:no', 'viewer', async (c) => applicationView(c, ledgerAgency(c), c.req.param('no') ?? ''));

  ctx.route('POST', '/ledger/:agency/:no/events', 'editor', async (c) => {
    const agency = ledgerAgency(c);
    const no = c.req.param('no') ?? '';
    const ledger = ctx.data.ledger;
    const app = await ledger.application(agency, no);
    if (!app) throw notFound();
    const values = await formValues(c);
    const type = values.type as EventType;
    if (!eventsOffered(foldEvents(app, ledgerCalendar()).state).includes(type)) {
      throw new WebError(400, 'event-not-offered', '该申请当前不能记录这一事项', 'this event does not apply to the application now');
    }
    const errors = blankFields(EVENT_FIELDS[type], values);
    if (hasErrors(errors)) return applicationView(c, agency, no, { type, state: { values, errors } }, 422);
    const write = await ledger.appendEvent(agency, no, eventFrom(type, values, by(c), new Date().toISOString()));
    if (!write.accepted) return applicationView(c, agency, no, { type, state: { values, errors: issuesByField(refusal(write), values) } }, 422);
    const warnings = warningsOf(write);
    if (warnings.length) return applicationView(c, agency, no, { type, state: { values: {}, errors: {}, warnings } });
    return c.redirect(ledgerPath(agency, `/${encodeURIComponent(no)}`), 303);
  });
}

const DRAFT_MEDIA: Record<DraftFormat, string> = { docx: MEDIA_TYPES.docx, pdf: MEDIA_TYPES.pdf, html: MEDIA_TYPES.html, md: MEDIA_TYPES.markdown, csv: 'text/csv' };

/** Editors (of this agency: checked by ledgerAgency), reviewers and admins write; viewers read. */
const mayWrite = (c: Context<AppEnv>) => c.get('session')?.role !== 'viewer';
