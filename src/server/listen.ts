/**
 * Serving the app on a port. Local mode (no sign-in) listens on the loopback address only; any other address needs
 * server mode, with sign-in.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './http.ts';

export interface Listening {
  url: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host);
}

export function listen(app: OpenAPIHono<AppEnv>, options: { host: string; port: number; mode: 'local' | 'server' }): Promise<Listening> {
  if (options.mode === 'local' && !isLoopback(options.host)) {
    return Promise.reject(new Error(`本机模式只能监听 127.0.0.1（local mode listens on 127.0.0.1 only, not ${options.host})`));
  }
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // A browser keeps connections open; they must not hold the close.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
