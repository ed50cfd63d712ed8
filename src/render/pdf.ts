/**
 * The report as an A4 PDF: the statutory HTML page (html.ts) printed by headless Chromium through playwright-core, as
 * a browser's "save as PDF" does, on the GB/T 9704 page (page.ts): Chromium embeds the subset of each font it uses,
 * keeps table rows whole and repeats a table's <thead> on every page it runs over. Needs the system's Chromium (Debian: `chromium`, at /usr/bin/chromium) and CJK fonts
 * (`fonts-noto-cjk`); nothing is downloaded. The page runs no script and loads nothing from the network.
 */
import type { Browser } from 'playwright-core';
import { renderHtml } from './html.ts';
import { MARGIN_MM, SIZE_PT } from './page.ts';
import type { ReportData } from './types.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run',
];

/** One headless Chromium for many prints (launching takes about a second). */
export async function launchChromium(executablePath = CHROMIUM_PATH): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export interface PrintOptions {
  landscape?: boolean;
  /** "— N —" page numbers in the footer, as GB/T 9704 places them. */
  pageNumbers?: boolean;
}

/** Prints an HTML page to an A4 PDF; the page's scripts do not run and nothing is fetched. */
export async function printToPdf(browser: Browser, html: string, options: PrintOptions = {}): Promise<Uint8Array> {
  const page = await browser.newPage({ javaScriptEnabled: false });
  try {
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    const font = `font-family:'Noto Serif CJK SC';font-size:${SIZE_PT.pageNumber}pt`;
    const pdf = await page.pdf({
      format: 'A4',
      landscape: options.landscape ?? false,
      margin: { top: `${MARGIN_MM.top}mm`, bottom: `${MARGIN_MM.bottom}mm`, left: `${MARGIN_MM.left}mm`, right: `${MARGIN_MM.right}mm` },
      printBackground: true,
      displayHeaderFooter: options.pageNumbers ?? false,
      headerTemplate: '<span></span>',
      footerTemplate: options.pageNumbers
        ? `<div style="width:100%;text-align:center;margin-bottom:12mm;${font}">— <span class="pageNumber"></span> —</div>`
        : '<span></span>',
    });
    return new Uint8Array(pdf);
  } finally {
    await page.close();
  }
}

export interface PdfOptions extends PrintOptions {
  /** A browser to print with (kept open); without one, Chromium is launched for this report and closed after. */
  browser?: Browser;
}

/**
 * The report as .pdf bytes, with page numbers.
 *
 * @example
 *   await writeFile('报告.pdf', await renderPdf(report));
 */
export async function renderPdf(report: ReportData, options: PdfOptions = {}): Promise<Uint8Array> {
  const browser = options.browser ?? await launchChromium();
  try {
    return await printToPdf(browser, renderHtml(report), { pageNumbers: true, ...options });
  } finally {
    if (!options.browser) await browser.close();
  }
}
