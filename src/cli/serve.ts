/**
 * `xxgk serve`: the web app. Local mode (default) serves this machine's user on 127.0.0.1 without sign-in; with
 * --users it is server mode (sign-in with roles) and may listen on other addresses. On first run the bundled sample
 * reports are imported, and any files in --inbox on every start.
 * `xxgk user NAME --role ROLE --users FILE` adds a server-mode user (password read from standard input); an editor
 * is bound to one agency's ledger with --agency.
 */
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError, type Command } from 'commander';
import { expandInputs, readStdin } from '../pipeline/index.ts';
import { createApp } from '../server/app.ts';
import { ROLES, type Role } from '../server/auth.ts';
import { isLoopback, listen } from '../server/listen.ts';
import { storeData } from '../server/store-data.ts';
import { addUser, fileUsers } from '../server/users.ts';
import { importFiles, type ImportStatus, type Store } from '../store/index.ts';
import { STATUS_ZH } from './import.ts';
import { isEmpty } from '../store/web-queries.ts';
import { addStoreOptions, openStore, type StoreCliOptions } from './store-options.ts';
import { inline, say, warn } from './output.ts';

const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));

type ServeOptions = StoreCliOptions & { host: string; port: number; users?: string; inbox?: string; secureCookies?: boolean; samples: boolean };

export function registerServe(program: Command): void {
  const command = program
    .command('serve')
    .description('启动网页版：浏览报告与问题、上传、审核（默认仅本机访问 http://127.0.0.1:3000）');
  addStoreOptions(command)
    .option('--host <地址>', '监听地址（默认 127.0.0.1；其他地址须配合 --users 使用登录）', '127.0.0.1')
    .option('--port <端口>', '监听端口（默认 3000，0 为任选）', port, 3000)
    .option('--users <file>', '用户文件（JSON，见 xxgk user）：启用登录与角色（查看、审核、管理）')
    .option('--inbox <目录>', '每次启动时导入该目录中的报告文件')
    .option('--secure-cookies', '会话 Cookie 仅经 HTTPS 发送（部署在 HTTPS 之后时使用）')
    .option('--no-samples', '首次运行时不导入自带的示例报告')
    .addHelpText('after', `
示例：
  xxgk serve                                  # 本机使用，无需登录
  xxgk serve --port 8080 --inbox 收件箱/
  DATABASE_URL=postgres://user@host/xxgk xxgk serve --host 0.0.0.0 --users users.json`)
    .action(async (opts: ServeOptions) => {
      const mode = opts.users ? 'server' : 'local';
      if (mode === 'local' && !isLoopback(opts.host)) {
        warn('xxgk: 不登录的本机模式只能监听 127.0.0.1；要对外提供服务请加 --users（local mode listens on 127.0.0.1 only; use --users for sign-in）');
        process.exit(2);
      }
      const store = await openStore(opts);
      await importAtStart(store, opts);
      const { app } = createApp({
        data: storeData(store),
        mode,
        users: opts.users ? fileUsers(opts.users) : undefined,
        secureCookies: opts.secureCookies,
        log: (line) => warn(line),
      });
      const server = await listen(app, { host: opts.host, port: opts.port, mode }).catch(async (e: Error) => {
        await store.close();
        warn(`xxgk: 无法启动网页服务：${inline(e.message)}`);
        process.exit(2);
      });
      say(`xxgk 网页版已启动：${server.url}（${mode === 'local' ? '仅本机访问，无需登录' : '需登录'}；数据：${inline(store.where)}）按 Ctrl+C 停止`);
      const stop = async () => {
        await server.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  program
    .command('user')
    .description('添加或更新网页版用户（密码从标准输入读取）')
    .argument('<name>', '用户名')
    .requiredOption('--users <file>', '用户文件（JSON）')
    .option('--role <角色>', '角色：viewer 查看、editor 机关台账编辑、reviewer 审核、admin 管理', role, 'viewer')
    .option('--agency <机关>', '编辑（editor）所属机关：只能查看和填写该机关的台账')
    .action(async (name: string, opts: { users: string; role: Role; agency?: string }) => {
      const agency = opts.agency?.trim() || undefined;
      if ((opts.role === 'editor') !== Boolean(agency)) {
        warn('xxgk: --role editor 须同时指定 --agency，其他角色不能指定 (an editor, and only an editor, needs --agency)');
        process.exit(2);
      }
      const password = new TextDecoder().decode(await readStdin()).replace(/\r?\n$/, '');
      if (password.length < 8) {
        warn('xxgk: 密码至少 8 个字符 (password needs at least 8 characters)');
        process.exit(2);
      }
      await addUser(opts.users, name, opts.role, password, agency);
      say(`已保存用户 ${inline(name)}（${opts.role}${agency ? `，${inline(agency)}` : ''}）到 ${inline(opts.users)}`);
    });
}

/** The samples into an empty store, and the inbox every time (known files are skipped without reading). */
async function importAtStart(store: Store, opts: ServeOptions): Promise<void> {
  const paths = [...(opts.samples && (await isEmpty(store.db)) ? [SAMPLES] : []), ...(opts.inbox ? [opts.inbox] : [])];
  if (!paths.length) return;
  const tally: Record<string, number> = {};
  for await (const event of importFiles(store, await expandInputs(paths))) tally[event.status] = (tally[event.status] ?? 0) + 1;
  say(`已导入 ${paths.map(inline).join('、')}：${Object.entries(tally).map(([k, n]) => `${STATUS_ZH[k as ImportStatus]} ${n}`).join('，')}`);
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('应为端口号 0–65535 (expected a port)');
  return n;
}

function role(value: string): Role {
  if (!ROLES.includes(value as Role)) throw new InvalidArgumentError(`应为 ${ROLES.join('、')} 之一 (expected a role)`);
  return value as Role;
}
