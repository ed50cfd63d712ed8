/**
 * Renderers of report data into the layouts real reports come in, each a pure function `(report) => string`, and
 * into files: Word, PDF (through Chromium), and the exports XLSX and CSV. All labels, rows, columns and groups come
 * from the format definitions in src/format.
 */
import { renderHtmlPage } from './html-page.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { renderTextCells } from './text-cells.ts';
import { renderTextLines } from './text-lines.ts';
import { renderTextPipe } from './text-pipe.ts';
import { renderTextSpace } from './text-space.ts';
import { renderTextTab } from './text-tab.ts';
import type { Layout, LayoutId } from './types.ts';

export type { Layout, LayoutId, ReportData, TabularColumn, TabularValue } from './types.ts';
export { tableGrid } from './grid.ts';
export { renderHtml, renderHtmlPage, renderMarkdown, renderTextCells, renderTextTab };
export { renderDocx } from './docx.ts';
export { renderPdf, launchChromium, type PdfOptions } from './pdf.ts';
export { renderXlsx, rowsToXlsx } from './xlsx.ts';
export { renderCsv, rowsToCsv, csvField } from './csv.ts';
export { exportReport, reportData, EXPORT_FORMATS, type ExportFormat } from './exports.ts';

export const LAYOUTS: Layout[] = [
  { id: 'text-tab', ext: '.txt', description: '制表符分隔的文本（Word 另存为纯文本）', showsBlanks: false, render: renderTextTab },
  { id: 'text-cells', ext: '.txt', description: '每格一行、以制表符缩进的文本（Word 表格粘贴）', showsBlanks: true, render: renderTextCells },
  { id: 'text-lines', ext: '.txt', description: '每格一行、行间空行的文本（网页或 PDF 复制）', showsBlanks: false, render: renderTextLines },
  { id: 'text-pipe', ext: '.txt', description: '以竖线分隔单元格的文本（a | b | c）', showsBlanks: false, render: renderTextPipe },
  { id: 'markdown', ext: '.md', description: 'Markdown（标题与管道表格）', showsBlanks: true, render: renderMarkdown },
  { id: 'text-space', ext: '.txt', description: '以空格对齐各列的文本（pdftotext -layout）', showsBlanks: false, render: renderTextSpace },
  { id: 'html', ext: '.html', description: '官方格式网页（表格行列合并与模板一致）', showsBlanks: true, render: renderHtml },
  { id: 'html-page', ext: '.html', description: '政府网站页面（含导航、字号、打印、页脚等）', showsBlanks: true, render: renderHtmlPage },
];

export function layoutById(id: LayoutId): Layout {
  const layout = LAYOUTS.find((l) => l.id === id);
  if (!layout) throw new Error(`unknown layout ${id}`);
  return layout;
}
