/**
 * Opening PDFs with pdf.js (legacy build: the modern one needs DOMMatrix, which Node 20 lacks) and reading one page's
 * text pieces and ruling lines. No network and no eval: bytes are handed over directly, fonts are never installed,
 * character maps (needed by Chinese PDFs that use predefined CMaps such as UniGB-UCS2-H) and standard font metrics are
 * read from the pdfjs-dist package folder.
 */
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UnreadableError } from '../../document/errors.ts';
import { keepingNatives } from './natives.ts';
import { itemPieces, textAngle, type TextItemLike } from './items.ts';
import { rulingSegments, type OperatorListLike } from './ruling.ts';
import type { PageContent } from './types.ts';

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

let pdfjs: Promise<PdfJs> | undefined;
const require = createRequire(import.meta.url);

/**
 * The file URL of a pdf.js bundle, with the query tsx reads as "another namespace", so that tsx (which runs xxgk's
 * TypeScript) leaves the bundle to Node instead of rewriting its dynamic imports and building a source map of 3.5 MB of
 * JavaScript: that took over a second and 300 MB in every process that read a PDF. Without tsx the query is ignored.
 */
function untransformed(specifier: string): string {
  return `${pathToFileURL(require.resolve(specifier)).href}?tsx-namespace=xxgk-as-is`;
}

/** Runs `load` with Node's source-map support off: it would parse pdf.js's .map files (another 80 MB) on import. */
async function withoutSourceMaps<T>(load: () => Promise<T>): Promise<T> {
  const enabled = (process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled;
  if (enabled) process.setSourceMapsEnabled(false);
  try {
    return await load();
  } finally {
    if (enabled) process.setSourceMapsEnabled(true);
  }
}

/**
 * pdf.js is loaded on first use, so commands that never read a PDF do not pay for it. Its worker runs in this thread
 * (Node has no pdf.js worker); importing it here, rather than on the first getDocument, lets keepingNatives undo the
 * built-ins both bundles replace.
 */
export function loadPdfjs(): Promise<PdfJs> {
  pdfjs ??= keepingNatives(() => withoutSourceMaps(async () => {
    process.on('unhandledRejection', ignorePdfjsRejection);
    const lib = (await import(untransformed('pdfjs-dist/legacy/build/pdf.mjs'))) as PdfJs;
    // Sets globalThis.pdfjsWorker, which pdf.js then uses instead of importing the worker itself.
    await import(untransformed('pdfjs-dist/legacy/build/pdf.worker.mjs'));
    return lib;
  }));
  return pdfjs;
}

/**
 * pdf.js's worker runs in this thread, and on some damaged files (found by fuzzing: a few flipped bits in a Chromium
 * PDF) it leaves one of its own promises rejected with nobody listening, a ParserEOFException, while the page is still
 * read. Node would end the process for it. Such rejections are pdf.js's internal business and are dropped; any other
 * is thrown as Node would have thrown it, unless someone else listens too.
 */
function ignorePdfjsRejection(reason: unknown): void {
  if (String((reason as Error)?.stack).includes(`${sep}pdfjs-dist${sep}`)) return;
  if (process.listenerCount('unhandledRejection') > 1) return;
  throw reason;
}

const PACKAGE_DIR = dirname(require.resolve('pdfjs-dist/package.json'));
/** pdf.js in Node reads these with fs: plain paths, ending in a separator. */
const CMAP_DIR = join(PACKAGE_DIR, 'cmaps') + sep;
const STANDARD_FONT_DIR = join(PACKAGE_DIR, 'standard_fonts') + sep;

/** Opening (cross-reference table, catalogue) takes milliseconds; a file that takes this long is broken. */
const OPEN_TIMEOUT_MS = 30_000;

export const CORRUPT = () => new UnreadableError('corrupt', 'PDF 文件已损坏或不完整', 'corrupt or truncated PDF');
const ENCRYPTED = () => new UnreadableError('encrypted', 'PDF 已加密，请提供未加密的文件', 'PDF is password-protected');

/**
 * Where pdf.js installs the fonts of a document, as CSS rules. xxgk never draws a page, so the rules go nowhere. With
 * `disableFontFace: true` instead, pdf.js would build a vector path for every glyph it shows (about a fifth of the
 * reading time of a LibreOffice PDF), because without font faces that is how it would have to draw.
 */
const NO_FONT_DOCUMENT = {
  createElement: () => ({ sheet: { insertRule() {}, cssRules: [] }, remove() {} }),
  documentElement: { getElementsByTagName: () => [{ append() {} }] },
};

export async function openDocument(lib: PdfJs, bytes: Uint8Array): Promise<PdfDocument> {
  const task = lib.getDocument({
    // pdf.js may detach the buffer it is given; the caller keeps its own. A plain Uint8Array copy, since pdf.js
    // refuses Node's Buffer (whose slice() would also be a view, not a copy).
    data: new Uint8Array(bytes),
    disableFontFace: false,
    ownerDocument: NO_FONT_DOCUMENT,
    useSystemFonts: false,
    isEvalSupported: false,
    stopAtErrors: false,
    verbosity: 0,
    cMapUrl: CMAP_DIR,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_DIR,
    disableAutoFetch: true,
    disableStream: true,
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), OPEN_TIMEOUT_MS);
  });
  try {
    return await Promise.race([task.promise, timeout]);
  } catch (e) {
    await task.destroy().catch(() => undefined);
    if ((e as Error)?.name === 'PasswordException') throw ENCRYPTED();
    throw CORRUPT();
  } finally {
    clearTimeout(timer);
  }
}

