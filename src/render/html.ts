/**
 * The report as a complete HTML page in the official statutory layout: the tables with rowspan/colspan exactly as
 * the template prints them, headings and paragraphs in reading order, print-ready CSS (A4, ruled tables, rows kept
 * whole across pages). Used for authoring, for printing to PDF, and as the cleanest HTML input.
 */
import type { GridCell, TableGrid } from './grid.ts';
import { outline, reportTitle } from './outline.ts';
import type { ReportData } from './types.ts';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function spanAttrs(cell: GridCell): string {
  return `${cell.rowSpan && cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan && cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
}

/** Column widths in per cent: label columns wide enough for the template's labels, value columns even. */
function colgroup(grid: TableGrid): string {
  const labelWidths = { table2: [34], table3: [8, 12, 36], table4: [] }[grid.table.id];
  const rest = (100 - labelWidths.reduce((a, b) => a + b, 0)) / (grid.width - labelWidths.length);
  const widths = [...labelWidths, ...Array(grid.width - labelWidths.length).fill(rest)];
  return `  <colgroup>${widths.map((w) => `<col style="width:${Number(w.toFixed(2))}%">`).join('')}</colgroup>\n`;
}

/** A statutory table; `inner` writes a cell's content (page scrapes wrap it in Word's paragraph markup). */
export function htmlTable(grid: TableGrid, attrs: string, inner: (cell: GridCell) => string = (c) => escapeHtml(c.text)): string {
  const rows = grid.rows.map((cells) => {
    const tds = cells.map((c) => {
      const tag = c.role === 'header' ? 'th' : 'td';
      const cls = c.role === 'label' ? ' class="label"' : c.role === 'value' ? ' class="value"' : '';
      return `<${tag}${spanAttrs(c)}${cls}>${inner(c)}</${tag}>`;
    });
    return `    <tr>${tds.join('')}</tr>`;
  });
  return `<table ${attrs}>\n${colgroup(grid)}  <tbody>\n${rows.join('\n')}\n  </tbody>\n</table>`;
}

const STYLE = `
  @page { size: A4; margin: 25mm 20mm; }
  body { margin: 0; background: #fff; color: #000; }
  main { max-width: 170mm; margin: 0 auto; padding: 12mm 0; font: 16px/1.8 "FangSong", "仿宋", "Noto Serif CJK SC", serif; }
  h1 { font: bold 22px/1.5 "SimSun", "宋体", "Noto Serif CJK SC", serif; text-align: center; margin: 0 0 1.2em; }
  h2 { font: bold 16px/1.8 "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; margin: 1em 0 0.3em; }
  h3 { font: bold 16px/1.8 "KaiTi", "楷体", "Noto Serif CJK SC", serif; margin: 0.3em 0 0; text-indent: 2em; }
  p { margin: 0; text-indent: 2em; }
  table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1em; font: 13px/1.5 "SimSun", "宋体", "Noto Serif CJK SC", serif; }
  th, td { border: 1px solid #000; padding: 3px 4px; text-align: center; vertical-align: middle; }
  th { font-weight: normal; background: #f2f2f2; }
  td.label { text-align: left; }
  td.value { white-space: nowrap; font-variant-numeric: tabular-nums; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  .signature { margin-top: 2em; text-align: right; }
  .signature p { text-indent: 0; }
  @media print { th { background: none; } }
`;

/** The report body (title to signature) as HTML elements. */
function reportBody(report: ReportData): string {
  const out: string[] = [];
  for (const block of outline(report)) {
    switch (block.kind) {
      case 'title':
        out.push(`<h1>${escapeHtml(block.text)}</h1>`);
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
