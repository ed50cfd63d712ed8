/**
 * The 依申请公开 ledger kept in the store: each agency's applications with their events, appended through the rules
 * of src/ledger and never changed (the tables refuse UPDATE and DELETE). The store records who appended an event
 * (the event's `by`) and when (its own clock: the event's `at` is the time it was stored).
 *
 * @example
 *   await addLedgerApplication(store.db, '某市生态环境局', '2025-001', { type: 'received', channel: 'in_person', … , by: '张三' }, calendar);
 *   await appendLedgerEvent(store.db, '某市生态环境局', '2025-001', { type: 'replied', date: '2025-03-20', outcome: 'granted', by: '张三' }, calendar);
 *   const entries = await listLedger(store.db, '某市生态环境局', { calendar, asOf: '2025-03-10' });   // overdue first
 *
 * Reads find the agency by any of its names and throw a StoreError ('input') when the store does not know it; writes
 * create it.
 */
import type { Kysely, Transaction } from 'kysely';
import { inferLevel } from '../extract/metadata.ts';
import type { AgencyLevelId } from '../format/levels.ts';
import {
  appendEvent, asOf as eventsUpTo, buildReport, byUrgency, EVENT_NAMES, eventDate, exportCsv, foldEvents, importCsv, receiptDate,
  statusOf, table2Problems,
  type Application, type ApplicationState, type BuildOptions, type BuildResult, type Calendar, type DueStatus,
  type IsoDate, type LedgerEvent, type LedgerIssue, type Received, type RuleOptions, type SheetProblem,
} from '../ledger/index.ts';
import type { Report, Table2Json } from '../report/types.ts';
import { resolveAgencies } from './agencies.ts';
import { retryOnConflict } from './conflict.ts';
import { StoreError } from './errors.ts';
import { findAgency, type AgencyRef } from './queries/scope.ts';
import { RegionCache, regionChain } from './regions.ts';
import type { Database } from './schema.ts';
import { chunks } from './write.ts';

type Db = Kysely<Database>;
type Tx = Transaction<Database>;

/** An event as a caller appends it: the store fills in when it was recorded. */
type Unrecorded<E> = E extends LedgerEvent ? Omit<E, 'at'> : never;
export type NewEvent = Unrecorded<LedgerEvent>;
export type NewReceived = Omit<Received, 'at'>;

/** An application as the ledger sees it on a day: its events, the state they fold to, and its due status. */
export interface LedgerEntry {
  agency: string;
  number: string;
  /** Every stored event, in recorded order (`at` is when the store recorded it). */
  application: Application;
  state: ApplicationState;
  status: DueStatus;
  /** Warnings the rules raise on the stored events. */
  issues: LedgerIssue[];
}

export interface LedgerView {
  calendar: Calendar;
  /** The day the status is computed for; events dated after it are not counted yet. */
  asOf: IsoDate;
}

/** An appended event: its place in the application's history and the warnings it raised. */
export interface Appended {
  number: string;
  seq: number;
  issues: LedgerIssue[];
}

/** A sheet as a parser (importCsv, importXlsx) gives it: the applications, their sheet rows, and the problems by row. */
export interface ParsedSheet {
  applications: Application[];
  problems: SheetProblem[];
  rows: number[];
}

export interface LedgerImport {
  /** False when nothing was stored because some row has an error (all or nothing per file). */
  stored: boolean;
  added: number;
  /** Events appended to applications already stored. */
  appended: number;
  /** Applications already stored with every event the sheet gives. */
  unchanged: number;
  problems: SheetProblem[];
}

export interface LedgerReport extends BuildResult {
  /** How many applications the stored ledger has (none: tables 三 and 四 are zeros only because nothing is recorded). */
  applications: number;
  /** The stored report of the year before, used as `previous`; null when the store has none. */
  previous: { year: number; path: string } | null;
}

/** An event the ledger's rules refuse: nothing is stored. The issues say why, in Chinese and English. */
export class LedgerRefused extends StoreError {
  constructor(readonly issues: LedgerIssue[]) {
    const errors = issues.filter((i) => i.severity === 'error');
    super('input', `台账拒绝该记录：${errors.map((i) => i.zh).join('；')}`, `ledger refused the event: ${errors.map((i) => i.en).join('; ')}`);
  }
}

