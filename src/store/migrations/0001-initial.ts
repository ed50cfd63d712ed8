/** The first schema: regions, agencies, reports with versions, cells, findings with reviews, source files. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (statement: ReturnType<typeof sql>) => statement.execute(db);
  await run(sql`create table region (
    id serial primary key, name text not null, parent_id integer references region (id), kind text not null)`);
  await run(sql`create unique index region_place on region (coalesce(parent_id, 0), name)`);
  await run(sql`create table agency (
    id serial primary key, name text not null, key text not null unique, core text not null,
    region_id integer references region (id), level text, level_source text)`);
  await run(sql`create index agency_core on agency (core)`);
  await run(sql`create index agency_region on agency (region_id)`);
  await run(sql`create table agency_alias (
    key text primary key, name text not null, agency_id integer not null references agency (id) on delete cascade)`);
  await run(sql`create table blob (sha256 text primary key, size integer not null, bytes bytea not null)`);
  await run(sql`create table report (
    id serial primary key, agency_id integer not null references agency (id), year integer)`);
  await run(sql`create unique index report_identity on report (agency_id, coalesce(year, 0))`);
  await run(sql`create table report_version (
    id serial primary key, report_id integer not null references report (id) on delete cascade,
    version integer not null, sha256 text not null unique references blob (sha256), path text not null,
    format_version text not null, published text, title text, is_current boolean not null,
    imported_at timestamptz not null default now(), body jsonb not null, search tsvector not null,
    unique (report_id, version))`);
  await run(sql`create unique index report_version_current on report_version (report_id) where is_current`);
  await run(sql`create index report_version_search on report_version using gin (search)`);
  await run(sql`create table cell (
    version_id integer not null references report_version (id) on delete cascade, key text not null,
    num double precision, mark text, status text, place jsonb, primary key (version_id, key))`);
  await run(sql`create index cell_key on cell (key, version_id)`);
  await run(sql`create table cell_def (
    format_version text not null, key text not null, table_id text not null, row_id text not null,
    col integer not null, label text not null, primary key (format_version, key))`);
  await run(sql`create table finding (
    id serial primary key, version_id integer not null references report_version (id) on delete cascade,
    scope text not null, seq integer not null, rule text not null, severity text not null, origin text not null,
    message text not null, fingerprint text not null, detail jsonb not null)`);
  await run(sql`create index finding_version on finding (version_id)`);
  await run(sql`create index finding_rule on finding (rule)`);
  await run(sql`create table review (
    report_id integer not null references report (id) on delete cascade, fingerprint text not null,
    state text not null check (state in ('open', 'confirmed', 'dismissed')), reviewer text, comment text,
    at timestamptz not null default now(), primary key (report_id, fingerprint))`);
  await run(sql`create table review_log (
    id serial primary key, report_id integer not null references report (id) on delete cascade,
    fingerprint text not null, state text not null, reviewer text, comment text,
    at timestamptz not null default now())`);
  await run(sql`create table unreadable (
    sha256 text primary key references blob (sha256), path text not null, code text not null,
    message text not null, message_en text not null, at timestamptz not null default now())`);
}
