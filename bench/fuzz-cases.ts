/**
 * Mutation fuzzing of the readers: real files of the repository (test fixtures and samples) mutated as damaged or
 * hostile files are (bit flips, overwritten and inserted bytes, truncation, two files spliced, text re-encoded), under
 * random names. The property: reading either returns a document or throws UnreadableError, nothing else.
 * Shared by the bounded run of `npm test` and the long run of `npm run fuzz`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { UnreadableError } from '../src/document/errors.ts';
import { readBytes } from '../src/readers/index.ts';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
/** Readers fuzzed; legacy .doc goes to LibreOffice (seconds per case) and is left to the network and signal tests. */
const EXTENSIONS = ['.txt', '.md', '.html', '.docx', '.pdf'];

function files(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : EXTENSIONS.includes(extname(name)) ? [path] : [];
  });
}

export interface Seed {
  name: string;
  bytes: Uint8Array;
}

/** Every fixture and sample that a fuzzed reader reads. */
export function seeds(): Seed[] {
  return [...files(join(ROOT, 'test', 'fixtures')), ...files(join(ROOT, 'samples'))].map((path) => ({
    name: path.slice(ROOT.length + 1),
    bytes: new Uint8Array(readFileSync(path)),
  }));
}

export interface FuzzCase {
  seed: string;
  mutation: string;
  name: string;
  bytes: Uint8Array;
}

type Mutation = (b: Uint8Array, other: Uint8Array) => fc.Arbitrary<[string, Uint8Array]>;

const at = (b: Uint8Array) => fc.nat({ max: Math.max(0, b.length - 1) });

const MUTATIONS: Mutation[] = [
  (b) => fc.array(fc.tuple(at(b), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 16 }).map((flips) => {
    const out = b.slice();
    for (const [i, bit] of flips) out[i] ^= 1 << bit;
    return [`flip ${flips.length} bits`, out];
  }),
  (b) => fc.tuple(at(b), fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([i, junk]) => {
    const out = b.slice();
    out.set(junk.subarray(0, out.length - i), i);
    return [`overwrite ${junk.length} bytes at ${i}`, out];
  }),
  (b) => fc.tuple(at(b), fc.uint8Array({ minLength: 1, maxLength: 256 })).map(([i, junk]) =>
    [`insert ${junk.length} bytes at ${i}`, concat(b.subarray(0, i), junk, b.subarray(i))]),
  (b) => at(b).map((i) => [`truncate at ${i}`, b.slice(0, i)]),
  (b, other) => fc.tuple(at(b), at(other)).map(([i, j]) => [`splice at ${i}/${j}`, concat(b.subarray(0, i), other.subarray(j))]),
  (b) => fc.tuple(at(b), at(b), fc.integer({ min: 2, max: 50 })).map(([i, j, n]) => {
    const part = b.subarray(Math.min(i, j), Math.min(Math.max(i, j), Math.min(i, j) + 4096));
    return [`repeat ${part.length} bytes ×${n}`, concat(b.subarray(0, i), ...Array(n).fill(part), b.subarray(i))];
  }),
  (b) => fc.constantFrom('utf-16le', 'utf-16be', 'latin1-mojibake').map((encoding) => [`re-encode ${encoding}`, reencode(b, encoding)]),
];

function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

/** The bytes read as UTF-8 and written in another encoding (with BOM for UTF-16), or each byte as a UTF-8 char. */
function reencode(b: Uint8Array, encoding: string): Uint8Array {
  const text = new TextDecoder().decode(b);
  if (encoding === 'latin1-mojibake') return new TextEncoder().encode(new TextDecoder('latin1').decode(b));
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  if (encoding === 'utf-16be') le.swap16();
  return new Uint8Array(le);
}

/** Cases: a seed, a mutation of it (maybe spliced with another seed), a file name keeping or changing its kind. */
export function fuzzCases(all: Seed[]): fc.Arbitrary<FuzzCase> {
  return fc
    .tuple(fc.nat({ max: all.length - 1 }), fc.nat({ max: all.length - 1 }), fc.nat({ max: MUTATIONS.length - 1 }))
    .chain(([i, j, m]) =>
      fc.tuple(
        MUTATIONS[m](all[i].bytes, all[j].bytes),
        fc.constantFrom(extname(all[i].name), ...EXTENSIONS, '.htm', '', '.wps'),
      ).map(([[mutation, bytes], ext]) => ({ seed: all[i].name, mutation: m === 4 ? `${mutation} with ${all[j].name}` : mutation, name: `case${ext}`, bytes })),
    );
}

/** The property: a document or an UnreadableError. Anything else is returned as the failure. */
export async function readsOrRefuses(c: FuzzCase): Promise<void> {
  try {
    const doc = await readBytes(c.bytes, c.name);
    if (!Array.isArray(doc.blocks) || !Array.isArray(doc.messages)) throw new Error('reader returned no document');
  } catch (e) {
    if (e instanceof UnreadableError) return;
    throw e;
  }
}

export function describeCase(c: FuzzCase): string {
  return `${c.seed} · ${c.mutation} · named ${c.name} · ${c.bytes.length} bytes`;
}
