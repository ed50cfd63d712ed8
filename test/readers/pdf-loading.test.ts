/**
 * How the PDF reader loads and drives pdf.js: without leaving core-js polyfills in place of the process's built-ins,
 * with the DecompressionStream swap undone after each read, and accepting Node's Buffer as well as a Uint8Array.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readBytes } from '../../src/readers/index.ts';
import { withSyncInflate } from '../../src/readers/pdf/inflate.ts';
import { keepingNatives } from '../../src/readers/pdf/natives.ts';
import { FIXTURES } from '../helpers.ts';

const PDF = join(FIXTURES, 'seeds-rendered', '002_cf59cfa8c9ac4fc5.lo.pdf');

describe('PDF reader: loading pdf.js', () => {
  it('leaves Array.prototype.push, JSON.stringify and JSON.parse native after reading a PDF', async () => {
    const [push, stringify, parse] = [Array.prototype.push, JSON.stringify, JSON.parse];
    await readBytes(new Uint8Array(readFileSync(PDF)), 'report.pdf');
    assert.equal(Array.prototype.push, push);
    assert.equal(JSON.stringify, stringify);
    assert.equal(JSON.parse, parse);
    // What pdf.js needs and Node 20 lacks stays added.
    assert.equal(typeof (Promise as unknown as { withResolvers: unknown }).withResolvers, 'function');
  });

  it('reads a PDF handed over as a Node Buffer', async () => {
    const doc = await readBytes(readFileSync(PDF), 'report.pdf');
    assert.ok(doc.blocks.some((b) => b.kind === 'table'));
  });

  it('restores DecompressionStream after reading, also when reads overlap', async () => {
    const original = globalThis.DecompressionStream;
    const bytes = new Uint8Array(readFileSync(PDF));
    await Promise.all([readBytes(bytes, 'a.pdf'), readBytes(bytes, 'b.pdf')]);
    assert.equal(globalThis.DecompressionStream, original);
  });

  it('refuses DecompressionStream only while a read runs', async () => {
    await withSyncInflate(async () => {
      assert.throws(() => new DecompressionStream('deflate'));
    });
    assert.doesNotThrow(() => new DecompressionStream('deflate'));
  });

  it('puts back a built-in that a loaded module replaced, and keeps one it added', async () => {
    const target = Array.prototype as unknown as Record<string, unknown>;
    const original = Array.prototype.includes;
    await keepingNatives(async () => {
      Object.defineProperty(Array.prototype, 'includes', { value: () => false, configurable: true, writable: true });
      Object.defineProperty(Array.prototype, 'xxgkAdded', { value: () => true, configurable: true, writable: true });
    });
    assert.equal(Array.prototype.includes, original);
    assert.equal(typeof target.xxgkAdded, 'function');
    delete target.xxgkAdded;
  });
});