/**
 * Registers an application by its receipt; refused (LedgerRefused) when the receipt breaks a rule or the number is taken.
 * `rules.today` (the caller's day in Beijing) has a receipt dated later recorded with a warning.
 */
export async function addLedgerApplication(
  db: Db, agency: string, number: string, received: NewReceived, calendar: Calendar, rules: RuleOptions = {},
): Promise<Appended> {
  const id = number.trim();
  if (!id) throw new StoreError('input', '申请须有编号', 'an application needs a number');
  const result = appendEvent({ id, events: [] }, { ...received, at: new Date().toISOString() }, calendar, rules);
  if (!result.accepted) throw new LedgerRefused(result.issues);
  return retryOnConflict(() => db.transaction().execute(async (tx) => {
    const agencyId = await agencyForWrite(tx, agency);
    if (await applicationId(tx, agencyId, id)) {
      throw new StoreError('input', `编号“${id}”的申请已登记`, `application "${id}" is already registered`);
    }
    await insertApplications(tx, agencyId, [{ id, events: result.application.events }]);
    return { number: id, seq: 0, issues: result.issues };
  }));
}

/**
 * Appends an event to a stored application after replaying its history; refused (LedgerRefused) when a rule says no.
 * `rules.today` (the caller's day in Beijing) has an event dated later recorded with a warning.
 */
export async function appendLedgerEvent(
  db: Db, agency: string, number: string, event: NewEvent, calendar: Calendar, rules: RuleOptions = {},
): Promise<Appended> {
  return db.transaction().execute(async (tx) => {
    const { id: agencyId } = await findAgency(tx, agency);
    await lockLedger(tx, agencyId);
    const id = await applicationId(tx, agencyId, number);
    if (!id) throw new StoreError('input', `台账中没有编号“${number}”的申请`, `no application "${number}" in the ledger`);
    const [stored] = await loadApplications(tx, agencyId, [number]);
    const result = appendEvent(stored, { ...event, at: new Date().toISOString() } as LedgerEvent, calendar, rules);
    if (!result.accepted) throw new LedgerRefused(result.issues);
    await insertEvents(tx, id, stored.events.length, [event]);
    return { number, seq: stored.events.length, issues: result.issues };
  });
}

/** The agency's applications received by `asOf`, as they stood that day: overdue first, then due soon, waiting, open, concluded. */
export async function listLedger(db: Db, agency: string, view: LedgerView): Promise<LedgerEntry[]> {
  const ref = await findAgency(db, agency);
  const entries = (await loadApplications(db, ref.id)).map((app) => entryOf(ref, app, view)).filter((e) => e.state.receipt);
  return entries.sort((a, b) => byUrgency(a.status, b.status));
}

/** One application with its whole history, its state and status as of `asOf`; undefined when there is none. */
export async function getLedgerApplication(db: Db, agency: string, number: string, view: LedgerView): Promise<LedgerEntry | undefined> {
  const ref = await findAgency(db, agency);
  const [app] = await loadApplications(db, ref.id, [number]);
  return app && entryOf(ref, app, view);
}

/** The agency's applications with every stored event, by number. */
export async function ledgerApplications(db: Db, agency: string): Promise<Application[]> {
  return loadApplications(db, (await findAgency(db, agency)).id);
}

/** The agency's ledger as the CSV sheet (the template's columns), to edit and import again. */
export async function exportLedger(db: Db, agency: string): Promise<string> {
  return exportCsv(await ledgerApplications(db, agency));
}

/** Agencies that keep a ledger here, with how many applications each has. */
export async function ledgerAgencies(db: Db): Promise<{ id: number; name: string; applications: number }[]> {
  const rows = await db
    .selectFrom('ledger_application as l')
    .innerJoin('agency as a', 'a.id', 'l.agency_id')
    .select((eb) => ['a.id', 'a.name', eb.fn.countAll<string>().as('applications')])
    .groupBy(['a.id', 'a.name'])
    .execute();
  return rows.map((r) => ({ ...r, applications: Number(r.applications) })).sort((a, b) => compare(a.name, b.name));
}

/**
 * Stores a parsed sheet: new applications are added; for a stored one, the sheet's events it lacks are appended
 * (the sheet must still show every stored event it has columns for: the ledger is never rewritten). All or nothing: when any row has an
 * error, nothing is stored and every problem comes back by row.
 */
