/**
 * docs/report.schema.json is generated from src/format and the Report types, and every output the test corpus
 * produces (reports, findings of every stage, error records) validates against it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { places, reportSchema } from '../../src/report/schema.ts';
import { SCHEMA_VERSION, XXGK_VERSION } from '../../src/report/version.ts';
import { buildReport } from '../checks/builder.ts';
import { CLI, ROOT, SEEDS_DIR, seedsAvailable } from '../helpers.ts';

const compile = (schema: object) => new Ajv2020({ allErrors: true, allowUnionTypes: true }).compile(schema);
const validate = compile(reportSchema());
const errorsOf = (value: unknown): string[] =>
  validate(value) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`);

/** What `xxgk check --json` prints for every input the test suite reads, one object per input (exit 2: some are unusable). */
function corpusOutput(): any[] {
  const inputs = ['samples', join('test', 'fixtures'), ...(seedsAvailable ? [SEEDS_DIR] : [])];
  const run = spawnSync(process.execPath, [...CLI, 'check', '--json', '--exit-zero', ...inputs], {
    cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024,
  });
  return run.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

/** A built report as JSON, with the source a real read would have. */
const built = (options: Parameters<typeof buildReport>[0] = {}): any => {
  const r = JSON.parse(JSON.stringify(buildReport(options)));
  r.source.sha256 = '0'.repeat(64);
  return r;
};

describe('docs/report.schema.json', () => {
  it('is exactly what `npm run schema` writes (regenerate it when the format or the Report types change)', () => {
    assert.equal(readFileSync(join(ROOT, 'docs', 'report.schema.json'), 'utf8'), `${JSON.stringify(reportSchema(), null, 2)}\n`);
  });

  it('accepts what xxgk prints for every sample, fixture and seed, findings and error records included', () => {
    const outputs = corpusOutput();
    assert.ok(outputs.length >= 60, `only ${outputs.length} outputs`);
    assert.ok(outputs.some((o) => o.error) && outputs.some((o) => o.findings?.length), 'both reports and error records');
    for (const output of outputs) assert.deepEqual(errorsOf(output), [], output.source.path);
    for (const output of outputs) {
      assert.deepEqual([output.xxgk_version, output.schema_version], [XXGK_VERSION, SCHEMA_VERSION], output.source.path);
    }
  });
});

describe('docs/report-json.md', () => {
  it('names every field the schema defines, and every row and column id of both templates', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'report-json.md'), 'utf8');
    const names = new Set<string>();
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const { properties } = node as { properties?: object };
      if (properties) Object.keys(properties).forEach((k) => names.add(k));
      Object.values(node).forEach(walk);
    };
    walk(reportSchema());
    const missing = [...names].filter((name) => !new RegExp(`\\b${name}\\b`).test(doc));
    assert.deepEqual(missing, []);
  });
});

describe('the schema rejects what breaks the contract', () => {
  const report = () => built();

  it('accepts the built report it starts from', () => {
    assert.deepEqual(errorsOf(report()), []);
  });

  it('rejects a table 三 row with six cells, a cell written as a string, and a row of the other version', () => {
    const r = report();
    r.table3.granted = [1, 2, 3, 4, 5, 15];
    r.table3.carried_over[0] = '0';
    r.table3.other_processing = [0, 0, 0, 0, 0, 0, 0];
    assert.deepEqual(errorsOf(r).filter((e) => e.startsWith('/table3')).sort(), [
      '/table3 must NOT have additional properties',
      '/table3/carried_over/0 must be equal to constant',
      '/table3/carried_over/0 must be null',
      '/table3/carried_over/0 must be number',
      '/table3/carried_over/0 must match a schema in anyOf',
      '/table3/granted must NOT have fewer than 7 items',
    ]);
  });

  it('reads a table by the version table_versions names: 2019 rows pass as 2019, fail as 2021', () => {
    const r = built({ version: '2019' });
    assert.deepEqual(errorsOf(r), []);
    r.table_versions.table2 = '2021';
    assert.ok(errorsOf(r).some((e) => e.startsWith('/table2 must NOT have additional properties')));
  });

  it('rejects a report without its versions, a provenance key that is no cell, and an unknown severity', () => {
    const r = report();
    delete r.xxgk_version;
    r.provenance['table3.granted.7'] = { line: 1 };
    r.findings.push({ rule: 'table3-row-total', severity: 'fatal', message: '…' });
    const errors = errorsOf(r);
    assert.ok(errors.includes(" must have required property 'xxgk_version'"), errors.join('\n'));
    assert.ok(errors.some((e) => e.startsWith('/provenance')), errors.join('\n'));
    assert.ok(errors.includes('/findings/0/severity must be equal to one of the allowed values'), errors.join('\n'));
  });
});

describe('the Finding shape of the refactor (one Finding for every stage)', () => {
  const schema = reportSchema() as { $defs: Record<string, unknown> };
  const next = compile({ ...schema, $defs: { ...schema.$defs, ...places() } });
  const finding = {
    rule: 'row-value-count', severity: 'error', origin: 'extract', message: '表三「（一）予以公开」行：应有7个数值，实有6个',
    expected: 7, actual: 6, line: 54,
    place: {
      cells: [{ path: 'table3.granted.6', table: 'table3', row: 'granted', column: 'total' }],
      source: { medium: 'html', line: 54, column: 3, table: 0, row: 5, cell: 1 },
    },
  };
  const missingRow = {
    rule: 'row-missing', severity: 'error', origin: 'extract', message: '表三缺少「（二）部分公开」行',
    place: { cells: [{ path: 'table3.partially_granted', table: 'table3', row: 'partially_granted' }] },
  };
  /** A built report placed the refactored way: prose by source place, provenance per medium. */
  const placed = (findings: object[], provenance: object): any => ({
    ...built(), findings, provenance,
    sections: [{ number: '一', title: '总体情况', text: '…', source: { medium: 'docx', paragraph: 5 }, paragraphs: [{ text: '…', source: { medium: 'docx', paragraph: 6 } }] }],
    preamble: [{ text: '…', source: { medium: 'text', line: 2 } }],
  });

  it('accepts findings with their origin and place (a cell, a whole row), and provenance per medium or none', () => {
    const provenance = { 'table2.licensing': { medium: 'pdf', page: 2, x: 10, y: 20, status: 'text', raw: '31批次' }, 'table2.punishment': { status: 'recovered' } };
    assert.ok(next(placed([finding, missingRow], provenance)), JSON.stringify(next.errors));
  });

  it('rejects a PDF place with a line, a finding without its origin, and a paragraph placed by a bare line', () => {
    const { origin: _, ...noOrigin } = finding;
    const r = placed([noOrigin], { 'table2.licensing': { medium: 'pdf', line: 3 } });
    r.preamble[0] = { text: '…', line: 2 };
    assert.equal(next(r), false);
    const paths = new Set(next.errors!.map((e) => e.instancePath));
    assert.deepEqual(['/findings/0', '/provenance/table2.licensing', '/preamble/0'].filter((p) => !paths.has(p)), []);
  });
});
