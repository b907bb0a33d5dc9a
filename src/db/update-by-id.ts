import { eq } from "drizzle-orm";
import type { PgColumn, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Executor } from "./executor.js";

type EditableTable = PgTable & { id: PgColumn; updatedAt: PgColumn };

/**
 * The repository function that changes some columns of one row by id and stamps updatedAt: the
 * same statement for every editable table, so each repository names its table once.
 */
export const updateById =
  <T extends EditableTable>(table: T) =>
  async (db: Executor, id: string, change: Partial<T["$inferInsert"]>) => {
    await db
      .update(table)
      .set({ ...change, updatedAt: new Date() } as PgUpdateSetSource<T>)
      .where(eq(table.id, id));
  };
