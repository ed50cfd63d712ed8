/**
 * The files of a published-file case (PDF, DOCX) for generated reports 1..N, rendered once and cached under
 * bench/out/<case>/ (git-ignored). A file is named by a hash of the report data it shows, so a change to the generator
 * or the renderers re-renders exactly the files it affects.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderHtml } from '../src/render/index.ts';
import { generateReport } from '../test/support/generate.ts';
import type { FileCase } from './cases.ts';

const OUT_DIR = fileURLToPath(new URL('./out/', import.meta.url));

export function corpusPaths(bench: FileCase, reports: number): string[] {
  const dir = join(OUT_DIR, bench.name);
  return Array.from({ length: reports }, (_, i) => {
    // The HTML stands for every route: all of them render from the same report data through the same outline.
    const key = createHash('sha256').update(renderHtml(generateReport(i + 1))).digest('hex').slice(0, 16);
    return join(dir, `${String(i + 1).padStart(4, '0')}-${key}${bench.ext}`);
  });
}

function installed(program: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Paths of the case's files for reports 1..N, rendering the missing ones in one batch; undefined (with a reason)
 * when some are missing and a program the case needs is not installed.
 */
export async function ensureCorpus(bench: FileCase, reports: number): Promise<{ paths: string[]; rendered: number; seconds: number } | { missing: string }> {
  const paths = corpusPaths(bench, reports);
  const todo = paths.map((p, i) => [p, i + 1] as const).filter(([p]) => !existsSync(p));
  if (!todo.length) return { paths, rendered: 0, seconds: 0 };
  const absent = bench.needs.filter((p) => !installed(p));
  if (absent.length) return { missing: absent.join(', ') };
  const start = performance.now();
  const bytes = await bench.renderAll(todo.map(([, seed]) => generateReport(seed)));
  mkdirSync(join(OUT_DIR, bench.name), { recursive: true });
  todo.forEach(([path], i) => writeFileSync(path, bytes[i]));
  return { paths, rendered: todo.length, seconds: (performance.now() - start) / 1000 };
}
