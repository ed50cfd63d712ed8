/**
 * Copies of a report as other people's tools make them, each class seen in more than one real report: a crawler's
 * one-line dump with the digits of table 三 rows run together, a PDF-to-Markdown conversion that shreds tables into
 * small tables under generic headers, a mirror site's traditional-script copy, and labels misspelt in the source.
 * They are not layouts an agency publishes: readers recover what the copy still holds and say what it lost.
 */
import * as OpenCC from 'opencc-js/cn2t';
import { VERSIONS } from '../format/index.ts';
import { fullRows, wordRows } from './flatten.ts';
import { outline, reportTitle } from './outline.ts';
import { renderTextPipe } from './text-pipe.ts';
import type { ReportData } from './types.ts';

export type CopyId = 'oneline-dump' | 'markdown-shredded' | 'traditional' | 'misspelt-labels';

export interface Copy {
  id: CopyId;
  ext: '.txt' | '.md';
  description: string;
  /** Every cell survives exactly; otherwise cells may be lost, never changed (they read back unknown, with a finding). */
  exact: boolean;
  render: (report: ReportData) => string;
}

/** Whole report on one line (a crawler's page.txt): page metadata first, table 三 rows' digits run together. */
function renderOnelineDump(report: ReportData): string {
  const words: string[] = [`标题: ${reportTitle(report)}`, ...(report.published ? [`发布日期: ${report.published}`] : [])];
  for (const block of outline(report)) {
    if (block.kind === 'table') {
      const glued = block.grid.table.id === 'table3';
      for (const row of wordRows(block.grid)) {
        const labels = row.filter((c) => c.role !== 'value' && c.text).map((c) => c.text);
        const values = row.filter((c) => c.role === 'value').map((c) => c.text || '0');
        words.push(...labels, ...(glued && values.length ? [values.join('')] : values));
      }
    } else if (block.kind === 'signature') words.push(...block.lines);
    else if (block.kind !== 'title') words.push(block.text);
  }
  return `${words.join(' ')}\n`;
}

/** Rows per small table a PDF-to-Markdown converter cuts a table into. */
const SHRED_ROWS = 3;

/**
 * PDF converted to Markdown: each table cut into small tables under generic headers (数据1…数据N) with the template
 * headers dropped; in every other small table the row labels were pulled out and printed as lines before it.
 */
function renderMarkdownShredded(report: ReportData): string {
  const out: string[] = [];
  for (const block of outline(report)) {
    if (block.kind !== 'table') {
      if (block.kind === 'signature') out.push(...block.lines.flatMap((l) => [l, '']));
      else out.push(`${block.kind === 'title' ? '# ' : block.kind === 'heading' ? '## ' : ''}${block.text}`, '');
      continue;
    }
    // Table 四's group headers are its only labels: they stay in the small tables.
    const keepHeaders = block.grid.table.unlabelledRun;
    const rows = fullRows(block.grid).filter((row) => keepHeaders || row.some((c) => c.role === 'value'));
    for (let at = 0, piece = 0; at < rows.length; at += SHRED_ROWS, piece++) {
      const chunk = rows.slice(at, at + SHRED_ROWS).map((row) => {
        const values = row.filter((c) => c.role === 'value').map((c) => c.text);
        const texts = row.filter((c) => c.role !== 'value' && c.text).map((c) => c.text);
        // A header row keeps its cells; a data row is its label and its values.
        return values.length ? { label: texts.join(''), values } : { label: '', values: texts };
      });
      const pulled = piece % 2 === 1;
      if (pulled) out.push(...chunk.map((r) => r.label).filter(Boolean), '');
      const width = Math.max(...chunk.map((r) => r.values.length)) + (pulled ? 0 : 1);
      out.push(`| ${Array.from({ length: width }, (_, i) => `数据${i + 1}`).join(' | ')} |`, `|${' --- |'.repeat(width)}`);
      for (const r of chunk) out.push(`| ${[...(pulled ? [] : [r.label]), ...r.values].join(' | ')} |`);
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** A mirror site's traditional-script copy of the pipe-row text. */
function renderTraditional(report: ReportData): string {
  return toTraditional(renderTextPipe(report));
}

/** Row labels long enough that a dropped character leaves them recognisable. */
const MISSPELLABLE = 6;
const ROW_LABELS = new Set(VERSIONS.flatMap((v) => Object.values(v.tables)).filter((t) => !t.unlabelledRun)
  .flatMap((t) => t.rows.map((r) => r.label)));

/** Pipe rows whose every third long row label lost a character in the source ("其他法律行政法规禁止公开" → "其他法律行政规禁止公开"). */
function renderMisspeltLabels(report: ReportData): string {
  let count = 0;
  return renderTextPipe(report).split('\n').map((line) => {
    if (!line.includes(' | ')) return line;
    return line.split(' | ').map((cell) => {
      if (!ROW_LABELS.has(cell) || cell.length < MISSPELLABLE || count++ % 3 !== 0) return cell;
      const at = Math.floor(cell.length * 0.6);
      return cell.slice(0, at) + cell.slice(at + 1);
    }).join(' | ');
  }).join('\n');
}

export const COPIES: Copy[] = [
  { id: 'oneline-dump', ext: '.txt', description: '爬虫存下的整页一行文本（表三各行数字连在一起）', exact: false, render: renderOnelineDump },
  { id: 'markdown-shredded', ext: '.md', description: 'PDF 转 Markdown（表格被切成带“数据1…”表头的小表，部分行标签移到表外）', exact: true, render: renderMarkdownShredded },
  { id: 'traditional', ext: '.txt', description: '镜像站的繁体字副本', exact: true, render: renderTraditional },
  { id: 'misspelt-labels', ext: '.txt', description: '原文行标签有错漏字', exact: true, render: renderMisspeltLabels },
];
