/**
 * Fits the cells read after a row label to the row's columns: which empty cells are blanks and which are the slots of
 * spanned label columns or padding. Cells are never moved: a row whose count does not fit keeps only its values.
 */
import type { SourcePos } from '../document/model.ts';
import type { RowDef } from '../format/types.ts';

export interface Slot {
  text: string;
  pos: SourcePos;
}

export const filled = (s: Slot) => s.text.trim() !== '';

/**
 * Fits the cells after a row label to the row's columns.
 * In an exact grid (HTML, DOCX, Markdown, one cell per line) every cell stands in its column and the value columns
 * are the last ones: surplus cells in front are the empty slots of spanned label columns, surplus cells behind are
 * empty trailing columns. In padded (tab) text, empty cells at the ends are padding left by spanned label columns,
 * so a row fits only by its values, never by counting padding as blanks.
 * A row that does not fit keeps only its values and is not aligned.
 */
export function alignRuled(cells: Slot[], expected: number, padded: boolean): { slots: Slot[]; aligned: boolean } {
  if (!padded) {
    const extra = cells.length - expected;
    if (extra === 0) return { slots: cells, aligned: true };
    if (extra > 0 && !cells.slice(0, extra).some(filled)) return { slots: cells.slice(extra), aligned: true };
    if (extra > 0 && !cells.slice(expected).some(filled)) return { slots: cells.slice(0, expected), aligned: true };
    return { slots: cells.filter(filled), aligned: false };
  }
  let slots = trimEnd(cells);
  if (slots.length === expected && filled(slots[0])) return { slots, aligned: true };
  if (slots.length === expected) return { slots: slots.filter(filled), aligned: false };
  const first = slots.findIndex(filled);
  slots = first < 0 ? [] : slots.slice(first);
  if (slots.length === expected) return { slots, aligned: true };
  return { slots: slots.filter(filled), aligned: false };
}

/** The cells of [from, to) that are not header labels. */
export function dataCells(cells: Slot[], kinds: ('header' | RowDef | undefined)[], from: number, to: number): Slot[] {
  const out: Slot[] = [];
  for (let i = from; i < to; i++) if (kinds[i] !== 'header') out.push(cells[i]);
  return out;
}

function trimEnd(cells: Slot[]): Slot[] {
  let end = cells.length;
  while (end > 0 && !filled(cells[end - 1])) end--;
  return cells.slice(0, end);
}


/** The cells between the first and the last filled one. */
export function trimEmpties(cells: Slot[]): Slot[] {
  let a = 0;
  let b = cells.length;
  while (a < b && !filled(cells[a])) a++;
  while (b > a && !filled(cells[b - 1])) b--;
  return cells.slice(a, b);
}
