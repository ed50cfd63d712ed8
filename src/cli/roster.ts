/** `xxgk roster import FILE` / `xxgk roster export`: the agency roster (CSV) into and out of the store. */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { RosterError } from '../roster/index.ts';
import { exportRoster, importRoster } from '../store/index.ts';
import { inline, say, warn } from './output.ts';
import { withStore } from './query.ts';
import { addStoreOptions, type StoreCliOptions } from './store-options.ts';
import { rowsToCsv } from '../render/csv.ts';

export function registerRoster(program: Command): void {
  const roster = program
    .command('roster')
    .description('机关名册（CSV：机关、别名、地区、级别、上级）导入数据库或从数据库导出')
    .addHelpText('after', `
示例：
  xxgk roster import 名册.csv
  xxgk roster export > 名册.csv`);
  addStoreOptions(roster.command('import').description('导入名册：登记机关的地区、级别和别名（名册中的级别优先于从名称推断的级别）').argument('<file>', '名册 CSV 文件'))
    .action(async (file: string, opts: StoreCliOptions) => {
      const text = await readFile(file, 'utf8').catch((e: Error) => {
        warn(`xxgk: 无法读取名册 ${inline(file)} (cannot read roster): ${inline(e.message)}`);
        process.exit(2);
      });
      await withStore(opts, async (store) => {
        try {
          say(`已登记 ${await importRoster(store.db, text)} 个机关（${inline(store.where)}）`);
        } catch (e) {
          if (!(e instanceof RosterError)) throw e;
          warn(`xxgk: ${inline(e.message)}`);
          process.exitCode = 2;
        }
      });
    });
  addStoreOptions(roster.command('export').description('导出名册（CSV，UTF-8，带 BOM）：数据库中的全部机关及其地区、级别和别名'))
    .action(async (opts: StoreCliOptions) => {
      await withStore(opts, async (store) => {
        const table = await exportRoster(store.db);
        process.stdout.write(rowsToCsv(table.columns, table.rows));
      });
    });
}
