/**
 * Writing read files: their bytes (content-addressed), agencies and reports, a new version per report with every
 * cell and finding. A batch is written in the caller's one transaction, with one statement per table rather than
 * per report, so a crash leaves every report of the batch whole or absent, never a part of one.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Outcome } from '../pipeline/index.ts';
import { reportCells } from '../report/cells.ts';
import type { Finding, Report } from '../report/types.ts';
import { spacedWords } from '../text/segment.ts';
import { resolveAgencies, type AgencyIdentity } from './agencies.ts';
import { RegionCache } from './regions.ts';
import type { Database } from './schema.ts';

type Tx = Transaction<Database>;

export type ImportStatus = 'imported' | 'unchanged' | 'new-version' | 'unreadable';

/** What became of one file in an import. */
export interface ImportEvent {
  path: string;
  status: ImportStatus;
  reportId?: number;
  /** The reason, for an unreadable file. */
  error?: { code: string; message: string; message_en: string };
  /** Findings of a newly stored report as read and checked (before the cross-year ones), by severity. */
  findings?: { error: number; warning: number; info: number };
}

export interface StoredFile {
  sha256: string;
  bytes: Uint8Array;
}

export interface WriteItem {
  file: StoredFile;
  outcome: Outcome;
  /** Where the report belongs; unused for an unreadable outcome. */
  identity: AgencyIdentity & { year: number | null };
}

export interface WriteResult {
  status: ImportStatus;
  reportId?: number;
  versionId?: number;
}

/**
 * What a store remembers between batches: agency ids by identity (most reports belong to agencies met before) and
 * region ids. A transaction works on a fork; the store adopts it once the transaction committed.
 */
export class WriteCache {
  constructor(
    readonly agencies = new Map<string, number>(),
    readonly regions = new RegionCache(),
  ) {}

  fork(): WriteCache {
    return new WriteCache(new Map(this.agencies), this.regions.fork());
  }

  adopt(other: WriteCache): void {
    for (const [k, v] of other.agencies) this.agencies.set(k, v);
    this.regions.adopt(other.regions);
  }
}

/** Rows per statement: a PostgreSQL statement takes at most 65,535 parameters. */
const CHUNK = 4000;

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Which of these hashes were stored before (as a version or as unreadable). */
export async function knownHashes(db: Tx | Kysely<Database>, hashes: readonly string[]): Promise<Set<string>> {
  if (!hashes.length) return new Set();
  const rows = await db
    .selectFrom('report_version')
    .select('sha256')
    .where('sha256', 'in', hashes)
    .union(db.selectFrom('unreadable').select('sha256').where('sha256', 'in', hashes))
    .execute();
  return new Set(rows.map((r) => r.sha256));
}

/** Writes a batch; results in item order. A file met twice (here or before) is 'unchanged' the second time. */
export async function writeBatch(tx: Tx, items: readonly WriteItem[], cache = new WriteCache()): Promise<WriteResult[]> {
  const known = await knownHashes(tx, items.map((i) => i.file.sha256));
  const fresh = items.filter((item) => !known.has(item.file.sha256) && (known.add(item.file.sha256), true));
  await insertBlobs(tx, fresh);
  const results = new Map<WriteItem, WriteResult>();
  const unreadable = fresh.filter((i) => 'error' in i.outcome);
  if (unreadable.length) await tx.insertInto('unreadable').values(unreadable.map(unreadableRow)).execute();
  for (const item of unreadable) results.set(item, { status: 'unreadable' });
  const readable = fresh.filter((i) => 'report' in i.outcome);
  const versions = await addVersions(tx, readable, cache);
  readable.forEach((item, n) => results.set(item, versions[n]));
  await writeCells(tx, readable.map((item, n) => ({ versionId: versions[n].versionId!, report: reportOf(item) })));
  await insertFindings(tx, readable.flatMap((item, n) => findingRows(versions[n].versionId!, 'report', reportOf(item).findings)));
  return items.map((item) => results.get(item) ?? { status: 'unchanged' });
}

const reportOf = (item: WriteItem) => (item.outcome as { report: Report }).report;

