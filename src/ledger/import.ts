/**
 * The ledger as a spreadsheet: one row per application, headers in Chinese, dates as 2024-10-08 (or 2024/10/8,
 * 2024年10月8日), categories by their table 三 / table 四 labels. Import turns each row into the application's events
 * and replays them through the ledger's rules; every problem comes back with its row so the agency can fix the sheet.
 * CSV and XLSX (xlsx.ts) both hand their rows to one row importer, `importRows`, as text cells.
 *
 * @example
 *   const { applications, problems } = importCsv(readFileSync('台账.csv', 'utf8'), { calendar, by: '台账导入', at });
 */
import { csvRecords } from '../roster/csv.ts';
import type { Calendar } from './calendar.ts';
import { parseDate, type IsoDate } from './day.ts';
import { feeOrdinalIssues } from './across.ts';
import { foldEvents } from './events.ts';
import {
  APPEAL_RESULTS, APPEAL_ROUTES, APPLICANT_COLUMNS, CHANNELS, OUTCOME_ROWS, REPLY_OUTCOME_ROWS, eventDate,
  type Application, type Channel, type ApplicationState, type LedgerEvent,
} from './model.ts';

/** The sheet's columns: key and Chinese header, in template order. */
export const SHEET_COLUMNS = [
  ['id', '编号'], ['applicantType', '申请人类型'], ['applicant', '申请人'], ['channel', '收到方式'], ['submitted', '提交日期'],
  ['signed', '签收日期'], ['confirmed', '确认日期'], ['request', '申请内容'],
  ['correctionRequested', '补正通知日期'], ['correctionUntil', '补正期限'], ['correctionReceived', '收到补正日期'],
  ['correctionLapsed', '逾期未补正日期'],
  ['consultationParty', '征求意见对象'], ['consultationStarted', '征求意见开始日期'], ['consultationEnded', '征求意见结束日期'],
  ['extensionDays', '延长工作日数'], ['extended', '延长批准日期'], ['extensionApprover', '延长批准人'],
  ['feeBasis', '收费方式'], ['feeQuantity', '收费数量'], ['feeAmount', '收费金额（元）'], ['feeNotified', '收费通知日期'],
  ['feePaid', '缴费日期'], ['feeLapsed', '逾期未缴费日期'],
  ['withdrawn', '撤回日期'], ['replied', '答复日期'], ['outcome', '办理结果'],
  ['reviewFiled', '行政复议申请日期'], ['reviewResult', '行政复议结果'], ['reviewDecided', '行政复议决定日期'],
  ['litigationRoute', '行政诉讼类型'], ['litigationFiled', '起诉日期'], ['litigationResult', '行政诉讼结果'],
  ['litigationDecided', '行政诉讼审结日期'],
] as const;

/** A column's key ("submitted"). */
export type Key = (typeof SHEET_COLUMNS)[number][0];
type Row = Partial<Record<Key, string>>;

export interface SheetProblem {
  row: number;
  id?: string;
  severity: 'error' | 'warning';
  /** The header of the column at fault, when one is. */
  column?: string;
  zh: string;
  en: string;
}

export interface ImportOptions {
  calendar: Calendar;
  /** Who the events are recorded as, and when (ISO date-time). */
  by: string;
  at: string;
  /** Beijing today, when the sheet is imported to be recorded: an event dated after it is warned of (a typo such as 2052). */
  today?: IsoDate;
}

/** Labels of consultation parties and fee bases as the sheet (and the web forms) write them. */
export const PARTIES = { 第三方: 'third_party', 其他机关: 'other_agency' } as const;
export const BASES = { 按件: 'per_application', 按件计收: 'per_application', 按量: 'per_page', 按量计收: 'per_page' } as const;

/** A label as people write it: without numbering ((一), 1.), spaces or a trailing parenthesis. */
const labelKey = (s: string) => s.replace(/\s|[（(][一二三四五六七八九十][）)]|\d{1,2}[.．、]/g, '').replace(/（[^（）]*）$/, '');

/** Finds the id a cell names, by id or any of its labels. */
function lookup(names: { id: string; labels: string[] }[], text: string): string | undefined {
  const key = labelKey(text);
  return names.find((n) => n.id === text.trim() || n.labels.some((l) => labelKey(l) === key))?.id;
}

