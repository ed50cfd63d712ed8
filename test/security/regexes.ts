/**
 * Every regular expression of src/: the literals, read from the source with the TypeScript parser, and the ones built
 * with `new RegExp(...)`, captured while the whole pipeline reads and checks the samples (their text comes from the
 * statutory format, so only running the code shows it). Each `new RegExp` call site must have been seen running, so
 * none escapes the check.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export interface FoundRegex {
  where: string;
  source: string;
  flags: string;
}

// Not imported from the helpers: they load src/ modules, whose module-level regexes must be built under watch.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Regex literals, and the places `new RegExp` is called, of every file in src/. */
export function staticRegexes(): { literals: FoundRegex[]; constructorSites: string[] } {
  const literals: FoundRegex[] = [];
  const constructorSites: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (n: ts.Node) => `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    const visit = (n: ts.Node): void => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = n.getText();
        const end = text.lastIndexOf('/');
        literals.push({ where: where(n), source: text.slice(1, end), flags: text.slice(end + 1) });
      } else if (ts.isNewExpression(n) && n.expression.getText() === 'RegExp') {
        constructorSites.push(where(n));
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { literals, constructorSites };
}

/** Runs `work` with the global RegExp constructor watched; returns every regex built from src/ meanwhile. */
export async function capturedRegexes(work: () => Promise<void>): Promise<FoundRegex[]> {
  const found: FoundRegex[] = [];
  const original = globalThis.RegExp;
  globalThis.RegExp = new Proxy(original, {
    construct(target, args: [string | RegExp, string?]) {
      const re = new target(...args);
      const site = callSite(new Error().stack ?? '');
      if (site) found.push({ where: site, source: re.source, flags: re.flags });
      return re;
    },
  });
  try {
    await work();
  } finally {
    globalThis.RegExp = original;
  }
  return found;
}

/** The first frame of the stack that lies in src/, as "src/x.ts:line". */
function callSite(stack: string): string | undefined {
  for (const frame of stack.split('\n').slice(2)) {
    const m = /(?:file:\/\/)?(\/[^():]+\.ts):(\d+):\d+/.exec(frame);
    if (m && m[1].startsWith(SRC)) return `${relative(ROOT, m[1])}:${m[2]}`;
  }
  return undefined;
}
