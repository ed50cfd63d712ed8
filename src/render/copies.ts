/**
 * Copies of a report as other people's tools make them, each class seen in more than one real report: a crawler's
 * one-line dump with the digits of table 三 rows run together, a PDF-to-Markdown conversion that shreds tables into
 * small tables under generic headers, a mirror site's traditional-script copy, labels misspelt in the source, and
 * scrapes that broke a pipe row at its blank cells or collapsed a row's blank cells into one run of pipes.
 * They are not layouts an agency publishes: readers recover what the copy still holds and say what it lost.
 */
import * as OpenCC from 'opencc-js/cn2t';
import { VERSIONS } from '../format/index.ts';
import { fullRows, wordRows, type FlatCell } from './flatten.ts';
import { outline, reportTitle } from './outline.ts';
import { renderTextPipe } from './text-pipe.ts';
import type { ReportData } from './types.ts';

export type CopyId = 'oneline-dump' | 'markdown-shredded' | 'traditional' | 'misspelt-labels' | 'pipe-broken-blanks'
  | 'collapsed-blanks';

export interface Copy {
  id: CopyId;
  ext: '.txt' | '.md';
  description: string;
  /** Every cell survives exactly; otherwise cells may be lost, never changed (they read back unknown, with a finding). */
  exact: boolean;
  /** The class is about blank cells: it is read on reports that leave some cells blank. */
  blanks?: boolean;
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

/** Text rows of every table, a row a list of its cells as Word copies them. */
function tableRows(report: ReportData, write: (row: FlatCell[], table: string) => string): string {
  const out: string[] = [];
  for (const block of outline(report)) {
    if (block.kind === 'table') out.push(...wordRows(block.grid).map((row) => write(row, block.grid.table.id)), '');
    else if (block.kind === 'signature') out.push(...block.lines);
    else out.push(block.text, '');
  }
  return `${out.join('\n')}\n`;
}

/**
 * Pipe rows whose blank cells became line breaks, as a scraper wrote table 三 (`label | 25 |`, `|`, `|`, `| 25 |`):
 * the pipes still count every cell. A lone blank between two values stays inline (its line break alone would look
 * like a new row starting with `|`); the spanned label slots of table 三 are left out, as a page scrape leaves them.
 */
export function renderPipeBrokenBlanks(report: ReportData): string {
  return tableRows(report, (row, table) => {
    if (table !== 'table3') return `| ${row.map((c) => c.text).join(' | ')} |`;
    const cells = row.filter((c) => c.text || c.role === 'value');
    let line = '';
    for (let i = 0; i < cells.length; ) {
      if (cells[i].text) {
        line += `${line ? ' ' : ''}${cells[i].text} |`;
        i++;
        continue;
      }
      let j = i;
      while (j < cells.length && !cells[j].text) j++;
      line += j - i >= 2 || j === cells.length ? '\n|'.repeat(j - i) : ' |';
      i = j;
    }
    return line;
  });
}

/**
 * Table 三 one cell per line ending in `|`, a row's empty cells collapsed into one run of pipes after its filled cells
 * (a scraper that dropped empty cells): which columns a row's values stood in is lost. Other tables stay pipe rows.
 */
export function renderCollapsedBlanks(report: ReportData): string {
  return tableRows(report, (row, table) => {
    if (table !== 'table3') return `| ${row.map((c) => c.text).join(' | ')} |`;
    const filled = row.filter((c) => c.text);
    return [...filled.map((c) => `${c.text} |`), '|'.repeat(Math.max(2, row.length - filled.length + 1))].join('\n');
  });
}

export const COPIES: Copy[] = [
  { id: 'oneline-dump', ext: '.txt', description: '爬虫存下的整页一行文本（表三各行数字连在一起）', exact: false, render: renderOnelineDump },
  { id: 'markdown-shredded', ext: '.md', description: 'PDF 转 Markdown（表格被切成带“数据1…”表头的小表，部分行标签移到表外）', exact: true, render: renderMarkdownShredded },
  { id: 'traditional', ext: '.txt', description: '镜像站的繁体字副本', exact: true, render: renderTraditional },
  { id: 'misspelt-labels', ext: '.txt', description: '原文行标签有错漏字', exact: true, render: renderMisspeltLabels },
  { id: 'pipe-broken-blanks', ext: '.txt', description: '网页转文本时表三空白单元格变成换行（竖线单独成行）', exact: true, blanks: true, render: renderPipeBrokenBlanks },
  { id: 'collapsed-blanks', ext: '.txt', description: '每格一行，空白单元格被合并到行尾的一串竖线（列位置丢失）', exact: false, blanks: true, render: renderCollapsedBlanks },
];
