/**
 * The web app under load, on both engines: a store of N generated reports (bench/fill.ts), the app served in a child
 * process on 127.0.0.1 (bench/web-server.ts), and each route driven by autocannon for a fixed time with a fixed
 * number of connections (one session cookie, as a browser would send). Prints, per route: requests/s, latency
 * p50 / p95 / p99 (of every response), errors (socket errors, time-outs, non-2xx), the server's peak RSS so far and
 * the machine's load average. Figures, never assertions: the target (p95 < 200 ms) is read off the table.
 *
 * The filled store is cached between runs, keyed by N and the migrations: a PGlite folder under bench/out/web/
 * and a PostgreSQL database xxgk_bench_web_<N>_<migration> on the server of XXGK_TEST_DATABASE_URL. Caches of other
 * migrations are deleted when a new one is filled.
 *
 *   node --import tsx bench/web.ts [--reports 10000] [--engines pglite,postgres] [--seconds 10] [--connections 10]
 *                                  [--q 政务公开] [--routes /reports,/regions]
 *   node --import tsx bench/web.ts (--data DIR | --database-url URL) [...]   # an existing store instead, as it is
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { Store, type EngineOptions } from '../src/store/index.ts';
import { SERVER_URL, type TestEngine } from '../test/support/store.ts';
import { fillStore } from './fill.ts';
import { table } from './table.ts';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '10000' },
    engines: { type: 'string', default: 'pglite,postgres' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    q: { type: 'string', default: '政务公开' },
    routes: { type: 'string' },
    data: { type: 'string' },
    'database-url': { type: 'string' },
  },
});
const N = Number(values.reports);
const CACHE = fileURLToPath(new URL('./out/web/', import.meta.url));
const MIGRATIONS = fileURLToPath(new URL('../src/store/migrations/', import.meta.url));
const NAMES = readdirSync(MIGRATIONS).filter((f) => /^\d{4}-.+\.ts$/.test(f)).sort();
/**
 * The newest migration's name, and a digest of them all: a store filled before a migration has another schema, and
 * one added before the newest (branches merged) cannot be applied to it afterwards.
 */
const LATEST = `${NAMES.at(-1)!.replace(/\.ts$/, '')}-${createHash('sha256').update(NAMES.join()).digest('hex').slice(0, 8)}`;

interface Targets {
  reportIds: number[];
  regionIds: number[];
}

interface Route {
  name: string;
  paths: (t: Targets) => string[];
  /** Being built elsewhere: a 404 skips it with a note instead of failing the run. */
  optional?: boolean;
}

const ROUTES: Route[] = [
  { name: '/ (overview)', paths: () => ['/'] },
  { name: '/reports', paths: () => ['/reports'] },
  { name: '/reports?q= (search)', paths: () => [`/reports?q=${encodeURIComponent(values.q!)}`] },
  { name: '/reports/:id', paths: (t) => t.reportIds.map((id) => `/reports/${id}`) },
  { name: '/api/reports/:id', paths: (t) => t.reportIds.map((id) => `/api/reports/${id}`) },
  { name: '/regions', paths: () => ['/regions'] },
  { name: '/regions/:id', paths: (t) => t.regionIds.map((id) => `/regions/${id}`), optional: true },
];

const given: EngineOptions | undefined = values.data || values['database-url'] ? { dir: values.data, url: values['database-url'] } : undefined;
const engines: TestEngine['name'][] = given ? [given.url ? 'postgres' : 'pglite'] : (values.engines!.split(',') as TestEngine['name'][]);
const routes = values.routes ? ROUTES.filter((r) => values.routes!.split(',').some((name) => r.name.startsWith(name))) : ROUTES;
console.log(`\nweb: ${given ? 'the given store' : `${N} stored reports`}, search word ${values.q}, ${values.connections} connections, ${values.seconds} s per route, loopback; latency in ms; store cached by N and migration ${LATEST}`);
for (const name of engines) {
  const options = given ?? (await cachedStore(name));
  const targets = await pickTargets(options);
  const server = await startServer(options);
  try {
    const cookie = (await fetch(`${server.url}/`)).headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const rows: (string | number)[][] = [];
    const notes: string[] = [];
    for (const route of routes) {
      const paths = route.paths(targets);
      const status = (await fetch(server.url + paths[0], { headers: { cookie } })).status;
      if (status !== 200) {
        if (route.optional && status === 404) notes.push(`${route.name} skipped: ${paths[0]} answered 404 (not built on this branch)`);
        else throw new Error(`${route.name}: ${paths[0]} answered ${status}`);
        continue;
      }
      const r = await load(server.url, paths, cookie);
      rows.push([route.name, r.perSecond.toFixed(1), r.p50.toFixed(0), r.p95.toFixed(0), r.p99.toFixed(0), r.errors, peakMb(server.child).toFixed(0), loadavg()[0].toFixed(1)]);
    }
    console.log(`\n  ${name}${name === 'postgres' ? ' (server RSS excludes the PostgreSQL backends)' : ' (embedded: server RSS includes the database)'}`);
    console.log(table(['route', 'req/s', 'p50', 'p95', 'p99', 'errors', 'peak RSS MB', 'load 1 min'], rows).replace(/^/gm, '  '));
    for (const note of notes) console.log(`  ${note}`);
  } finally {
    await server.stop();
  }
}