export async function importLedger(db: Db, agency: string, sheet: ParsedSheet, calendar: Calendar): Promise<LedgerImport> {
  const refused = (problems: SheetProblem[]): LedgerImport => ({ stored: false, added: 0, appended: 0, unchanged: 0, problems: sortByRow(problems) });
  if (sheet.problems.some((p) => p.severity === 'error')) return refused(sheet.problems);
  try {
    return await retryOnConflict(() => db.transaction().execute(async (tx) => {
      const agencyId = await agencyForWrite(tx, agency);
      const stored = new Map((await loadApplications(tx, agencyId, sheet.applications.map((a) => a.id))).map((a) => [a.id, a]));
      const plan = planImport(sheet, stored, calendar);
      if (plan.problems.some((p) => p.severity === 'error')) throw new ImportRefused(plan.problems);
      await insertApplications(tx, agencyId, plan.added);
      const ids = await applicationIds(tx, agencyId, plan.appends.map((a) => a.number));
      await insertEventRows(tx, plan.appends.flatMap((a) => eventRows(ids.get(a.number)!, a.from, a.events)));
      const appended = plan.appends.reduce((n, a) => n + a.events.length, 0);
      return { stored: true, added: plan.added.length, appended, unchanged: plan.unchanged, problems: sortByRow(plan.problems) };
    }));
  } catch (e) {
    if (e instanceof ImportRefused) return refused(e.problems);
    throw e;
  }
}

/**
 * The report of `year` built from the agency's stored ledger, with the agency's stored report of the year before (if
 * any) as `previous`: its prose is the starting point and the cross-year rules run against it.
 */
export async function buildLedgerReport(db: Db, agency: string, year: number, options: Omit<BuildOptions, 'year' | 'agency' | 'previous' | 'level'>): Promise<LedgerReport> {
  const ref = await findAgency(db, agency);
  const applications = await loadApplications(db, ref.id);
  const previous = await db
    .selectFrom('report as r')
    .innerJoin('report_version as v', 'v.report_id', 'r.id')
    .select(['v.body', 'v.path'])
    .where('r.agency_id', '=', ref.id)
    .where('r.year', '=', year - 1)
    .where('v.is_current', '=', true)
    .executeTakeFirst();
  const source = await db.selectFrom('agency').select('level_source').where('id', '=', ref.id).executeTakeFirstOrThrow();
  const level = ref.level ? { id: ref.level as AgencyLevelId, source: source.level_source === 'declared' ? 'declared' as const : 'inferred' as const } : null;
  const table2 = options.table2 ?? (await latestTable2(db, ref.id, year))?.table2;
  const result = buildReport(applications, { ...options, table2, year, agency: ref.name, level, previous: previous?.body as Report | undefined });
  return { ...result, applications: applications.length, previous: previous ? { year: year - 1, path: previous.path } : null };
}

/** Table 二 of the year as entered, with who entered it and when. */
export interface StoredTable2 {
  table2: Table2Json;
  by: string;
  at: string;
}

/**
 * Records the agency's table 二 for `year` as a new version (the earlier ones stay); refused (StoreError 'input') when
 * a cell is not of the year's format or a value is not a non-negative number or blank (null: blank is not zero).
 */
export async function saveLedgerTable2(db: Db, agency: string, year: number, table2: Table2Json, by: string): Promise<void> {
  const problems = table2Problems(table2, year);
  if (problems.length) {
    throw new StoreError('input', `表二有误：${problems.map((p) => p.zh).join('；')}`, `table 二 refused: ${problems.map((p) => p.en).join('; ')}`);
  }
  await retryOnConflict(() => db.transaction().execute(async (tx) => {
    const agencyId = await agencyForWrite(tx, agency);
    await tx.insertInto('ledger_table2').values({ agency_id: agencyId, year, values: JSON.stringify(table2) as never, recorded_by: by }).execute();
  }));
}

/** The agency's current table 二 for `year` (its latest version); undefined when none was entered. */
export async function ledgerTable2(db: Db, agency: string, year: number): Promise<StoredTable2 | undefined> {
  return latestTable2(db, (await findAgency(db, agency)).id, year);
}

// ---- reading

