/**
 * The store: every report kept with its versions, cells (with provenance) and findings (with review state), in the
 * embedded PGlite folder by default or a PostgreSQL server when a URL is given.
 *
 * @example
 *   const store = await Store.open({ url: process.env.DATABASE_URL });
 *   for await (const event of importFiles(store, await expandInputs(['reports/']))) console.log(event.status);
 *   await store.close();
 */
export { Store } from './store.ts';
export { StoreError } from './errors.ts';
export { DEFAULT_DIR, redact, type EngineName, type EngineOptions } from './engine.ts';
export { importFiles, type ImportEvent, type ImportOptions } from './import.ts';
export type { ImportStatus } from './write.ts';
export type { Database, ReviewState, RegionKind } from './schema.ts';
export * from './queries/index.ts';
export * from './queue/index.ts';
export {
  addLedgerApplication, appendLedgerEvent, buildLedgerReport, exportLedger, getLedgerApplication, importLedger, ledgerAgencies,
  ledgerApplications, ledgerTable2, listLedger, LedgerRefused, saveLedgerTable2, type StoredTable2, type Appended, type LedgerEntry, type LedgerImport, type LedgerReport,
  type LedgerView, type NewEvent, type NewReceived, type ParsedSheet,
} from './ledger.ts';
