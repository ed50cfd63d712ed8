/**
 * `xxgk worker`: takes import jobs from the queue on the PostgreSQL server until stopped. Any number of workers on
 * any number of machines; quiet on success but for a progress line; `--json` prints one event line per job.
 */
import type { Command } from 'commander';
import { defaultLimits } from '../pipeline/index.ts';
import { loadRoster, RosterError } from '../roster/index.ts';
import { ImportWorker, type ImportStatus, type WorkEvent } from '../store/index.ts';
import { inline, sayJson, warn } from './output.ts';
import { openQueue, positive, serverUrl } from './queue-options.ts';
import { addStoreOptions, openStore, type StoreCliOptions } from './store-options.ts';

interface WorkerCliOptions extends StoreCliOptions {
  concurrency?: number;
  timeout?: number;
  maxMemory?: number;
  ocr?: boolean;
  roster?: string;
  json?: boolean;
  poll?: number;
  maintenance?: number;
  progress?: number;
  untilEmpty?: boolean;
}

const STATUS_ZH: Record<ImportStatus, string> = { imported: '新增', 'new-version': '新版本', unchanged: '未变', unreadable: '无法读取' };

export function registerWorker(program: Command): void {
  const defaults = defaultLimits();
  const command = program
    .command('worker')
    .description('从 PostgreSQL 上的任务队列领取导入任务（xxgk import --queue 排入），直到收到停止信号；可在多台机器上同时运行');
  addStoreOptions(command)
    .option('-c, --concurrency <n>', `同时处理的任务数，每个在独立线程中读取（默认为处理器核数，本机 ${defaults.concurrency}）`, positive)
    .option('--timeout <秒>', `每个文件的读取时限（默认 ${defaults.timeoutMs / 1000} 秒）`, positive)
    .option('--max-memory <MB>', `每个文件读取时可用的内存上限（默认 ${defaults.memoryMb} MB）`, positive)
    .option('--ocr', '对没有文字层的扫描件进行文字识别（需安装 tesseract-ocr）')
    .option('--roster <file>', '机关名册（CSV），登记地区、级别与别名')
    .option('--json', '每个任务输出 JSON 事件行（start、done、failed）')
    .option('--poll <秒>', '队列为空时每隔几秒查看一次（默认 2）', positive)
    .option('--maintenance <秒>', '每隔几秒查找失联工作进程留下的任务（默认 120）', positive)
    .option('--progress <秒>', '每隔几秒输出一行进度（默认 60）', positive)
    .option('--until-empty', '队列中没有可领取的任务时退出（批量运行；等待重试的任务留给以后）')
    .addHelpText('after', `
SIGTERM 或 Ctrl-C：不再领取任务，做完手上的任务后退出；再按一次：把手上的任务交回队列（稍后重试）并立即退出。
被 kill -9 的工作进程手上的任务在 --job-expire（见 xxgk import --queue）到期后交给其他进程；同一文件只写入一次。

示例：
  DATABASE_URL=postgres://user@host/xxgk xxgk worker -c 4
  xxgk worker --database-url postgres://user@host/xxgk --json`)
    .action(async (opts: WorkerCliOptions, cmd: Command) => {
      const url = serverUrl(opts);
      const roster = opts.roster
        ? await loadRoster(opts.roster).catch((e: Error) => cmd.error(e instanceof RosterError ? e.message : `无法读取名册 (cannot read roster): ${e.message}`, { exitCode: 2 }))
        : undefined;
      const store = await openStore({ databaseUrl: url });
      const queue = await openQueue(url, { maintenanceSeconds: opts.maintenance });
      const tally = new WorkTally();
      const worker = new ImportWorker(store, queue, {
        concurrency: opts.concurrency,
        limits: { ...(opts.timeout && { timeoutMs: opts.timeout * 1000 }), ...(opts.maxMemory && { memoryMb: opts.maxMemory }) },
        ocr: opts.ocr,
        roster,
        pollSeconds: opts.poll,
        untilEmpty: opts.untilEmpty,
        onEvent: (event) => {
          tally.add(event);
          if (opts.json) sayJson(event);
          else if (event.event === 'failed') warn(`xxgk worker: ${inline(event.path)}: 任务失败，将重试或进入失败列表 (job failed, retried or dead-lettered): ${inline(event.error)}`);
          else if (event.event === 'error') warn(`xxgk worker: 无法领取任务 (cannot take a job): ${inline(event.error)}`);
        },
      });
      const progress = setInterval(() => (opts.json ? sayJson({ event: 'progress', ...tally.count }) : warn(tally.line())), (opts.progress ?? 60) * 1000);
      progress.unref();
      let signals = 0;
      const onSignal = () => {
        if (++signals === 1) {
          worker.stop();
          if (!opts.json) warn('xxgk worker: 正在停止，做完手上的任务后退出；再按一次立即退出 (stopping after the jobs in hand; again to quit now)');
        } else void worker.release().finally(() => process.exit(130));
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      if (opts.json) sayJson({ event: 'ready', pid: process.pid, concurrency: opts.concurrency ?? defaults.concurrency });
      try {
        await worker.run();
      } finally {
        clearInterval(progress);
        await queue.close();
        await store.close();
      }
      if (opts.json) sayJson({ event: 'stopped', ...tally.count });
      else warn(tally.line());
    });
}

class WorkTally {
  readonly count: Record<ImportStatus | 'failed', number> = { imported: 0, 'new-version': 0, unchanged: 0, unreadable: 0, failed: 0 };
  private readonly since = Date.now();

  add(event: WorkEvent): void {
    if (event.event === 'done') this.count[event.status]++;
    else if (event.event === 'failed') this.count.failed++;
  }

  line(): string {
    const done = (Object.keys(STATUS_ZH) as ImportStatus[]).reduce((n, k) => n + this.count[k], 0);
    const parts = (Object.keys(STATUS_ZH) as ImportStatus[]).map((k) => `${STATUS_ZH[k]} ${this.count[k]}`);
    const rate = done / Math.max(1, (Date.now() - this.since) / 1000);
    return `xxgk worker: 已完成 ${done} 个任务（${parts.join('，')}），失败 ${this.count.failed} 次；每秒 ${rate.toFixed(1)} 个`;
  }
}