async function latestTable2(db: Db, agencyId: number, year: number): Promise<StoredTable2 | undefined> {
  const row = await db
    .selectFrom('ledger_table2')
    .select(['values', 'recorded_by', 'recorded_at'])
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && { table2: row.values as Table2Json, by: row.recorded_by, at: new Date(row.recorded_at).toISOString() };
}

async function applicationId(db: Db, agencyId: number, number: string): Promise<number | undefined> {
  const row = await db.selectFrom('ledger_application').select('id').where('agency_id', '=', agencyId).where('number', '=', number).executeTakeFirst();
  return row?.id;
}

async function applicationIds(db: Db, agencyId: number, numbers: string[]): Promise<Map<string, number>> {
  if (!numbers.length) return new Map();
  const rows = await db.selectFrom('ledger_application').select(['id', 'number']).where('agency_id', '=', agencyId).where('number', 'in', numbers).execute();
  return new Map(rows.map((r) => [r.number, r.id]));
}

/** The agency's applications (or those numbered `numbers`) with their events in recorded order, by number. */
async function loadApplications(db: Db, agencyId: number, numbers?: string[]): Promise<Application[]> {
  if (numbers && !numbers.length) return [];
  const rows = await db
    .selectFrom('ledger_event as e')
    .innerJoin('ledger_application as a', 'a.id', 'e.application_id')
    .select(['a.number', 'e.seq', 'e.kind', 'e.payload', 'e.recorded_by', 'e.recorded_at'])
    .where('a.agency_id', '=', agencyId)
    .$if(numbers !== undefined, (q) => q.where('a.number', 'in', numbers!))
    .orderBy('a.id')
    .orderBy('e.seq')
    .execute();
  const apps = new Map<string, Application>();
  for (const r of rows) {
    const app = apps.get(r.number) ?? apps.set(r.number, { id: r.number, events: [] }).get(r.number)!;
    app.events.push({ ...r.payload, type: r.kind, by: r.recorded_by, at: new Date(r.recorded_at).toISOString() } as LedgerEvent);
  }
  return [...apps.values()].sort((a, b) => compare(a.id, b.id));
}

function entryOf(agency: AgencyRef, app: Application, view: LedgerView): LedgerEntry {
  const folded = foldEvents(eventsUpTo(app, view.asOf), view.calendar);
  return {
    agency: agency.name, number: app.id, application: app, state: folded.state,
    status: statusOf(folded.state, view.asOf, view.calendar), issues: folded.issues,
  };
}

/** Code-unit order, the same on every machine (no locale). */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// ---- writing

/**
 * The agency a ledger is written for, its ledger locked: found by any of its names, else created (region and level
 * from its name).
 */
async function agencyForWrite(tx: Tx, name: string): Promise<number> {
  const trimmed = name.trim();
  if (!trimmed) throw new StoreError('input', '须指明机关', 'an agency is needed');
  const level = inferLevel(trimmed);
  const identity = { name: trimmed, region: regionChain(trimmed, [], level === 'township'), level, levelSource: level ? ('inferred' as const) : null };
  const [id] = await resolveAgencies(tx, [identity], new RegionCache());
  await lockLedger(tx, id);
  return id;
}

/**
 * One writer at a time per agency's ledger (until the transaction ends): each reads the history after the previous
 * writer committed, so a sequence number is never taken twice and no rule is checked against a stale history.
 */
async function lockLedger(tx: Tx, agencyId: number): Promise<void> {
  await tx.selectFrom('agency').select('id').where('id', '=', agencyId).forUpdate().execute();
}

async function insertApplications(tx: Tx, agencyId: number, apps: Application[]): Promise<void> {
  if (!apps.length) return;
  const values = apps.map((app) => {
    const received = app.events[0] as Received;
    return {
      agency_id: agencyId, number: app.id, received: receiptDate(received)!, channel: received.channel,
      applicant_type: received.applicantType, applicant: received.applicant, request: received.request,
    };
  });
  const ids = new Map<string, number>();
  for (const chunk of chunks(values, ROWS_PER_INSERT)) {
    for (const r of await tx.insertInto('ledger_application').values(chunk).returning(['id', 'number']).execute()) ids.set(r.number, r.id);
  }
  await insertEventRows(tx, apps.flatMap((app) => eventRows(ids.get(app.id)!, 0, app.events)));
}

