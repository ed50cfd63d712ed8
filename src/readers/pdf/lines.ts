/**
 * Pieces → lines → runs. A line is the pieces whose baselines agree within a fraction of the font size; a run is a
 * stretch of a line without a gap wider than about one em, which is how cells of a table laid out without rules
 * show up.
 */
import { joinPieces } from './join.ts';
import type { Line, Piece, Run } from './types.ts';

/** Baselines closer than this fraction of the font size are one line. */
const BASELINE_TOLERANCE_EM = 0.3;
/** A horizontal gap wider than this (in em) ends a run. */
const RUN_GAP_EM = 1;

export function buildLines(pieces: Piece[], page: number): Line[] {
  const sorted = [...pieces].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const groups: Piece[][] = [];
  let current: Piece[] = [];
  let baseline = 0;
  for (const p of sorted) {
    const size = Math.min(p.size, current.length ? current[0].size : p.size);
    if (current.length && Math.abs(p.baseline - baseline) <= BASELINE_TOLERANCE_EM * Math.max(size, 1)) {
      current.push(p);
      // Running mean, so a slightly slanted or jittery line (OCR) stays one line.
      baseline += (p.baseline - baseline) / current.length;
    } else {
      if (current.length) groups.push(current);
      current = [p];
      baseline = p.baseline;
    }
  }
  if (current.length) groups.push(current);
  return groups.map((g) => makeLine(dropOverprint(g.sort((a, b) => a.x0 - b.x0)), page));
}

/**
 * Producers fake bold Chinese by painting the same text twice, slightly shifted; the copy would double every
 * character.
 */
function dropOverprint(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const twin = out.find((q) => q.text === p.text && Math.abs(q.x0 - p.x0) < 0.3 * p.size && Math.abs(q.baseline - p.baseline) < 0.3 * p.size);
    if (!twin) out.push(p);
  }
  return out;
}

function makeLine(pieces: Piece[], page: number): Line {
  const size = median(pieces.map((p) => p.size));
  const baseline = median(pieces.map((p) => p.baseline));
  const runs = buildRuns(pieces);
  return {
    page,
    pieces,
    runs,
    text: runs.map((r) => r.text).join(' '),
    x0: Math.min(...pieces.map((p) => p.x0)),
    x1: Math.max(...pieces.map((p) => p.x1)),
    baseline,
    size,
    top: baseline - 0.88 * size,
    bottom: baseline + 0.12 * size,
  };
}

function buildRuns(pieces: Piece[]): Run[] {
  const runs: Run[] = [];
  let current: Piece[] = [];
  for (const p of pieces) {
    const prev = current.at(-1);
    if (prev && p.x0 - prev.x1 > RUN_GAP_EM * Math.max(prev.size, p.size)) {
      runs.push(makeRun(current));
      current = [];
    }
    current.push(p);
  }
  if (current.length) runs.push(makeRun(current));
  return runs;
}

function makeRun(pieces: Piece[]): Run {
  return { text: joinPieces(pieces), x0: pieces[0].x0, x1: Math.max(...pieces.map((p) => p.x1)), pieces };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
}

/** Mean OCR confidence of pieces that carry one, rounded; undefined for text-layer pieces. */
export function meanConfidence(pieces: Piece[]): number | undefined {
  const confs = pieces.map((p) => p.ocr).filter((c): c is number => c !== undefined);
  return confs.length ? Math.round(confs.reduce((a, b) => a + b, 0) / confs.length) : undefined;
}
