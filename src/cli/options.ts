/** Options parse and check share: reading limits, output form, and which findings are shown. */
import { InvalidArgumentError, type Command } from 'commander';
import { CATALOGUE, defaultLimits, type BatchOptions } from '../pipeline/index.ts';
import type { Severity } from '../report/types.ts';
import { FindingFilter } from './findings.ts';

export interface CommonOptions {
  json?: boolean;
  pretty?: boolean;
  ocr?: boolean;
  timeout?: number;
  maxMemory?: number;
  jobs?: number;
  quiet?: boolean;
  severity?: Severity;
  ignore?: string[];
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

export function addCommonOptions(command: Command): Command {
  const defaults = defaultLimits();
  return command
    .option('--json', '输出 JSON Lines：每个输入一行 Report JSON，顺序与输入一致')
    .option('--pretty', '与 --json 同用：缩进排版，便于阅读')
    .option('-q, --quiet', '只显示错误级问题（同 --severity error）')
    .option('--severity <级别>', '只显示不低于该级别的问题：error、warning 或 info', severity)
    .option('--ignore <规则>', '不显示某条规则的问题（规则编号，可用逗号分隔或重复使用）', collect, [])
    .option('--ocr', '对没有文字层的扫描件进行文字识别（需安装 tesseract-ocr）')
    .option('--timeout <秒>', `每个文件的读取时限，超过即停止并报“读取超时”（默认 ${defaults.timeoutMs / 1000} 秒，--ocr 时 600 秒）`, positive)
    .option('--max-memory <MB>', `每个文件读取时可用的内存上限（默认 ${defaults.memoryMb} MB）`, positive)
    .option('-j, --jobs <n>', `同时读取的文件数（默认为处理器核数，本机 ${defaults.concurrency}）`, positive);
}

export function batchOptions(opts: CommonOptions): BatchOptions {
  const limits: BatchOptions['limits'] = {};
  if (opts.timeout) limits.timeoutMs = opts.timeout * 1000;
  if (opts.maxMemory) limits.memoryMb = opts.maxMemory;
  if (opts.jobs) limits.concurrency = opts.jobs;
  return { ocr: opts.ocr, limits };
}

export function findingFilter(opts: CommonOptions): FindingFilter {
  return new FindingFilter(opts.quiet ? 'error' : opts.severity ?? 'info', new Set(opts.ignore));
}

function severity(value: string): Severity {
  if (!SEVERITIES.includes(value as Severity)) throw new InvalidArgumentError('应为 error、warning 或 info (expected error, warning or info)');
  return value as Severity;
}

export function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('应为正整数 (expected a positive integer)');
  return n;
}

/** Rule ids, checked against the catalogue so that a misspelt id does not silently ignore nothing. */
function collect(value: string, previous: string[]): string[] {
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = ids.filter((id) => !CATALOGUE.some((r) => r.id === id));
  if (unknown.length) throw new InvalidArgumentError(`未知规则 ${unknown.join('、')}（xxgk check --rules 列出全部规则）(unknown rule)`);
  return [...previous, ...ids];
}
