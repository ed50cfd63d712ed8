/**
 * The versions every output carries: which xxgk wrote it, and which Report JSON contract (docs/report-json.md) it
 * follows. The schema version is owned here: bump major for a removed or retyped field, minor for an added one.
 */
import { createRequire } from 'node:module';

/** src/report and dist/report sit at the same depth, so one relative path finds package.json from both. */
const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };

export const XXGK_VERSION: string = pkg.version;
export const SCHEMA_VERSION = '2.0.0';

export interface Versions {
  xxgk_version: string;
  schema_version: string;
}

/** The version fields that open every Report and every error record. */
export const versions = (): Versions => ({ xxgk_version: XXGK_VERSION, schema_version: SCHEMA_VERSION });