/** The engine's cached store of N reports, filled now when missing. */
async function cachedStore(name: TestEngine['name']): Promise<EngineOptions> {
  return name === 'pglite' ? cachedFolder() : cachedDatabase();
}

async function cachedFolder(): Promise<EngineOptions> {
  const dir = join(CACHE, `pglite-${N}-${LATEST}`);
  if (existsSync(dir)) return { dir };
  mkdirSync(CACHE, { recursive: true });
  for (const old of readdirSync(CACHE)) if (old.startsWith('pglite-') && !old.endsWith(`-${LATEST}`)) rmSync(join(CACHE, old), { recursive: true, force: true });
  const filling = join(CACHE, `filling-${process.pid}`);
  try {
    await fill('pglite', { dir: filling });
    renameSync(filling, dir);
  } finally {
    rmSync(filling, { recursive: true, force: true });
  }
  return { dir };
}

async function cachedDatabase(): Promise<EngineOptions> {
  const suffix = `_${LATEST.replace(/\W/g, '_')}`;
  const database = `xxgk_bench_web_${N}${suffix}`;
  const url = (db: string) => Object.assign(new URL(SERVER_URL), { pathname: `/${db}` }).toString();
  const names = (await admin(`select datname from pg_database where datname like 'xxgk\\_bench\\_web\\_%'`)).map((r) => r.datname as string);
  if (names.includes(database)) return { url: url(database) };
  for (const old of names.filter((d) => !d.endsWith(suffix))) await admin(`drop database if exists ${old} with (force)`);
  const filling = `xxgk_bench_web_filling_${process.pid}`;
  await admin(`create database ${filling}`);
  try {
    await fill('postgres', { url: url(filling) });
    await admin(`alter database ${filling} rename to ${database}`);
  } finally {
    await admin(`drop database if exists ${filling} with (force)`);
  }
  return { url: url(database) };
}

async function fill(name: string, options: EngineOptions): Promise<void> {
  const started = performance.now();
  const store = await Store.open(options);
  try {
    const total = await fillStore(store, N);
    console.log(`  ${name}: filled a store with ${total} reports in ${((performance.now() - started) / 1000).toFixed(0)} s (cached for the next run)`);
  } finally {
    await store.close();
  }
}

async function admin(statement: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return (await client.query(statement)).rows;
  } finally {
    await client.end();
  }
}

/** Five reports spread over the id range, and the three regions with the most reports (any level). */
async function pickTargets(options: EngineOptions): Promise<Targets> {
  const store = await Store.open(options);
  try {
    const reports = await sql<{ id: number }>`select min(id) as id from (select id, ntile(5) over (order by id) as part from report) x
      group by part order by 1`.execute(store.db);
    const regions = await sql<{ id: number }>`select a.region_id as id from report r join agency a on a.id = r.agency_id
      where a.region_id is not null group by a.region_id order by count(*) desc, a.region_id limit 3`.execute(store.db);
    return { reportIds: reports.rows.map((r) => r.id), regionIds: regions.rows.map((r) => r.id) };
  } finally {
    await store.close();
  }
}

interface Server {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

function startServer(options: EngineOptions): Promise<Server> {
  const script = fileURLToPath(new URL('./web-server.ts', import.meta.url));
  const args = options.url ? ['--database-url', options.url] : ['--data', options.dir!];
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`web-server.ts exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const stop = async () => {
        child.kill('SIGTERM');
        await exited;
      };
      resolve({ url: JSON.parse(line).url, child, stop });
    });
  });
}

/** The child's peak resident memory (VmHWM), MB. */
function peakMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]) / 1024;
}

interface Load {
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

/** The paths requested in turn by every connection for the fixed time; percentiles of every response's latency. */
async function load(url: string, paths: string[], cookie: string): Promise<Load> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options = {
      url,
      connections: Number(values.connections),
      duration: Number(values.seconds),
      headers: { cookie },
      requests: paths.map((path) => ({ method: 'GET' as const, path })),
    };
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  });
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(times.length * q))] ?? NaN;
  return { perSecond: result.requests.total / result.duration, p50: at(0.5), p95: at(0.95), p99: at(0.99), errors: result.errors + result.timeouts + result.non2xx };
}
