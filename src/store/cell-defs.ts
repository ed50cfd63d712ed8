/** `cell_def` filled from src/format: every cell of every format version, with its label, on every open. */
import type { Kysely } from 'kysely';
import { TABLE_IDS, VERSIONS } from '../format/index.ts';
import { cellLabel, cellsOf } from '../report/cells.ts';
import type { Database } from './schema.ts';

export async function syncCellDefs(db: Kysely<Database>): Promise<void> {
  const rows = VERSIONS.flatMap((version) =>
    TABLE_IDS.flatMap((id) =>
      cellsOf(version.tables[id]).map((cell) => ({
        format_version: version.id,
        key: cell.key,
        table_id: id,
        row_id: cell.row.id,
        col: cell.col,
        label: cellLabel(cell),
      })),
    ),
  );
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < rows.length; i += 500) {
      await tx
        .insertInto('cell_def')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) =>
          oc.columns(['format_version', 'key']).doUpdateSet((eb) => ({
            table_id: eb.ref('excluded.table_id'),
            row_id: eb.ref('excluded.row_id'),
            col: eb.ref('excluded.col'),
            label: eb.ref('excluded.label'),
          })),
        )
        .execute();
    }
  });
}
