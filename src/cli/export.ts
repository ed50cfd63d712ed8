/** `xxgk export dataset`: a region's corpus as JSON Lines, the current Report JSON of each report (docs/report.schema.json). */
import type { Command } from 'commander';
import { dataset } from '../store/index.ts';
import { year } from './import.ts';
import { sayJson } from './output.ts';
import { withStore } from './query.ts';
import { addStoreOptions, type StoreCliOptions } from './store-options.ts';

type ExportOptions = StoreCliOptions & { region?: string; year?: number };

export function registerExport(program: Command): void {
  const exporter = program.command('export').description('从数据库导出数据');
  addStoreOptions(
    exporter
      .command('dataset')
      .description('导出数据集：每份报告当前版本的 Report JSON 一行（JSON Lines），符合 docs/report.schema.json'),
  )
    .option('--region <地区>', '只导出这个地区（含下级地区）的报告')
    .option('--year <年度>', '只导出这一年度的报告', year)
    .addHelpText('after', `
示例：
  xxgk export dataset --region 淮安市 > 淮安市.jsonl`)
    .action(async (opts: ExportOptions) => {
      await withStore(opts, async (store) => {
        for await (const report of dataset(store.db, { region: opts.region, year: opts.year })) sayJson(report);
      });
    });
}
