/**
 * Turning rendered HTML into the binary files reports are published as: PDF printed by Chromium, PDF and DOCX
 * converted by LibreOffice, and qpdf to pack Chromium's output. Used by the fixture builds (test/fixtures/pdf and
 * seeds-rendered) and the benchmark (bench/cases.ts). Needs Debian's chromium, fonts-noto-cjk,
 * libreoffice-writer-nogui and qpdf; nothing here runs during tests.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';

const run = promisify(execFile);

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run',
];

/** One headless Chromium for many prints (launching takes about a second). */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface PrintOptions {
  landscape?: boolean;
  /** "- N -" page numbers in the footer, as many published PDFs have. */
  pageNumbers?: boolean;
}

/** Prints an HTML page to an A4 PDF the way a browser's "save as PDF" does. */
export async function printToPdf(browser: Browser, html: string, options: PrintOptions = {}): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    const font = 'font-family:\'Noto Sans CJK SC\'';
    const pdf = await page.pdf({
      format: 'A4',
      landscape: options.landscape ?? false,
      margin: { top: '2.2cm', bottom: '2cm', left: '2cm', right: '2cm' },
      printBackground: true,
      displayHeaderFooter: options.pageNumbers ?? false,
      headerTemplate: '<span></span>',
      footerTemplate: options.pageNumbers
        ? `<div style="font-size:10px;width:100%;text-align:center;${font}">- <span class="pageNumber"></span> -</div>`
        : '<span></span>',
    });
    return new Uint8Array(pdf);
  } finally {
    await page.close();
  }
}

/**
 * Chromium embeds Noto CJK as many small Type 3 fonts with verbose dictionaries; packing objects into compressed
 * object streams roughly halves the file without touching page content, fonts or the text layer.
 */
export async function compactPdf(pdf: Uint8Array): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'xxgk-qpdf-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdf);
    await run('qpdf', [
      '--object-streams=generate', '--compress-streams=y', '--recompress-flate', '--compression-level=9',
      join(dir, 'in.pdf'), join(dir, 'out.pdf'),
    ]);
    return new Uint8Array(await readFile(join(dir, 'out.pdf')));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export type LibreOfficeTarget = 'pdf' | 'docx';

const FILTERS: Record<LibreOfficeTarget, string> = {
  pdf: 'pdf:writer_pdf_Export',
  docx: 'docx:MS Word 2007 XML',
};

/** A document for LibreOffice to convert: HTML text or the bytes of a .docx. */
export type OfficeInput = { html: string } | { docx: Uint8Array };

/**
 * Converts documents with one LibreOffice run (its start-up costs seconds, each file then well under one). HTML is
 * imported into Writer proper, not Writer/Web, as a Word file would be: A4 pages, table rows that break across pages.
 * A private profile keeps the run independent of any user's LibreOffice. Returns bytes in input order.
 */
export async function libreOfficeConvert(docs: OfficeInput[], target: LibreOfficeTarget): Promise<Uint8Array[]> {
  const dir = await mkdtemp(join(tmpdir(), 'xxgk-lo-'));
  try {
    const inputs = await Promise.all(docs.map(async (doc, i) => {
      const path = join(dir, `r${String(i).padStart(5, '0')}${'html' in doc ? '.html' : '.docx'}`);
      await writeFile(path, 'html' in doc ? doc.html : doc.docx);
      return path;
    }));
    const out = join(dir, 'out');
    const convert = (files: string[], filter: string[]) => run('soffice', [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless', ...filter, '--convert-to', FILTERS[target], '--outdir', out, ...files,
    ], { timeout: 60_000 + 10_000 * files.length, maxBuffer: 16 * 2 ** 20 });
    const html = inputs.filter((f) => f.endsWith('.html'));
    const docx = inputs.filter((f) => f.endsWith('.docx'));
    if (html.length) await convert(html, ['--infilter=HTML (StarWriter)']);
    if (docx.length) await convert(docx, []);
    const made = new Set(await readdir(out));
    return Promise.all(inputs.map(async (input) => {
      const name = basename(input).replace(/\.\w+$/, `.${target}`);
      if (!made.has(name)) throw new Error(`LibreOffice did not convert ${basename(input)}`);
      return new Uint8Array(await readFile(join(out, name)));
    }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
