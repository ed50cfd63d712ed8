/** The app's own stylesheet and script, served from public/ (the only scripts the CSP allows). */
import { readFileSync } from 'node:fs';
import type { AppContext } from './context.ts';

// src/server and dist/server are both two levels below the package root, where public/ is.
const PUBLIC = new URL('../../public/', import.meta.url);
const FILES = { 'app.css': 'text/css; charset=utf-8', 'app.js': 'text/javascript; charset=utf-8' } as const;

export function registerStatic(ctx: AppContext): void {
  for (const [name, type] of Object.entries(FILES)) {
    const body = readFileSync(new URL(name, PUBLIC));
    ctx.route('GET', `/static/${name}`, 'public', (c) =>
      c.body(body, 200, { 'content-type': type, 'cache-control': 'no-cache' }),
    );
  }
}