const APPLICANT_NAMES = APPLICANT_COLUMNS.map((c) => ({ id: c.id, labels: [c.label] }));
const OUTCOME_NAMES = OUTCOME_ROWS.map((r) => ({ id: r.id, labels: [r.label, ...(r.variants ?? []), `${r.group ?? ''}${r.label}`] }));
const CHANNEL_NAMES = Object.entries(CHANNELS).map(([id, c]) => ({ id, labels: [c.label] }));
const ROUTE_NAMES = APPEAL_ROUTES.filter((r) => r.id !== 'review').map((r) => ({ id: r.id, labels: [r.label, r.label.replace('未经复议', '')] }));
const RESULT_NAMES = APPEAL_RESULTS.map((c) => ({ id: c.id, labels: [c.label, c.label.replace('结果', '')] }));
const header = (key: Key) => SHEET_COLUMNS.find(([k]) => k === key)![1];

/** An outcome as the dropdown offers it: its group when it has one of its own ("（三）不予公开 1.属于国家秘密"). */
const outcomeChoice = (r: (typeof OUTCOME_ROWS)[number]) =>
  (r.group?.startsWith('（') ? `${r.group} ${r.label}` : r.variants?.[0] ?? r.label);

/** The values a choice column takes, as the template's dropdowns offer them (any label of the format is read). */
export const SHEET_CHOICES: Partial<Record<Key, string[]>> = {
  applicantType: APPLICANT_COLUMNS.map((c) => c.label),
  channel: CHANNEL_NAMES.map((n) => n.labels[0]),
  consultationParty: Object.keys(PARTIES),
  feeBasis: ['按件', '按量'],
  outcome: REPLY_OUTCOME_ROWS.map(outcomeChoice),
  reviewResult: RESULT_NAMES.map((n) => n.labels[0]),
  litigationRoute: ROUTE_NAMES.map((n) => n.labels[0]),
  litigationResult: RESULT_NAMES.map((n) => n.labels[0]),
};

/** Columns holding a date, and columns holding a number. */
export const DATE_KEYS: readonly Key[] = [
  'submitted', 'signed', 'confirmed', 'correctionRequested', 'correctionUntil', 'correctionReceived', 'correctionLapsed',
  'consultationStarted', 'consultationEnded', 'extended', 'feeNotified', 'feePaid', 'feeLapsed', 'withdrawn', 'replied',
  'reviewFiled', 'reviewDecided', 'litigationFiled', 'litigationDecided',
];
export const NUMBER_KEYS: readonly Key[] = ['extensionDays', 'feeQuantity', 'feeAmount'];
/** The columns a sheet cannot do without. */
const REQUIRED_KEYS: readonly Key[] = ['id', 'applicantType', 'channel', 'submitted'];

/**
 * Cells that detail the event of a date column, read only with that date: filled while the date is blank they would be
 * dropped without a word (a 复议 result without its decision date left the case undecided), so that is an error.
 */
const DETAILS: readonly (readonly [date: Key, details: readonly Key[]])[] = [
  ['correctionRequested', ['correctionUntil']],
  ['consultationStarted', ['consultationParty']],
  ['extended', ['extensionDays', 'extensionApprover']],
  ['feeNotified', ['feeBasis', 'feeQuantity', 'feeAmount']],
  ['reviewDecided', ['reviewResult']],
  ['litigationFiled', ['litigationRoute']],
  ['litigationDecided', ['litigationResult']],
];

/** A number as people type it: full-width digits, thousands separators, a unit after it (元, 页, 件, 个工作日). */
function parseNumber(t: string): number {
  const digits = t.normalize('NFKC').replace(/[,\s]/g, '').replace(/(?:元|页|件|天|个?工作日)$/, '');
  return digits ? Number(digits) : Number.NaN; // a unit alone is no number, not 0
}

