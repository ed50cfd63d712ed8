/**
 * What every browser test shares: the web app over a fresh PGlite store in a temporary folder, served on 127.0.0.1
 * in local mode, Debian's Chromium (playwright-core), pages at the two widths that must both work, screenshots in
 * test-results/screenshots/, and the check that nothing but a table scrolls sideways. Call it inside a describe():
 * it registers the suite's before and after hooks.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../../src/server/app.ts';
import type { WebData } from '../../src/server/data.ts';
import { listen, type Listening } from '../../src/server/listen.ts';
import { storeData } from '../../src/server/store-data.ts';
import type { ImportOptions } from '../../src/store/import.ts';
import { Store } from '../../src/store/index.ts';
import { ROOT } from '../helpers.ts';
import { launchChromium } from './office.ts';

export const SHOTS = join(ROOT, 'test-results', 'screenshots');
export const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };
export type Width = keyof typeof WIDTHS;

export interface BrowserApp {
  /** The server's address, e.g. http://127.0.0.1:41234 (known once the suite has started). */
  readonly url: string;
  /** A new page at that width; a dialog fails the test (report content must never run as script). */
  open(size: Width, options?: { acceptDownloads?: boolean }): Promise<Page>;
  /** A full-page screenshot named `name`.png. */
  shot(page: Page, name: string): Promise<void>;
  /** Fails the test when the page scrolls sideways (only a table's own scroll box may be wider than the screen). */
  fits(page: Page, what: string): Promise<void>;
}

interface Options {
  importOptions?: ImportOptions;
  /** What the store holds before the server starts; `dir` is a scratch folder of the suite's own. */
  seed?: (data: WebData, store: Store, dir: string) => Promise<void>;
}

export function browserApp(name: string, options: Options = {}): BrowserApp {
  const dir = mkdtempSync(join(tmpdir(), `xxgk-e2e-${name}-`));
  let browser: Browser;
  let server: Listening;
  let store: Store;
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    store = await Store.open({ dir: join(dir, 'store') });
    const data = storeData(store, options.importOptions ?? { limits: { concurrency: 2 } });
    await options.seed?.(data, store, dir);
    server = await listen(createApp({ data, mode: 'local' }).app, { host: '127.0.0.1', port: 0, mode: 'local' });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get url() {
      return server.url;
    },
    async open(size, { acceptDownloads = false } = {}) {
      const page = await browser.newPage({ viewport: WIDTHS[size], acceptDownloads });
      page.on('dialog', () => assert.fail('a dialog opened: report content ran as script'));
      return page;
    },
    async shot(page, name) {
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    },
    async fits(page, what) {
      const sideways = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth - (globalThis as any).document.documentElement.clientWidth);
      assert.ok(sideways <= 0, `${what} scrolls sideways by ${sideways} px`);
    },
  };
}
