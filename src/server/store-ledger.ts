/** The ledger pages' data from the store (src/store/ledger.ts): the store runs the ledger's rules on every write. */
import { buildReport, type Calendar, type LedgerEvent } from '../ledger/index.ts';
import {
  addLedgerApplication, appendLedgerEvent, buildLedgerReport, ledgerAgencies, ledgerApplications, LedgerRefused, saveLedgerTable2, StoreError, type Store,
} from '../store/index.ts';
import type { LedgerData, LedgerWrite } from './data.ts';

/** An agency the store does not know has an empty ledger (writes create it). */
async function orEmpty<T>(read: Promise<T>, empty: T): Promise<T> {
  try {
    return await read;
  } catch (e) {
    if (e instanceof StoreError && e.code === 'input') return empty;
    throw e;
  }
}

/** A refusal by the rules (or by the store, e.g. a number taken) as the forms show it. */
async function written(write: Promise<unknown>): Promise<LedgerWrite> {
  try {
    const { issues } = (await write) as { issues: LedgerWrite['issues'] };
    return { accepted: true, issues };
  } catch (e) {
    if (e instanceof LedgerRefused) return { accepted: false, issues: e.issues };
    if (e instanceof StoreError && e.code === 'input') return { accepted: false, issues: [{ code: 'store', severity: 'error', zh: e.zh, en: e.en }] };
    throw e;
  }
}

const unrecorded = <E extends LedgerEvent>({ at: _at, ...event }: E) => event;

export function storeLedger(store: Store, calendar: () => Calendar): LedgerData {
  const { db } = store;
  const applications = (agency: string) => orEmpty(ledgerApplications(db, agency), []);
  return {
    agencies: async () => (await ledgerAgencies(db)).map((a) => a.name),
    applications,
    application: async (agency, id) => (await applications(agency)).find((a) => a.id === id),
    async addApplication(agency, id, received, today) {
      if ((await applications(agency)).some((a) => a.id === id)) {
        return { accepted: false, issues: [{ code: 'duplicate-id', severity: 'error', zh: `编号“${id}”的申请已登记`, en: `application "${id}" is already registered` }] };
      }
      return written(addLedgerApplication(db, agency, id, unrecorded(received), calendar(), { today }));
    },
    appendEvent: (agency, id, event, today) => written(appendLedgerEvent(db, agency, id, unrecorded(event) as never, calendar(), { today })),
    saveTable2: (agency, year, table2, by) => written(saveLedgerTable2(db, agency, year, table2, by).then(() => ({ issues: [] }))),
    draft: (agency, year) => orEmpty(buildLedgerReport(db, agency, year, { calendar: calendar() }), undefined).then(
      (built) => built ?? buildReport([], { year, agency, calendar: calendar() }),
    ),
  };
}