/** A row's events, in the order the ledger applies them, and the problems its cells have. */
function rowEvents(row: Row, options: ImportOptions): { events: LedgerEvent[]; problems: Omit<SheetProblem, 'row'>[] } {
  const problems: Omit<SheetProblem, 'row'>[] = [];
  const { by, at } = options;
  const bad = (key: Key, zh: string, en: string) => problems.push({ severity: 'error', column: header(key), zh, en });
  const text = (key: Key) => row[key]?.trim() || undefined;
  const date = (key: Key): IsoDate | undefined => {
    const t = text(key);
    if (!t) return undefined;
    const d = parseDate(t.normalize('NFKC'));
    if (!d) bad(key, `“${header(key)}”的日期“${t}”无法识别`, `unreadable date "${t}" in ${key}`);
    return d;
  };
  const named = (key: Key, names: { id: string; labels: string[] }[]) => {
    const t = text(key);
    if (!t) return undefined;
    const id = lookup(names, t);
    if (!id) bad(key, `“${header(key)}”的值“${t}”无法识别`, `unknown value "${t}" in ${key}`);
    return id;
  };
  const number = (key: Key) => {
    const t = text(key);
    if (!t) return undefined;
    const n = parseNumber(t);
    if (!Number.isFinite(n)) bad(key, `“${header(key)}”应为数字，而非“${t}”`, `${key} must be a number, not "${t}"`);
    return n;
  };
  for (const [dateKey, details] of DETAILS) {
    if (text(dateKey)) continue;
    for (const key of details.filter((k) => text(k))) {
      bad(key, `填写了“${header(key)}”，但“${header(dateKey)}”为空`, `${key} is filled but ${dateKey} is blank`);
    }
  }
  const events: LedgerEvent[] = [];
  const dated = (key: Key, make: (d: IsoDate) => LedgerEvent | undefined) => {
    const d = date(key);
    const e = d && make(d);
    if (e) events.push(e);
  };
  const channel = named('channel', CHANNEL_NAMES) as Channel | undefined;
  const applicantType = named('applicantType', APPLICANT_NAMES);
  if (!channel) bad('channel', '缺少收到方式', 'channel missing');
  if (!applicantType) bad('applicantType', '缺少申请人类型', 'applicant type missing');
  const submitted = date('submitted');
  if (!submitted) bad('submitted', '缺少提交日期', 'submission date missing');
  if (!channel || !applicantType || !submitted) return { events, problems };
  events.push({
    type: 'received', channel, submitted, signed: date('signed'), confirmed: date('confirmed'), applicantType,
    applicant: text('applicant') ?? '', request: text('request') ?? '', by, at,
  });
  dated('correctionRequested', (d) => ({ type: 'correction_requested', date: d, until: date('correctionUntil'), by, at }));
  dated('correctionReceived', (d) => ({ type: 'correction_received', date: d, by, at }));
  dated('correctionLapsed', (d) => ({ type: 'correction_lapsed', date: d, by, at }));
  const party = text('consultationParty');
  dated('consultationStarted', (d) => {
    const id = PARTIES[(party ?? '第三方') as keyof typeof PARTIES];
    if (!id) bad('consultationParty', `征求意见对象应为“第三方”或“其他机关”，而非“${party}”`, `consultation party must be 第三方 or 其他机关`);
    return id && { type: 'consultation_started', date: d, party: id, by, at };
  });
  dated('consultationEnded', (d) => ({ type: 'consultation_ended', date: d, by, at }));
  dated('extended', (d) => ({ type: 'extended', date: d, days: number('extensionDays') ?? 0, approvedBy: text('extensionApprover') ?? '', by, at }));
  dated('feeNotified', (d) => {
    const basis = BASES[(text('feeBasis') ?? '') as keyof typeof BASES];
    if (!basis) bad('feeBasis', '收费方式应为“按件”或“按量”', 'fee basis must be 按件 or 按量');
    return basis && { type: 'fee_notified', date: d, basis, quantity: number('feeQuantity') ?? 0, amount: number('feeAmount') ?? 0, by, at };
  });
  dated('feePaid', (d) => ({ type: 'fee_paid', date: d, by, at }));
  dated('feeLapsed', (d) => ({ type: 'fee_lapsed', date: d, by, at }));
  dated('withdrawn', (d) => ({ type: 'withdrawn', date: d, by, at }));
  const outcome = named('outcome', OUTCOME_NAMES);
  const replied = date('replied');
  if (outcome || replied) events.push({ type: 'replied', date: replied ?? '', outcome: outcome ?? '', by, at });
  const id = text('id') ?? '';
  dated('reviewFiled', (d) => ({ type: 'appeal_filed', date: d, caseId: `${id}-复议`, route: 'review', by, at }));
  dated('reviewDecided', (d) => ({ type: 'appeal_decided', date: d, caseId: `${id}-复议`, result: named('reviewResult', RESULT_NAMES) ?? '', by, at }));
  dated('litigationFiled', (d) => ({ type: 'appeal_filed', date: d, caseId: `${id}-诉讼`, route: named('litigationRoute', ROUTE_NAMES) ?? '', by, at }));
  dated('litigationDecided', (d) => ({ type: 'appeal_decided', date: d, caseId: `${id}-诉讼`, result: named('litigationResult', RESULT_NAMES) ?? '', by, at }));
  // Cells name events in a fixed order; the ledger takes them as they happened (ties keep the column order).
  const [received, ...rest] = events;
  rest.sort((a, b) => (eventDate(a) ?? '').localeCompare(eventDate(b) ?? ''));
  return { events: [received, ...rest], problems };
}

