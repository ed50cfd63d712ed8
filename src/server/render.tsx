/** Rendering views into responses: the viewer from the session, a full HTML document, errors as page or JSON. */
import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HTTPException } from 'hono/http-exception';
import { ErrorPage } from '../web/forms-pages.tsx';
import type { Viewer } from '../web/layout.tsx';
import { isApi, WebError, type AppEnv } from './http.ts';

export function viewerOf(c: Context<AppEnv>, signedIn: boolean): Viewer | undefined {
  const session = c.get('session');
  return session && { user: session.user, role: session.role, agency: session.agency, csrf: session.csrf, signedIn };
}

/** A view as a complete HTML document (JSX renders elements; the doctype is ours). */
export async function page(c: Context, view: JSX.Element, status: ContentfulStatusCode = 200): Promise<Response> {
  return c.html(`<!DOCTYPE html>${await view.toString()}`, status);
}

export function renderError(c: Context<AppEnv>, err: unknown): Response | Promise<Response> {
  const e =
    err instanceof WebError
      ? err
      : err instanceof HTTPException
        ? new WebError(err.status as ContentfulStatusCode, 'http', err.status === 413 ? '上传内容过大' : '请求无法处理', err.message)
        : new WebError(500, 'internal', '服务器内部错误', 'internal server error');
  if (isApi(c)) return c.json({ error: { code: e.code, message: e.zh, message_en: e.en } }, e.status as ContentfulStatusCode);
  return page(c, <ErrorPage viewer={viewerOf(c, true)} status={e.status} message={e.zh} />, e.status as ContentfulStatusCode);
}
