import type { Db, Executor } from "../../db/executor.js";
import type { Actor } from "../../platform/actor.js";
import { notFound } from "../../platform/errors.js";
import { isUuid } from "../../platform/values.js";
import { recordAudit } from "../audit/index.js";

/**
 * The row `find` returns (and locks) for `id`, when `id` is a UUID and the row belongs to the
 * actor's municipality; otherwise a 404 saying `missing`: another municipality's row is as absent
 * as no row at all.
 */
export async function findOwned<T>(
  actor: Actor,
  id: string,
  find: (id: string) => Promise<T | undefined>,
  municipalityOf: (row: T) => string,
  missing: string,
): Promise<T> {
  const found = isUuid(id) ? await find(id) : undefined;
  if (!found || municipalityOf(found) !== actor.municipalityCode) throw notFound(missing);
  return found;
}

/** Writes `change` to row `id` and records it in the audit trail, in the caller's transaction. */
export async function updateAudited<C extends object>(
  tx: Executor,
  actor: Actor,
  write: {
    update: (tx: Executor, id: string, change: C) => Promise<unknown>;
    id: string;
    change: C;
  },
  audit: { entityType: string; summary: string; before: unknown },
): Promise<void> {
  await write.update(tx, write.id, write.change);
  await recordAudit(tx, actor, {
    action: "update",
    entityId: write.id,
    after: write.change,
    ...audit,
  });
}

/** A row that belongs to a document: its municipality is the document's. */
export const documentOwner = (row: { document: { municipalityCode: string } }) =>
  row.document.municipalityCode;

/**
 * One edit of one row, the way every policy edit goes: in a transaction, find and lock the row (404
 * unless it is the actor's municipality's), work out the change from it, write the change and its
 * audit line. Returns the row as it was before.
 */
export function editOwned<T, C extends object>(
  db: Db,
  actor: Actor,
  id: string,
  edit: {
    find: (tx: Executor, id: string) => Promise<T | undefined>;
    ownerOf: (row: T) => string;
    missing: string;
    change: (row: T, tx: Executor) => C | Promise<C>;
    update: (tx: Executor, id: string, change: C) => Promise<unknown>;
    audit: (row: T) => { entityType: string; summary: string; before: unknown };
  },
): Promise<T> {
  return db.transaction(async (tx) => {
    const row = await findOwned(actor, id, (i) => edit.find(tx, i), edit.ownerOf, edit.missing);
    const change = await edit.change(row, tx);
    await updateAudited(tx, actor, { update: edit.update, id, change }, edit.audit(row));
    return row;
  });
}
