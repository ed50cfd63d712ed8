/**
 * An agency's parent agency as a roster declares it (the roster's 上级 column), kept as the name written there: the
 * parent may not be in the store yet, and a name is what the roster exports again.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table agency add column parent text`.execute(db);
}
