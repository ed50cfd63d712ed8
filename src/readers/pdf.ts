/**
 * PDF reader: pdf.js text layer and ruling lines → headings, paragraphs and tables with page positions. Tables come
 * from ruling lines where there are any (cells as boxes, so wrapped labels stay one cell) and from aligned text where
 * there are none (`ruled: false`); page headers, footers and numbers are dropped, so a table continued on the next
 * page reads on without furniture between its rows. Pages without a text layer are reported, or recognised with
 * tesseract when `ocr` is asked for. The layout work lives in ./pdf/.
 */
import { UnreadableError } from '../document/errors.ts';
import { createFinding, type Finding } from '../document/finding.ts';
import type { DocumentModel } from '../document/model.ts';
import { layoutDocument } from './pdf/layout.ts';
import { withSyncInflate } from './pdf/inflate.ts';
import { CORRUPT, loadPdfjs, openDocument, readPage, type PageRead, type PdfJs } from './pdf/load.ts';
import { ocrAvailable, ocrPages } from './pdf/ocr.ts';
import { READ_RULES } from './rules.ts';
import type { ReadOptions, Reader, ReaderInput } from './types.ts';

/** Reports longer than this are not annual reports; the rest is not read. */
const MAX_PAGES = 500;
/** A page that takes longer than this is skipped (pathological content streams). */
const PAGE_TIMEOUT_MS = 15_000;
/** Time for the whole document, after which the remaining pages are skipped. */
const DOCUMENT_TIMEOUT_MS = 300_000;
/** Scanned pages recognised at most (tesseract takes seconds per page). */
const MAX_OCR_PAGES = 50;

const IMAGE_ONLY = {
  'hint': ['扫描件/图片，无可提取文字（可使用 --ocr 识别）', 'scanned or image-only PDF, no text layer (try --ocr)'],
  'no-tesseract': ['扫描件/图片，无可提取文字（未安装 tesseract-ocr，无法识别）', 'scanned or image-only PDF, no text layer (tesseract-ocr not installed)'],
  'nothing-recognised': ['扫描件/图片，OCR 未能识别出文字', 'scanned or image-only PDF, OCR recognised no text'],
} as const;
function imageOnly(reason: keyof typeof IMAGE_ONLY): UnreadableError {
  const [zh, en] = IMAGE_ONLY[reason];
  return new UnreadableError('image-only', zh, en);
}

class PageTimeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PageTimeout()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export const readPdf: Reader = async (input, options) => {
  const lib = await loadPdfjs();
  return withSyncInflate(() => readWith(lib, input, options));
};

async function readWith(lib: PdfJs, { bytes, source }: ReaderInput, options: ReadOptions): Promise<DocumentModel> {
  const doc = await openDocument(lib, bytes);
  try {
    const messages: Finding[] = [];
    const count = Math.min(doc.numPages, MAX_PAGES);
    if (doc.numPages > MAX_PAGES) {
      messages.push(createFinding(READ_RULES.pageLimit, { message: `PDF 共${doc.numPages}页，只读取了前${MAX_PAGES}页` }));
    }
    const pages: PageRead[] = [];
    const deadline = Date.now() + DOCUMENT_TIMEOUT_MS;
    let failed = 0;
    for (let n = 1; n <= count; n++) {
      if (Date.now() > deadline) {
        messages.push(createFinding(READ_RULES.documentTimeout, { message: `读取超时，第${n}页起未读取`, source: onPage(n) }));
        break;
      }
      try {
        pages.push(await withTimeout(readPage(lib, doc, n), PAGE_TIMEOUT_MS));
      } catch (e) {
        failed++;
        const timeout = e instanceof PageTimeout;
        messages.push(createFinding(timeout ? READ_RULES.pageTimeout : READ_RULES.pageUnreadable, {
          message: timeout ? `第${n}页解析超时，已跳过` : `第${n}页已损坏，无法读取`,
          source: onPage(n),
        }));
      }
    }
    if (!pages.length && failed) throw CORRUPT();
    const complete = endsWithEof(bytes);
    if (pages.every((p) => p.pieces.length === 0)) {
      // pdf.js rebuilds a truncated file as far as it can; what it finds then is typically nothing.
      if (!complete) throw CORRUPT();
      if (!options.ocr) throw imageOnly('hint');
      if (!(await ocrAvailable())) throw imageOnly('no-tesseract');
    }
    const textless = pages.filter((p) => p.pieces.length === 0 && p.painted);
    if (options.ocr && textless.length) await recognise(bytes, textless, messages);
    for (const p of textless) {
      if (p.pieces.length) continue;
      messages.push(createFinding(READ_RULES.pageWithoutText, { message: `第${p.page}页为扫描件/图片，无可提取文字`, source: onPage(p.page) }));
    }
    if (pages.every((p) => p.pieces.length === 0)) throw imageOnly(options.ocr ? 'nothing-recognised' : 'hint');
    if (!complete) messages.push(createFinding(READ_RULES.pdfTruncated, { message: 'PDF 文件不完整（缺少文件结尾），部分内容可能缺失' }));
    return { source, medium: 'pdf', blocks: layoutDocument(pages), messages };
  } finally {
    await doc.destroy();
  }
}

async function recognise(bytes: Uint8Array, textless: PageRead[], messages: Finding[]): Promise<void> {
  if (!(await ocrAvailable())) {
    messages.push(createFinding(READ_RULES.ocrUnavailable, { message: '未安装 tesseract-ocr（chi_sim），扫描页无法识别' }));
    return;
  }
  const chosen = textless.slice(0, MAX_OCR_PAGES);
  if (textless.length > chosen.length) {
    messages.push(createFinding(READ_RULES.ocrLimit, { message: `扫描页过多，只识别了前${MAX_OCR_PAGES}页` }));
  }
  const recognised = await ocrPages(bytes, chosen.map((p) => p.page));
  for (const p of chosen) {
    p.pieces = recognised.get(p.page) ?? [];
    if (p.pieces.length) {
      messages.push(createFinding(READ_RULES.pageOcr, { message: `第${p.page}页为扫描件，文字由 OCR 识别，请核对`, source: onPage(p.page) }));
    }
  }
}

const onPage = (page: number) => ({ medium: 'pdf' as const, page });

/** A complete PDF ends with %%EOF (give or take trailing whitespace or a little junk). */
function endsWithEof(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 8192)));
  return tail.includes('%%EOF');
}
