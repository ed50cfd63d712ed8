/**
 * xxgk as a library: read a report from a file or bytes into the Report JSON of FORMAT.md.
 *
 * @example
 *   import { parseReportFile } from 'xxgk';
 *   const report = await parseReportFile('年度报告.html');
 *   console.log(report.table3?.new_received);
 */
import { extractReport } from './extract/index.ts';
import { readBytes, readPath, type ReadOptions } from './readers/index.ts';
import type { Report } from './report/types.ts';

export type { Report, Finding, UnreadableReport, CellValue } from './report/types.ts';
export type { DocumentModel } from './document/model.ts';
export { UnreadableError } from './document/errors.ts';
export { readPath, readBytes } from './readers/index.ts';
export { extractReport } from './extract/index.ts';
export * as format from './format/index.ts';
export { reportSchema } from './report/schema.ts';
export { SCHEMA_VERSION, XXGK_VERSION } from './report/version.ts';

export async function parseReportFile(path: string, options: ReadOptions = {}): Promise<Report> {
  return extractReport(await readPath(path, options));
}

export async function parseReportBytes(bytes: Uint8Array, name: string, options: ReadOptions = {}): Promise<Report> {
  return extractReport(await readBytes(bytes, name, options));
}
export { checkReport, checkPair, RULES } from './checks/index.ts';
export { CATALOGUE, CheckBatch, checkOutcome, defaultLimits, parseMany, parseOne } from './pipeline/index.ts';
export type { BatchOptions, CheckBatchOptions, Input, Limits, Outcome, PairResult } from './pipeline/index.ts';
