/**
 * Findings and provenance gathered per cell and per paragraph, so the tables and the text can mark what a finding
 * points at: each cell knows the findings that name it (the first cell a finding names is where it points), and each
 * paragraph the narrative findings placed on it.
 */
import type { SourcePlace } from '../document/finding.ts';
import type { FindingView } from './model.ts';

export interface Noted {
  /** Index into the report page's finding list (the DOM id is `f-<index>`). */
  index: number;
  view: FindingView;
  /** The finding names this cell first. */
  primary: boolean;
}

export function notesByCell(findings: FindingView[]): Map<string, Noted[]> {
  const out = new Map<string, Noted[]>();
  findings.forEach((view, index) => {
    view.finding.place.cells?.forEach((cell, i) => {
      const list = out.get(cell.path) ?? [];
      list.push({ index, view, primary: i === 0 });
      out.set(cell.path, list);
    });
  });
  return out;
}

/** Findings with no cells that point at a place in the text. */
export function narrativeFindings(findings: FindingView[]): Noted[] {
  return findings.flatMap((view, index) => (!view.finding.place.cells?.length && view.finding.place.source ? [{ index, view, primary: true }] : []));
}

/** Whether a finding's place is this paragraph's: the same line, DOCX paragraph, or PDF page and baseline. */
export function samePlace(a: SourcePlace | undefined, b: SourcePlace | undefined): boolean {
  if (!a || !b || a.medium !== b.medium) return false;
  switch (a.medium) {
    case 'pdf':
      return b.medium === 'pdf' && a.page === b.page && (a.y === undefined || b.y === undefined || Math.abs(a.y - b.y) < 1);
    case 'docx':
      return b.medium === 'docx' && a.paragraph !== undefined && a.paragraph === b.paragraph;
    default:
      return 'line' in b && a.line === b.line;
  }
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** The severity a cell is drawn with: the gravest of its findings still open or confirmed, else "dismissed". */
export function cellTone(notes: Noted[]): 'error' | 'warning' | 'info' | 'dismissed' {
  const live = notes.filter((n) => n.view.review.status !== 'dismissed');
  if (!live.length) return 'dismissed';
  return live.map((n) => n.view.finding.severity).sort((a, b) => RANK[a] - RANK[b])[0];
}
