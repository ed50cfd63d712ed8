/**
 * Table 二 (主动公开) of a ledger's report as the agency enters it, by year: each save is a new row with who recorded it
 * and when, and the latest row for (agency, year) is the current table. Nothing is overwritten: the ledger's
 * append-only trigger function (0003-ledger) refuses UPDATE, DELETE and TRUNCATE here too.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (statement: ReturnType<typeof sql>) => statement.execute(db);
  await run(sql`create table ledger_table2 (
    id serial primary key, agency_id integer not null references agency (id), year integer not null,
    "values" jsonb not null, recorded_by text not null, recorded_at timestamptz not null default now())`);
  await run(sql`create index ledger_table2_latest on ledger_table2 (agency_id, year, id desc)`);
  await run(sql`create trigger ledger_table2_append_only before update or delete on ledger_table2
    for each row execute function ledger_append_only()`);
  await run(sql`create trigger ledger_table2_no_truncate before truncate on ledger_table2
    for each statement execute function ledger_append_only()`);
}
