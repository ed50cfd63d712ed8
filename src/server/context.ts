/** What the app is made from (its options) and what each route module is handed (the context). */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Handler } from 'hono';
import type { Access, Role, SessionStore, UserDirectory } from './auth.ts';
import type { WebData } from './data.ts';
import type { AppEnv } from './http.ts';
import type { AttemptLimiter, LimitOptions } from './rate-limit.ts';
import type { UploadLimits } from './upload.ts';

export interface AppOptions {
  data: WebData;
  /** `local`: one user on this machine, no sign-in (the server binds 127.0.0.1 only); `server`: sign-in with roles. */
  mode: 'local' | 'server';
  /** Required in server mode. */
  users?: UserDirectory;
  /** One line per request (method, path without query, status, time); never bodies, cookies or tokens. */
  log?: (line: string) => void;
  /** Mark the session cookie Secure (behind HTTPS). */
  secureCookies?: boolean;
  upload?: Partial<UploadLimits>;
  sessionTtlMs?: number;
  loginLimit?: LimitOptions;
}

/** What route modules get: the data, the options, and a way to register a route with its required access. */
export interface AppContext {
  app: OpenAPIHono<AppEnv>;
  data: WebData;
  options: AppOptions;
  sessions: SessionStore;
  limiter: AttemptLimiter;
  uploadLimits: UploadLimits;
  /** Registers a page route behind `guard(access)` and records its access. */
  route(method: 'GET' | 'POST', path: string, access: Access, handler: Handler<AppEnv>): void;
  /** Records the access of a route registered elsewhere (the OpenAPI routes). */
  record(method: string, path: string, access: Access): void;
  setSession(c: Parameters<Handler<AppEnv>>[0], user: string, role: Role, agency?: string): void;
}

