/**
 * The two ledger writes as the pages and the API share them: the declared fields checked first (blank, not a choice),
 * then the ledger's rules through `LedgerData`; every refusal comes back as messages by field.
 */
import { eventsOffered, foldEvents, type EventType, type Received } from '../ledger/index.ts';
import { DRAFT_FORMATS } from '../web/ledger-draft-page.tsx';
import { blankFields, EVENT_FIELDS, eventFrom, issuesByField, NUMBER_FIELD, type FieldErrors } from '../web/ledger-fields.ts';
import type { LedgerData, LedgerWrite } from './data.ts';
import { notFound, WebError } from './http.ts';
import { ledgerCalendar } from './ledger-access.ts';

/** Numbers that would collide with the agency's own pages. */
const RESERVED = new Set(['new', 'draft', 'applications.csv', 'draft.csv', ...DRAFT_FORMATS.map((f) => `draft.${f}`)]);

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
  if (no && (RESERVED.has(no) || /[/\\?#%]/.test(no) || no.length > 40)) errors.no = ['编号不能含 / \\ ? # %，不超过40个字符，也不能是页面名称'];
  if (Object.keys(errors).length) return { accepted: false, errors };
  return outcome(await ledger.addApplication(agency, no, eventFrom('received', values, by, now()) as Received), values);
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
  return outcome(await ledger.appendEvent(agency, no, eventFrom(type, values, by, now())), values);
}
