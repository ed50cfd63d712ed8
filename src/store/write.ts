/**
 * Writing one read file: its bytes (content-addressed), its agency and report, a new version with every cell and
 * finding, all in the caller's transaction, so a crash leaves either the whole version or nothing.
 */
import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Outcome } from '../pipeline/index.ts';
import { reportCells } from '../report/cells.ts';
import type { Finding, Report } from '../report/types.ts';
import { spacedWords } from '../text/segment.ts';
import { resolveAgency, type AgencyIdentity } from './agencies.ts';
import type { Database } from './schema.ts';

type Tx = Transaction<Database>;

export type ImportStatus = 'imported' | 'unchanged' | 'new-version' | 'unreadable';

export interface StoredFile {
  sha256: string;
  bytes: Uint8Array;
}

export interface WriteResult {
  status: ImportStatus;
  reportId?: number;
  versionId?: number;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Whether a file with these bytes was stored before (as a version or as unreadable). */
export async function isKnown(db: Tx | import('kysely').Kysely<Database>, hash: string): Promise<boolean> {
  const row = await db
    .selectFrom('report_version')
    .select('id')
    .where('sha256', '=', hash)
    .union(db.selectFrom('unreadable').select(sql<number>`0`.as('id')).where('sha256', '=', hash))
    .executeTakeFirst();
  return row !== undefined;
}

export async function storeBlob(tx: Tx, file: StoredFile): Promise<void> {
  await tx
    .insertInto('blob')
    .values({ sha256: file.sha256, size: file.bytes.length, bytes: file.bytes })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

/** Writes a read outcome; `identity` is where the report belongs (see identity.ts). */
export async function writeOutcome(tx: Tx, file: StoredFile, outcome: Outcome, identity: AgencyIdentity & { year: number | null }): Promise<WriteResult> {
  if (await isKnown(tx, file.sha256)) return { status: 'unchanged' };
  await storeBlob(tx, file);
  if (!('report' in outcome)) {
    const { code, message, message_en } = outcome.error.error;
    await tx.insertInto('unreadable').values({ sha256: file.sha256, path: outcome.path, code, message, message_en }).execute();
    return { status: 'unreadable' };
  }
  const reportId = await reportOf(tx, await resolveAgency(tx, identity), identity.year);
  const versionId = await addVersion(tx, reportId, file.sha256, outcome);
  await writeCells(tx, versionId, outcome.report);
  await writeFindings(tx, versionId, 'report', outcome.report.findings);
  const { version } = await tx.selectFrom('report_version').select('version').where('id', '=', versionId).executeTakeFirstOrThrow();
  return { status: version === 1 ? 'imported' : 'new-version', reportId, versionId };
}

async function reportOf(tx: Tx, agencyId: number, year: number | null): Promise<number> {
  const found = await tx
    .selectFrom('report')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where((eb) => (year === null ? eb('year', 'is', null) : eb('year', '=', year)))
    .executeTakeFirst();
  if (found) return found.id;
  return (await tx.insertInto('report').values({ agency_id: agencyId, year }).returning('id').executeTakeFirstOrThrow()).id;
}

async function addVersion(tx: Tx, reportId: number, hash: string, outcome: { path: string; report: Report }): Promise<number> {
  const { report } = outcome;
  const last = await tx
    .selectFrom('report_version')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('report_id', '=', reportId)
    .executeTakeFirst();
  await tx.updateTable('report_version').set({ is_current: false }).where('report_id', '=', reportId).where('is_current', '=', true).execute();
  const { id } = await tx
    .insertInto('report_version')
    .values({
      report_id: reportId,
      version: Number(last?.version ?? 0) + 1,
      sha256: hash,
      path: outcome.path,
      format_version: report.format_version,
      published: report.published,
      title: report.title ?? null,
      is_current: true,
      body: JSON.stringify(report),
      search: sql`to_tsvector('simple', ${spacedWords(searchText(report))})`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** What full-text search looks in: the title, the opening and the six sections' prose. */
function searchText(report: Report): string {
  return [report.title ?? '', ...report.preamble.map((p) => p.text), ...report.sections.map((s) => `${s.title}\n${s.text}`)].join('\n');
}

async function writeCells(tx: Tx, versionId: number, report: Report): Promise<void> {
  const rows = [...reportCells(report)].map(({ key, value }) => {
    const provenance = report.provenance[key];
    return {
      version_id: versionId,
      key,
      num: typeof value === 'number' ? value : null,
      mark: value === '/' ? '/' : null,
      status: provenance?.status ?? null,
      place: provenance ? (JSON.stringify(provenance) as never) : null,
    };
  });
  for (let i = 0; i < rows.length; i += 1000) await tx.insertInto('cell').values(rows.slice(i, i + 1000)).execute();
}

/** Replaces a version's findings of one scope; each keeps a fingerprint that its review is keyed by. */
export async function writeFindings(tx: Tx, versionId: number, scope: 'report' | 'pair', findings: Finding[]): Promise<void> {
  await tx.deleteFrom('finding').where('version_id', '=', versionId).where('scope', '=', scope).execute();
  const seen = new Map<string, number>();
  const rows = findings.map((finding, seq) => {
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
      detail: JSON.stringify(finding) as never,
    };
  });
  for (let i = 0; i < rows.length; i += 500) await tx.insertInto('finding').values(rows.slice(i, i + 500)).execute();
}

/**
 * What makes a finding the same finding when the report is checked again or imported again: rule, cells and
 * message. A review (confirmed / dismissed) is keyed by it, so it survives re-checking an unchanged report.
 */
export function fingerprintOf(finding: Finding): string {
  const cells = finding.place.cells?.map((c) => c.path).join(',') ?? '';
  return createHash('sha1').update(`${finding.rule}\n${cells}\n${finding.message}`).digest('hex').slice(0, 20);
}
