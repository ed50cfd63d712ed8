/**
 * Regenerates samples/: reports from the generator (fixed seeds) in different layouts, plus one with deliberate
 * mistakes so that `npm start` shows findings.
 *
 *   node --import tsx test/support/samples.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { layoutById, type LayoutId, type ReportData } from '../../src/render/index.ts';
import { generateReport, type GenerateOptions } from './generate.ts';

const DIR = fileURLToPath(new URL('../../samples/', import.meta.url));

interface Sample {
  file: string;
  seed: number;
  options: GenerateOptions;
  layout: LayoutId;
  /** Changes to the report data before rendering, and to the rendered text after. */
  spoil?: (report: ReportData) => void;
  spoilText?: (text: string) => string;
}

export const SAMPLES: Sample[] = [
  { file: '2024-tab.txt', seed: 62, options: { version: '2021' }, layout: 'text-tab' },
  { file: '2021-markdown.md', seed: 135, options: { version: '2021', slashes: true }, layout: 'markdown' },
  { file: '2025-official.html', seed: 44, options: { version: '2021' }, layout: 'html' },
  { file: '2022-page-scrape.html', seed: 52, options: { version: '2021', blanks: true }, layout: 'html-page' },
  { file: '2020-format-2019.txt', seed: 3, options: { version: '2019' }, layout: 'text-cells' },
  {
    file: '2024-mistakes.txt',
    seed: 102,
    options: { version: '2021' },
    layout: 'text-tab',
    // A typo in table 三: 自然人 of （一）予以公开 is 10 too high, so neither its column nor its row adds up.
    spoil: (report) => {
      report.table3!.granted[0] = (report.table3!.granted[0] as number) + 10;
    },
    // A ragged row in table 二: the middle value of 行政规范性文件 is missing.
    spoilText: (text) => text.replace(/^(行政规范性文件\t[^\t]*)\t[^\t]*/m, '$1'),
  },
];

export function renderSample(sample: Sample): string {
  const report = generateReport(sample.seed, sample.options);
  sample.spoil?.(report);
  const text = layoutById(sample.layout).render(report);
  return sample.spoilText ? sample.spoilText(text) : text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(DIR, { recursive: true });
  for (const sample of SAMPLES) {
    writeFileSync(join(DIR, sample.file), renderSample(sample));
    console.log(`samples/${sample.file}`);
  }
}
