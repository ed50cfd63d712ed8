/**
 * The two ledger writes as the pages and the API share them: the declared fields checked first (blank, not a choice),
 * then the ledger's rules through `LedgerData`; every refusal comes back as messages by field.
 */
import { eventsOffered, foldEvents, table2FromText, table2Problems, type EventType, type Received, type Table2Problem } from '../ledger/index.ts';
import type { Table2Json } from '../report/types.ts';
import { DRAFT_FORMATS } from '../web/ledger-draft-page.tsx';
import { blankFields, EVENT_FIELDS, eventFrom, issuesByField, NUMBER_FIELD, NUMBER_MAX, type FieldErrors } from '../web/ledger-fields.ts';
import { beijingToday } from '../web/ledger-model.ts';
import type { LedgerData, LedgerWrite } from './data.ts';
import { notFound, WebError } from './http.ts';
import { ledgerCalendar } from './ledger-access.ts';

/** Numbers that would collide with the agency's own pages. */
const RESERVED = new Set(['new', 'draft', 'applications.csv', 'history.csv', 'draft.csv', ...DRAFT_FORMATS.map((f) => `draft.${f}`)]);

export type WriteResult =
  | { accepted: true; warnings: string[]; write: LedgerWrite }
  | { accepted: false; errors: FieldErrors; write?: LedgerWrite };

const now = () => new Date().toISOString();

function outcome(write: LedgerWrite, values: Record<string, string>): WriteResult {
  if (!write.accepted) return { accepted: false, errors: issuesByField(write.issues.filter((i) => i.severity === 'error'), values), write };
  return { accepted: true, warnings: write.issues.filter((i) => i.severity === 'warning').map((i) => i.zh), write };
}

export async function registerApplication(ledger: LedgerData, agency: string, values: Record<string, string>, by: string): Promise<WriteResult> {
  const no = values.no?.trim() ?? '';
  const errors = blankFields([NUMBER_FIELD, ...EVENT_FIELDS.received], values);
  if (no && (RESERVED.has(no) || /[/\\?#%]/.test(no) || no.length > NUMBER_MAX)) errors.no = ['编号不能含 / \\ ? # %，不超过40个字符，也不能是页面名称'];
  if (Object.keys(errors).length) return { accepted: false, errors };
  return outcome(await ledger.addApplication(agency, no, eventFrom('received', values, by, now()) as Received, beijingToday()), values);
}

/** An event of a type the application's state offers (404 without the application, 409 for an event out of turn). */
export async function recordEvent(ledger: LedgerData, agency: string, no: string, values: Record<string, string>, by: string): Promise<WriteResult> {
  const app = await ledger.application(agency, no);
  if (!app) throw notFound();
  const type = values.type as EventType;
  if (!eventsOffered(foldEvents(app, ledgerCalendar()).state).includes(type)) {
    throw new WebError(409, 'event-not-offered', '该申请当前不能记录这一事项', 'this event does not apply to the application now');
  }
  const errors = blankFields(EVENT_FIELDS[type], values);
  if (Object.keys(errors).length) return { accepted: false, errors };
  return outcome(await ledger.appendEvent(agency, no, eventFrom(type, values, by, now()), beijingToday()), values);
}

/** A write's issues, each with the field it concerns ('' for the whole form). */
export interface FieldWrite {
  accepted: boolean;
  issues: (LedgerWrite['issues'][number] & { field?: string })[];
}

const table2Refused = (problems: Table2Problem[]): FieldWrite => ({
  accepted: false,
  issues: problems.map(({ key, zh, en }) => ({ code: 'table2', severity: 'error', zh, en, field: key })),
});

/** Table 二 of `year` as entered: refused beside its cell when a value is not a non-negative number or blank. */
export async function recordTable2(ledger: LedgerData, agency: string, year: number, table2: Table2Json, by: string): Promise<FieldWrite> {
  const problems = table2Problems(table2, year);
  return problems.length ? table2Refused(problems) : ledger.saveTable2(agency, year, table2, by);
}

/** Table 二 from the draft page's form (text by cell), as recordTable2. */
export async function recordTable2Form(ledger: LedgerData, agency: string, year: number, values: Record<string, string>, by: string): Promise<FieldWrite> {
  const { table2, problems } = table2FromText(values, year);
  return problems.length ? table2Refused(problems) : recordTable2(ledger, agency, year, table2, by);
}
