import { and, asc, count, desc, eq, inArray, isNull, lt, lte, ne, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/executor.js";
import { accounts } from "../../modules/accounts/schema.js";
import { notifications, type OutboxStatus, outboxMessages, type SentVia } from "./schema.js";

export type NotificationRow = typeof notifications.$inferSelect;
export type OutboxRow = typeof outboxMessages.$inferSelect;

/** Where a notification for an account may be mailed: its address, if it has one and is active. */
export async function findRecipient(db: Executor, accountId: string, municipalityCode: string) {
  const [row] = await db
    .select({ email: accounts.email, active: accounts.active })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), eq(accounts.municipalityCode, municipalityCode)));
  return row;
}

export async function insertNotification(
  db: Executor,
  row: Omit<typeof notifications.$inferInsert, "id" | "createdAt" | "readAt">,
): Promise<NotificationRow> {
  // The clock time, not the transaction's start: two messages made in one transaction keep their order.
  const [created] = await db
    .insert(notifications)
    .values({ ...row, createdAt: sql`clock_timestamp()` })
    .returning();
  if (!created) throw new Error("Melding niet opgeslagen");
  return created;
}

export async function insertOutboxMessage(
  db: Executor,
  row: Pick<
    typeof outboxMessages.$inferInsert,
    "municipalityCode" | "accountId" | "recipient" | "subject" | "body" | "link"
  >,
): Promise<void> {
  // Due at once: the next delivery run picks it up (now() is the transaction's start, so also
  // earlier than any run that starts after the commit).
  await db.insert(outboxMessages).values(row);
}

/** One page of an account's messages, newest first, and how many it has in all. */
export async function findNotifications(
  db: Executor,
  accountId: string,
  page: { limit: number; offset: number },
): Promise<{ rows: NotificationRow[]; total: number }> {
  const rows = await db
    .select()
    .from(notifications)
    .where(eq(notifications.accountId, accountId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(page.limit)
    .offset(page.offset);
  const [all] = await db
    .select({ total: count() })
    .from(notifications)
    .where(eq(notifications.accountId, accountId));
  return { rows, total: all?.total ?? 0 };
}

/** The header's number: one count on the partial index of unread messages. */
export async function countUnread(db: Executor, accountId: string): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(notifications)
    .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)));
  return row?.total ?? 0;
}

/**
 * Marks one message of the account read (a message already read keeps its first reading time).
 * False when the account has no such message: another account's message is not found.
 */
export async function markRead(
  db: Executor,
  accountId: string,
  id: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.accountId, accountId)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

/** Marks every unread message of the account read; returns how many there were. */
export async function markAllRead(db: Executor, accountId: string, now: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/**
 * Claims up to `limit` due messages for one delivery run, race-free across instances: the inner
 * select locks the rows it picks and skips rows another run is claiming (SKIP LOCKED), the update
 * sets a lease, and the statement commits at once, so no transaction stays open while mail is sent.
 */
export async function claimDueOutbox(
  db: Executor,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<OutboxRow[]> {
  const due = db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.status, "pending"),
        lte(outboxMessages.nextAttemptAt, now),
        or(isNull(outboxMessages.lockedUntil), lt(outboxMessages.lockedUntil, now)),
      ),
    )
    .orderBy(asc(outboxMessages.nextAttemptAt), asc(outboxMessages.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(outboxMessages)
    .set({ lockedUntil: leaseUntil })
    .where(inArray(outboxMessages.id, due))
    .returning();
}

export async function markOutboxSent(
  db: Executor,
  id: string,
  sentAt: Date,
  via: SentVia,
): Promise<void> {
  await db
    .update(outboxMessages)
    .set({
      status: "sent",
      sentAt,
      sentVia: via,
      attempts: sql`${outboxMessages.attempts} + 1`,
      lockedUntil: null,
      lastError: null,
    })
    .where(eq(outboxMessages.id, id));
}

export async function markOutboxFailure(
  db: Executor,
  id: string,
  outcome: {
    attempts: number;
    status: Exclude<OutboxStatus, "sent">;
    nextAttemptAt?: Date;
    lastError: string;
  },
): Promise<void> {
  await db
    .update(outboxMessages)
    .set({
      attempts: outcome.attempts,
      status: outcome.status,
      lastError: outcome.lastError,
      lockedUntil: null,
      ...(outcome.nextAttemptAt ? { nextAttemptAt: outcome.nextAttemptAt } : {}),
    })
    .where(eq(outboxMessages.id, id));
}

/** The mail of the municipality that has not gone out (pending or failed), newest first, paged. */
export async function findUnsentOutbox(
  db: Executor,
  municipalityCode: string,
  page: { limit: number; offset: number },
) {
  const condition = and(
    eq(outboxMessages.municipalityCode, municipalityCode),
    ne(outboxMessages.status, "sent"),
  );
  const rows = await db
    .select({
      id: outboxMessages.id,
      recipient: outboxMessages.recipient,
      subject: outboxMessages.subject,
      status: outboxMessages.status,
      attempts: outboxMessages.attempts,
      nextAttemptAt: outboxMessages.nextAttemptAt,
      lastError: outboxMessages.lastError,
      createdAt: outboxMessages.createdAt,
    })
    .from(outboxMessages)
    .where(condition)
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(page.limit)
    .offset(page.offset);
  const [all] = await db.select({ total: count() }).from(outboxMessages).where(condition);
  return { rows, total: all?.total ?? 0 };
}

export async function findOutboxMessage(db: Executor, id: string): Promise<OutboxRow | undefined> {
  const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
  return row;
}
