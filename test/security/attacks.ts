/**
 * Builders for the hostile inputs of issue 9, each small enough to write at test time. Shared by the reader tests
 * here and the pipeline's isolation tests: every attack the issue names is one function.
 */
import { deflateSync } from 'node:zlib';
import { docxWithBody, tbl, tc, tr } from '../fixtures/docx/builder.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

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
      '一、总体情况\n本年度\x1b[8m隐藏\x1b[0m公开工作稳步推进。\x07\n',
  );
}
