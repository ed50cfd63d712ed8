/**
 * Bounded work on hostile inputs (issue 9): the small files that used to hang a regex or exhaust memory in the grid
 * expansion are read to a document, the grid cut with a finding that says what was dropped.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readBytes } from '../../src/readers/index.ts';
import { expandGrid, MAX_GRID_CELLS, type SpanCell } from '../../src/readers/grid.ts';
import type { Block } from '../../src/document/model.ts';
import {
  bookTitlePipeLine, colspanBombHtml, dashLine, escapeSequenceText, gridSpanBombDocx, nestedQPdf, tabLineSeparatorLine, vMergeBombDocx,
} from './attacks.ts';

/** A block's text as one string (table rows joined by tabs and newlines). */
const blockText = (b: Block): string =>
  b.kind === 'table' ? b.rows.map((r) => r.filter((c) => !c.spanned).map((c) => c.text).join('\t')).join('\n') : b.text;

// A guard, not a timed assertion: the old regexes took minutes on these lines.
const GUARD = { timeout: 60_000 };

describe('text lines that made the old regexes backtrack', () => {
  test('a 20 KB line of dashes is a paragraph, not a Markdown rule', GUARD, async () => {
    const doc = await readBytes(dashLine(), 'dashes.txt');
    assert.deepEqual(doc.blocks.map((b) => b.kind), ['paragraph']);
  });

  test('a line of tabs with U+2028 in it is no Markdown heading', GUARD, async () => {
    const doc = await readBytes(tabLineSeparatorLine(), 'separator.md');
    assert.ok(!doc.blocks.some((b) => b.kind === 'heading'));
  });

  test('a line of 《| repeated is read (no 》, so no book title holds a pipe)', GUARD, async () => {
    const doc = await readBytes(bookTitlePipeLine(), 'titles.txt');
    assert.ok(doc.blocks.length > 0);
  });

  test('Markdown headings and rules still read as before', async () => {
    const doc = await readBytes(new TextEncoder().encode('  ## 一、总体情况 ##  \n|---|:--:|\n# 标题\u2028续\n'), 'h.md');
    assert.deepEqual(
      doc.blocks.map((b) => [b.kind, blockText(b)]),
      [['heading', '一、总体情况'], ['paragraph', '# 标题\u2028续']],
    );
  });
});

describe('grid expansion is capped in total cells', () => {
  const cell = (text: string, rowSpan?: number, colSpan?: number): SpanCell => ({ text, pos: {}, rowSpan, colSpan });

  test('a grid within the cap is expanded whole', () => {
    const grid = expandGrid([[cell('a', 2, 2), cell('b')], [cell('c')]], 6);
    assert.equal(grid.cutAt, undefined);
    assert.deepEqual(grid.rows.map((r) => r.map((c) => c.text)), [['a', 'a', 'b'], ['a', 'a', 'c']]);
  });

  test('the row that would pass the cap ends the grid; the rows above are kept', () => {
    const grid = expandGrid([[cell('a', 1, 3)], [cell('b', 1, 3)], [cell('c', 1, 3)]], 7);
    assert.equal(grid.cutAt, 2);
    assert.deepEqual(grid.rows.map((r) => r.map((c) => c.text)), [['a', 'a', 'a'], ['b', 'b', 'b']]);
  });

  test('holes count too: one far cell spanning every row cannot make every row wide', () => {
    const rows = Array.from({ length: 1000 }, (_, r) => (r === 0 ? [cell('x', 1000), cell('y', 1000, 1000)] : []));
    assert.equal(expandGrid(rows, 10_000).cutAt, 0);
  });

  test('a 14 KB colspan=1000 rowspan=100000 page is read, its table cut with a warning in Chinese', async () => {
    const bytes = colspanBombHtml();
    assert.ok(bytes.length < 16_000);
    const doc = await readBytes(bytes, 'bomb.html');
    const cut = doc.messages.filter((m) => m.rule === 'table-too-large');
    assert.equal(cut.length, 1);
    assert.equal(cut[0].severity, 'warning');
    assert.match(cut[0].message, new RegExp(`超过${MAX_GRID_CELLS}个单元格，第\\d+行起（共300行）未读取`));
  });

  test('DOCX gridSpan and vMerge bombs are read with the same warning', async () => {
    for (const [name, bytes] of [['gridspan.docx', gridSpanBombDocx()], ['vmerge.docx', vMergeBombDocx()]] as const) {
      const doc = await readBytes(bytes, name);
      assert.deepEqual(doc.messages.map((m) => m.rule), ['table-too-large'], name);
      const cells = doc.blocks.reduce((n, b) => n + (b.kind === 'table' ? b.rows.reduce((k, r) => k + r.length, 0) : 0), 0);
      assert.ok(cells <= MAX_GRID_CELLS, name);
    }
  });

  test('an ordinary merged table brings no warning', async () => {
    const html = '<table><tr><td rowspan=2>a</td><td colspan=2>b</td></tr><tr><td>c</td><td>d</td></tr></table>';
    const doc = await readBytes(new TextEncoder().encode(html), 't.html');
    assert.deepEqual(doc.messages, []);
  });
});

describe('attack builders for the pipeline tests', () => {
  test('the nested-q PDF is about 1 KB (reading it is left to the worker isolation: pdf.js spins on it)', () => {
    const pdf = nestedQPdf();
    assert.ok(pdf.length < 2048);
    assert.equal(new TextDecoder().decode(pdf.subarray(0, 8)), '%PDF-1.4');
  });

  test('text with ESC and BEL sequences is read as text; escaping them is the printer\'s job', async () => {
    const doc = await readBytes(escapeSequenceText(), 'escapes.txt');
    assert.ok(doc.blocks.some((b) => blockText(b).includes('\x1b[2J')));
  });
});