function unreadableRow(item: WriteItem) {
  const { code, message, message_en } = (item.outcome as Extract<Outcome, { error: unknown }>).error.error;
  return { sha256: item.file.sha256, path: item.outcome.path, code, message, message_en };
}

/** A version per readable item: its agency and report found or created, the versions before it no longer current. */
async function addVersions(tx: Tx, items: WriteItem[], cache: WriteCache): Promise<WriteResult[]> {
  if (!items.length) return [];
  const agencyIds = await agencyIdsOf(tx, items.map((i) => i.identity), cache);
  const reportIds = await reportIdsOf(tx, items.map((item, n) => ({ agency_id: agencyIds[n], year: item.identity.year })));
  const next = await nextVersions(tx, reportIds);
  const numbers = reportIds.map((id) => {
    const n = next.get(id) ?? 1;
    next.set(id, n + 1);
    return n;
  });
  if (next.size) await tx.updateTable('report_version').set({ is_current: false }).where('report_id', 'in', [...next.keys()]).where('is_current', '=', true).execute();
  const last = new Map(reportIds.map((id, n) => [id, n])); // the last of a report in the batch is current
  const rows = items.map((item, n) => versionRow(item, reportIds[n], numbers[n], last.get(reportIds[n]) === n));
  const ids = new Map<string, number>();
  for (const chunk of chunks(rows, 200)) {
    const { rows: inserted } = await sql<{ id: number; sha256: string }>`insert into report_version
        (report_id, version, sha256, path, format_version, published, title, is_current, body, search)
      select report_id, version, sha256, path, format_version, published, title, is_current, body,
        to_tsvector('simple', words)
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
      as x(report_id integer, version integer, sha256 text, path text, format_version text, published text,
        title text, is_current boolean, body jsonb, words text)
      returning id, sha256`.execute(tx);
    for (const r of inserted) ids.set(r.sha256, r.id);
  }
  return items.map((item, n) => ({ status: numbers[n] === 1 ? 'imported' : 'new-version', reportId: reportIds[n], versionId: ids.get(item.file.sha256)! }));
}

/** Agency ids for identities, resolving only those this store has not met. */
async function agencyIdsOf(tx: Tx, identities: WriteItem['identity'][], cache: WriteCache): Promise<number[]> {
  const keys = identities.map(({ year: _, ...identity }) => JSON.stringify(identity));
  const unknown = [...new Map(keys.map((key, n) => [key, identities[n]])).entries()].filter(([key]) => !cache.agencies.has(key));
  const ids = await resolveAgencies(tx, unknown.map(([, identity]) => identity), cache.regions);
  unknown.forEach(([key], n) => cache.agencies.set(key, ids[n]));
  return keys.map((key) => cache.agencies.get(key)!);
}

/** The report of each (agency, year), created when missing; year null is a report of unknown year. */
async function reportIdsOf(tx: Tx, wanted: { agency_id: number; year: number | null }[]): Promise<number[]> {
  const keyOf = (r: { agency_id: number; year: number | null }) => `${r.agency_id}/${r.year ?? ''}`;
  const rows = await tx.selectFrom('report').select(['id', 'agency_id', 'year']).where('agency_id', 'in', [...new Set(wanted.map((w) => w.agency_id))]).execute();
  const ids = new Map(rows.map((r) => [keyOf(r), r.id]));
  const missing = [...new Map(wanted.filter((w) => !ids.has(keyOf(w))).map((w) => [keyOf(w), w])).values()];
  if (missing.length) {
    for (const r of await tx.insertInto('report').values(missing).returning(['id', 'agency_id', 'year']).execute()) ids.set(keyOf(r), r.id);
  }
  return wanted.map((w) => ids.get(keyOf(w))!);
}

/** The next version number of each report (1 for a report without versions). */
async function nextVersions(tx: Tx, reportIds: number[]): Promise<Map<number, number>> {
  const next = new Map<number, number>();
  if (!reportIds.length) return next;
  const rows = await tx
    .selectFrom('report_version')
    .select(['report_id', (eb) => eb.fn.max('version').as('version')])
    .where('report_id', 'in', [...new Set(reportIds)])
    .groupBy('report_id')
    .execute();
  for (const r of rows) next.set(r.report_id, Number(r.version) + 1);
  return next;
}

