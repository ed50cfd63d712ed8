/**
 * Round trip: generated reports rendered in every layout, and as Word and PDF files, read back to exactly the data
 * they were written from, with no error findings. A layout that cannot show blank cells (text laid out by spaces, one cell per line, tab or pipe
 * rows whose edges look like padding) is not asked to keep them.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { generateReport, type GenerateOptions } from '../support/generate.ts';
import { SECTIONS } from '../../src/format/index.ts';
import { parseReportBytes } from '../../src/index.ts';
import { renderDocx } from '../../src/render/docx.ts';
import { LAYOUTS, launchChromium, renderPdf, type ReportData } from '../../src/render/index.ts';

/**
 * A way a report reaches the reader: a text layout, or a Word or PDF file (fewer reports: a Word file takes ~0.1 s to
 * build, a PDF ~0.3 s to print and as long to read).
 */
interface Route {
  id: string;
  ext: string;
  showsBlanks: boolean;
  reports: number;
  bytes: (report: ReportData) => Uint8Array | Promise<Uint8Array>;
}

const utf8 = new TextEncoder();
/** One Chromium prints every PDF of the file. */
let chromium: Promise<Browser> | undefined;
after(async () => (await chromium)?.close());
const pdf = async (report: ReportData) => renderPdf(report, { browser: await (chromium ??= launchChromium()) });

const ROUTES: Route[] = [
  ...LAYOUTS.map((l) => ({ ...l, reports: 30, bytes: (report: ReportData) => utf8.encode(l.render(report)) })),
  { id: 'docx', ext: '.docx', showsBlanks: true, reports: 10, bytes: renderDocx },
  { id: 'pdf', ext: '.pdf', showsBlanks: true, reports: 2, bytes: pdf },
];

const KEYS = ['agency', 'year', 'format_version', 'published', 'table2', 'table3', 'table4'] as const;

/** Renders and reads back reports 1…N and compares every field the data has. */
async function assertRoundTrip(route: Route, options: GenerateOptions): Promise<void> {
  for (let seed = 1; seed <= route.reports; seed++) {
    const report = generateReport(seed, options);
    const parsed = await parseReportBytes(await route.bytes(report), `seed-${seed}${route.ext}`);
    const where = `${route.id}, report ${seed} ${JSON.stringify(options)}`;
    for (const key of KEYS) assert.deepEqual(parsed[key], report[key], `${where}: ${key}`);
    const errors = parsed.findings.filter((f) => f.severity === 'error');
    assert.deepEqual(errors.map((f) => f.message), [], `${where}: error findings`);
    assert.deepEqual(parsed.sections.map((s) => s.number), SECTIONS.map((s) => s.number), `${where}: sections`);
  }
}

describe('render → parse round trip', () => {
  for (const route of ROUTES) {
    describe(route.id, () => {
      const cases: [string, GenerateOptions][] = [
        [`reads back ${route.reports} reports of the 2021 format exactly`, { version: '2021' }],
        [`reads back ${route.reports} reports of the 2019 format exactly`, { version: '2019' }],
        ['reads back cells marked "/" as "/"', { version: '2021', slashes: true }],
      ];
      if (route.showsBlanks) cases.push(['reads back blank cells as blank, not 0', { version: '2021', blanks: true }]);
      for (const [name, options] of cases) {
        it(name, () => assertRoundTrip(route, options));
      }
    });
  }
});
