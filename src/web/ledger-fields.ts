/**
 * The ledger forms, declared once per event: each field's name, label and choices come from src/ledger (the sheet's
 * Chinese headers, channels, parties, fee bases) and src/format (table 三 applicant columns and outcome rows, table 四
 * routes and results). The same list draws the form, reads the posted values into a ledger event, and places each
 * refused rule's message next to the field it concerns.
 */
import {
  APPEAL_RESULTS, APPEAL_ROUTES, APPLICANT_COLUMNS, BASES, CHANNELS, OUTCOME_ROWS, PARTIES, SHEET_COLUMNS,
  type EventType, type LedgerEvent, type LedgerIssue,
} from '../ledger/index.ts';
import { outcomeGroup } from './ledger-model.ts';

export interface Choice {
  value: string;
  label: string;
  /** An <optgroup>: table 三's group label ("（三）不予公开"). */
  group?: string;
}

export interface Field {
  name: string;
  label: string;
  /** decimal: typed as text (a number input would send a mistyped value as blank), checked on the server. */
  kind: 'date' | 'text' | 'textarea' | 'number' | 'decimal' | 'select';
  choices?: Choice[];
  /** Refused when blank before the ledger's rules run (dates the rules name themselves are left to them). */
  required?: boolean;
  /** The most characters a text field takes (default 200). */
  maxLength?: number;
}

type SheetKey = (typeof SHEET_COLUMNS)[number][0];
const sheet = (key: SheetKey) => SHEET_COLUMNS.find(([k]) => k === key)![1];
/** The first label the sheet accepts for each id (按件 / 按量, 第三方 / 其他机关). */
function firstLabels(names: Record<string, string>): Choice[] {
  const out: Choice[] = [];
  for (const [label, value] of Object.entries(names)) if (!out.some((c) => c.value === value)) out.push({ value, label });
  return out;
}

const date = (name: string, label: string, required = true): Field => ({ name, label, kind: 'date', required });
const select = (name: string, label: string, choices: Choice[]): Field => ({ name, label, kind: 'select', choices, required: true });

/** The application's number: the key of its page, not part of an event. */
export const NUMBER_MAX = 40;
export const NUMBER_FIELD: Field = { name: 'no', label: sheet('id'), kind: 'text', required: true, maxLength: NUMBER_MAX };

const CASE_ID: Field = { name: 'caseId', label: '案号', kind: 'text', required: true };

export const EVENT_FIELDS: Record<EventType, Field[]> = {
  received: [
    select('channel', sheet('channel'), Object.entries(CHANNELS).map(([value, c]) => ({ value, label: c.label }))),
    date('submitted', sheet('submitted')),
    date('signed', sheet('signed'), false),
    date('confirmed', sheet('confirmed'), false),
    select('applicantType', sheet('applicantType'), APPLICANT_COLUMNS.map((c) => ({ value: c.id, label: c.label }))),
    { name: 'applicant', label: sheet('applicant'), kind: 'text' },
    { name: 'request', label: sheet('request'), kind: 'textarea' },
  ],
  correction_requested: [date('date', sheet('correctionRequested')), date('until', sheet('correctionUntil'), false), { name: 'items', label: '补正事项', kind: 'textarea' }],
  correction_received: [date('date', sheet('correctionReceived'))],
  correction_lapsed: [date('date', sheet('correctionLapsed'))],
  consultation_started: [
    date('date', sheet('consultationStarted')),
    select('party', sheet('consultationParty'), firstLabels(PARTIES)),
    { name: 'name', label: '征求意见对象名称', kind: 'text' },
  ],
  consultation_ended: [date('date', sheet('consultationEnded'))],
  extended: [
    date('date', sheet('extended')),
    { name: 'days', label: sheet('extensionDays'), kind: 'number', required: true },
    { name: 'approvedBy', label: sheet('extensionApprover'), kind: 'text', required: true },
  ],
  fee_notified: [
    date('date', sheet('feeNotified')),
    select('basis', sheet('feeBasis'), firstLabels(BASES)),
    { name: 'quantity', label: sheet('feeQuantity'), kind: 'number', required: true },
    { name: 'amount', label: sheet('feeAmount'), kind: 'number', required: true },
  ],
  fee_paid: [date('date', sheet('feePaid'))],
  fee_lapsed: [date('date', sheet('feeLapsed'))],
  withdrawn: [date('date', sheet('withdrawn'))],
  // The reply date is left to the ledger's rule ("办理结果须有答复日期").
  replied: [date('date', sheet('replied'), false), select('outcome', sheet('outcome'), OUTCOME_ROWS.map((r) => ({ value: r.id, label: r.label, group: outcomeGroup(r) })))],
  appeal_filed: [
    date('date', '立案日期'),
    CASE_ID,
    select('route', '复议诉讼类型', APPEAL_ROUTES.map((r) => ({ value: r.id, label: r.label }))),
  ],
  appeal_decided: [date('date', '结果日期'), CASE_ID, select('result', '复议诉讼结果', APPEAL_RESULTS.map((c) => ({ value: c.id, label: c.label })))],
};