/** A sheet row as text cells, with its number as the agency sees it in the sheet. */
export interface SheetRow {
  row: number;
  cells: string[];
}

export interface ImportResult {
  applications: Application[];
  problems: SheetProblem[];
  /** The sheet row each application came from, in the same order. */
  rows: number[];
}

/** Rows above the header a sheet may have (a title such as "2025年依申请公开登记台账"). */
const HEADER_SEARCH_ROWS = 10;

const keyOf = (text: string) => SHEET_COLUMNS.find(([, name]) => name === text.trim())?.[0];

/** Headers of the agency's own notes beside the ledger: not ledger data, so never a reason to refuse a sheet. */
const NOTE_HEADER = /^(备注|说明|附注)$/;

/**
 * The columns the import does not read, by the header row: a header the sheet does not know, a second column of the
 * same header (the last one is read), or data under no header. An empty one is a warning; one holding data is an error,
 * as its data would be lost (a misspelt 撤回日期 header dropped every withdrawal), unless it is a remarks column.
 */
function droppedColumns(head: string[], rows: SheetRow[], row: number): SheetProblem[] {
  const keys = head.map(keyOf);
  const width = rows.reduce((w, r) => Math.max(w, r.cells.length), head.length);
  return Array.from({ length: width }, (_, c) => c).flatMap((c): SheetProblem[] => {
    const name = head[c]?.trim() ?? '';
    const key = keys[c];
    const filled = rows.some((r) => r.cells[c]?.trim());
    if (key && keys.lastIndexOf(key) === c) return [];
    if (!name && !filled) return [];
    const column = name || undefined;
    const [zh, en] = !name
      ? [`第${c + 1}列没有表头`, `column ${c + 1} has no header`]
      : key ? [`“${name}”列重复，只读取最后一列`, `column "${name}" appears twice; only the last is read`]
        : [`“${name}”不是台账的列`, `column "${name}" is not a ledger column`];
    if (filled && NOTE_HEADER.test(name)) return [{ row, severity: 'warning', column, zh: `“${name}”列是备注，不导入台账`, en: `column "${name}" holds remarks; not imported` }];
    return [filled
      ? { row, severity: 'error', column, zh: `${zh}，该列填写的内容无法导入；请改用模板的列名，或删除该列`, en: `${en}, and its data cannot be imported; use the template's header or delete the column` }
      : { row, severity: 'warning', column, zh: `${zh}，已忽略`, en: `${en}; ignored` }];
  });
}

/**
 * Applications from a sheet's rows (blank rows already left out), with every problem by row; rows with errors in
 * their cells are left out. The header is the first row (of the first ten) that names a ledger column.
 */
export function importRows(sheetRows: SheetRow[], options: ImportOptions): ImportResult {
  const headAt = Math.max(0, sheetRows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => r.cells.some((c) => keyOf(c))));
  const { row: headRow = 1, cells: head = [] } = sheetRows[headAt] ?? {};
  const rows = sheetRows.slice(headAt + 1);
  const keys = head.map(keyOf);
  const missing = REQUIRED_KEYS.filter((k) => !keys.includes(k));
  if (missing.length) {
    const names = missing.map(header).join('、');
    return { applications: [], rows: [], problems: [{ row: headRow, severity: 'error', zh: `表头缺少${names}列`, en: `header lacks ${missing.join(', ')}` }] };
  }
  const problems = droppedColumns(head, rows, headRow);
  const seen = new Set<string>();
  const rowOf = new Map<string, number>();
  const applications: Application[] = [];
  const states: ApplicationState[] = [];
  for (const { row: rowNumber, cells } of rows) {
    const row: Row = Object.fromEntries(keys.flatMap((k, c) => (k ? [[k, cells[c] ?? '']] : [])));
    const id = row.id?.trim();
    const at = (p: Omit<SheetProblem, 'row'>) => problems.push({ row: rowNumber, id, ...p });
    if (!id || seen.has(id)) {
      at({ severity: 'error', column: header('id'), zh: id ? `编号“${id}”重复` : '缺少编号', en: id ? `duplicate id "${id}"` : 'id missing' });
      continue;
    }
    seen.add(id);
    const { events, problems: cellProblems } = rowEvents(row, options);
    cellProblems.forEach(at);
    if (cellProblems.some((p) => p.severity === 'error')) continue;
    const application = { id, events };
    const folded = foldEvents(application, options.calendar, { today: options.today });
    for (const issue of folded.issues) at({ severity: issue.severity, zh: issue.zh, en: issue.en });
    applications.push(application);
    states.push(folded.state);
    rowOf.set(id, rowNumber);
  }
  for (const { application, ...issue } of feeOrdinalIssues(states)) {
    problems.push({ row: rowOf.get(application)!, id: application, severity: issue.severity, zh: issue.zh, en: issue.en });
  }
  return { applications, rows: applications.map((a) => rowOf.get(a.id)!), problems: problems.sort((a, b) => a.row - b.row) };
}

