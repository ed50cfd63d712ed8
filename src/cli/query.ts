/**
 * `xxgk query <question>`: ask the store — an agency across years, a region's sum, a 本级政府 report against its
 * members, rankings, findings by rule, full-text search. Aligned text, JSON Lines (--json) or CSV (--csv).
 */
import { Option, type Command } from 'commander';
import {
  agencyHistory, findingsByRule, governmentVsMembers, levelName, rank, RANKINGS, regionMembers, regionSum, search, StoreError,
  type RankingId, type Store, type Table,
} from '../store/index.ts';
import { year } from './import.ts';
import { positive } from './options.ts';
import { inline, warn } from './output.ts';
import { addStoreOptions, openStore, type StoreCliOptions } from './store-options.ts';
import { printTable, tableFormat, type FormatOptions } from './table.ts';
import { rowsToXlsx } from '../render/xlsx.ts';
import { writeFile } from 'node:fs/promises';

type QueryOptions = StoreCliOptions & FormatOptions & { year?: number; region?: string; limit?: number; members?: boolean; xlsx?: string };

export function registerQuery(program: Command): void {
  const query = program
    .command('query')
    .description('查询数据库：机关历年数据、地区汇总、本级政府报告与所属机关合计对照、排名、问题统计、全文检索')
    .addHelpText('after', `
示例：
  xxgk query agency 石嘴山市卫生健康委
  xxgk query region 淮安市 --year 2023
  xxgk query government 淮安市 --year 2023
  xxgk query rank applications --year 2023 --region 淮安市
  xxgk query rules --region 淮安市
  xxgk query search 依申请公开 --region 淮安市 --csv > 检索.csv`);

  question(query, 'agency <机关>', '一个机关历年报告的每个单元格、发布日期和问题数（机关名称或其别名）', async (store, [name]) =>
    {
      const h = await agencyHistory(store.db, name);
      const where = [levelName(h.agency.level) ?? '级别不明', h.agency.region.join('') || '地区不明'].join(' · ');
      return { table: h, heading: `${inline(h.agency.name)}（${where}）` };
    });

  question(query, 'region <地区>', '地区（含下级地区）某年度全部报告各单元格之和；--members 列出所含报告', async (store, [region], opts) => {
    const sum = await regionSum(store.db, region, opts.year);
    const where = `${sum.region.path.join('')} ${sum.year ?? ''}年度`;
    if (opts.members) return { table: await regionMembers(store.db, { regionId: sum.region.id, year: sum.year }), heading: `${where}：${sum.members} 份报告` };
    return { table: sum, heading: `${where}：${sum.members} 份报告各单元格之和（空白表示所有报告均未填数）` };
  }, (c) => c.option('--members', '列出所含报告，而不是单元格之和'));

  question(query, 'government <地区>', '地区本级政府报告的表三、表四与其他机关（不含下级本级政府）合计逐项对照；差额仅供参考', async (store, [region], opts) => {
    const c = await governmentVsMembers(store.db, region, opts.year);
    const who = c.government ? inline(c.government.agency) : '（无本级政府报告）';
    return { table: c, heading: `${c.region.path.join('')} ${c.year ?? ''}年度：${who} 对照其他 ${c.members} 份报告之和` };
  });

  question(query, 'rank <排名>', `排名：${RANKINGS.map((r) => `${r.id}（${r.name}）`).join('、')}`, async (store, [id], opts) => {
    const r = await rank(store.db, ranking(id), { year: opts.year, region: opts.region, limit: opts.limit });
    return { table: r, heading: `${r.region ?? '全部地区'} ${r.year ?? ''}年度 ${r.ranking.name}排名` };
  }, (c) => c.option('--limit <n>', '只列前 n 名', positive));

  question(query, 'rules', '按规则统计问题：问题数、涉及报告数、审核状态（待审、已确认、已排除）', async (store, _args, opts) => {
    const table = await findingsByRule(store.db, { region: opts.region, year: opts.year });
    return { table, heading: `${opts.region ?? '全部地区'} ${opts.year ? `${opts.year}年度` : '各年度'}：按规则统计问题` };
  });

  question(query, 'search <词语...>', '全文检索报告正文（分词后所有词语都须出现），按相关度排列并给出摘录', async (store, words, opts) => {
    const table = await search(store.db, words.join(' '), { region: opts.region, year: opts.year, limit: opts.limit });
    return { table, heading: `检索“${inline(words.join(' '))}”：${table.rows.length} 份报告` };
  }, (c) => c.option('--limit <n>', '最多列出 n 份报告（默认 20）', positive));
}

type Answer = (store: Store, args: string[], opts: QueryOptions) => Promise<{ table: Table; heading: string }>;

const LATEST = '年度（默认为数据库中最近的年度）';
const ANY_YEAR = '只看这一年度（默认为全部年度）';
const REGION = '只看这个地区（含下级地区），如 淮安市 或 江苏省淮安市';

/** Which of --year and --region a question takes, with what the year defaults to. */
const SCOPED: Record<string, { year?: string; region?: boolean }> = {
  region: { year: LATEST },
  government: { year: LATEST },
  rank: { year: LATEST, region: true },
  rules: { year: ANY_YEAR, region: true },
  search: { year: ANY_YEAR, region: true },
};

/** One question: its arguments and options, and printing the answer. */
function question(parent: Command, usage: string, description: string, answer: Answer, extra: (c: Command) => Command = (c) => c): void {
  const command = extra(parent.command(usage).description(description));
  const scoped = SCOPED[usage.split(' ')[0]] ?? {};
  if (scoped.year) command.option('--year <年度>', scoped.year, year);
  if (scoped.region) command.option('--region <地区>', REGION);
  addStoreOptions(command)
    .option('--json', '输出 JSON Lines：每行一条结果')
    .addOption(new Option('--csv', '输出 CSV（UTF-8，带 BOM），可用电子表格打开').conflicts('json'))
    .addOption(new Option('--xlsx <文件>', '写入 Excel 文件（.xlsx）').conflicts(['json', 'csv']))
    .action(async (...args: unknown[]) => {
      const cmd = args.at(-1) as Command;
      const opts = cmd.opts<QueryOptions>();
      const positional = (args.slice(0, -2) as (string | string[])[]).flat();
      await withStore(opts, async (store) => {
        const { table, heading } = await answer(store, positional, opts);
        if (opts.xlsx) await writeFile(opts.xlsx, await rowsToXlsx(table.columns, table.rows, usage.split(' ')[0]));
        else printTable(table, tableFormat(opts), heading);
      });
    });
}

/** Opens the store, runs `work`, closes it; a question the store cannot answer (no such region) ends with exit 2. */
export async function withStore(opts: StoreCliOptions, work: (store: Store) => Promise<void>): Promise<void> {
  const store = await openStore(opts);
  try {
    await work(store);
  } catch (e) {
    if (!(e instanceof StoreError)) throw e;
    warn(`xxgk: ${inline(e.message)}`);
    process.exitCode = 2;
  } finally {
    await store.close();
  }
}

function ranking(id: string): RankingId {
  if (RANKINGS.some((r) => r.id === id)) return id as RankingId;
  const ids = RANKINGS.map((r) => r.id).join(', ');
  throw new StoreError('input', `未知排名“${id}”，可选：${ids}`, `unknown ranking "${id}"; one of ${ids}`);
}
