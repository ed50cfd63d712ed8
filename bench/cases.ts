/**
 * What the benchmark measures: one case per input layout, each turning a generated report into the bytes a reader
 * gets. Text layouts render in microseconds; the published-file cases (PDF, DOCX) render in batches through Chromium
 * or LibreOffice, which takes seconds, so their files are cached under bench/out/ (see corpus.ts).
 */
import { renderDocx } from '../src/render/docx.ts';
import { LAYOUTS, renderHtml } from '../src/render/index.ts';
import type { ReportData } from '../src/render/types.ts';
import { launchChromium, libreOfficeConvert, printToPdf } from '../test/support/office.ts';

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

/** A case whose files are rendered in one batch by an outside program (one browser, one LibreOffice run). */
export interface FileCase {
  name: string;
  ext: '.pdf' | '.docx';
  /** What speed is counted in: pages of a PDF, or whole files. */
  unit: 'pages' | 'files';
  description: string;
  /** Programs the rendering needs (checked before rendering what the cache lacks). */
  needs: string[];
  renderAll: (reports: ReportData[]) => Promise<Uint8Array[]>;
}

async function chromiumPdfs(reports: ReportData[]): Promise<Uint8Array[]> {
  const browser = await launchChromium();
  try {
    const out: Uint8Array[] = [];
    // As Chromium writes them (the committed fixtures are packed with qpdf to save space; these are not).
    for (const report of reports) out.push(await printToPdf(browser, renderHtml(report), { pageNumbers: true }));
    return out;
  } finally {
    await browser.close();
  }
}

export const FILE_CASES: FileCase[] = [
  {
    name: 'pdf-chromium', ext: '.pdf', unit: 'pages', needs: ['chromium'],
    description: '官方格式网页经 Chromium 打印为 PDF（A4，页码，表三跨页）',
    renderAll: chromiumPdfs,
  },
  {
    name: 'pdf-libreoffice', ext: '.pdf', unit: 'pages', needs: ['soffice'],
    description: 'Word 文档经 LibreOffice 导出为 PDF（表格有框线，标签多行折行）',
    renderAll: async (reports) => libreOfficeConvert(await Promise.all(reports.map(async (r) => ({ docx: await renderDocx(r) }))), 'pdf'),
  },
  {
    name: 'docx', ext: '.docx', unit: 'files', needs: [],
    description: 'docx 库生成的 Word 文档（纵向、横向合并单元格）',
    renderAll: (reports) => Promise.all(reports.map(renderDocx)),
  },
  {
    name: 'docx-libreoffice', ext: '.docx', unit: 'files', needs: ['soffice'],
    description: '官方格式网页经 LibreOffice 转为 Word 文档',
    renderAll: (reports) => libreOfficeConvert(reports.map((r) => ({ html: renderHtml(r) })), 'docx'),
  },
];
