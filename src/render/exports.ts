/**
 * A report read from any input written out again: as the exports (XLSX, CSV) straight from the Report, or re-laid in
 * the statutory layout (Word, PDF, HTML, Markdown) from what was read: agency, year, sections, tables.
 */
import type { Report } from '../report/types.ts';
import { renderCsv } from './csv.ts';
import { renderDocx } from './docx.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { renderPdf } from './pdf.ts';
import type { ReportData } from './types.ts';
import { renderXlsx } from './xlsx.ts';

export const EXPORT_FORMATS = ['xlsx', 'csv', 'docx', 'pdf', 'html', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Formats whose bytes are not text (a terminal should not receive them). */
export const BINARY_FORMATS: ReadonlySet<ExportFormat> = new Set(['xlsx', 'docx', 'pdf']);

/** The opening paragraphs between the title and section 一 are the ones written as sentences (page chrome is not). */
const SENTENCE_END_RE = /[。；]$/;

/**
 * The data the statutory layout is written from; undefined when the report cannot be laid out in it (no agency or
 * year was recognised, or it predates the 2019 template).
 */
export function reportData(report: Report): ReportData | undefined {
  const { agency, year, format_version } = report;
  if (!agency || !year || format_version === 'free') return undefined;
  const preface = report.preamble.map((p) => p.text.trim()).filter((t) => SENTENCE_END_RE.test(t) && t !== report.title);
  return {
    agency, year, format_version, published: report.published, title: report.title, preface: preface.join('\n'),
    table2: report.table2, table3: report.table3, table4: report.table4,
    sections: report.sections.map(({ number, title, text }) => ({ number, title, text })),
  };
}

/** The report in one export format; undefined when a re-laid format is asked of a report `reportData` refuses. */
export async function exportReport(report: Report, format: ExportFormat): Promise<Uint8Array | string | undefined> {
  if (format === 'xlsx') return renderXlsx(report);
  if (format === 'csv') return renderCsv(report);
  const data = reportData(report);
  if (!data) return undefined;
  if (format === 'docx') return renderDocx(data);
  if (format === 'pdf') return renderPdf(data);
  return format === 'html' ? renderHtml(data) : renderMarkdown(data);
}
