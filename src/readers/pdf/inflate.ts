/**
 * pdf.js inflates every Flate stream through the web DecompressionStream when there is one: in Node that is a web
 * stream over zlib's thread pool, costing promises, stream plumbing and a thread hop per stream. A Chromium PDF has
 * thousands of tiny streams (a Type 3 glyph procedure per character), so reading one spent half its time waiting. When
 * DecompressionStream fails, pdf.js inflates synchronously with its own decoder, which for such streams is twice as
 * fast overall. So while xxgk reads a PDF, the global DecompressionStream is one that refuses to construct.
 *
 * The swap is process-wide for the duration of the reads (reference-counted across concurrent reads) and undone
 * after; nothing else in xxgk uses DecompressionStream.
 */

type Global = { DecompressionStream?: unknown };

/** Thrown without a stack: pdf.js catches it, and capturing thousands of stacks would cost what it saves. */
const REFUSED = Object.freeze({ name: 'SyncInflate', message: 'xxgk: pdf.js inflates synchronously' });

class RefusingDecompressionStream {
  constructor() {
    throw REFUSED;
  }
}

let active = 0;
let saved: PropertyDescriptor | undefined;

function refuse(): void {
  if (active++ > 0) return;
  saved = Object.getOwnPropertyDescriptor(globalThis, 'DecompressionStream');
  Object.defineProperty(globalThis, 'DecompressionStream', { value: RefusingDecompressionStream, configurable: true, writable: true });
}

function restore(): void {
  if (--active > 0) return;
  if (saved) Object.defineProperty(globalThis, 'DecompressionStream', saved);
  else delete (globalThis as Global).DecompressionStream;
  saved = undefined;
}

/** Runs `work` with pdf.js inflating synchronously. */
export async function withSyncInflate<T>(work: () => Promise<T>): Promise<T> {
  refuse();
  try {
    return await work();
  } finally {
    restore();
  }
}
