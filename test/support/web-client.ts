/**
 * Driving the web app in-process (`app.request`, no port): users of each role, sign-in through the real form, and
 * requests carrying a session cookie, a CSRF token and a socket address as @hono/node-server would pass it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { hashPassword, ROLES, type User, type UserDirectory } from '../../src/server/auth.ts';
import type { AppEnv } from '../../src/server/http.ts';
import { ROOT } from '../helpers.ts';

export const PASSWORD = 'correct horse battery staple';
/** The agency the editor of `usersOfEveryRole` is bound to. */
export const EDITOR_AGENCY = '河清市生态环境局';

/** `viewer1`, `editor1` (of EDITOR_AGENCY), `reviewer1`, `admin1`, and any extra users given. */
export async function usersOfEveryRole(extra: Omit<User, 'passwordHash'>[] = []): Promise<UserDirectory> {
  const hash = await hashPassword(PASSWORD);
  const users: User[] = [
    ...ROLES.map((role) => ({ name: `${role}1`, role, passwordHash: hash, ...(role === 'editor' && { agency: EDITOR_AGENCY }) })),
    ...extra.map((u) => ({ ...u, passwordHash: hash })),
  ];
  return {
    find: async (name) => users.find((u) => u.name === name),
    list: async () => users.map(({ name, role, agency }) => ({ name, role, agency })),
  };
}

/** The Node request as @hono/node-server hands it to the app: the socket's peer address is what it trusts. */
export const fromAddress = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

export interface Session {
  cookie: string;
  csrf: string;
}

const cookieOf = (res: Response, name: string) =>
  res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`))?.split(';')[0];

/** Posts the sign-in form as a browser would (the form's token and its cookie); returns the response. */
export async function postLogin(app: OpenAPIHono<AppEnv>, user: string, password: string, address = '10.0.0.1', headers: Record<string, string> = {}) {
  const form = await app.request('/login', {}, fromAddress(address));
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1];
  const body = new URLSearchParams({ _csrf: token, user, password, next: '/' });
  return app.request(
    '/login',
    { method: 'POST', body, headers: { cookie: cookieOf(form, 'xxgk_login')!, 'content-type': 'application/x-www-form-urlencoded', ...headers } },
    fromAddress(address),
  );
}

export async function signIn(app: OpenAPIHono<AppEnv>, user: string, address = '10.0.0.1'): Promise<Session> {
  const res = await postLogin(app, user, PASSWORD, address);
  if (res.status !== 303) throw new Error(`sign-in of ${user} failed: ${res.status}`);
  const cookie = cookieOf(res, 'xxgk_session')!;
  const session = (await (await app.request('/api/session', { headers: { cookie } })).json()) as { csrf: string };
  return { cookie, csrf: session.csrf };
}

export function sample(name: string): { name: string; bytes: Uint8Array } {
  return { name, bytes: readFileSync(join(ROOT, 'samples', name)) };
}

/** A report whose agency name and text carry markup that would run if it reached the page as HTML. */
export function hostileReport(): { name: string; bytes: Uint8Array } {
  const text = readFileSync(join(ROOT, 'samples', '2024-tab.txt'), 'utf8')
    .replace('河清市惠安区发展和改革委员会2024年', '河清市<script>window.__xss=1</script>惠安区发展和改革委员会2024年')
    .replace('持续推进决策', '<img src=x onerror="window.__xss=2">持续推进决策<script>window.__xss=3</script>');
  return { name: '<img src=x onerror=alert(1)>.txt', bytes: new TextEncoder().encode(text) };
}

/** A multipart body with its length, as a browser sends it (the upload needs Content-Length). */
export async function multipart(files: { name: string; bytes: Uint8Array }[], csrf?: string) {
  const form = new FormData();
  if (csrf) form.append('_csrf', csrf);
  for (const f of files) form.append('files', new File([f.bytes as Uint8Array<ArrayBuffer>], f.name));
  const res = new Response(form);
  const body = new Uint8Array(await res.arrayBuffer());
  return { body, headers: { 'content-type': res.headers.get('content-type')!, 'content-length': String(body.length) } };
}
