#!/usr/bin/env node
// Runs the compiled CLI: nothing transpiles at run time. `npm install` in a checkout builds dist/ (the prepare script).
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('xxgk: 未找到编译后的程序，请先运行 npm install 或 npm run build（dist/ is missing: run npm install or npm run build）\n');
  process.exit(2);
}
await import(main.href);