function versionRow(item: WriteItem, reportId: number, version: number, current: boolean) {
  const report = reportOf(item);
  return {
    report_id: reportId,
    version,
    sha256: item.file.sha256,
    path: item.outcome.path,
    format_version: report.format_version,
    published: report.published,
    title: report.title ?? null,
    is_current: current,
    body: report,
    words: spacedWords(searchText(report)),
  };
}

/** What full-text search looks in: the title, the opening and the six sections' prose. */
function searchText(report: Report): string {
  return [report.title ?? '', ...report.preamble.map((p) => p.text), ...report.sections.map((s) => `${s.title}\n${s.text}`)].join('\n');
}

async function writeCells(tx: Tx, versions: { versionId: number; report: Report }[]): Promise<void> {
  const rows = versions.flatMap(({ versionId, report }) =>
    [...reportCells(report)].map(({ key, value }) => {
      const provenance = report.provenance[key];
      return {
        version_id: versionId,
        key,
        num: typeof value === 'number' ? value : null,
        mark: value === '/' ? '/' : null,
        status: provenance?.status ?? null,
        place: provenance ?? null,
      };
    }),
  );
  for (const chunk of chunks(rows, CHUNK)) {
    await sql`insert into cell (version_id, key, num, mark, status, place)
      select * from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
      as x(version_id integer, key text, num double precision, mark text, status text, place jsonb)`.execute(tx);
  }
}

/** Replaces the findings of one scope of these versions; each keeps a fingerprint that its review is keyed by. */
export async function replaceFindings(tx: Tx, scope: 'report' | 'pair', byVersion: Map<number, Finding[]>): Promise<void> {
  const ids = [...byVersion.keys()];
  for (const chunk of chunks(ids, CHUNK)) await tx.deleteFrom('finding').where('version_id', 'in', chunk).where('scope', '=', scope).execute();
  await insertFindings(tx, [...byVersion].flatMap(([versionId, findings]) => findingRows(versionId, scope, findings)));
}

function findingRows(versionId: number, scope: 'report' | 'pair', findings: Finding[]) {
  const seen = new Map<string, number>();
  return findings.map((finding, seq) => {
    const base = fingerprintOf(finding);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return {
      version_id: versionId,
      scope,
      seq,
      rule: finding.rule,
      severity: finding.severity,
      origin: finding.origin,
      message: finding.message,
      fingerprint: n ? `${base}-${n}` : base,
      detail: finding,
    };
  });
}

async function insertFindings(tx: Tx, rows: ReturnType<typeof findingRows>): Promise<void> {
  for (const chunk of chunks(rows, CHUNK)) {
    await sql`insert into finding (version_id, scope, seq, rule, severity, origin, message, fingerprint, detail)
      select * from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
      as x(version_id integer, scope text, seq integer, rule text, severity text, origin text, message text,
        fingerprint text, detail jsonb)`.execute(tx);
  }
}

/**
 * What makes a finding the same finding when the report is checked again or imported again: rule, cells and
 * message. A review (confirmed / dismissed) is keyed by it, so it survives re-checking an unchanged report.
 */
export function fingerprintOf(finding: Finding): string {
  const cells = finding.place.cells?.map((c) => c.path).join(',') ?? '';
  return createHash('sha1').update(`${finding.rule}\n${cells}\n${finding.message}`).digest('hex').slice(0, 20);
}

/**
 * Files go in as base64 text decoded by the database: binary parameters are encoded byte by byte in JavaScript by
 * the embedded engine's driver, many times slower.
 */
async function insertBlobs(tx: Tx, items: WriteItem[]): Promise<void> {
  const rows = uniqueBy(items.map((i) => ({ sha256: i.file.sha256, size: i.file.bytes.length, bytes: sql<Uint8Array>`decode(${Buffer.from(i.file.bytes).toString('base64')}, 'base64')` })), (b) => b.sha256);
  for (const chunk of chunks(rows, 50)) await tx.insertInto('blob').values(chunk).onConflict((oc) => oc.column('sha256').doNothing()).execute();
}

export function* chunks<T>(rows: T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

function uniqueBy<T>(rows: T[], key: (row: T) => string): T[] {
  return [...new Map(rows.map((r) => [key(r), r])).values()];
}
