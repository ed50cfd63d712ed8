/**
 * The web app as a Hono app: pages, the JSON API and sign-in, over a `WebData` (the store in production). Tests call
 * `app.request()`; `listen.ts` serves it.
 *
 * @example
 *   const { app } = createApp({ data, mode: 'local' });
 *   const res = await app.request('/reports');
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { setCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { registerApi } from './api.ts';
import { registerCompare } from './compare-routes.tsx';
import { SessionStore } from './auth.ts';
import type { AppContext, AppOptions } from './context.ts';
import { guard, invalidRequest, routeKey, SESSION_COOKIE, sessionCookieId, WebError, type AccessTable, type AppEnv, type RequestIssue } from './http.ts';
import { registerExports } from './exports.ts';
import { registerPages } from './pages.tsx';
import { registerLedgerApi } from './ledger-api.ts';
import { registerLedgerPages } from './ledger-pages.tsx';
import { registerRegionPages } from './region-pages.tsx';
import { AttemptLimiter } from './rate-limit.ts';
import { renderError } from './render.tsx';
import { registerRosterApi } from './roster-api.ts';
import { registerRosterPages } from './roster-pages.tsx';
import { registerSignIn } from './sign-in.tsx';
import { registerStatic } from './static.ts';
import { DEFAULT_UPLOAD_LIMITS } from './upload.ts';

export type { AppContext, AppOptions } from './context.ts';

const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const DAY = 24 * 3600 * 1000;

export function createApp(options: AppOptions): { app: OpenAPIHono<AppEnv>; access: AccessTable } {
  if (options.mode === 'server' && !options.users) throw new Error('server mode needs a user directory');
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const access: AccessTable = new Map();
  const sessions = new SessionStore(options.sessionTtlMs ?? DAY);
  const ctx: AppContext = {
    app,
    data: options.data,
    options,
    sessions,
    limiter: new AttemptLimiter(options.loginLimit ?? { attempts: 5, windowMs: 15 * 60 * 1000 }),
    uploadLimits: { ...DEFAULT_UPLOAD_LIMITS, ...options.upload },
    route(method, path, need, handler) {
      access.set(routeKey(method, path), need);
      app.on(method, path, guard(need), handler);
    },
    record(method, path, need) {
      access.set(routeKey(method, path), need);
    },
    setSession(c, user, role, agency) {
      sessions.delete(sessionCookieId(c));
      const { id, session } = sessions.create(user, role, agency);
      setCookie(c, SESSION_COOKIE, id, {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
        secure: options.secureCookies ?? false,
        maxAge: Math.floor((options.sessionTtlMs ?? DAY) / 1000),
      });
      c.set('session', session);
    },
  };

  app.use('*', async (c, next) => {
    const start = performance.now();
    await next();
    options.log?.(`${c.req.method} ${c.req.path} ${c.res.status} ${Math.round(performance.now() - start)}ms`);
  });
  // Local mode answers only to a local name: a page elsewhere cannot reach it through DNS rebinding.
  if (options.mode === 'local') {
    app.use('*', async (c, next) => {
      const host = new URL(c.req.url).hostname;
      if (!LOCAL_HOSTS.has(host)) throw new WebError(421, 'host', '仅限本机访问', 'local mode answers to 127.0.0.1 and localhost only');
      return next();
    });
  }
  app.use('*', secureHeaders({ contentSecurityPolicy: CSP, referrerPolicy: 'same-origin', crossOriginEmbedderPolicy: false }));
  app.use('*', async (c, next) => {
    const id = sessionCookieId(c);
    const session = sessions.get(id);
    if (session) c.set('session', session);
    else if (options.mode === 'local') ctx.setSession(c, '本机用户', 'admin');
    return next();
  });

  registerStatic(ctx);
  registerSignIn(ctx);
  registerApi(ctx);
  registerPages(ctx);
  registerCompare(ctx);
  registerLedgerApi(ctx);
  registerLedgerPages(ctx);
  registerRosterApi(ctx);
  registerRosterPages(ctx);
  registerExports(ctx);
  registerRegionPages(ctx);

  app.notFound(() => {
    throw new WebError(404, 'not-found', '未找到页面', 'not found');
  });
  app.onError((err, c) => {
    if (!(err instanceof WebError)) options.log?.(`error ${c.req.method} ${c.req.path}: ${err instanceof Error ? err.message : String(err)}`);
    return renderError(c, err);
  });
  return { app, access };
}

/** A request that fails its schema is a 400 with the first issue named. */
function validationHook(result: { success: boolean; error?: { issues: RequestIssue[] } }) {
  if (!result.success) throw invalidRequest(result.error?.issues[0]);
}