/** A page drawing this many shapes without text is outlined text or a drawing, not a blank page. */
const MANY_SHAPES = 50;

/**
 * Whether a page without text shows something: an image (a scan), or many shapes (text turned into outlines). A blank
 * page paints at most a background and clipping paths.
 */
function paints(lib: PdfJs, list: OperatorListLike): boolean {
  const { OPS } = lib;
  const images = new Set<number>([
    OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat,
    OPS.paintInlineImageXObjectGroup, OPS.paintImageMaskXObjectGroup, OPS.paintImageMaskXObjectRepeat,
    OPS.paintSolidColorImageMask,
  ]);
  let shapes = 0;
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    if (images.has(fn)) return true;
    if (fn === OPS.constructPath && (list.argsArray[i] as unknown[])[0] !== OPS.endPath && ++shapes >= MANY_SHAPES) return true;
  }
  return false;
}

export interface PageRead extends PageContent {
  /** The page paints images or shapes (only looked at when it has no text). */
  painted: boolean;
}

export async function readPage(lib: PdfJs, doc: PdfDocument, pageNumber: number): Promise<PageRead> {
  const page = await doc.getPage(pageNumber);
  try {
    let viewport = page.getViewport({ scale: 1 });
    // Both walk the content stream; asked together, pdf.js overlaps their decompression waits (about 15% faster).
    // Without an operator list the page still has its text, only no rules.
    const operators = page.getOperatorList({ annotationMode: lib.AnnotationMode.DISABLE }).catch(() => undefined);
    const content = await page.getTextContent();
    const items = content.items.filter((i): i is typeof i & TextItemLike => 'str' in i && i.str.trim() !== '');
    // A page whose text mostly runs sideways (a landscape table turned on a portrait page) is read turned upright.
    const angle = dominantAngle(items, viewport.transform);
    if (angle) viewport = page.getViewport({ scale: 1, rotation: (page.rotate + 360 - angle) % 360 });
    const pieces = items.flatMap((item) => itemPieces(item, viewport.transform));
    const list = (await operators) as OperatorListLike | undefined;
    const segments = pieces.length && list ? rulingSegments(list, lib.OPS, viewport.transform) : [];
    return {
      page: pageNumber,
      width: viewport.width,
      height: viewport.height,
      pieces,
      segments,
      painted: pieces.length > 0 || (list ? paints(lib, list) : true),
    };
  } finally {
    page.cleanup();
  }
}

/** The text direction carrying most characters on the page. */
function dominantAngle(items: TextItemLike[], viewport: number[]): number {
  const weight = new Map<number, number>();
  for (const item of items) {
    const a = textAngle(item.transform, viewport);
    weight.set(a, (weight.get(a) ?? 0) + item.str.length);
  }
  let best = 0, most = -1;
  for (const [a, w] of weight) if (w > most) [best, most] = [a, w];
  return best;
}
