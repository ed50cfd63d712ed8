/**
 * The 依申请公开 ledger (src/ledger): an application row per agency and number, written once with its receipt, and its
 * events in recorded order, each with who recorded it and when. Nothing is overwritten: triggers refuse UPDATE,
 * DELETE and TRUNCATE on both tables, so a correction is a new event and the history stays whole.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (statement: ReturnType<typeof sql>) => statement.execute(db);
  await run(sql`create table ledger_application (
    id serial primary key, agency_id integer not null references agency (id), number text not null,
    received text not null check (received ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'), channel text not null,
    applicant_type text not null, applicant text not null, request text not null,
    unique (agency_id, number))`);
  await run(sql`create table ledger_event (
    id serial primary key, application_id integer not null references ledger_application (id),
    seq integer not null, kind text not null, payload jsonb not null, recorded_by text not null,
    recorded_at timestamptz not null default now(), unique (application_id, seq))`);
  await run(sql`create function ledger_append_only() returns trigger language plpgsql as $$
    begin
      raise exception '台账只能追加记录，不能修改或删除（% on %: the ledger is append-only）', tg_op, tg_table_name;
    end $$`);
  for (const table of ['ledger_application', 'ledger_event']) {
    await run(sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.raw(table)}
      for each row execute function ledger_append_only()`);
    await run(sql`create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.raw(table)}
      for each statement execute function ledger_append_only()`);
  }
}
