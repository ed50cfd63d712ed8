/** The synthetic report generator: deterministic, arithmetically valid, realistic in shape. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateReport } from '../support/generate.ts';
import { mulberry32 } from '../support/random.ts';
import { cellKey, expandIdentities, versionById, versionForYear } from '../../src/format/index.ts';
import type { ReportData } from '../../src/render/index.ts';

const SEEDS = Array.from({ length: 300 }, (_, i) => i + 1);

/** The value of a cell as the arithmetic counts it: blank and "/" count as zero. */
function cellValue(report: ReportData, key: string): number {
  const [table, row, col] = key.split('.');
  const json = (report as unknown as Record<string, Record<string, unknown>>)[table][row];
  const v = col === undefined ? json : Array.isArray(json) ? json[Number(col)] : (json as Record<string, unknown>)[col];
  return typeof v === 'number' ? v : 0;
}

/** Identities of the report's format that do not hold, as "id along" strings. */
function brokenIdentities(report: ReportData): string[] {
  const format = versionById(report.format_version);
  const broken: string[] = [];
  for (const table of [format.tables.table3, format.tables.table4]) {
    for (const id of expandIdentities(table)) {
      const sum = (refs: typeof id.lhs) => refs.reduce((s, ref) => s + cellValue(report, cellKey(table, ref)), 0);
      if (sum(id.lhs) !== sum(id.rhs)) broken.push(`${id.id} ${JSON.stringify(id.along)}`);
    }
  }
  return broken;
}

describe('generateReport', () => {
  it('mulberry32 gives the same sequence for the same seed and values in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({ length: 1000 }, () => a());
    assert.deepEqual(xs, Array.from({ length: 1000 }, () => b()));
    assert.ok(xs.every((x) => x >= 0 && x < 1));
  });

  it('is deterministic: the same seed and options give the same report', () => {
    assert.deepEqual(generateReport(42), generateReport(42));
    assert.deepEqual(generateReport(42, { blanks: true }), generateReport(42, { blanks: true }));
    assert.notDeepEqual(generateReport(42), generateReport(43));
  });

  it('every template identity of tables 三 and 四 holds, with and without blank and "/" cells', () => {
    for (const seed of SEEDS) {
      for (const options of [{}, { blanks: true, slashes: true }, { version: '2019' as const }]) {
        assert.deepEqual(brokenIdentities(generateReport(seed, options)), [], `seed ${seed} ${JSON.stringify(options)}`);
      }
    }
  });

  it('chooses the format version the year calls for, within the requested version', () => {
    for (const seed of SEEDS) {
      const any = generateReport(seed);
      assert.equal(any.format_version, versionForYear(any.year));
      assert.ok(any.year >= 2019 && any.year <= 2025);
      assert.ok([2019, 2020].includes(generateReport(seed, { version: '2019' }).year));
      assert.ok(generateReport(seed, { version: '2021' }).year >= 2021);
    }
  });

  it('publishes in January of the following year', () => {
    for (const seed of SEEDS) {
      const r = generateReport(seed);
      assert.match(r.published!, new RegExp(`^${r.year + 1}-01-(0[5-9]|[12]\\d|3[01])$`));
    }
  });

  it('keeps counts non-negative integers and fees to at most four decimals', () => {
    for (const seed of SEEDS) {
      const r = generateReport(seed, { version: '2021' });
      const counts = [...Object.values(r.table3!).flat(), ...Object.values(r.table4!).flatMap(Object.values)];
      assert.ok(counts.every((v) => Number.isInteger(v) && (v as number) >= 0), `seed ${seed}`);
      const fee = r.table2!.fees_wan_yuan as number;
      assert.ok(fee >= 0 && Math.round(fee * 1e4) / 1e4 === fee, `seed ${seed}: ${fee}`);
    }
  });

  it('looks like real reports: most table 三 cells are zero, some reports have none at all, a few are large', () => {
    const reports = SEEDS.map((s) => generateReport(s, { version: '2021' }));
    const cells = reports.flatMap((r) => Object.values(r.table3!).flat()) as number[];
    const zeroShare = cells.filter((v) => v === 0).length / cells.length;
    const received = reports.map((r) => r.table3!.new_received[6] as number);
    assert.ok(zeroShare > 0.6, `zero share ${zeroShare}`);
    assert.ok(received.filter((n) => n === 0).length > 50);
    assert.ok(received.some((n) => n >= 150));
  });

  it('quotes the tables in its narrative', () => {
    for (const seed of SEEDS) {
      const r = generateReport(seed);
      const received = r.table3!.new_received[6] as number;
      const text = r.sections.map((s) => s.text).join('\n');
      if (received > 0) assert.ok(text.includes(`共收到政府信息公开申请${received}件`), `seed ${seed}`);
      else assert.ok(!text.includes('共收到政府信息公开申请'), `seed ${seed}`);
    }
  });

  it('names agencies from a region and a department, never with digits', () => {
    const names = new Set(SEEDS.map((s) => generateReport(s).agency));
    assert.ok(names.size > 280);
    for (const name of names) assert.match(name, /^\p{Script=Han}{2}市(\p{Script=Han}{2}[区县])?\p{Script=Han}+$/u);
  });
});
