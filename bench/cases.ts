/**
 * What the benchmark measures: one case per input layout, each turning a generated report into the bytes a reader
 * gets. Issue 4 adds PDF and DOCX cases here (their render may be async, e.g. printing the HTML layout to PDF).
 */
import { LAYOUTS } from '../src/render/index.ts';
import type { ReportData } from '../src/render/types.ts';

export interface BenchCase {
  name: string;
  /** File name extension handed to the reader with the bytes. */
  ext: string;
  render: (report: ReportData) => Uint8Array | Promise<Uint8Array>;
}

const utf8 = new TextEncoder();

export const CASES: BenchCase[] = LAYOUTS.map((layout) => ({
  name: layout.id,
  ext: layout.ext,
  render: (report) => utf8.encode(layout.render(report)),
}));

export function caseByName(name: string): BenchCase {
  const found = CASES.find((c) => c.name === name);
  if (!found) throw new Error(`unknown benchmark case ${name}; known: ${CASES.map((c) => c.name).join(', ')}`);
  return found;
}
