/**
 * The app's Hono environment, its one HTTP error type and the access guard every route is registered with, so the
 * route table knows each route's required role (a test walks it).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { allows, sameToken, type Access, type Session } from './auth.ts';

export interface AppEnv {
  Variables: { session?: Session; sessionId?: string };
}

/** An HTTP error with its reason in Chinese and English; rendered as a page or as API JSON in one place. */
/** A schema's complaint, as zod gives it. */
export interface RequestIssue {
  code: string;
  path: (string | number)[];
  message: string;
}

/** What each kind of complaint means, for people; a refinement's own message is already in Chinese. */
const ISSUE_ZH: Record<string, string> = {
  invalid_type: '类型不对', invalid_string: '格式不对', invalid_enum_value: '不是可选的值', invalid_literal: '不是可选的值',
  too_small: '太小或太短', too_big: '太大或太长', not_multiple_of: '不是整数倍', unrecognized_keys: '含有不认识的项',
};

/** A request a schema refused: 400, naming the field in Chinese terms, zod's own words kept for the English. */
export function invalidRequest(issue: RequestIssue | undefined): WebError {
  if (!issue) return new WebError(400, 'invalid', '请求参数有误', 'invalid request');
  const field = issue.path.join('.');
  const zh = issue.code === 'custom' ? issue.message : (ISSUE_ZH[issue.code] ?? '不符合要求');
  return new WebError(400, 'invalid', `请求参数有误：${field ? `“${field}”` : ''}${zh}`, `invalid request (${field}: ${issue.message})`);
}

export class WebError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(status, { message: en });
  }
}

export const notFound = () => new WebError(404, 'not-found', '未找到', 'not found');

export const SESSION_COOKIE = 'xxgk_session';
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export const isApi = (c: Context) => c.req.path.startsWith('/api/');

/** Route key as Hono lists it in `app.routes`: "GET /reports/:id". */
export const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;

/** Required access per route; filled as routes are registered. */
export type AccessTable = Map<string, Access>;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Checks the session's role, then (on writes) the CSRF token from the X-CSRF-Token header or the form's _csrf field.
 * Signed-out page visitors are sent to the sign-in page; API callers get 401.
 */
export function guard(access: Access): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (access === 'public') return next();
    const session = c.get('session');
    if (!session) {
      if (isApi(c) || c.req.method !== 'GET') throw new WebError(401, 'unauthenticated', '请先登录', 'sign-in required');
      return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
    }
    if (!allows(session.role, access)) throw new WebError(403, 'forbidden', '没有权限', 'not allowed for this role');
    if (UNSAFE.has(c.req.method)) await checkCsrf(c, session);
    return next();
  };
}

export async function checkCsrf(c: Context, session: Session): Promise<void> {
  let token = c.req.header(CSRF_HEADER);
  if (!token && /^(multipart\/form-data|application\/x-www-form-urlencoded)/.test(c.req.header('content-type') ?? '')) {
    const field = (await c.req.parseBody({ all: true }))[CSRF_FIELD];
    token = typeof field === 'string' ? field : undefined;
  }
  if (!sameToken(token, session.csrf)) throw new WebError(403, 'csrf', '表单已过期或来源不明，请刷新页面后重试', 'missing or wrong CSRF token');
}

export const sessionCookieId = (c: Context) => getCookie(c, SESSION_COOKIE);
