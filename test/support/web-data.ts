/**
 * A WebData held in memory for the server's in-process tests: files read and checked by the real readers, extraction
 * and checks, kept in arrays. Review states are keyed by a finding's rule, cells and message, so they survive a
 * re-check as the store's do.
 */
import { createHash } from 'node:crypto';
import { checkReport } from '../../src/checks/index.ts';
import { UnreadableError } from '../../src/document/errors.ts';
import { extractReport } from '../../src/extract/index.ts';
import { deadlineFor, levelById } from '../../src/format/index.ts';
import { readBytes } from '../../src/readers/index.ts';
import { parseRoster, RosterError, type RosterEntry } from '../../src/roster/index.ts';
import type { Finding, Report } from '../../src/report/types.ts';
import { MEASURES } from '../../src/format/measures.ts';
import type { ImportResult, RegionDashboard, ReportFilter, ReportSummary, ReviewState, UploadedFile, WebData } from '../../src/server/data.ts';
import { MemoryLedger } from './ledger-data.ts';

interface Stored {
  id: number;
  name: string;
  bytes: Uint8Array;
  sha256: string;
  report: Report;
  importedAt: string;
}

const keyOf = (f: Finding) => createHash('sha256').update(JSON.stringify([f.rule, f.place.cells?.map((c) => c.path), f.message])).digest('hex').slice(0, 16);

const summaryOf = (s: Stored): ReportSummary => ({
  id: s.id,
  agency: s.report.agency,
  region: null,
  level: s.report.level?.id ?? null,
  year: s.report.year,
  format: s.report.format_version,
  errors: s.report.findings.filter((f) => f.severity === 'error').length,
  warnings: s.report.findings.filter((f) => f.severity === 'warning').length,
  infos: s.report.findings.filter((f) => f.severity === 'info').length,
  source: s.name,
  importedAt: s.importedAt,
});

export class MemoryData implements WebData {
  readonly reports: Stored[] = [];
  readonly reviews = new Map<string, ReviewState>();
  rechecks = 0;
  readonly ledger = new MemoryLedger();
  /** Agencies a roster declared, by name (the last declaration wins). */
  readonly declared = new Map<string, RosterEntry>();

  async importFiles(files: UploadedFile[]): Promise<ImportResult[]> {
    const out: ImportResult[] = [];
    for (const file of files) {
      const sha256 = createHash('sha256').update(file.bytes).digest('hex');
      const same = this.reports.find((r) => r.sha256 === sha256);
      if (same) {
        out.push({ name: file.name, status: 'unchanged', reportId: same.id });
        continue;
      }
      try {
        const report = checkReport(extractReport(await readBytes(file.bytes, file.name)));
        const id = this.reports.length + 1;
        this.reports.push({ id, name: file.name, bytes: file.bytes, sha256, report, importedAt: '2026-12-06 12:00' });
        out.push({ name: file.name, status: 'imported', reportId: id });
      } catch (e) {
        if (!(e instanceof UnreadableError)) throw e;
        out.push({ name: file.name, status: 'unreadable', error: e.zh });
      }
    }
    return out;
  }

  async listReports(filter: ReportFilter) {
    const all = this.reports
      .filter((s) => filter.year === undefined || s.report.year === filter.year)
      .filter((s) => !filter.agency || (s.report.agency ?? '').includes(filter.agency))
      .filter((s) => filter.hasErrors === undefined || summaryOf(s).errors > 0 === filter.hasErrors)
      .filter((s) => !filter.rule || s.report.findings.some((f) => f.rule === filter.rule))
      .filter((s) => !filter.q || s.report.sections.some((x) => x.text.includes(filter.q!)));
    return { total: all.length, items: all.slice(filter.offset, filter.offset + filter.limit).map(summaryOf) };
  }

  async getReport(id: number) {
    const s = this.reports.find((r) => r.id === id);
    if (!s) return undefined;
    const findings = s.report.findings.map((finding) => {
      const key = keyOf(finding);
      return { key, finding, review: this.reviews.get(`${id}/${key}`) ?? { status: 'open' as const } };
    });
    const versions = [{ version: 1, sha256: s.sha256, source: s.name, importedAt: s.importedAt, current: true }];
    return { summary: summaryOf(s), report: s.report, findings, versions };
  }

  async reviewFinding(reportId: number, key: string, review: { status: ReviewState['status']; comment: string; by: string }) {
    const s = this.reports.find((r) => r.id === reportId);
    if (!s?.report.findings.some((f) => keyOf(f) === key)) return false;
    this.reviews.set(`${reportId}/${key}`, { status: review.status, comment: review.comment, by: review.by, at: '2026-12-06 12:01' });
    return true;
  }

  async recheck(reportId: number) {
    const s = this.reports.find((r) => r.id === reportId);
    if (!s) return false;
    s.report = checkReport(extractReport(await readBytes(s.bytes, s.name)));
    this.rechecks++;
    return true;
  }

