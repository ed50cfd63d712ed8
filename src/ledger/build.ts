/**
 * The annual report of year Y built from the ledger: tables 三 and 四 counted from the applications, table 二 as
 * given, sections 一–六 drafted (prose.ts), then checked with every rule. Table 三, per applicant column:
 * new = received in Y; carried over = received before Y and still open on 31 Dec Y−1; each outcome row = concluded in
 * Y with that outcome; carried forward = open on 31 Dec Y. The template identities then hold by construction.
 * Table 四 counts every case open at some time in Y (filed by 31 Dec Y and not decided before Y): its result when
 * decided in Y, else 尚未审结.
 *
 * @example
 *   const { report, final } = buildReport(applications, { year: 2025, agency: '某市某局', table2, calendar });
 */
import { checkReport } from '../checks/index.ts';
import { versionById, versionForYear } from '../format/index.ts';
import type { TableDef } from '../format/types.ts';
import { rowJson } from '../report/cells.ts';
import type { AgencyLevelJson, CellValue, Finding, Report, Table2Json, Table3Json, Table4Json } from '../report/types.ts';
import { versions } from '../report/version.ts';
import { feeOrdinalIssues } from './across.ts';
import type { Calendar } from './calendar.ts';
import { yearEnd, yearOf } from './day.ts';
import { foldEvents, type LedgerIssue } from './events.ts';
import { FEE_PAYMENT_DAYS } from './fees.ts';
import { APPLICANT_COLUMNS, outcomeRowsOf, type Application, type ApplicationState } from './model.ts';
import { draftPreamble, draftSections } from './prose.ts';

export interface BuildOptions {
  year: number;
  agency: string;
  /** Table 二 as entered or imported (the year's format); absent until it is entered. */
  table2?: Table2Json;
  calendar: Calendar;
  /** Last year's report: its prose is the starting point, and the cross-year rules run against it. */
  previous?: Report;
  published?: string | null;
  level?: AgencyLevelJson | null;
}

export interface BuildResult {
  report: Report;
  /**
   * What the replay found, by application: refused events (errors, left out of the counts) and warnings, among them
   * the year's carried-forward applications whose correction or fee limit ran out with no lapse recorded.
   */
  issues: { application: string; issue: LedgerIssue }[];
  /** What stands in the way of "final": error findings, refused ledger events, table 二 not entered. */
  blocking: { zh: string; en: string }[];
  final: boolean;
}

/** Applications as the ledger sees them now, each with the issues its replay found. */
export function replay(applications: Application[], calendar: Calendar): { states: ApplicationState[]; issues: BuildResult['issues'] } {
  const issues: BuildResult['issues'] = [];
  const states = applications.map((app) => {
    const folded = foldEvents(app, calendar);
    issues.push(...folded.issues.map((issue) => ({ application: app.id, issue })));
    return folded.state;
  });
  for (const { application, ...issue } of feeOrdinalIssues(states)) issues.push({ application, issue: { ...issue, event: -1 } });
  return { states, issues };
}

export function buildReport(applications: Application[], options: BuildOptions): BuildResult {
  const { year, agency } = options;
  const versionId = versionForYear(year);
  if (versionId === 'free') throw new RangeError(`${year}年度没有法定报告格式（2019年度起）；no statutory format before 2019`);
  const version = versionById(versionId);
  const replayed = replay(applications, options.calendar);
  const { states } = replayed;
  const issues = [...replayed.issues, ...unrecordedLapses(states, year, options.calendar)];
  const table3 = countTable3(states, year, version.tables.table3);
  const table4 = countTable4(states, year, version.tables.table4);
  const fees = feesPaid(states, year);
  const facts = { agency, year, table3Def: version.tables.table3, table3, table4, fees };
  const report: Report = {
    ...versions(),
    source: { path: `ledger:${agency}:${year}`, sha256: '', media_type: 'application/x-xxgk-ledger', bytes: 0 },
    agency,
    year,
    format_version: versionId,
    table_versions: { ...(options.table2 && { table2: versionId }), table3: versionId, table4: versionId },
    published: options.published ?? null,
    level: options.level,
    title: `${agency}${year}年政府信息公开工作年度报告`,
    table2: options.table2,
    table3,
    table4,
    sections: draftSections(facts, options.previous),
    preamble: draftPreamble(facts).map((text) => ({ text })),
    provenance: {},
    findings: [],
  };
  const checked = checkReport(report, { previous: options.previous });
  const blocking = blockers(checked.findings, issues, options.table2 !== undefined);
  return { report: checked, issues, blocking, final: blocking.length === 0 };
}

function blockers(findings: Finding[], issues: BuildResult['issues'], hasTable2: boolean): BuildResult['blocking'] {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const refused = issues.filter((i) => i.issue.severity === 'error').length;
  return [
    ...(errors ? [{ zh: `核查发现${errors}个错误级问题`, en: `${errors} error findings` }] : []),
    ...(refused ? [{ zh: `台账中有${refused}条记录不符合规则，未计入统计`, en: `${refused} ledger events refused and left out of the counts` }] : []),
    ...(hasTable2 ? [] : [{ zh: '尚未填写表二', en: 'table 2 not entered' }]),
  ];
}

