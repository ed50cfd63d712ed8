/**
 * Tab-separated text, as Word saves a report "as plain text" (seeds 000, 004): prose paragraphs separated by blank
 * lines, table rows one per line with every grid slot a cell (the three label columns of table 三 included) and a
 * trailing tab.
 */
import { fullRows } from './flatten.ts';
import { outline } from './outline.ts';
import type { ReportData } from './types.ts';

export function renderTextTab(report: ReportData): string {
  const out: string[] = [''];
  for (const block of outline(report)) {
    if (block.kind === 'table') {
      for (const row of fullRows(block.grid)) out.push(`${row.map((c) => c.text).join('\t')}\t`);
      out.push('');
    } else if (block.kind === 'signature') out.push(...block.lines);
    else out.push(block.text, '');
  }
  return `${out.join('\n')}\n`;
}
