/**
 * Pictures of the report the ledger writes, for a person to look at: the 2025 report built from the generated
 * two-year ledger (test/ledger/generate.ts), rendered to DOCX and to PDF; the DOCX converted to PDF by LibreOffice
 * headless as Word would print it; every page rasterised with pdftoppm to
 *   test-results/screenshots/author-docx-p1.png …  (the Word file as LibreOffice lays it out)
 *   test-results/screenshots/author-pdf-p1.png …   (the PDF printed by Chromium)
 * and the fonts each PDF embeds listed with pdffonts. Needs chromium, fonts-noto-cjk, LibreOffice and poppler-utils.
 *
 *   node --import tsx bench/author-screens.ts
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chineseCalendar } from '../src/ledger/calendar.ts';
import { renderDocx } from '../src/render/docx.ts';
import { reportData } from '../src/render/exports.ts';
import { renderPdf } from '../src/render/pdf.ts';
import { generatedYears } from '../test/ledger/generate.ts';
import { libreOfficeConvert } from '../test/support/office.ts';

const run = promisify(execFile);
const OUT = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));
// LibreOffice shows the standard's font names in the Noto CJK faces closest to them (see the file).
process.env.FONTCONFIG_FILE = fileURLToPath(new URL('fonts.conf', import.meta.url));

const calendar = chineseCalendar([]);
const { y2025: built } = generatedYears(calendar);
console.log(`2025年度报告：${built.final ? '可定稿' : `不可定稿（${built.blocking.map((b) => b.zh).join('；')}）`}`);
const data = reportData(built.report)!;

const docx = await renderDocx(data);
const pdf = await renderPdf(data);
const [docxPdf] = await libreOfficeConvert([{ docx }], 'pdf');

mkdirSync(OUT, { recursive: true });
for (const f of readdirSync(OUT).filter((f) => /^author-(docx|pdf)-p\d+\.png$/.test(f))) rmSync(join(OUT, f));
const work = mkdtempSync(join(tmpdir(), 'xxgk-screens-'));
try {
  writeFileSync(join(OUT, 'author.docx'), docx);
  for (const [name, bytes] of [['docx', docxPdf], ['pdf', pdf]] as const) {
    const file = join(work, `${name}.pdf`);
    writeFileSync(file, bytes);
    const fonts = (await run('pdffonts', [file])).stdout.split('\n').slice(2).filter((l) => l.trim());
    const embedded = fonts.filter((l) => l.trim().split(/\s+/).at(-5) === 'yes');
    const names = [...new Set(fonts.map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, '')))];
    console.log(`${name}：${fonts.length}个字体，已嵌入${embedded.length}个（${names.join('、')}）`);
    await run('pdftoppm', ['-png', '-r', '70', file, join(work, name)]);
    const pages = readdirSync(work).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')).sort();
    pages.forEach((page, i) => {
      const target = join(OUT, `author-${name}-p${i + 1}.png`);
      writeFileSync(target, readFileSync(join(work, page)));
      console.log(target);
    });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
