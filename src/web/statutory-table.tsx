/**
 * A statutory table as the template prints it (src/render/grid.ts: merged headers, label rows), with header cells
 * scoped for screen readers and every cell a finding names highlighted: focusable, its messages shown on hover and
 * focus, and tied to the finding list by aria-describedby.
 */
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { GridCell, TableGrid } from '../render/grid.ts';
import { placeWords } from '../document/finding.ts';
import type { CellProvenance } from '../report/types.ts';
import { cellTone, type Noted } from './cell-notes.ts';

const STATUS_MARK = { recovered: ['*', '由勾稽关系推算'], unknown: ['?', '无法读取'], text: ['文', '原文为文字'] } as const;

function scopeOf(cell: GridCell, rowHasValues: boolean): string {
  if (cell.role === 'label') return 'row';
  if (rowHasValues) return (cell.rowSpan ?? 1) > 1 ? 'rowgroup' : 'row';
  return (cell.colSpan ?? 1) > 1 ? 'colgroup' : 'col';
}

function ValueCell(props: { cell: GridCell; notes?: Noted[]; provenance?: CellProvenance }) {
  const { cell, notes, provenance } = props;
  const mark = provenance?.status ? STATUS_MARK[provenance.status] : undefined;
  const where = provenance && 'medium' in provenance && provenance.medium ? placeWords(provenance) : '';
  const cls = ['value'];
  let tip: string | undefined;
  if (notes?.length) {
    cls.push('flagged', `tone-${cellTone(notes)}`);
    if (notes.some((n) => n.primary)) cls.push('primary');
    tip = [where && `原文${where}`, ...notes.map((n) => n.view.finding.message)].filter(Boolean).join('\n');
  }
  return (
    <td
      class={cls.join(' ')}
      data-cell={cell.key}
      tabindex={notes?.length ? 0 : undefined}
      data-tip={tip}
      aria-describedby={notes?.length ? notes.map((n) => `f-${n.index}`).join(' ') : undefined}
      title={!notes?.length && where ? `原文${where}` : undefined}
    >
      {cell.text}
      {mark && (
        <abbr class="status" title={mark[1]}>
          {mark[0]}
        </abbr>
      )}
    </td>
  );
}

/** `valueCell` draws the value cells another way (the year-over-year page); by default a report's cells with notes. */
export function StatutoryTable(props: {
  grid: TableGrid;
  notes?: Map<string, Noted[]>;
  provenance?: Record<string, CellProvenance>;
  valueCell?: (cell: GridCell) => JSX.Element;
}) {
  const { grid } = props;
  return (
    <div class="table-scroll" tabindex={0} role="region" aria-label={`${grid.table.wording.name} ${grid.table.title}`}>
      <table class={`statutory ${grid.table.id}`}>
        <caption>
          {grid.table.wording.name} {grid.table.title}
        </caption>
        <tbody>
          {grid.rows.map((cells) => {
            const hasValues = cells.some((c) => c.role === 'value');
            return (
              <tr>
                {cells.map((cell) =>
                  cell.role === 'value' ? (
                    props.valueCell?.(cell) ?? <ValueCell cell={cell} notes={props.notes?.get(cell.key!)} provenance={props.provenance?.[cell.key!]} />
                  ) : (
                    <th scope={scopeOf(cell, hasValues)} rowspan={cell.rowSpan} colspan={cell.colSpan} class={cell.role}>
                      {cell.text}
                    </th>
                  ),
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
