/**
 * A report as agencies publish it in Word, built with the `docx` library from the same outline and table grids as the
 * HTML layout, on the GB/T 9704 page (page.ts): A4 with its margins, 22 lines of 三号 仿宋_GB2312, the title in 二号
 * 小标宋 centred, headings in 黑体 and 楷体, page numbers "— N —" in the footer. The statutory tables keep the
 * template's merges (w:vMerge, w:gridSpan), fixed column widths that keep labels readable, header rows repeated on
 * every page the table runs over, and no row split across pages. The font table names a fallback for each font
 * (仿宋_GB2312 → 仿宋), which Word uses on machines without the standard's fonts.
 */
import {
  AlignmentType, Document, Footer, HeadingLevel, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell,
  TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType,
} from 'docx';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import { occupancy } from './flatten.ts';
import { columnWidths, type GridCell, type TableGrid } from './grid.ts';
import { outline } from './outline.ts';
import { FONTS, LINE_PT, MARGIN_MM, PAGE_MM, SIZE_PT, titleLines } from './page.ts';
import type { ReportData } from './types.ts';

const twips = (mm: number) => Math.round((mm / 25.4) * 1440);
const TEXT_WIDTH = twips(PAGE_MM.width - MARGIN_MM.left - MARGIN_MM.right);
/** docx sizes are in half-points. */
const half = (pt: number) => Math.round(pt * 2);
/** Two characters of 三号: the first-line indent of a paragraph. */
const INDENT = 2 * SIZE_PT.body * 20;
const LINE = { line: Math.round(LINE_PT * 20), lineRule: LineRuleType.EXACT };

const font = (family: readonly string[]) => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: family[0] });

/** A run of text; `lineBreak` starts it on a new line of the same paragraph. */
function run(text: string, family: readonly string[], pt: number, lineBreak = false): TextRun {
  return new TextRun({ text, font: font(family), size: half(pt), color: '000000', ...(lineBreak && { break: 1 }) });
}

function cell(c: GridCell, width: number): TableCell {
  return new TableCell({
    rowSpan: c.rowSpan,
    columnSpan: c.colSpan,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 57, right: 57, top: 20, bottom: 20 },
    children: [new Paragraph({
      alignment: c.role === 'label' ? AlignmentType.LEFT : AlignmentType.CENTER,
      spacing: { line: 240, lineRule: LineRuleType.AUTO },
      children: [run(c.text, FONTS.table, SIZE_PT.table)],
    })],
  });
}

/**
 * A statutory table: fixed widths (a merged cell gets the sum of its columns), header rows repeated and kept with the
 * row below them (so are table 二's clause rows), rows whole.
 */
function table(grid: TableGrid): Table {
  const widths = columnWidths(grid).map((w) => Math.floor((TEXT_WIDTH * w) / 100));
  const slots = occupancy(grid);
  const rows = grid.rows.map((cells, r) => {
    const starts = cells.map((c) => slots[r].findIndex((s) => s?.cell === c));
    return new TableRow({
      cantSplit: true,
      tableHeader: r < grid.headerRows,
      keepNext: cells.every((c) => c.role === 'header') || undefined,
      children: cells.map((c, i) => cell(c, widths.slice(starts[i], starts[i] + (c.colSpan ?? 1)).reduce((a, b) => a + b, 0))),
    });
  });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows,
  });
}

/** A body paragraph; one that introduces a table ("…情况见下表。") stays on the table's page. */
const bodyParagraph = (text: string, family: readonly string[] = FONTS.body, keepNext = false) =>
  new Paragraph({ indent: { firstLine: INDENT }, spacing: LINE, keepNext: keepNext || undefined, children: [run(text, family, SIZE_PT.body)] });

function blocks(report: ReportData): (Paragraph | Table)[] {
  const children: (Paragraph | Table)[] = [];
  const all = outline(report);
  all.forEach((block, i) => {
    switch (block.kind) {
      case 'title':
        children.push(new Paragraph({
          heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { ...LINE, after: Math.round(LINE_PT * 20) },
          children: titleLines(block.text, report.agency).map((line, n) => run(line, FONTS.title, SIZE_PT.title, n > 0)),
        }));
        break;
      case 'heading':
        children.push(new Paragraph({
          heading: HeadingLevel.HEADING_1, indent: { firstLine: INDENT }, spacing: LINE, keepNext: true,
          children: [run(block.text, FONTS.heading, SIZE_PT.body)],
        }));
        break;
      case 'subheading':
        children.push(bodyParagraph(block.text, FONTS.subheading));
        break;
      case 'paragraph':
        children.push(bodyParagraph(block.text, FONTS.body, all[i + 1]?.kind === 'table'));
        break;
      case 'table':
        children.push(table(block.grid), new Paragraph({ spacing: LINE, children: [] }));
        break;
      case 'signature':
        children.push(new Paragraph({ spacing: LINE, children: [] }), ...block.lines.map((l) => new Paragraph({
          alignment: AlignmentType.RIGHT, indent: { right: INDENT }, spacing: LINE, children: [run(l, FONTS.body, SIZE_PT.body)],
        })));
    }
  });
  return children;
}

const pageNumberFooter = () => new Footer({
  children: [new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONTS.table), size: half(SIZE_PT.pageNumber) })],
  })],
});

function reportDocument(report: ReportData): Document {
  // Word's built-in Title and Heading 1 are coloured and sized; the report's are black and sized by the standard.
  const plain = { run: { color: '000000' }, paragraph: { spacing: { before: 0, after: 0 } } };
  return new Document({
    creator: 'xxgk',
    styles: { default: { title: plain, heading1: plain } },
    sections: [{
      properties: {
        page: {
          size: { width: twips(PAGE_MM.width), height: twips(PAGE_MM.height) },
          margin: {
            top: twips(MARGIN_MM.top), bottom: twips(MARGIN_MM.bottom), left: twips(MARGIN_MM.left), right: twips(MARGIN_MM.right),
            footer: twips(MARGIN_MM.bottom - 7 - 8),
          },
        },
      },
      footers: { default: pageNumberFooter() },
      children: blocks(report),
    }],
  });
}

/** The font table: each standard font with the name Word falls back to where it is missing (GB2312 character set). */
function withFontFallbacks(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  const path = 'word/fontTable.xml';
  const entries = Object.values(FONTS).map(([name, alt]) =>
    `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`).join('');
  const xml = strFromU8(files[path]);
  const end = xml.indexOf('>', xml.indexOf('<w:fonts'));
  const empty = xml[end - 1] === '/'; // <w:fonts .../> has no </w:fonts> to insert before
  files[path] = strToU8(empty ? `${xml.slice(0, end - 1)}>${entries}</w:fonts>${xml.slice(end + 1)}` : xml.replace('</w:fonts>', `${entries}</w:fonts>`));
  return zipSync(files);
}

/** The report as .docx bytes. */
export async function renderDocx(report: ReportData): Promise<Uint8Array> {
  return withFontFallbacks(new Uint8Array(await Packer.toBuffer(reportDocument(report))));
}
