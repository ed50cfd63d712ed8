/**
 * One cell per line indented by a tab, rows separated by blank lines (seed 003, a Word table pasted as text). Merged
 * cells appear once, a vertically merged cell leaves an empty `\t` line below it, and four-character column headers
 * wrap onto a second, unindented line ("商业" / "企业") as they do in a narrow Word column.
 */
import { wordRows, type FlatCell } from './flatten.ts';
import { outline } from './outline.ts';
import type { ReportData } from './types.ts';

function cellLines(cell: FlatCell, wrapHeaders: boolean): string {
  const text = cell.text;
  if (wrapHeaders && cell.role === 'header' && text.length === 4 && /^\p{Script=Han}+$/u.test(text)) {
    return `\t${text.slice(0, 2)}\n${text.slice(2)}`;
  }
  return `\t${text}`;
}

export function renderTextCells(report: ReportData): string {
  const out: string[] = [];
  for (const block of outline(report)) {
    if (block.kind === 'table') {
      const wrap = block.grid.table.id === 'table3';
      for (const row of wordRows(block.grid)) out.push(row.map((c) => cellLines(c, wrap)).join('\n'), '');
      out.push('');
    } else if (block.kind === 'signature') out.push(...block.lines);
    else out.push(block.text, '');
  }
  return `${out.join('\n')}\n`;
}
