/**
 * `xxgk import PATH...`: read reports into the store. Files already stored (same bytes) are skipped without
 * reading; a changed file of an agency and year becomes a new version. One line per unreadable file, a summary.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { levelByName } from '../format/index.ts';
import { expandInputs } from '../pipeline/index.ts';
import { loadRoster, RosterError } from '../roster/index.ts';
import { importFiles, type ImportEvent, type ImportStatus } from '../store/index.ts';
import { addCommonOptions, batchOptions, type CommonOptions } from './options.ts';
import { inline, say, sayJson, warn } from './output.ts';
import { withProgress } from './progress.ts';
import { addStoreOptions, openStore, type StoreCliOptions } from './store-options.ts';
import { enqueueCommand } from './enqueue.ts';
import { addPolicyOptions, type PolicyCliOptions } from './queue-options.ts';

type ImportCliOptions = CommonOptions &
  StoreCliOptions & PolicyCliOptions & { agency?: string; year?: number; region?: string; level?: string; roster?: string; queue?: boolean };

export const STATUS_ZH: Record<ImportStatus, string> = { imported: '新增', unchanged: '未变', 'new-version': '新版本', unreadable: '无法读取' };

export function registerImport(program: Command): void {
  const command = program
    .command('import')
    .description('把年度报告导入数据库（文件、文件夹或 zip 压缩包）；同一文件再次导入不变，修改过的文件成为新版本')
    .argument('<paths...>', '报告文件、文件夹（含子文件夹）或 .zip');
  addPolicyOptions(addStoreOptions(addCommonOptions(command)))
    .option('--queue', '不在本机读取：把文件存入 PostgreSQL 并为每个文件排一个任务，由 xxgk worker 处理（需 DATABASE_URL）')
    .option('--agency <机关>', '所有文件都属于这个机关（覆盖从内容识别的名称）')
    .option('--year <年度>', '所有文件都是这一年度的报告', year)
    .option('--region <地区>', '机关所在地区，由大到小，如 江苏省淮安市')
    .option('--level <级别>', '机关级别：本级政府、部门或乡镇街道', level)
    .option('--roster <file>', '机关名册（CSV），登记地区、级别与别名')
    .addHelpText('after', `
机关、地区、级别和年度从报告内容识别；识别不出时取自文件路径；命令行选项和名册优先。
退出码：0 完成；2 有无法读取的文件（其余照常导入）或数据库无法打开。

示例：
  xxgk import reports/
  xxgk import --roster 名册.csv --region 江苏省淮安市 2024年报告.zip
  DATABASE_URL=postgres://user@host/xxgk xxgk import reports/
  DATABASE_URL=postgres://user@host/xxgk xxgk import --queue reports/   # 再在各台机器上运行 xxgk worker`)
    .action(async (paths: string[], opts: ImportCliOptions, cmd: Command) => {
      if (opts.queue) {
        if (opts.roster) cmd.error('名册由工作进程使用：请用 xxgk worker --roster (with --queue, give the roster to xxgk worker --roster)', { exitCode: 2 });
        return enqueueCommand(paths, { agency: opts.agency, year: opts.year, region: opts.region, level: opts.level }, opts);
      }
      const roster = opts.roster
        ? await loadRoster(opts.roster).catch((e: Error) => cmd.error(e instanceof RosterError ? e.message : `无法读取名册 (cannot read roster): ${e.message}`, { exitCode: 2 }))
        : undefined;
      const store = await openStore(opts);
      try {
        const files = await expandInputs(paths);
        const events = importFiles(store, files, { ...batchOptions(opts), roster, agency: opts.agency, year: opts.year, region: opts.region, level: opts.level });
        const tally = new ImportTally();
        for await (const event of withProgress(events, files.length, '导入')) {
          tally.add(event);
          if (opts.json) sayJson(event);
          if (event.error) warn(`xxgk: ${inline(event.path)}: ${inline(event.error.message)} (${inline(event.error.message_en)})`);
        }
        if (!opts.quiet) (opts.json ? warn : say)(tally.summary(store.where));
        process.exitCode = tally.count.unreadable ? 2 : 0;
      } finally {
        await store.close();
      }
    });
}

class ImportTally {
  readonly count: Record<ImportStatus, number> = { imported: 0, unchanged: 0, 'new-version': 0, unreadable: 0 };
  readonly findings = { error: 0, warning: 0, info: 0 };

  add(event: ImportEvent): void {
    this.count[event.status]++;
    for (const k of ['error', 'warning', 'info'] as const) this.findings[k] += event.findings?.[k] ?? 0;
  }

  summary(where: string): string {
    const total = Object.values(this.count).reduce((a, b) => a + b, 0);
    const parts = (Object.keys(STATUS_ZH) as ImportStatus[]).map((k) => `${STATUS_ZH[k]} ${this.count[k]}`);
    const { error, warning, info } = this.findings;
    return `${total} 个文件：${parts.join('，')}；新读入的报告有 ${error} 个错误，${warning} 个警告，${info} 个提示（${inline(where)}）`;
  }
}

export function year(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2000 || n > 2100) throw new InvalidArgumentError('应为年度，如 2024 (expected a year)');
  return n;
}

function level(value: string): string {
  const found = levelByName(value);
  if (!found) throw new InvalidArgumentError('应为 本级政府、部门 或 乡镇街道 (expected a level)');
  return found.id;
}
