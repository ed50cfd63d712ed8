/**
 * Stores for tests on both engines: a fresh PGlite folder, and a fresh database on the real PostgreSQL server
 * (XXGK_TEST_DATABASE_URL, default the machine's 127.0.0.1:5432/test), dropped afterwards. Never a mock.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { renderHtmlPage, renderTextTab } from '../../src/render/index.ts';
import type { EngineOptions, Store } from '../../src/store/index.ts';
import { generateReport } from './generate.ts';

export const SERVER_URL = process.env.XXGK_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestEngine {
  name: 'pglite' | 'postgres';
  options: EngineOptions;
  drop(): Promise<void>;
}

let serial = 0;

export async function freshEngine(name: TestEngine['name']): Promise<TestEngine> {
  if (name === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-store-'));
    return { name, options: { dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const database = `xxgk_test_${process.pid}_${++serial}`;
  await admin(`create database ${database}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  return { name, options: { url: url.toString() }, drop: () => dropDatabase(database) };
}

/**
 * Drops a test database once its connections are gone. A pool's end() resolves while its sockets are still saying
 * goodbye; a forced drop at that moment kills them, and the error surfaces after the test, where nothing can catch it.
 * Connections that stay (a killed process's) are cut after 5 s.
 */
async function dropDatabase(database: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    for (let wait = 0; wait < 100; wait++) {
      const { rows } = await client.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [database]);
      if (rows[0].n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await client.query(`drop database if exists ${database} with (force)`);
  } finally {
    await client.end();
  }
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** One file written into a folder (created as needed); its path. */
export function writeReportFile(dir: string, name: string, text: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

/** N generated reports as files (text and HTML alternating), named by seed. */
export function writeGenerated(dir: string, count: number, firstSeed = 1): string {
  mkdirSync(dir, { recursive: true });
  for (let seed = firstSeed; seed < firstSeed + count; seed++) {
    const report = generateReport(seed);
    const name = String(seed).padStart(5, '0');
    if (seed % 2) writeFileSync(join(dir, `${name}.txt`), renderTextTab(report));
    else writeFileSync(join(dir, `${name}.html`), renderHtmlPage(report));
  }
  return dir;
}

/**
 * Everything a store holds, without ids and times, in a fixed order: two stores with equal dumps hold the same
 * agencies, regions, reports, versions, cells and findings.
 */
export async function dumpStore(store: Store): Promise<string> {
  const db = store.db;
  const regions = await db.selectFrom('region as r').leftJoin('region as p', 'p.id', 'r.parent_id').select(['r.name', 'r.kind', 'p.name as parent']).orderBy('r.name').orderBy('p.name').execute();
  const agencies = await db.selectFrom('agency as a').leftJoin('region as r', 'r.id', 'a.region_id').select(['a.name', 'a.level', 'a.level_source', 'r.name as region']).orderBy('a.key').execute();
  const aliases = await db.selectFrom('agency_alias').select(['key', 'name']).orderBy('key').execute();
  const versions = await db
    .selectFrom('report_version as v')
    .innerJoin('report as r', 'r.id', 'v.report_id')
    .innerJoin('agency as a', 'a.id', 'r.agency_id')
    .select(['a.key', 'r.year', 'v.version', 'v.sha256', 'v.is_current', 'v.format_version'])
    .orderBy('v.sha256')
    .execute();
  const cells = await db
    .selectFrom('cell as c')
    .innerJoin('report_version as v', 'v.id', 'c.version_id')
    .select(['v.sha256', 'c.key', 'c.num', 'c.mark', 'c.status'])
    .orderBy('v.sha256')
    .orderBy('c.key')
    .execute();
  const findings = await db
    .selectFrom('finding as f')
    .innerJoin('report_version as v', 'v.id', 'f.version_id')
    .select(['v.sha256', 'f.scope', 'f.rule', 'f.severity', 'f.fingerprint'])
    .orderBy('v.sha256')
    .orderBy('f.scope')
    .orderBy('f.fingerprint')
    .execute();
  const blobs = await db.selectFrom('blob').select(['sha256', 'size']).orderBy('sha256').execute();
  const unreadable = await db.selectFrom('unreadable').select(['sha256', 'code']).orderBy('sha256').execute();
  return JSON.stringify({ regions, agencies, aliases, versions, cells, findings, blobs, unreadable }, null, 1);
}
