/**
 * The whole ledger as a history: one row per recorded event with every detail its form holds, who recorded it and
 * when. The ledger sheet (one row per application, the template's columns) is what an agency edits and imports again,
 * and it has room for only the first event of each kind and none for some details (a consultation party's name, a
 * case number); the history is the complete record, for audit and archive.
 */
import { EVENT_NAMES, type Application } from '../ledger/index.ts';
import type { TabularColumn } from '../render/types.ts';
import { eventDetails } from './ledger-fields.ts';
import { beijingTime } from './ledger-model.ts';

export const HISTORY_COLUMNS: TabularColumn[] = [
  { key: 'number', label: '编号' },
  { key: 'seq', label: '序号' },
  { key: 'event', label: '事项' },
  { key: 'details', label: '内容' },
  { key: 'by', label: '经办人' },
  { key: 'at', label: '记录时间（北京时间）' },
];

/** A type, not an interface: a row for the CSV writer, which takes any record of plain values. */
export type HistoryRow = {
  number: string;
  /** The event's place in its application's history, from 1. */
  seq: number;
  event: string;
  details: string;
  by: string;
  at: string;
};

export function historyRows(apps: Application[]): HistoryRow[] {
  return apps.flatMap((app) =>
    app.events.map((e, i) => ({ number: app.id, seq: i + 1, event: EVENT_NAMES[e.type], details: eventDetails(e), by: e.by, at: beijingTime(e.at) })),
  );
}
