/** The xxgk command line: thin commands that call the library and print. */
import { Command } from 'commander';
import { registerCheck } from './check.ts';
import { registerExport } from './export.ts';
import { registerImport } from './import.ts';
import { registerLedger } from './ledger.ts';
import { registerParse } from './parse.ts';
import { registerRender } from './render.ts';
import { registerQuery } from './query.ts';
import { registerRoster } from './roster.ts';
import { registerJobs } from './jobs.ts';
import { registerWorker } from './worker.ts';
import { registerServe } from './serve.ts';
import { XXGK_VERSION } from '../report/version.ts';

const program = new Command()
  .name('xxgk')
  .description('政府信息公开工作年度报告：读取、核查、转换（xxgk — government information disclosure annual reports）')
  .version(XXGK_VERSION, '-V, --version', '显示版本号')
  .helpOption('-h, --help', '显示帮助')
  .helpCommand('help [command]', '显示某个命令的帮助')
  // A usage error is one line, like any unusable input: commander's reason, then the hint in both languages.
  .configureOutput({ outputError: (s, write) => write(`xxgk: ${s.trim().replace(/^error: /, '')}（用法错误，见 xxgk --help；usage error, see xxgk --help）\n`) });

// Set before the commands are registered, so that they inherit it: usage errors exit 2 like other Unix tools;
// --help and --version exit 0.
program.exitOverride((err) => {
  process.exit(err.exitCode === 0 ? 0 : 2);
});

// A reader that stops early (`xxgk parse dir/ | head`) closes the pipe: end quietly, as Unix tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

registerParse(program);
registerCheck(program);
registerImport(program);
registerRender(program);
registerLedger(program);
registerQuery(program);
registerExport(program);
registerRoster(program);
registerWorker(program);
registerJobs(program);
registerServe(program);

await program.parseAsync(process.argv);