  async overview() {
    const count = <K>(keys: K[]) => [...new Map(keys.map((k) => [k, keys.filter((x) => x === k).length])).entries()];
    const findings = this.reports.flatMap((s) => s.report.findings);
    return {
      reports: this.reports.length,
      byYear: count(this.reports.map((s) => s.report.year)).map(([year, n]) => ({ year, count: n })),
      byRegion: [],
      bySeverity: count(findings.map((f) => f.severity)).map(([severity, n]) => ({ severity, count: n })),
      byRule: count(findings.map((f) => f.rule)).map(([rule, n]) => ({ rule, count: n })),
      recent: this.reports.slice(-5).map(summaryOf),
    };
  }

  async regionTree() {
    return [{ id: 1, name: '全部', kind: 'province', reports: this.reports.length, children: [] }];
  }

  /** One region holding every report; the page's shape without the store's sums (the store's tests check those). */
  async regionDashboard(id: number, year: number | undefined, page: { limit: number; offset: number }): Promise<RegionDashboard | undefined> {
    if (id !== 1) return undefined;
    const years = [...new Set(this.reports.map((s) => s.report.year).filter((y): y is number => y !== null))].sort();
    const shown = year ?? years.at(-1) ?? null;
    const mine = this.reports.filter((s) => s.report.year === shown);
    const agencies = mine.map((s) => ({ name: s.report.agency ?? '机关不明', level: null, reports: 1, reportId: s.id }));
    return {
      region: { id, name: '全部', path: ['全部'], kind: 'province' },
      year: shown,
      years,
      format: '2021',
      reports: mine.length,
      missing: [],
      rollup: [],
      trend: years.map((y) => ({ year: y, reports: this.reports.filter((s) => s.report.year === y).length, measures: {} })),
      measures: MEASURES.map((m) => ({ id: m.id, name: m.name, counts: m.counts, base: m.base ?? null })),
      members: mine.map((s) => ({ reportId: s.id, agency: s.report.agency ?? '', region: null, level: null, values: {}, errors: summaryOf(s).errors, warnings: summaryOf(s).warnings })),
      rankings: [],
      children: [],
      agencies: { total: agencies.length, ...page, items: agencies.slice(page.offset, page.offset + page.limit) },
    };
  }

  async agencyYears(agency: string) {
    const mine = this.reports.filter((s) => s.report.agency === agency);
    if (!mine.length) return undefined;
    return { agency, years: mine.map((s) => ({ year: s.report.year, reportId: s.id, errors: summaryOf(s).errors })) };
  }

  async sourceFile(reportId: number) {
    const s = this.reports.find((r) => r.id === reportId);
    return s && { name: s.name, mediaType: s.report.source.media_type, bytes: s.bytes };
  }

  async roster() {
    const names = [...new Set([...this.declared.keys(), ...this.reports.map((s) => s.report.agency ?? '机关不明')])].sort();
    const rows = names.map((agency) => {
      const e = this.declared.get(agency);
      const level = e?.level ?? this.reports.find((s) => s.report.agency === agency)?.report.level?.id;
      return { agency, aliases: e?.aliases.join(';') ?? '', region: e?.region ?? '', level: level ? levelById(level).name : '', parent: e?.parent ?? '' };
    });
    const columns = [['agency', '机关'], ['aliases', '别名'], ['region', '地区'], ['level', '级别'], ['parent', '上级']].map(([key, label]) => ({ key, label }));
    return { columns, rows };
  }

  async importRoster(text: string) {
    try {
      const { entries } = parseRoster(text);
      for (const e of entries) this.declared.set(e.agency, e);
      return { count: entries.length };
    } catch (e) {
      if (!(e instanceof RosterError)) throw e;
      return { problems: e.problems };
    }
  }

  /** Missing: roster rows without a report of the year; late: the year's reports published after their level's deadline. */
  async deadlines(year: number) {
    const ofYear = this.reports.filter((s) => s.report.year === year);
    const { rows } = await this.roster();
    const missing = rows.filter((r) => !ofYear.some((s) => s.report.agency === r.agency)).map(({ agency, region, level, parent }) => ({ agency, region, level, parent }));
    const late = ofYear.flatMap((s) => {
      const level = levelById(this.declared.get(s.report.agency ?? '')?.level ?? s.report.level?.id ?? 'government');
      const deadline = deadlineFor(level, year);
      const published = s.report.published;
      if (!published || published <= deadline) return [];
      const days = (Date.parse(published) - Date.parse(deadline)) / 86_400_000;
      return [{ agency: s.report.agency, region: null, value: days, numerator: published, denominator: deadline, report_id: s.id }];
    });
    return {
      year,
      missing: { columns: [['agency', '机关'], ['region', '地区'], ['level', '级别'], ['parent', '上级']].map(([key, label]) => ({ key, label })), rows: missing },
      late: { columns: [['agency', '机关'], ['region', '地区'], ['value', '逾期天数'], ['numerator', '发布日期'], ['denominator', '法定期限']].map(([key, label]) => ({ key, label })), rows: late },
    };
  }
}
