/**
 * Builders for the hostile inputs of issue 9, each small enough to write at test time. Shared by the reader tests
 * here and the pipeline's isolation tests: every attack the issue names is one function.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';
import { makeScratch, removeScratch, runIsolated } from '../../src/readers/external.ts';
import { docxWithBody, tbl, tc, tr } from '../fixtures/docx/builder.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** A one-page PDF whose content stream is `depth` nested `q` operators (1 KB deflated): pdf.js spins on it. */
export function nestedQPdf(depth = 100_000): Uint8Array {
  const content = deflateSync(Buffer.from('q '.repeat(depth)), { level: 9 });
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = parts[0].length;
  const push = (b: Buffer) => {
    parts.push(b);
    length += b.length;
  };
  objects.forEach((body, i) => {
    offsets.push(length);
    push(Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`));
  });
  offsets.push(length);
  push(Buffer.from(`4 0 obj\n<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`));
  push(content);
  push(Buffer.from('\nendstream\nendobj\n'));
  const xref = length;
  const entries = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  push(Buffer.from(`xref\n0 5\n0000000000 65535 f \n${entries}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

/** A text line of dashes (cubic for the old Markdown rule regex: 20 KB took more than 120 s). */
export function dashLine(length = 20_000): Uint8Array {
  return utf8(`${'-'.repeat(length)}x\n`);
}

/** A heading-like line of tabs and U+2028 (the old Markdown heading regex backtracked on it for minutes). */
export function tabLineSeparatorLine(length = 1_800): Uint8Array {
  return utf8(`#\ta${'\t'.repeat(length)}\u2028a\n`);
}

/** `《|` repeated on one line (the old "pipe inside a book title" regex was cubic on it). */
export function bookTitlePipeLine(repeat = 20_000): Uint8Array {
  return utf8(`${'《|'.repeat(repeat)}\n`);
}

/** 14 KB of `<td colspan=1000 rowspan=100000>` cells: billions of grid slots if the expansion is not capped. */
export function colspanBombHtml(rows = 300): Uint8Array {
  const row = '<tr><td colspan=1000 rowspan=100000>x</td></tr>';
  return utf8(`<!doctype html><html><body><p>表格</p><table>${row.repeat(rows)}</table></body></html>`);
}

/** A DOCX table of rows of `gridSpan=1000` cells, each cell a thousand grid columns. */
export function gridSpanBombDocx(rows = 400, cellsPerRow = 4): Uint8Array {
  const cell = tc('x', '<w:gridSpan w:val="1000"/>');
  return docxWithBody(tbl(Array.from({ length: rows }, () => tr(Array(cellsPerRow).fill(cell)))));
}

/** A DOCX table whose first row of wide cells is merged down through every following row (`vMerge`). */
export function vMergeBombDocx(rows = 2_000): Uint8Array {
  const wide = '<w:gridSpan w:val="1000"/>';
  const first = tr([tc('x', `${wide}<w:vMerge w:val="restart"/>`)]);
  const rest = tr([tc('', `${wide}<w:vMerge/>`)]);
  return docxWithBody(tbl([first, ...Array(rows).fill(rest)]));
}

/** RTF (LibreOffice converts it like a .doc) with an INCLUDEPICTURE field and a linked picture pointing at `url`. */
export function includePictureRtf(url: string): Uint8Array {
  return utf8(
    '{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times;}}\n' +
      `{\\field{\\*\\fldinst { INCLUDEPICTURE "${url}/field.png" \\\\* MERGEFORMAT \\\\d }}{\\fldrslt {}}}\n` +
      `{\\field{\\*\\fldinst { INCLUDETEXT "${url}/text.txt" }}{\\fldrslt {}}}\n` +
      '\\par 某局2024年政府信息公开工作年度报告\\par}\n',
  );
}

/** A text report whose agency line and body carry terminal escape sequences (clear screen, title, bell). */
export function escapeSequenceText(): Uint8Array {
  return utf8(
    '\x1b[2J\x1b]0;pwned\x07某局\x1b[31m2024年政府信息公开工作年度报告\x07\n' +
      '一、总体情况\n本年度\x1b[8m隐藏\x1b[0m公开工作稳步推进。\x07\n' +
      // Enough ordinary text that the few control characters do not make the file look binary.
      '本机关坚持以公开为常态、不公开为例外，依法依规做好政府信息公开工作。\n'.repeat(20),
  );
}

/** Flat ODF text with a linked (not embedded) image at `url`: LibreOffice fetches it when it loads the file. */
export function linkedImageFodt(url: string): Uint8Array {
  return utf8(
    '<?xml version="1.0" encoding="UTF-8"?>' +
      '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" ' +
      'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" ' +
      'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>' +
      '<text:p>某局2024年政府信息公开工作年度报告<draw:frame draw:name="i1" text:anchor-type="as-char" svg:width="2cm" svg:height="2cm">' +
      `<draw:image xlink:href="${url}/linked.png" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/></draw:frame></text:p>` +
      '</office:text></office:body></office:document>',
  );
}

/**
 * A legacy Word 97 .doc whose picture is an `INCLUDEPICTURE "url"` field, made by LibreOffice itself from
 * linkedImageFodt (run without network, so making it fetches nothing).
 */
export async function includePictureDoc(url: string): Promise<Uint8Array> {
  const dir = await makeScratch('xxgk-attack-');
  try {
    await writeFile(join(dir, 'linked.fodt'), linkedImageFodt(url));
    const args = [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore'];
    await runIsolated('soffice', [...args, '--convert-to', 'doc', '--outdir', dir, join(dir, 'linked.fodt')], { timeoutMs: 60_000 });
    return new Uint8Array(await readFile(join(dir, 'linked.doc')));
  } finally {
    await removeScratch(dir);
  }
}

/** A DOCX whose picture is linked, not embedded (`r:link`, relationship TargetMode="External"), plus a hyperlink. */
export function externalRelationshipDocx(url: string): Uint8Array {
  const rels =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${url}/linked.png" TargetMode="External"/>` +
    `<Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${url}/page" TargetMode="External"/>` +
    `<Relationship Id="rIdSub" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/subDocument" Target="${url}/sub.docx" TargetMode="External"/>` +
    '</Relationships>';
  const picture =
    '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="1" cy="1"/>' +
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
    '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill>' +
    '<a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:link="rIdImg"/></pic:blipFill></pic:pic>' +
    '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>';
  const body = `<w:p><w:r><w:t>某局2024年政府信息公开工作年度报告</w:t></w:r>${picture}</w:p>` +
    `<w:p><w:hyperlink xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdLink"><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:p>`;
  return docxWithBody(body, { documentRels: rels });
}

/** A PDF with text and a link annotation (URI action) and a launch/GoToR action pointing at `url`. */
export function uriLinkPdf(url: string): Uint8Array {
  const text = 'BT /F1 12 Tf 72 720 Td (Annual report 2024) Tj ET';
  return simplePdf([
    '<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /URI /URI (' + url + '/open) >> >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /Annots [6 0 R 7 0 R] >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Type /Annot /Subtype /Link /Rect [72 700 300 740] /A << /S /URI /URI (${url}/link) >> >>`,
    `<< /Type /Annot /Subtype /Link /Rect [72 600 300 640] /A << /S /GoToR /F << /FS /URL /F (${url}/remote.pdf) >> /D [0 /Fit] >> >>`,
  ]);
}

/** A PDF of the given object bodies (numbered from 1, the first the catalog), with a correct cross-reference table. */
function simplePdf(bodies: string[]): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets = bodies.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return utf8(out);
}

/** An HTML report whose images, style sheets, scripts, frames and prefetch hints all point at `url`. */
export function externalResourcesHtml(url: string): Uint8Array {
  return utf8(
    `<!doctype html><html><head><link rel="stylesheet" href="${url}/style.css"><link rel="prefetch" href="${url}/prefetch">` +
      `<script src="${url}/script.js"></script><meta http-equiv="refresh" content="0;url=${url}/refresh"></head><body>` +
      `<h1>某局2024年政府信息公开工作年度报告</h1><img src="${url}/image.png"><iframe src="${url}/frame"></iframe>` +
      `<p style="background:url(${url}/bg.png)">一、总体情况</p><object data="${url}/object"></object>` +
      `<table background="${url}/table.png"><tr><td>a</td><td><img srcset="${url}/srcset.png 2x">1</td></tr></table></body></html>`,
  );
}

/**
 * Found by `npm run fuzz` (seed 20261205, case 29382): a LibreOffice-printed PDF with six flipped bits on which
 * pdf.js spins on the main thread for good, like nestedQPdf. Only the pipeline's worker isolation can stop it.
 */
export function hangingFlippedPdf(): Uint8Array {
  return flipped('003_d20f3da8d3ab99e3.lo-html.pdf', [[11504, 1], [41639, 8], [55525, 1], [63542, 16], [100005, 4], [102982, 1]]);
}

/**
 * Found by `npm run fuzz` (seed 20261206, case 91-494, named .html: content decides the reader): another LibreOffice
 * PDF with eleven flipped bits on which pdf.js spins for good (still reading after 90 s).
 */
export function hangingFlippedPdf2(): Uint8Array {
  return flipped('000_f6478d7b7b0e6afc.lo.pdf', [
    [12856, 2], [27160, 1], [31510, 4], [38553, 2], [42539, 128], [47516, 2], [58780, 16], [77629, 128], [80197, 4],
    [84722, 16], [98929, 8],
  ]);
}

function flipped(name: string, flips: [number, number][]): Uint8Array {
  const bytes = new Uint8Array(readFileSync(join(FIXTURE_DIR, 'seeds-rendered', name)));
  for (const [at, mask] of flips) bytes[at] ^= mask;
  return bytes;
}
