import type { Executor } from "../../db/executor.js";
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
