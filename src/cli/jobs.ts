/** `xxgk jobs`: the import queue on the PostgreSQL server, by state, and the files that failed every try. */
import type { Command } from 'commander';
import type { DeadJob } from '../store/index.ts';
import { inline, say, sayJson } from './output.ts';
import { addPolicyOptions, openQueue, retryPolicy, serverUrl, type PolicyCliOptions } from './queue-options.ts';
import { addStoreOptions, type StoreCliOptions } from './store-options.ts';

interface JobsCliOptions extends StoreCliOptions, PolicyCliOptions {
  json?: boolean;
  retryDead?: boolean;
}

export function registerJobs(program: Command): void {
  const command = program.command('jobs').description('查看导入任务队列：各状态的任务数，以及重试用尽仍失败的文件和原因');
  addPolicyOptions(addStoreOptions(command))
    .option('--json', '输出 JSON')
    .option('--retry-dead', '把失败列表中的文件重新排队（重试次数重新计算）')
    .action(async (opts: JobsCliOptions) => {
      const queue = await openQueue(serverUrl(opts));
      try {
        const retried = opts.retryDead ? await queue.retryDead(retryPolicy(opts)) : undefined;
        const { jobs, dead: deadCount } = await queue.counts();
        const dead = await queue.dead();
        const counts = { queued: jobs.created + jobs.retry, active: jobs.active, completed: jobs.completed, failed: jobs.failed, dead: deadCount };
        if (opts.json) sayJson({ ...counts, ...(retried !== undefined && { retried }), deadLetters: dead });
        else printJobs(counts, dead, retried);
      } finally {
        await queue.close();
      }
    });
}

function printJobs(counts: { queued: number; active: number; completed: number; failed: number; dead: number }, dead: DeadJob[], retried?: number): void {
  if (retried !== undefined) say(`已重新排队 ${retried} 个文件`);
  say(`等待 ${counts.queued}，处理中 ${counts.active}，已完成 ${counts.completed}，失败 ${counts.failed}，失败列表 ${counts.dead}`);
  for (const d of dead) say(`  ${inline(d.path)}  ${d.sha256.slice(0, 12)}  ${d.failedAt.toISOString()}  ${inline(d.reason)}`);
}
