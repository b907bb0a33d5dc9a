import type { Executor } from "../../db/executor.js";
import type { Actor } from "../../platform/actor.js";
import { type AuditFilter, findAuditEntries, insertAuditEntry } from "./repository.js";
import type { AuditAction } from "./schema.js";

export interface AuditRecord {
  action: AuditAction;
  entityType: string;
  entityId: string;
  summary: string;
  before?: unknown;
  after?: unknown;
}

/** JSON-safe copy: Dates become ISO strings, undefined is dropped. */
const snapshot = (value: unknown): unknown =>
  value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));

/**
 * Writes one audit entry. Call it with the transaction handle of the change itself, so the change
 * and its audit entry are committed or rolled back together.
 */
export async function recordAudit(tx: Executor, actor: Actor, record: AuditRecord): Promise<void> {
  await insertAuditEntry(tx, {
    municipalityCode: actor.municipalityCode,
    actorId: actor.accountId,
    actorName: actor.name,
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    summary: record.summary,
    before: snapshot(record.before),
    after: snapshot(record.after),
  });
}

/** Records that `row` was created: its id, and the row as stored unless `after` says otherwise. */
export const recordCreated = (
  tx: Executor,
  actor: Actor,
  entityType: string,
  row: { id: string },
  summary: string,
  after: unknown = row,
): Promise<void> =>
  recordAudit(tx, actor, { action: "create", entityType, entityId: row.id, summary, after });

export const AUDIT_PAGE_SIZE = 25;

export async function browseAudit(
  db: Executor,
  filter: AuditFilter,
  page: number,
  pageSize = AUDIT_PAGE_SIZE,
) {
  const safePage = Math.max(1, page);
  const result = await findAuditEntries(db, filter, {
    limit: pageSize,
    offset: (safePage - 1) * pageSize,
  });
  return {
    ...result,
    page: safePage,
    pageSize,
    pages: Math.max(1, Math.ceil(result.total / pageSize)),
  };
}
