/**
 * Turning rendered HTML into the binary files reports are published as: PDF printed by Chromium (src/render/pdf.ts),
 * PDF and DOCX converted by LibreOffice, and qpdf to pack Chromium's output. Used by the fixture builds (test/fixtures/pdf and
 * seeds-rendered) and the benchmark (bench/cases.ts). Needs Debian's chromium, fonts-noto-cjk,
 * libreoffice-writer-nogui and qpdf; nothing here runs during tests.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export { launchChromium, printToPdf, type PrintOptions } from '../../src/render/pdf.ts';

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
