/** Questions about one year over every region (rankings, searches) find that year's reports without a scan. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index report_year on report (year, agency_id)`.execute(db);
}