/**
 * Applications still open at the end of the year (结转下年度) although a limit the applicant had ran out before 31
 * December, with no lapse recorded and the application not concluded since: the correction period (逾期未补正,
 * 第三十条) or the 20 working days to pay a fee (逾期未缴费, 国办函〔2020〕109号). Either would end the application,
 * taking it out of 结转; the agency may also have a good reason to go on, hence a warning, not a refusal.
 */
function unrecordedLapses(states: ApplicationState[], year: number, cal: Calendar): BuildResult['issues'] {
  const end = yearEnd(year);
  const warn = (s: ApplicationState, code: string, zh: string, en: string) => ({ application: s.id, issue: { code, severity: 'warning' as const, zh, en, event: -1 } });
  const found: BuildResult['issues'] = [];
  for (const s of states.filter((x) => !x.concluded && x.receipt && x.receipt <= end)) {
    const c = s.correction;
    if (c?.until && !c.received && !c.lapsed && c.until < end) {
      found.push(warn(s, 'correction-lapse-unrecorded',
        `申请${s.id}的补正期限${c.until}已过，但未记录逾期未补正：如已视为撤回，请补记后再统计`,
        `application ${s.id}: the correction period ended ${c.until} and no lapse is recorded: if it is deemed withdrawn, record the lapse before counting`));
    }
    const fee = s.fees.find((f) => !f.paid && !f.lapsed);
    const payBy = fee && cal.addWorkingDays(fee.notified, FEE_PAYMENT_DAYS);
    if (payBy && payBy < end) {
      found.push(warn(s, 'fee-lapse-unrecorded',
        `申请${s.id}的缴费期限${payBy}已过，但未记录逾期未缴费：如已视为放弃申请，请补记后再统计`,
        `application ${s.id}: the fee was due by ${payBy} and no lapse is recorded: if the application is deemed given up, record the lapse before counting`));
    }
  }
  return found;
}

const isOpenOn = (s: ApplicationState, day: string) => s.receipt! <= day && !(s.concluded && s.concluded <= day);

/** Table 三 of year Y from the applications' states. */
export function countTable3(states: ApplicationState[], year: number, table: TableDef): Table3Json {
  const counts = new Map(table.rows.map((r) => [r.id, APPLICANT_COLUMNS.map(() => 0)]));
  const outcomeRow = outcomeMapper(table);
  const add = (row: string, col: number) => counts.get(row)![col]++;
  for (const s of states) {
    if (!s.receipt) continue;
    const col = APPLICANT_COLUMNS.findIndex((c) => c.id === s.applicantType);
    if (yearOf(s.receipt) === year) add('new_received', col);
    if (isOpenOn(s, yearEnd(year - 1))) add('carried_over', col);
    if (s.concluded && yearOf(s.concluded) === year) {
      add(outcomeRow(s.outcome!), col);
      add('total_processed', col);
    }
    if (isOpenOn(s, yearEnd(year))) add('carried_forward', col);
  }
  return Object.fromEntries(table.rows.map((r) => {
    const cells = counts.get(r.id)!;
    return [r.id, [...cells, cells.reduce((a, b) => a + b, 0)]];
  }));
}

/**
 * The row an outcome is counted in: the same row, or for a 2019–2020 report, the one row (（六）其他处理) that stands
 * in that template for the 2021 rows it does not have.
 */
function outcomeMapper(table: TableDef): (outcome: string) => string {
  const own = new Set(outcomeRowsOf(table).map((r) => r.id));
  const standIn = outcomeRowsOf(table).filter((r) => !outcomeRowsOf(versionById('2021').tables.table3).some((o) => o.id === r.id));
  return (outcome) => (own.has(outcome) ? outcome : standIn[0].id);
}

/** Table 四 of year Y: each case open at some time in Y, under its result, or 尚未审结 when open on 31 December. */
export function countTable4(states: ApplicationState[], year: number, table: TableDef): Table4Json {
  const end = yearEnd(year);
  const json: Table4Json = {};
  for (const group of table.rows) {
    const cells: number[] = group.columns.map(() => 0);
    const at = (id: string) => group.columns.findIndex((c) => c.id === id);
    for (const c of states.flatMap((s) => s.appeals).filter((a) => a.route === group.id)) {
      if (c.filed > end || (c.decided && yearOf(c.decided) < year)) continue;
      cells[at(c.decided && c.decided <= end ? c.result! : 'pending')]++;
    }
    cells[at('total')] = cells.reduce((a, b) => a + b, 0);
    json[group.id] = rowJson(group, cells) as Record<string, CellValue>;
  }
  return json;
}

/** Fees paid in year Y: how many applications, how many yuan (section 六). */
export function feesPaid(states: ApplicationState[], year: number): { count: number; yuan: number } {
  const paid = states.flatMap((s) => s.fees).filter((f) => f.paid && yearOf(f.paid) === year);
  return { count: paid.length, yuan: paid.reduce((a, f) => a + f.amount, 0) };
}
