/** The same extraction over every reader: HTML and Word fixtures read to the values their sources hold. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TABLE3_HTML_VALUES } from '../fixtures/html/table3.values.ts';
import { FIXTURES, parseFile } from '../helpers.ts';

const Z = [0, 0, 0, 0, 0, 0, 0];
const B = [null, null, null, null, null, null, null];
const ROWS = ['new_received', 'carried_over', 'granted', 'partially_granted', 'denied_state_secret', 'denied_law_forbidden',
  'denied_three_security', 'denied_third_party', 'denied_internal_affairs', 'denied_process_info', 'denied_enforcement_file',
  'denied_admin_query', 'unable_not_held', 'unable_need_creation', 'unable_unclear', 'not_processed_petition',
  'not_processed_repeat', 'not_processed_publication', 'not_processed_mass_repeat', 'not_processed_confirm',
  'other_overdue_correction', 'other_overdue_fee', 'other_other', 'total_processed', 'carried_forward'];
const table3 = (nonZero: Record<string, unknown[]>) => Object.fromEntries(ROWS.map((id) => [id, nonZero[id] ?? Z]));

describe('HTML official layout with rowspan/colspan (test/fixtures/html/table3.html)', () => {
  it('reads every cell of table 三 and points at its source line', async () => {
    const r = await parseFile(join(FIXTURES, 'html', 'table3.html'));
    assert.deepEqual(r.table3, table3(TABLE3_HTML_VALUES));
    assert.equal(r.agency, '某某区卫生健康局');
    const place = r.provenance['table3.new_received.0'];
    assert.ok(place.medium === 'html' && place.line > 1);
    assert.equal(place.table, 0);
  });
});

describe('DOCX with vertical and horizontal merges (test/fixtures/docx/report.docx)', () => {
  it('reads table 三 with blank rows as null and marked cells as "/", with table/row/cell positions', async () => {
    const r = await parseFile(join(FIXTURES, 'docx', 'report.docx'));
    assert.deepEqual(r.table3, table3({
      new_received: [5, 2, 0, 0, 0, 1, 8],
      carried_over: [1, 0, 0, 0, 0, 0, 1],
      granted: [3, 1, 0, 0, 0, 1, 5],
      partially_granted: [1, 0, 0, 0, 0, 0, 1],
      denied_state_secret: ['/', '/', '/', '/', '/', '/', '/'],
      unable_not_held: [1, 1, 0, 0, 0, 0, 2],
      not_processed_petition: B, not_processed_repeat: B, not_processed_publication: B, not_processed_mass_repeat: B,
      not_processed_confirm: B,
      total_processed: [5, 2, 0, 0, 0, 1, 8],
      carried_forward: [1, 0, 0, 0, 0, 0, 1],
    }));
    const p = r.provenance['table3.new_received.0'];
    assert.ok(p.medium === 'docx');
    assert.deepEqual([p.table, p.row, p.cell], [0, 3, 3]);
  });

  it('reads the same values from the legacy .doc made of it by LibreOffice', async () => {
    const [docx, doc] = await Promise.all(['report.docx', 'report.doc'].map((f) => parseFile(join(FIXTURES, 'docx', f))));
    assert.deepEqual(doc.table3, docx.table3);
  });
});

describe('pdftotext -layout output of a Chromium-printed report (test/fixtures/text/pdftotext-layout.txt)', () => {
  it('reads group labels wrapped around item labels, rows broken over lines, radicals, a page break', async () => {
    const r = await parseFile(join(FIXTURES, 'text', 'pdftotext-layout.txt'));
    assert.deepEqual([r.agency, r.year, r.sections.map((s) => s.number).join('')], ['惠农区卫生健康局', 2024, '一二三四五六']);
    assert.deepEqual(r.table2, {
      regulations: { issued: 0, repealed: 0, in_force: 0 },
      normative_docs: { issued: 2, repealed: 1, in_force: 9 },
      licensing: 418, punishment: 25, coercion: 0, fees_wan_yuan: 43.5824,
    });
    assert.deepEqual(r.table3, table3({
      new_received: [35, 2, 0, 0, 1, 0, 38],
      carried_over: [3, 0, 0, 0, 0, 0, 3],
      granted: [20, 1, 0, 0, 0, 0, 21],
      partially_granted: [4, 0, 0, 0, 1, 0, 5],
      denied_law_forbidden: [1, 0, 0, 0, 0, 0, 1],
      denied_third_party: [2, 0, 0, 0, 0, 0, 2],
      denied_process_info: [1, 0, 0, 0, 0, 0, 1],
      unable_not_held: [5, 1, 0, 0, 0, 0, 6],
      unable_need_creation: [1, 0, 0, 0, 0, 0, 1],
      not_processed_petition: [1, 0, 0, 0, 0, 0, 1],
      not_processed_repeat: [1, 0, 0, 0, 0, 0, 1],
      other_overdue_correction: [1, 0, 0, 0, 0, 0, 1],
      total_processed: [37, 2, 0, 0, 1, 0, 40],
      carried_forward: [1, 0, 0, 0, 0, 0, 1],
    }));
    assert.deepEqual(r.findings.map((f) => f.rule), ['table-missing']); // the report has no table 四, only a sentence
  });
});
