/**
 * Ruling lines from a page's operator list. Table borders reach a PDF either as stroked lines (Word, LibreOffice) or
 * as thin filled rectangles (Chromium/Skia). pdf.js 5 hands every path over as one `constructPath` op whose first
 * argument is the painting op (stroke, fill, endPath for clips…) and whose second holds the path as a flat buffer of
 * DrawOPS (moveTo x y, lineTo x y, curveTo 6 numbers, quadraticCurveTo 4, closePath) in the current user space, so the
 * transformation matrix is followed through save/restore/transform and form XObjects.
 */
import { multiply, type Matrix } from './items.ts';
import type { Segment } from './types.ts';

export type PdfOps = typeof import('pdfjs-dist/legacy/build/pdf.mjs').OPS;

export interface OperatorListLike {
  fnArray: number[];
  argsArray: unknown[];
}

/** A filled rectangle at most this thick (points) is a rule; thicker ones are shading. */
const MAX_RULE_THICKNESS = 2.5;
/** Shorter marks are dots and corners, not rules. */
const MIN_RULE_LENGTH = 2;
/** Beyond this many segments a page is a drawing, not a table: ruling detection is skipped. */
const MAX_SEGMENTS = 20_000;

const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;

interface SubPath {
  points: [number, number][];
  closed: boolean;
  curved: boolean;
}

/** Ruling segments of a page, in top-left page coordinates (`viewport` maps PDF user space onto them). */
export function rulingSegments(list: OperatorListLike, OPS: PdfOps, viewport: readonly number[]): Segment[] {
  const strokes = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fills = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const segments: Segment[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const { fnArray, argsArray } = list;
  for (let i = 0; i < fnArray.length && segments.length < MAX_SEGMENTS; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push(ctm);
        break;
      case OPS.restore:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.transform:
        ctm = multiply(ctm, args as number[]);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push(ctm);
        const matrix = args?.[0] as number[] | null | undefined;
        if (matrix && matrix.length === 6) ctm = multiply(ctm, matrix);
        break;
      }
      case OPS.paintFormXObjectEnd:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.constructPath: {
        const paint = args?.[0] as number;
        const stroke = strokes.has(paint);
        const fill = fills.has(paint);
        if (!stroke && !fill) break; // clipping paths and invisible paths
        const buffer = (args?.[1] as ArrayLike<number>[] | undefined)?.[0];
        if (!buffer) break;
        const toPage = multiply(viewport, ctm);
        for (const sub of subPaths(buffer)) {
          const pts = sub.points.map(([x, y]) => apply(toPage, x, y));
          if (stroke) strokeSegments(pts, sub, segments);
          if (fill) fillSegment(pts, sub, segments);
        }
        break;
      }
    }
  }
  return segments;
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function subPaths(buffer: ArrayLike<number>): SubPath[] {
  const out: SubPath[] = [];
  let current: SubPath | undefined;
  for (let k = 0; k < buffer.length;) {
    const op = buffer[k++];
    if (op === DRAW.moveTo) {
      current = { points: [[buffer[k], buffer[k + 1]]], closed: false, curved: false };
      out.push(current);
      k += 2;
    } else if (op === DRAW.lineTo) {
      current?.points.push([buffer[k], buffer[k + 1]]);
      k += 2;
    } else if (op === DRAW.curveTo) {
      if (current) {
        current.curved = true;
        current.points.push([buffer[k + 4], buffer[k + 5]]);
      }
      k += 6;
    } else if (op === DRAW.quadraticCurveTo) {
      if (current) {
        current.curved = true;
        current.points.push([buffer[k + 2], buffer[k + 3]]);
      }
      k += 4;
    } else if (op === DRAW.closePath) {
      if (current) current.closed = true;
    } else {
      break; // unknown op: the rest of the buffer cannot be parsed
    }
  }
  return out;
}

/** Every axis-aligned straight edge of a stroked path is a rule. */
function strokeSegments(pts: [number, number][], sub: SubPath, out: Segment[]): void {
  if (sub.curved) return;
  const edges = pts.length;
  const count = sub.closed ? edges : edges - 1;
  for (let i = 0; i < count; i++) {
    const [ax, ay] = pts[i];
    const [bx, by] = pts[(i + 1) % edges];
    if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) >= MIN_RULE_LENGTH) {
      const y = (ay + by) / 2;
      out.push({ x0: Math.min(ax, bx), x1: Math.max(ax, bx), y0: y, y1: y });
    } else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) >= MIN_RULE_LENGTH) {
      const x = (ax + bx) / 2;
      out.push({ x0: x, x1: x, y0: Math.min(ay, by), y1: Math.max(ay, by) });
    }
  }
}

/** A thin filled axis-aligned rectangle is a rule along its long side. */
function fillSegment(pts: [number, number][], sub: SubPath, out: Segment[]): void {
  if (sub.curved) return;
  let corners = pts;
  if (corners.length === 5 && near(corners[0], corners[4])) corners = corners.slice(0, 4);
  if (corners.length === 2) {
    // A zero-width "rectangle" (pdf.js writes it as moveTo/lineTo): a hairline.
    strokeSegments(corners, { ...sub, closed: false }, out);
    return;
  }
  if (corners.length !== 4 || !isAxisRectangle(corners)) return;
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  const w = x1 - x0, h = y1 - y0;
  if (h <= MAX_RULE_THICKNESS && w >= MIN_RULE_LENGTH && w > h) {
    const y = (y0 + y1) / 2;
    out.push({ x0, x1, y0: y, y1: y });
  } else if (w <= MAX_RULE_THICKNESS && h >= MIN_RULE_LENGTH && h > w) {
    const x = (x0 + x1) / 2;
    out.push({ x0: x, x1: x, y0, y1 });
  }
}

function near(a: [number, number], b: [number, number]): boolean {
  return Math.abs(a[0] - b[0]) < 0.01 && Math.abs(a[1] - b[1]) < 0.01;
}

function isAxisRectangle(c: [number, number][]): boolean {
  for (let i = 0; i < 4; i++) {
    const [ax, ay] = c[i];
    const [bx, by] = c[(i + 1) % 4];
    if (Math.abs(ax - bx) > 0.5 && Math.abs(ay - by) > 0.5) return false;
  }
  return true;
}
