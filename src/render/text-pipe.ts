/** Rows written `a | b | c` without outer pipes, as some converters and hand-made text dumps do; cells as Word copies them. */
import { wordRows } from './flatten.ts';
import { outline } from './outline.ts';
import type { ReportData } from './types.ts';

export function renderTextPipe(report: ReportData): string {
  const out: string[] = [];
  for (const block of outline(report)) {
    if (block.kind === 'table') {
      for (const row of wordRows(block.grid)) out.push(row.map((c) => c.text).join(' | '));
      out.push('');
    } else if (block.kind === 'signature') out.push(...block.lines);
    else out.push(block.text, '');
  }
  return `${out.join('\n')}\n`;
}