async function insertEvents(tx: Tx, applicationId: number, from: number, events: (LedgerEvent | NewEvent)[]): Promise<void> {
  await insertEventRows(tx, eventRows(applicationId, from, events));
}

function eventRows(applicationId: number, from: number, events: (LedgerEvent | NewEvent)[]) {
  return events.map((e, n) => {
    const { type, by, ...payload } = e as LedgerEvent;
    delete (payload as { at?: string }).at; // when it was recorded is the store's clock
    return { application_id: applicationId, seq: from + n, kind: type, payload: JSON.stringify(payload) as never, recorded_by: by };
  });
}

async function insertEventRows(tx: Tx, rows: ReturnType<typeof eventRows>): Promise<void> {
  for (const chunk of chunks(rows, ROWS_PER_INSERT)) await tx.insertInto('ledger_event').values(chunk).execute();
}

/** Rows per INSERT: a statement takes at most 65,535 parameters, and a row here has at most 7. */
const ROWS_PER_INSERT = 5000;


// ---- importing

class ImportRefused extends Error {
  constructor(readonly problems: SheetProblem[]) {
    super('import refused');
  }
}

interface ImportPlan {
  added: Application[];
  appends: { number: string; from: number; events: LedgerEvent[] }[];
  unchanged: number;
  problems: SheetProblem[];
}

/** What a sheet adds to the stored ledger, and the problems by sheet row. */
function planImport(sheet: ParsedSheet, stored: Map<string, Application>, calendar: Calendar): ImportPlan {
  const plan: ImportPlan = { added: [], appends: [], unchanged: 0, problems: [...sheet.problems] };
  sheet.applications.forEach((app, i) => {
    const row = sheet.rows[i];
    const old = stored.get(app.id);
    if (!old) return void plan.added.push(app);
    const { missing, fresh } = difference(asSheetShows(old, calendar), app.events);
    for (const e of missing) {
      const what = `${EVENT_NAMES[e.type] ?? e.type}（${eventDate(e) ?? ''}）`;
      plan.problems.push({
        row, id: app.id, severity: 'error',
        zh: `库中已记录的“${what}”在表格中没有或已改动；台账只能追加，不能修改`,
        en: `the stored ${e.type} (${eventDate(e) ?? ''}) is missing or changed in the sheet; the ledger is append-only`,
      });
    }
    if (missing.length) return;
    if (!fresh.length) return void plan.unchanged++;
    const { issues } = foldEvents({ id: app.id, events: [...old.events, ...fresh] }, calendar);
    for (const issue of issues.filter((x) => x.severity === 'error' && x.event >= old.events.length)) {
      plan.problems.push({ row, id: app.id, severity: 'error', zh: issue.zh, en: issue.en });
    }
    plan.appends.push({ number: app.id, from: old.events.length, events: fresh });
  });
  return plan;
}

/**
 * The stored history as a sheet shows it: the sheet has one column set per kind of event and no column for some
 * details (a consultation's party name), so an exported sheet shows the first event of each kind without them.
 */
function asSheetShows(app: Application, calendar: Calendar): LedgerEvent[] {
  return importCsv(exportCsv([app]), { calendar, by: '', at: '' }).applications[0]?.events ?? [];
}

/** Stored events the sheet lacks, and the sheet's events not stored yet (each event matched once, by its content). */
function difference(stored: LedgerEvent[], sheet: LedgerEvent[]): { missing: LedgerEvent[]; fresh: LedgerEvent[] } {
  const left = sheet.map((e) => ({ e, key: contentKey(e) }));
  const missing = stored.filter((e) => {
    const at = left.findIndex((x) => x.key === contentKey(e));
    if (at < 0) return true;
    left.splice(at, 1);
    return false;
  });
  return { missing, fresh: left.map((x) => x.e) };
}

/** What an event says, without who recorded it and when, keys in order (as jsonb gives them back in its own order). */
function contentKey(e: LedgerEvent): string {
  const { by: _by, at: _at, ...content } = e;
  return JSON.stringify(Object.entries(content).filter(([, v]) => v !== undefined).sort(([a], [b]) => compare(a, b)));
}

const sortByRow = (problems: SheetProblem[]) => [...problems].sort((a, b) => a.row - b.row);
