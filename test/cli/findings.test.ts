/** Where a finding line says it is: a line in text, a page in PDF, a table row in DOCX, line and table row in HTML. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingLine } from '../../src/cli/findings.ts';
import type { Finding, SourcePlace } from '../../src/document/finding.ts';

const at = (source: SourcePlace): Finding => ({ rule: 'r', severity: 'error', origin: 'check', message: 'm', place: { source } });

test('finding lines name the place in the words of each medium', () => {
  assert.equal(findingLine('a.txt', at({ medium: 'text', line: 12 })), 'a.txt:12: 错误 [r] m');
  assert.equal(findingLine('a.pdf', at({ medium: 'pdf', page: 3 })), 'a.pdf:第3页: 错误 [r] m');
  assert.equal(findingLine('a.docx', at({ medium: 'docx', table: 1, row: 3, cell: 2 })), 'a.docx:表2第4行: 错误 [r] m');
  assert.equal(findingLine('a.docx', at({ medium: 'docx', paragraph: 5 })), 'a.docx:第5段: 错误 [r] m');
  assert.equal(findingLine('a.html', at({ medium: 'html', line: 8, table: 0, row: 2 })), 'a.html:8:表1第3行: 错误 [r] m');
  assert.equal(findingLine('a.html', at({ medium: 'html', line: 8 })), 'a.html:8: 错误 [r] m');
});
