/**
 * `xxgk import --queue PATH...`: store each file's bytes on the server and leave one job per file for `xxgk worker`
 * processes on any machine. Prints how many were queued, already queued, already imported.
 */
import { expandInputs } from '../pipeline/index.ts';
import { enqueueFiles, type EnqueueStatus, type ImportJob } from '../store/index.ts';
import { inline, say, sayJson, warn } from './output.ts';
import { withProgress } from './progress.ts';
import { openQueue, retryPolicy, serverUrl, type PolicyCliOptions } from './queue-options.ts';
import { openStore, type StoreCliOptions } from './store-options.ts';

export interface EnqueueCliOptions extends StoreCliOptions, PolicyCliOptions {
  json?: boolean;
  quiet?: boolean;
}

const STATUS_ZH: Record<EnqueueStatus, string> = { queued: '已排队', 'already-queued': '已在队列中', stored: '已入库', unreadable: '无法读取' };

export async function enqueueCommand(paths: string[], overrides: ImportJob['overrides'], opts: EnqueueCliOptions): Promise<void> {
  const url = serverUrl(opts);
  const store = await openStore({ databaseUrl: url });
  try {
    const queue = await openQueue(url);
    try {
      const files = await expandInputs(paths);
      const count: Record<EnqueueStatus, number> = { queued: 0, 'already-queued': 0, stored: 0, unreadable: 0 };
      for await (const event of withProgress(enqueueFiles(store, queue, files, { overrides, policy: retryPolicy(opts) }), files.length, '排队')) {
        count[event.status]++;
        if (opts.json) sayJson(event);
        if (event.error) warn(`xxgk: ${inline(event.path)}: ${inline(event.error.message)} (${inline(event.error.message_en)})`);
      }
      const parts = (Object.keys(STATUS_ZH) as EnqueueStatus[]).map((k) => `${STATUS_ZH[k]} ${count[k]}`);
      const line = `${files.length} 个文件：${parts.join('，')}；由 xxgk worker 导入，xxgk jobs 查看进度（${inline(store.where)}）`;
      if (!opts.quiet) (opts.json ? warn : say)(line);
      process.exitCode = count.unreadable ? 2 : 0;
    } finally {
      await queue.close();
    }
  } finally {
    await store.close();
  }
}
