/**
 * The web app over a store, served on 127.0.0.1 (a free port) in its own process for bench/web.ts: prints
 * {"url": …} once listening, stops on SIGTERM. No request log: the benchmark measures the app, not its logging.
 *
 *   node --import tsx bench/web-server.ts (--data DIR | --database-url URL)
 */
import { parseArgs } from 'node:util';
import { createApp } from '../src/server/app.ts';
import { listen } from '../src/server/listen.ts';
import { storeData } from '../src/server/store-data.ts';
import { Store } from '../src/store/index.ts';

const { values } = parseArgs({ options: { data: { type: 'string' }, 'database-url': { type: 'string' } } });
const store = await Store.open({ dir: values.data, url: values['database-url'] });
const { app } = createApp({ data: storeData(store), mode: 'local' });
const server = await listen(app, { host: '127.0.0.1', port: 0, mode: 'local' });
console.log(JSON.stringify({ url: server.url }));
process.once('SIGTERM', async () => {
  await server.close();
  await store.close();
  process.exit(0);
});
