/** The xxgk command line: thin commands that call the library and print. */
import { Command } from 'commander';
import { registerCheck } from './check.ts';
import { registerParse } from './parse.ts';
import { XXGK_VERSION } from '../report/version.ts';

const program = new Command()
  .name('xxgk')
  .description('政府信息公开工作年度报告：读取、核查（xxgk — government information disclosure annual reports）')
  .version(XXGK_VERSION, '-V, --version', '显示版本号')
  .helpOption('-h, --help', '显示帮助')
  .helpCommand('help [command]', '显示某个命令的帮助')
  .showHelpAfterError('（使用 --help 查看用法）')
  .configureOutput({ outputError: (s, write) => write(`xxgk: ${s}`) });

registerParse(program);
registerCheck(program);

program.exitOverride((err) => {
  // Usage errors exit 2 like other Unix tools; --help and --version exit 0.
  process.exit(err.exitCode === 0 ? 0 : 2);
});

await program.parseAsync(process.argv);
