/** The web app's data from a store (src/store): the pages' questions are the store's web queries. */
import { RosterError } from '../roster/index.ts';
import { exportRoster, importRoster, lateReports, missingReports, type Store } from '../store/index.ts';
import type { ImportOptions } from '../store/import.ts';
import { importUploads } from '../store/uploads.ts';
import {
  agencyReports, hasFinding, listReports, originalFile, overviewCounts, regionForest, reportExists, reportRecord,
} from '../store/web-queries.ts';
import type { WebData } from './data.ts';
import { Memo } from './memo.ts';
import { ledgerCalendar } from './ledger-access.ts';
import { storeLedger } from './store-ledger.ts';
import { storeDashboard } from './store-dashboard.ts';

/** How long an aggregate answer may lag behind another process's writes (this server's own writes show at once). */
const AGGREGATE_TTL_MS = 30_000;

/** `importOptions`: the worker limits and roster uploads are read with. */
export function storeData(store: Store, importOptions: ImportOptions = {}): WebData {
  const { db } = store;
  const memo = new Memo(AGGREGATE_TTL_MS);
  /** A write: the aggregates are asked afresh after it. */
  const writing = async <T>(work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } finally {
      memo.clear();
    }
  };
  return {
    listReports: (filter) => listReports(db, filter),
    getReport: (id) => reportRecord(db, id),
    async reviewFinding(reportId, key, review) {
      if (!(await hasFinding(db, reportId, key))) return false;
      await writing(store.review(reportId, key, review.status, review.by, review.comment || null));
      return true;
    },
    async recheck(reportId) {
      if (!(await reportExists(db, reportId))) return false;
      await writing(store.recheck(reportId));
      return true;
    },
    async importFiles(files) {
      const events = await writing(importUploads(store, files, importOptions));
      return events.map((e) => ({ name: e.path, status: e.status, reportId: e.reportId, error: e.error?.message }));
    },
    overview: () => memo.get('overview', () => overviewCounts(db)),
    regionTree: () => memo.get('regions', () => regionForest(db)),
    regionDashboard: (id, year, page) =>
      memo.get(`region ${id} ${year} ${page.limit} ${page.offset}`, () => storeDashboard(db, id, year, page)),
    agencyYears: (name) => agencyReports(db, name),
    sourceFile: (id) => originalFile(db, id),
    ledger: storeLedger(store, ledgerCalendar),
    roster: () => exportRoster(db),
    async importRoster(text) {
      try {
        return { count: await writing(importRoster(db, text)) };
      } catch (e) {
        if (e instanceof RosterError) return { problems: e.problems };
        throw e;
      }
    },
    deadlines: (year) => memo.get(`deadlines ${year}`, async () => ({
      year, missing: await missingReports(db, year), late: await lateReports(db, year),
    })),
  };
}
