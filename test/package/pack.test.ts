/**
 * The package as another project gets it: `npm pack` (which builds dist/ through prepack) in a copy of the sources,
 * `npm install` of the tarball into a fresh project, then the README's library example, its types and the `xxgk` bin.
 * The copy keeps this worktree's dist/ untouched while other tests run.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../helpers.ts';

const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const SOURCES = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'README.md', 'src', 'bin', 'docs', 'public', 'samples'];

/** The README's library example, as a consumer writes it (TypeScript, so that the shipped declarations are checked). */
const EXAMPLE = `import { parseReportFile, checkReport, type Report } from 'xxgk';
const report: Report = checkReport(await parseReportFile(process.argv[2]));
const received: (number | null | '/')[] | undefined = report.table3?.new_received;
// @ts-expect-error: a key the Report type does not have (fails to compile if the types resolved to any)
void report.no_such_field;
console.log(JSON.stringify({
  agency: report.agency, year: report.year, received, versions: [report.xxgk_version, report.schema_version],
  errors: report.findings.filter((f) => f.severity === 'error').map((f) => f.rule).sort(),
}));
`;

const npm = (args: string[], cwd: string): string =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the packed tarball installed into a fresh project', () => {
  const work = mkdtempSync(join(tmpdir(), 'xxgk-pack-'));
  const copy = join(work, 'xxgk');
  const project = join(work, 'consumer');
  let packed: { filename: string; files: { path: string }[] };

  before(() => {
    for (const name of SOURCES) cpSync(join(ROOT, name), join(copy, name), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
    [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], copy));
    cpSync(join(ROOT, 'samples', '2024-mistakes.txt'), join(project, '2024-mistakes.txt'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    writeFileSync(join(project, 'example.ts'), EXAMPLE);
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        module: 'nodenext', target: 'es2022', strict: true, outDir: 'out', skipLibCheck: false,
        types: ['node'], typeRoots: [join(ROOT, 'node_modules', '@types')],
      },
      files: ['example.ts'],
    }));
    npm(['install', '--prefer-offline', join(work, packed.filename)], project);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('ships the compiled library with its declarations, the bin, docs and samples, and no sources or tests', () => {
    const paths = packed.files.map((f) => f.path);
    for (const path of ['dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js', 'bin/xxgk.js', 'docs/report.schema.json', 'docs/report-json.md', 'samples/2024-tab.txt']) {
      assert.ok(paths.includes(path), path);
    }
    assert.deepEqual(paths.filter((p) => /^(src|test|bench)\/|tsbuildinfo|\.ts$/.test(p) && !p.endsWith('.d.ts')), []);
  });

  it('runs the README library example, typed, on a sample report', () => {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], { stdio: 'pipe' });
    const out = execFileSync(process.execPath, [join(project, 'out', 'example.js'), join(project, '2024-mistakes.txt')], { encoding: 'utf8' });
    // Values transcribed from samples/2024-mistakes.txt: its title and line 54 (一、本年新收…). Its three mistakes: line 35
    // (行政规范性文件 with 2 values for 3 columns), 予以公开 total 59 against 69, 自然人 outcomes 101 against 91.
    assert.deepEqual(JSON.parse(out), {
      agency: '江沙市商务局',
      year: 2024,
      received: [91, 17, 1, 0, 4, 5, 118],
      versions: [PACKAGE.version, '2.0.0'],
      errors: ['row-value-count', 'table3-outcomes', 'table3-row-total'],
    });
  });

  it('reads a batch in worker threads from the installed package, in input order', () => {
    const script = join(project, 'batch.mjs');
    writeFileSync(script, `import { parseMany } from 'xxgk';
const out = [];
for await (const o of parseMany(process.argv.slice(2))) out.push('report' in o ? o.report.agency : o.error.error.code);
console.log(JSON.stringify(out));
`);
    const out = execFileSync(process.execPath, [script, join(project, '2024-mistakes.txt'), join(project, 'missing.txt')], { encoding: 'utf8', cwd: project });
    assert.deepEqual(JSON.parse(out), ['江沙市商务局', 'not-found']);
  });

  it('installs the xxgk command, which runs the compiled CLI', () => {
    const bin = join(project, 'node_modules', '.bin', 'xxgk');
    assert.equal(execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim(), PACKAGE.version);
  });
});
