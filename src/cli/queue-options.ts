/** What the queue commands share: the server they need (the embedded engine has no queue) and how jobs retry. */
import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_POLICY, JobQueue, StoreError, type QueueOptions, type RetryPolicy } from '../store/index.ts';
import { inline, warn } from './output.ts';
import type { StoreCliOptions } from './store-options.ts';

export interface PolicyCliOptions {
  retries?: number;
  retryDelay?: number;
  jobExpire?: number;
}

/** The server's URL, or the command ends with one bilingual line (exit 2): a queue shared by machines needs a server. */
export function serverUrl(opts: StoreCliOptions): string {
  const url = opts.databaseUrl ?? process.env.DATABASE_URL;
  if (url) return url;
  warn('xxgk: 任务队列需要 PostgreSQL 服务器：请设置 DATABASE_URL 或 --database-url（内置数据库不支持队列）'
    + ' (the job queue needs a PostgreSQL server: set DATABASE_URL or --database-url; the embedded database has no queue)');
  process.exit(2);
}

export async function openQueue(url: string, options: QueueOptions = {}): Promise<JobQueue> {
  try {
    return await JobQueue.open(url, options);
  } catch (e) {
    if (!(e instanceof StoreError)) throw e;
    warn(`xxgk: ${inline(e.message)}`);
    process.exit(2);
  }
}

export function addPolicyOptions(command: Command): Command {
  const d = DEFAULT_POLICY;
  return command
    .option('--retries <n>', `失败后重试的次数，用尽后进入失败列表（默认 ${d.retries}）`, count)
    .option('--retry-delay <秒>', `第一次重试前等待的秒数，其后每次加倍（默认 ${d.retryDelaySeconds}）`, positive)
    .option('--job-expire <秒>', `一个任务最长处理时间，超过即视为工作进程失联，交给其他进程（默认 ${d.expireSeconds}）`, positive);
}

export function retryPolicy(opts: PolicyCliOptions): RetryPolicy {
  const d = DEFAULT_POLICY;
  return { retries: opts.retries ?? d.retries, retryDelaySeconds: opts.retryDelay ?? d.retryDelaySeconds, expireSeconds: opts.jobExpire ?? d.expireSeconds };
}

export function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('应为正整数 (expected a positive integer)');
  return n;
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('应为非负整数 (expected a whole number)');
  return n;
}
