/**
 * The report as a complete HTML page in the official statutory layout: the tables with rowspan/colspan exactly as
 * the template prints them, headings and paragraphs in reading order, print-ready CSS (A4, ruled tables, rows kept
 * whole across pages). Used for authoring, for printing to PDF, and as the cleanest HTML input.
 */
import { columnWidths, type GridCell, type TableGrid } from './grid.ts';
import { outline, reportTitle } from './outline.ts';
import { FONTS, LINE_PT, MARGIN_MM, SIZE_PT, titleLines } from './page.ts';
import type { ReportData } from './types.ts';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function spanAttrs(cell: GridCell): string {
  return `${cell.rowSpan && cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan && cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
}

function colgroup(grid: TableGrid): string {
  return `  <colgroup>${columnWidths(grid).map((w) => `<col style="width:${Number(w.toFixed(2))}%">`).join('')}</colgroup>\n`;
}

/**
 * A statutory table; `inner` writes a cell's content (page scrapes wrap it in Word's paragraph markup). The column
 * headers go in <thead>, which a browser repeats at the top of every printed page the table runs over.
 */
export function htmlTable(grid: TableGrid, attrs: string, inner: (cell: GridCell) => string = (c) => escapeHtml(c.text)): string {
  const rows = grid.rows.map((cells) => {
    const tds = cells.map((c) => {
      const tag = c.role === 'header' ? 'th' : 'td';
      const cls = c.role === 'label' ? ' class="label"' : c.role === 'value' ? ' class="value"' : '';
      return `<${tag}${spanAttrs(c)}${cls}>${inner(c)}</${tag}>`;
    });
    return `    <tr>${tds.join('')}</tr>`;
  });
  const head = rows.slice(0, grid.headerRows);
  const body = rows.slice(grid.headerRows);
  const thead = head.length ? `  <thead>\n${head.join('\n')}\n  </thead>\n` : '';
  return `<table ${attrs}>\n${colgroup(grid)}${thead}  <tbody>\n${body.join('\n')}\n  </tbody>\n</table>`;
}

/** A CSS font stack: the standard's names, then the Noto CJK family a Linux machine has. */
const stack = (names: readonly string[], fallback: string) => [...names, fallback].map((n) => `"${n}"`).join(', ');
const SERIF = 'Noto Serif CJK SC';
const SANS = 'Noto Sans CJK SC';
const FONT = {
  title: `${stack(FONTS.title, SERIF)}, serif`,
  body: `${stack(FONTS.body, SERIF)}, serif`,
  heading: `${stack(FONTS.heading, SANS)}, sans-serif`,
  subheading: `${stack(FONTS.subheading, SERIF)}, serif`,
  table: `${stack(FONTS.table, SERIF)}, serif`,
};
const { top, right, bottom, left } = MARGIN_MM;

/** On screen a readable page; in print the GB/T 9704 page (page.ts), tables whole by row, headers on every page. */
const STYLE = `
  @page { size: A4; margin: ${top}mm ${right}mm ${bottom}mm ${left}mm; }
  body { margin: 0; background: #fff; color: #000; }
  main { max-width: 170mm; margin: 0 auto; padding: 12mm 0; font: 16px/1.8 ${FONT.body}; }
  h1 { font: bold 22px/1.5 ${FONT.title}; text-align: center; margin: 0 0 1.2em; }
  h2 { font: bold 16px/1.8 ${FONT.heading}; margin: 1em 0 0.3em; }
  h3 { font: bold 16px/1.8 ${FONT.subheading}; margin: 0.3em 0 0; text-indent: 2em; }
  p { margin: 0; text-indent: 2em; }
  table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1em; font: 13px/1.5 ${FONT.table}; }
  th, td { border: 1px solid #000; padding: 3px 4px; text-align: center; vertical-align: middle; }
  th { font-weight: normal; background: #f2f2f2; }
  td.label { text-align: left; }
  td.value { white-space: nowrap; font-variant-numeric: tabular-nums; }
  thead { display: table-header-group; }
  /* Rows are kept whole by keeping their cells whole: on a row, Chromium would also keep every row a rowspan crosses
     together, moving table 三's whole outcome block to the next page. */
  td, thead th { break-inside: avoid; page-break-inside: avoid; }
  .signature { margin-top: 2em; text-align: right; }
  .signature p { text-indent: 0; }
  @media print {
    main { max-width: none; padding: 0; font-size: ${SIZE_PT.body}pt; line-height: ${LINE_PT}pt; }
    h1 { font-size: ${SIZE_PT.title}pt; line-height: 1.5; margin: 0 0 ${LINE_PT}pt; }
    h2, h3 { font-size: ${SIZE_PT.body}pt; line-height: ${LINE_PT}pt; margin: 0; }
    h2 { font-weight: normal; text-indent: 2em; break-after: avoid; }
    h3, p:has(+ table) { break-after: avoid; }
    table { font-size: ${SIZE_PT.table}pt; line-height: 1.35; margin: 0.4em 0 0.8em; }
    th, td { padding: 1.5pt 2pt; }
    th { background: none; }
    .signature { margin-top: ${LINE_PT}pt; padding-right: 2em; }
  }
`;

/** The report body (title to signature) as HTML elements. */
function reportBody(report: ReportData): string {
  const out: string[] = [];
  for (const block of outline(report)) {
    switch (block.kind) {
      case 'title':
        out.push(`<h1>${titleLines(block.text, report.agency).map(escapeHtml).join('<br>')}</h1>`);
        break;
      case 'heading':
        out.push(`<h2>${escapeHtml(block.text)}</h2>`);
        break;
      case 'subheading':
        out.push(`<h3>${escapeHtml(block.text)}</h3>`);
        break;
      case 'paragraph':
        out.push(`<p>${escapeHtml(block.text)}</p>`);
        break;
      case 'table':
        out.push(htmlTable(block.grid, `class="statutory ${block.grid.table.id}"`));
        break;
      case 'signature':
        out.push(`<div class="signature">${block.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</div>`);
    }
  }
  return out.join('\n');
}

export function renderHtml(report: ReportData): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(reportTitle(report))}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${reportBody(report)}
</main>
</body>
</html>
`;
}