/** Applications from a CSV sheet; a problem's row is the line of the file its record starts on (blank lines counted). */
export function importCsv(csv: string, options: ImportOptions): ImportResult {
  return importRows(csvRecords(csv).map(({ line, cells }) => ({ row: line, cells })), options);
}

/** A CSV field: quoted when needed, and text a spreadsheet would run as a formula prefixed with an apostrophe. */
function field(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const csvLine = (cells: string[]) => cells.map(field).join(',');

/** The templates' example row. */
export const TEMPLATE_EXAMPLE: Row = {
  id: '2025-001', applicantType: APPLICANT_COLUMNS[0].label, applicant: '张某', channel: CHANNELS.online.label, submitted: '2025-03-03',
  confirmed: '2025-03-04', request: '某项目环境影响评价批复文件', replied: '2025-03-20', outcome: OUTCOME_ROWS[0].label,
};

/** The empty sheet to fill in: the header row and one example row (UTF-8 with a BOM, as Excel on Chinese Windows reads it). */
export function csvTemplate(): string {
  return `\uFEFF${csvLine(SHEET_COLUMNS.map(([, h]) => h))}\n${csvLine(SHEET_COLUMNS.map(([k]) => TEMPLATE_EXAMPLE[k] ?? ''))}\n`;
}

/** The applications as a sheet in the template's columns (the first event of each kind per application). */
export function exportCsv(applications: Application[]): string {
  const lines = applications.map((app) => csvLine(SHEET_COLUMNS.map(([k]) => sheetRow(app)[k] ?? '')));
  return `\uFEFF${csvLine(SHEET_COLUMNS.map(([, h]) => h))}\n${lines.map((l) => `${l}\n`).join('')}`;
}

function sheetRow(app: Application): Row {
  const row: Row = { id: app.id };
  const label = (names: { id: string; labels: string[] }[], id: string) => names.find((n) => n.id === id)?.labels[0] ?? id;
  const partyLabel = (id: string) => Object.entries(PARTIES).find(([, v]) => v === id)![0];
  for (const e of app.events) {
    const set = (key: Key, value: string | number | undefined) => {
      if (value !== undefined && row[key] === undefined) row[key] = String(value);
    };
    switch (e.type) {
      case 'received':
        set('applicantType', label(APPLICANT_NAMES, e.applicantType)); set('applicant', e.applicant);
        set('channel', CHANNELS[e.channel].label); set('submitted', e.submitted); set('signed', e.signed);
        set('confirmed', e.confirmed); set('request', e.request);
        break;
      case 'correction_requested': set('correctionRequested', e.date); set('correctionUntil', e.until); break;
      case 'correction_received': set('correctionReceived', e.date); break;
      case 'correction_lapsed': set('correctionLapsed', e.date); break;
      case 'consultation_started': set('consultationParty', partyLabel(e.party)); set('consultationStarted', e.date); break;
      case 'consultation_ended': set('consultationEnded', e.date); break;
      case 'extended': set('extended', e.date); set('extensionDays', e.days); set('extensionApprover', e.approvedBy); break;
      case 'fee_notified':
        set('feeNotified', e.date); set('feeBasis', e.basis === 'per_page' ? '按量' : '按件'); set('feeQuantity', e.quantity);
        set('feeAmount', e.amount);
        break;
      case 'fee_paid': set('feePaid', e.date); break;
      case 'fee_lapsed': set('feeLapsed', e.date); break;
      case 'withdrawn': set('withdrawn', e.date); break;
      case 'replied': set('replied', e.date); set('outcome', label(OUTCOME_NAMES, e.outcome)); break;
      case 'appeal_filed':
        if (e.route === 'review') set('reviewFiled', e.date);
        else { set('litigationFiled', e.date); set('litigationRoute', label(ROUTE_NAMES, e.route)); }
        break;
      case 'appeal_decided': {
        const route = app.events.find((f) => f.type === 'appeal_filed' && f.caseId === e.caseId) as { route: string } | undefined;
        const prefix = route?.route === 'review' ? 'review' : 'litigation';
        set(`${prefix}Decided`, e.date); set(`${prefix}Result`, label(RESULT_NAMES, e.result));
        break;
      }
    }
  }
  return row;
}