/** An event's details as its form labels them ("答复日期：2025-03-20；办理结果：予以公开"); blank fields left out. */
export function eventDetails(e: LedgerEvent): string {
  const values = e as unknown as Record<string, unknown>;
  return EVENT_FIELDS[e.type]
    .filter((f) => values[f.name] !== undefined && values[f.name] !== '')
    .map((f) => `${f.label}：${f.choices?.find((c) => c.value === values[f.name])?.label ?? String(values[f.name])}`)
    .join('；');
}

/** Messages by field name; `''` holds those that concern the whole form. */
export type FieldErrors = Record<string, string[]>;

/** Required fields left blank and choices not among the field's, before the ledger's rules see the event. */
export function blankFields(fields: Field[], values: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {};
  for (const f of fields) {
    const v = values[f.name]?.trim() ?? '';
    if (f.required && !v) errors[f.name] = [`请填写“${f.label}”`];
    else if (v && f.choices && !f.choices.some((c) => c.value === v)) errors[f.name] = [`“${f.label}”的选项无效`];
  }
  return errors;
}

/** The event the posted values describe; blank optional fields are left out. */
export function eventFrom(type: EventType, values: Record<string, string>, by: string, at: string): LedgerEvent {
  const event: Record<string, unknown> = { type, by, at };
  for (const f of EVENT_FIELDS[type]) {
    const v = values[f.name]?.trim() ?? '';
    if (f.name === 'date') event.date = v;
    else if (v) event[f.name] = f.kind === 'number' ? Number(v) : v;
    else if (f.kind === 'text' || f.kind === 'textarea') event[f.name] = '';
  }
  return event as unknown as LedgerEvent;
}

/** Which field a refused or warned rule concerns (by the ledger issue's code); the rest go to the whole form. */
const ISSUE_FIELD: Record<string, string> = {
  'before-receipt': 'date', 'invalid-date': 'date', 'outcome-needs-date': 'date', 'correction-late': 'date', 'late-reply': 'date',
  'extension-after-due': 'date', 'consultation-order': 'date', 'decided-before-filed': 'date', 'correction-order': 'date',
  'fee-order': 'date', 'conclusion-order': 'date', 'future-date': 'date', 'correction-until': 'until',
  'unknown-outcome': 'outcome', 'outcome-by-event': 'outcome', 'unclear-without-correction': 'outcome', 'unknown-party': 'party',
  'extension-days': 'days', 'fee-basis': 'basis', 'fee-free-band': 'quantity', 'fee-amount': 'amount', 'unknown-route': 'route',
  'case-id': 'caseId', 'no-open-case': 'caseId', 'unknown-result': 'result', 'unknown-channel': 'channel',
  'unknown-applicant-type': 'applicantType', 'receipt-before-submission': 'submitted', 'duplicate-id': 'no',
};

/** The issues as messages by field; a missing receipt date goes to the date its channel needs (条例第三十一条). */
export function issuesByField(issues: Pick<LedgerIssue, 'code' | 'zh'>[], values: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const receipt = CHANNELS[values.channel as keyof typeof CHANNELS]?.receipt;
    const field = issue.code === 'receipt-date-missing' ? (receipt ?? 'channel') : (ISSUE_FIELD[issue.code] ?? '');
    (errors[field] ??= []).push(issue.zh);
  }
  return errors;
}
