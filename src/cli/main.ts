/** The xxgk command line: thin commands that call the library and print. */
import { Command } from 'commander';
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

/**
 * Each command's module, loaded only when that command runs: the web server, the store and the office writers take
 * seconds to load, which `xxgk parse` and `xxgk --version` should not pay. Help loads them all to list them.
 */
const COMMANDS: Record<string, () => Promise<(program: Command) => void>> = {
  parse: async () => (await import('./parse.ts')).registerParse,
  check: async () => (await import('./check.ts')).registerCheck,
  import: async () => (await import('./import.ts')).registerImport,
  render: async () => (await import('./render.ts')).registerRender,
  ledger: async () => (await import('./ledger.ts')).registerLedger,
  author: async () => (await import('./author.ts')).registerAuthor,
  query: async () => (await import('./query.ts')).registerQuery,
  export: async () => (await import('./export.ts')).registerExport,
  roster: async () => (await import('./roster.ts')).registerRoster,
  worker: async () => (await import('./worker.ts')).registerWorker,
  jobs: async () => (await import('./jobs.ts')).registerJobs,
  serve: async () => (await import('./serve.ts')).registerServe,
  user: async () => (await import('./serve.ts')).registerServe,
};

const args = process.argv.slice(2);
const named = args.find((a) => !a.startsWith('-'));
const versionOnly = !named && args.some((a) => a === '-V' || a === '--version');
const wanted = named && named in COMMANDS ? [named] : versionOnly ? [] : Object.keys(COMMANDS).filter((n) => n !== 'user');
for (const name of wanted) (await COMMANDS[name]())(program);

await program.parseAsync(process.argv);
