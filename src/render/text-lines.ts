/**
 * One cell per line with a blank line between every two lines (seed 002, text copied from a web page or a PDF
 * viewer). Empty cells leave nothing behind, so blank cells cannot be told from missing ones in this layout.
 */
import { wordRows } from './flatten.ts';
import { outline } from './outline.ts';
import type { ReportData } from './types.ts';

export function renderTextLines(report: ReportData): string {
  const lines: string[] = [];
  for (const block of outline(report)) {
    if (block.kind === 'table') {
      for (const row of wordRows(block.grid)) lines.push(...row.map((c) => c.text).filter(Boolean));
    } else if (block.kind === 'signature') lines.push(...block.lines);
    else lines.push(block.text);
  }
  return `${lines.join('\n\n')}\n`;
}
