import { and, count, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/executor.js";
import { type AuditAction, auditEntries } from "./schema.js";

export type AuditEntry = typeof auditEntries.$inferSelect;
export type NewAuditEntry = typeof auditEntries.$inferInsert;

export interface AuditFilter {
  municipalityCode: string;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorName?: string | undefined;
  action?: AuditAction | undefined;
  from?: Date | undefined;
  /** Exclusive upper bound. */
  until?: Date | undefined;
}

function where(f: AuditFilter): SQL | undefined {
  const conditions = [eq(auditEntries.municipalityCode, f.municipalityCode)];
  if (f.entityType) conditions.push(eq(auditEntries.entityType, f.entityType));
  if (f.entityId) conditions.push(eq(auditEntries.entityId, f.entityId));
  if (f.actorName) conditions.push(eq(auditEntries.actorName, f.actorName));
  if (f.action) conditions.push(eq(auditEntries.action, f.action));
  if (f.from) conditions.push(gte(auditEntries.occurredAt, f.from));
  if (f.until) conditions.push(lt(auditEntries.occurredAt, f.until));
  return and(...conditions);
}

export async function insertAuditEntry(db: Executor, entry: NewAuditEntry): Promise<void> {
  // now() is when the transaction began, before it waited for a row lock; the clock time puts
  // the trail in the order the changes were really made.
  await db.insert(auditEntries).values({ occurredAt: sql`clock_timestamp()`, ...entry });
}

export async function findAuditEntries(
  db: Executor,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: AuditEntry[]; total: number }> {
  const condition = where(filter);
  const rows = await db
    .select()
    .from(auditEntries)
    .where(condition)
    .orderBy(desc(auditEntries.occurredAt), desc(auditEntries.id))
    .limit(page.limit)
    .offset(page.offset);
  const [totalRow] = await db.select({ total: count() }).from(auditEntries).where(condition);
  return { rows, total: totalRow?.total ?? 0 };
}

export async function distinctEntityTypes(
  db: Executor,
  municipalityCode: string,
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ entityType: auditEntries.entityType })
    .from(auditEntries)
    .where(eq(auditEntries.municipalityCode, municipalityCode))
    .orderBy(auditEntries.entityType);
  return rows.map((r) => r.entityType);
}

export async function countAuditEntries(db: Executor): Promise<number> {
  const [row] = await db.select({ total: count() }).from(auditEntries);
  return row?.total ?? 0;
}
