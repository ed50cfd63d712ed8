/**
 * The ledger of 依申请公开 applications (no storage here: plain data a store saves as rows): the working-day
 * calendar, events and their rules, deadlines, the report built from the ledger, and the spreadsheet.
 */
export { chineseCalendar, createCalendar, parseCalendarCsv, CalendarFileInvalid, type Calendar, type CalendarEntry } from './calendar.ts';
export { isIsoDate, parseDate, type IsoDate } from './day.ts';
export * from './model.ts';
export { appendEvent, applyEvent, foldEvents, stateOf, EVENT_NAMES, type LedgerIssue, type RuleOptions } from './events.ts';
export { asOf, byUrgency, deadlineOf, statusOf, STATUS_NAMES, URGENCY, WAITING_NAMES, type Deadline, type DueStatus, type DueStatusId } from './deadline.ts';
export { eventsOffered } from './offer.ts';
export { feeFor, feePerApplication, feePerPages } from './fees.ts';
export { buildReport, countTable3, countTable4, replay, type BuildOptions, type BuildResult } from './build.ts';
export { BASES, csvTemplate, exportCsv, importCsv, PARTIES, SHEET_COLUMNS, type ImportResult, type SheetProblem } from './import.ts';
export { importXlsx, MAX_IMPORT_ROWS, xlsxTemplate, type XlsxImportOptions } from './xlsx.ts';
export { table2Def, table2Fields, table2FromText, table2Problems, table2Value, type Table2Field, type Table2Problem } from './table2.ts';
