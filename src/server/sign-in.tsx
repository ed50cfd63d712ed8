/**
 * Sign-in and sign-out (server mode). The sign-in form is protected by a double-submit token (a SameSite=Strict
 * cookie and the same value in the form); failed attempts are limited per connection address.
 */
import { randomBytes } from 'node:crypto';
import { getCookie, setCookie } from 'hono/cookie';
import { SignInPage, UsersPage } from '../web/forms-pages.tsx';
import type { AppContext } from './context.ts';
import { authenticate, sameToken } from './auth.ts';
import { CSRF_FIELD, SESSION_COOKIE, sessionCookieId, WebError } from './http.ts';
import { socketAddress } from './rate-limit.ts';
import { page, viewerOf } from './render.tsx';

const LOGIN_COOKIE = 'xxgk_login';

/**
 * Only a path of this site may follow sign-in. Resolved against a placeholder origin, as a browser would resolve it
 * (which drops tabs and newlines, so "/\t/evil.example" is "//evil.example"): anything that leaves the origin goes home.
 */
function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/')) return '/';
  const url = new URL(next, 'http://xxgk.invalid');
  return url.origin === 'http://xxgk.invalid' ? `${url.pathname}${url.search}` : '/';
}

export function registerSignIn(ctx: AppContext): void {
  const { options } = ctx;
  const loginForm = (c: Parameters<Parameters<AppContext['route']>[3]>[0], next: string, error?: string, status: 200 | 401 | 429 = 200) => {
    const token = randomBytes(24).toString('base64url');
    setCookie(c, LOGIN_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/login', secure: options.secureCookies ?? false });
    return page(c, <SignInPage next={next} error={error} csrf={token} />, status);
  };

  ctx.route('GET', '/login', 'public', (c) => {
    if (options.mode === 'local') return c.redirect('/', 303);
    return loginForm(c, safeNext(c.req.query('next')));
  });

  ctx.route('POST', '/login', 'public', async (c) => {
    if (options.mode === 'local' || !options.users) return c.redirect('/', 303);
    const body = await c.req.parseBody();
    if (!sameToken(typeof body[CSRF_FIELD] === 'string' ? body[CSRF_FIELD] : undefined, getCookie(c, LOGIN_COOKIE) ?? '')) {
      throw new WebError(403, 'csrf', '表单已过期，请刷新页面后重试', 'missing or wrong sign-in form token');
    }
    const next = safeNext(body.next);
    const address = socketAddress(c);
    if (ctx.limiter.blocked(address)) return loginForm(c, next, '登录失败次数过多，请稍后再试', 429);
    const user = await authenticate(options.users, String(body.user ?? ''), String(body.password ?? ''));
    if (!user) {
      ctx.limiter.fail(address);
      return loginForm(c, next, '用户名或密码不正确', 401);
    }
    ctx.limiter.succeed(address);
    ctx.setSession(c, user.name, user.role, user.agency);
    return c.redirect(next, 303);
  });

  ctx.route('POST', '/logout', 'viewer', (c) => {
    ctx.sessions.delete(sessionCookieId(c));
    setCookie(c, SESSION_COOKIE, '', { httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 0 });
    return c.redirect(options.mode === 'local' ? '/' : '/login', 303);
  });

  ctx.route('GET', '/admin/users', 'admin', async (c) => {
    const users = options.users ? await options.users.list() : [];
    return page(c, <UsersPage viewer={viewerOf(c, options.mode === 'server')!} users={users} />);
  });
}
