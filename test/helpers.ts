/** Shared test helpers: locating the seed corpus and reading fixtures through the whole pipeline. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractReport } from '../src/extract/index.ts';
import { readBytes, readPath } from '../src/readers/index.ts';
import type { Finding, Report } from '../src/report/types.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
/** Node arguments that run the CLI from its TypeScript sources (bin/xxgk.js runs the build; test/package tests it). */
export const CLI = ['--import', import.meta.resolve('tsx'), join(ROOT, 'src', 'cli', 'main.ts')];
/** The shared seed corpus lives beside the repository (for developers and CI only). */
export const SEEDS_DIR = join(ROOT, '..', 'shared', 'seeds');
export const seedsAvailable = existsSync(SEEDS_DIR);

export function seedNames(): string[] {
  return readdirSync(join(FIXTURES, 'seeds')).filter((f) => f.endsWith('.expected.json')).map((f) => f.replace('.expected.json', ''));
}

export function expectedSeed(name: string): any {
  return JSON.parse(readFileSync(join(FIXTURES, 'seeds', `${name}.expected.json`), 'utf8'));
}

export async function parseFile(path: string): Promise<Report> {
  return extractReport(await readPath(path));
}

export async function parseText(text: string, name = 'fixture.txt'): Promise<Report> {
  return extractReport(await readBytes(new TextEncoder().encode(text), name));
}

/** Findings as compact [rule, line] pairs for literal comparison. */
export const ruleLines = (r: Report) => r.findings.map((f) => [f.rule, f.line ?? null]);

/** The Report JSON paths of the cells a finding points at. */
export const pathsOf = (f: Finding): string[] | undefined => f.place.cells?.map((c) => c.path);
