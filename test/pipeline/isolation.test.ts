/**
 * The pipeline reads each input in a worker with a heap cap and a wall-clock limit enforced from outside: inputs on
 * which pdf.js spins forever, or that need more memory than the cap, yield a one-line error and the batch goes on,
 * in input order.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CheckBatch, parseMany, type Outcome } from '../../src/pipeline/index.ts';
import { CLI } from '../helpers.ts';
import { escapeSequenceText, hangingFlippedPdf, hangingFlippedPdf2, nestedQPdf } from '../security/attacks.ts';
import { textReport } from '../checks/builder.ts';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-isolation-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const good = file('good.txt', textReport());
const nested = file('nested-q.pdf', nestedQPdf());
const flipped = file('flipped.pdf', hangingFlippedPdf());
const flipped2 = file('flipped2.html', hangingFlippedPdf2());
/** 12 MB of report text: far more heap than the 24 MB cap the test sets. */
const big = file('big.txt', `某局2024年政府信息公开工作年度报告\n一、总体情况\n${'本机关坚持以公开为常态、不公开为例外，依法依规做好政府信息公开工作。\n'.repeat(120_000)}`);

async function all(paths: string[], limits: { timeoutMs?: number; memoryMb?: number; concurrency?: number }): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for await (const o of parseMany(paths, { limits })) out.push(o);
  return out;
}

const codeOf = (o: Outcome) => ('error' in o ? o.error.error.code : 'report');

describe('reading in isolated workers', () => {
  it('stops the hanging PDFs at the time limit and reads the rest of the batch, in input order', async () => {
    const outcomes = await all([nested, good, flipped, good, flipped2], { timeoutMs: 3000, concurrency: 2 });
    assert.deepEqual(outcomes.map((o) => o.path), [nested, good, flipped, good, flipped2]);
    assert.deepEqual(outcomes.map(codeOf), ['timeout', 'report', 'timeout', 'report', 'timeout']);
    const error = (outcomes[0] as { error: { error: { message: string; message_en: string } } }).error.error;
    assert.equal(error.message, '读取超时：超过 3 秒，已停止');
    assert.equal(error.message_en, 'reading timed out after 3 s and was stopped');
  });

  it('stops a worker past the memory cap, says so, and the next input is read by a new worker', async () => {
    const outcomes = await all([big, good], { memoryMb: 24, concurrency: 1 });
    assert.deepEqual(outcomes.map(codeOf), ['memory', 'report']);
    assert.match((outcomes[0] as { error: { error: { message: string } } }).error.error.message, /内存超限：超过 24 MB/);
  });

  it('refuses limits that are not positive integers, and takes unset ones from the defaults', async () => {
    await assert.rejects(all([good], { concurrency: 0 }), /limits.concurrency must be a positive integer/);
    await assert.rejects(all([good], { timeoutMs: 1.5 }), /limits.timeoutMs/);
    assert.deepEqual((await all([good], { concurrency: undefined, timeoutMs: 3_000_000_000 })).map(codeOf), ['report']);
  });

  it('stamps error records with the versions, like reports', async () => {
    const [outcome] = await all([join(dir, 'missing.txt')], {});
    assert.ok('error' in outcome);
    assert.ok(outcome.error.xxgk_version && outcome.error.schema_version);
  });

  it('keeps a checked batch on disk, not in memory, and removes it when closed', async () => {
    const before = readdirSync(tmpdir()).filter((n) => n.startsWith('xxgk-spool-')).length;
    const batch = new CheckBatch([good, good]);
    for await (const _ of batch.checked());
    assert.equal(readdirSync(tmpdir()).filter((n) => n.startsWith('xxgk-spool-')).length, before + 1);
    const final = [];
    for await (const o of batch.final()) final.push(o);
    assert.deepEqual(final.map(codeOf), ['report', 'report']);
    await batch.close();
    assert.equal(readdirSync(tmpdir()).filter((n) => n.startsWith('xxgk-spool-')).length, before);
  });
});

describe('the CLI over hostile inputs', () => {
  it('gives a hanging file its one-line reason on stderr, exit 2, and checks the rest', () => {
    const r = spawnSync(process.execPath, [...CLI, 'check', '--timeout', '2', nested, good], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.deepEqual(r.stderr.trim().split('\n'), [`xxgk: ${nested}: 读取超时：超过 2 秒，已停止 (reading timed out after 2 s and was stopped)`]);
    assert.match(r.stdout, /2 个文件，0 个错误，0 个警告，0 个提示，1 个无法读取\n$/);
  });

  it('escapes terminal control sequences from report text and file names in human output', () => {
    const path = file('bad\x1b[2Jname.txt', escapeSequenceText());
    const r = spawnSync(process.execPath, [...CLI, 'parse', path], { encoding: 'utf8' });
    assert.doesNotMatch(r.stdout + r.stderr, /[\x07\x1b]/);
    assert.match(r.stdout, /bad\\u\{1b\}\[2Jname\.txt/);
  });

  it('leaves no scratch folder behind when the reader of its output stops early (a closed pipe)', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'xxgk-early-'));
    const mistakes = join(import.meta.dirname, '..', '..', 'samples', '2024-mistakes.txt');
    const command = [process.execPath, ...CLI, 'check', ...Array(6).fill(mistakes)].map((a) => `'${a}'`).join(' ');
    const r = spawnSync('sh', ['-c', `${command} | head -1`], { encoding: 'utf8', env: { ...process.env, TMPDIR: scratch } });
    assert.equal(r.status, 0);
    assert.deepEqual(readdirSync(scratch).filter((n) => n.startsWith('xxgk-')), []);
    rmSync(scratch, { recursive: true, force: true });
  });

  it('keeps a file name with line breaks on its own line, so it cannot fake output lines', () => {
    const path = file('x\n0 个文件，0 个错误\n.txt', escapeSequenceText());
    const r = spawnSync(process.execPath, [...CLI, 'check', path], { encoding: 'utf8' });
    assert.doesNotMatch(r.stdout, /^0 个文件/m);
    assert.match(r.stdout, /x\\u\{a\}0 个文件，0 个错误\\u\{a\}\.txt/);
  });
});
