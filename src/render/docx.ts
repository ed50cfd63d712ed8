/**
 * A report as Word writes it, built with the `docx` library from the same outline and table grids as the HTML
 * layout: title, headings, paragraphs, and the statutory tables with vertical merges (w:vMerge) and horizontal ones
 * (w:gridSpan) where the template has them.
 */
import {
  AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign,
  WidthType,
} from 'docx';
import type { GridCell, TableGrid } from './grid.ts';
import { outline } from './outline.ts';
import type { ReportData } from './types.ts';

const FONT = { ascii: 'Times New Roman', eastAsia: '仿宋_GB2312', hAnsi: 'Times New Roman' };
const TABLE_FONT = { ascii: 'Times New Roman', eastAsia: '宋体', hAnsi: 'Times New Roman' };

function cell(c: GridCell): TableCell {
  return new TableCell({
    rowSpan: c.rowSpan,
    columnSpan: c.colSpan,
    verticalAlign: VerticalAlign.CENTER,
    children: [new Paragraph({
      alignment: c.role === 'label' ? AlignmentType.LEFT : AlignmentType.CENTER,
      children: [new TextRun({ text: c.text, font: TABLE_FONT, size: 20 })],
    })],
  });
}

function table(grid: TableGrid): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: grid.rows.map((cells) => new TableRow({ cantSplit: true, children: cells.map(cell) })),
  });
}

const text = (t: string, bold = false) => new TextRun({ text: t, font: FONT, size: 32, bold });

function reportDocument(report: ReportData): Document {
  const children: (Paragraph | Table)[] = [];
  for (const block of outline(report)) {
    switch (block.kind) {
      case 'title':
        children.push(new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: block.text, size: 44 })] }));
        break;
      case 'heading':
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: block.text, size: 32 })] }));
        break;
      case 'subheading':
        children.push(new Paragraph({ indent: { firstLine: 640 }, children: [text(block.text, true)] }));
        break;
      case 'paragraph':
        children.push(new Paragraph({ indent: { firstLine: 640 }, children: [text(block.text)] }));
        break;
      case 'table':
        children.push(table(block.grid), new Paragraph({}));
        break;
      case 'signature':
        children.push(...block.lines.map((l) => new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(l)] })));
    }
  }
  return new Document({ creator: 'xxgk', sections: [{ children }] });
}

/** The report as .docx bytes. */
export async function renderDocx(report: ReportData): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(reportDocument(report)));
}
