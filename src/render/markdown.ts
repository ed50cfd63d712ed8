/**
 * Markdown: `#` title, `##` section headings, bold sub-headings, and pipe tables with a `|---|` rule under the first
 * row; spans are expanded into empty cells so every row has the same number of cells, as Markdown converters do.
 */
import { fullRows } from './flatten.ts';
import { outline } from './outline.ts';
import type { ReportData } from './types.ts';

const pipeRow = (cells: string[]) => `| ${cells.join(' | ')} |`;

export function renderMarkdown(report: ReportData): string {
  const out: string[] = [];
  for (const block of outline(report)) {
    switch (block.kind) {
      case 'title':
        out.push(`# ${block.text}`, '');
        break;
      case 'heading':
        out.push(`## ${block.text}`, '');
        break;
      case 'subheading':
        out.push(`**${block.text}**`, '');
        break;
      case 'paragraph':
        out.push(block.text, '');
        break;
      case 'table': {
        const [head, ...body] = fullRows(block.grid).map((row) => row.map((c) => c.text));
        out.push(pipeRow(head), pipeRow(head.map(() => '---')), ...body.map(pipeRow), '');
        break;
      }
      case 'signature':
        out.push(...block.lines.flatMap((l) => [l, '']));
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
