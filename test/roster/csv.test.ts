/** The shared CSV reader: records carry the file line they start on, so problems point where the user looks. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvRecords, parseCsv } from '../../src/roster/csv.ts';
import { parseRoster, RosterError } from '../../src/roster/index.ts';

describe('csvRecords', () => {
  it('numbers records by the line they start on, counting blank lines and line breaks inside quotes', () => {
    // Line 1 header, line 2 blank, line 3 "a", lines 4–5 one record with a quoted line break ("\r\n" counts once),
    // line 6 a record of blank fields (left out), line 7 "c".
    const text = '\uFEFFh1,h2\n\na,1\r\n"b\r\nb",2\n , \nc,3';
    assert.deepEqual(csvRecords(text), [
      { line: 1, cells: ['h1', 'h2'] }, { line: 3, cells: ['a', '1'] }, { line: 4, cells: ['b\r\nb', '2'] }, { line: 7, cells: ['c', '3'] },
    ]);
  });

  it('numbers a file without blank lines or quoted breaks 1, 2, 3, and counts a lone "\\r" as a line break', () => {
    assert.deepEqual(csvRecords('x\ry\r\nz\n').map((r) => r.line), [1, 2, 3]);
    assert.deepEqual(parseCsv('x\ry\r\nz\n'), [['x'], ['y'], ['z']]);
  });
});

describe('roster problems', () => {
  it('name the file line of the bad row when blank lines come before it', () => {
    // Line 1 header, line 2 甲局, line 3 blank, line 4 乙局 with an unknown level.
    assert.throws(() => parseRoster('agency,level\n甲局,部门\n\n乙局,省级\n'),
      (e: Error) => e instanceof RosterError && e.problems.length === 1 && e.problems[0].line === 4);
  });
});
