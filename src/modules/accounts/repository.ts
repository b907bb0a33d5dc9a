import { and, asc, eq, gt, lt, ne, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/executor.js";
import { accountRoles, accounts, type Role, sessions } from "./schema.js";

export type AccountRow = typeof accounts.$inferSelect;
export type NewAccountRow = typeof accounts.$inferInsert;

export async function findAccountByUsername(
  db: Executor,
  username: string,
): Promise<AccountRow | undefined> {
  const [row] = await db
    .select()
    .from(accounts)
    .where(sql`lower(${accounts.username}) = lower(${username})`);
  return row;
}

export async function findAccountById(
  db: Executor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<AccountRow | undefined> {
  const query = db.select().from(accounts).where(eq(accounts.id, id));
  const [row] = await (options.lock ? query.for("update") : query);
  return row;
}

export async function insertAccount(db: Executor, row: NewAccountRow): Promise<AccountRow> {
  const [created] = await db.insert(accounts).values(row).returning();
  if (!created) throw new Error("Account niet aangemaakt");
  return created;
}

export async function updatePasswordHash(
  db: Executor,
  id: string,
  passwordHash: string,
  options: { mustChangePassword?: boolean } = {},
): Promise<void> {
  await db
    .update(accounts)
    .set({ passwordHash, updatedAt: new Date(), ...options })
    .where(eq(accounts.id, id));
}

export async function touchLastLogin(db: Executor, id: string): Promise<void> {
  await db.update(accounts).set({ lastLoginAt: new Date() }).where(eq(accounts.id, id));
}

export async function insertRoles(
  db: Executor,
  accountId: string,
  grants: { role: Role; scope: string; scopeLabel?: string | undefined }[],
) {
  if (grants.length === 0) return;
  await db.insert(accountRoles).values(
    grants.map((g) => ({
      accountId,
      role: g.role,
      scope: g.scope,
      scopeLabel: g.scopeLabel ?? "",
    })),
  );
}

export async function findRoles(db: Executor, accountId: string) {
  return db
    .select({
      role: accountRoles.role,
      scope: accountRoles.scope,
      scopeLabel: accountRoles.scopeLabel,
    })
    .from(accountRoles)
    .where(eq(accountRoles.accountId, accountId))
    .orderBy(asc(accountRoles.role));
}

export async function listAccounts(db: Executor, municipalityCode: string) {
  const rows = await db
    .select()
    .from(accounts)
    .where(eq(accounts.municipalityCode, municipalityCode))
    .orderBy(asc(accounts.username));
  const roles = await db.select().from(accountRoles);
  return rows.map((a) => ({
    ...a,
    roles: roles
      .filter((r) => r.accountId === a.id)
      .map((r) => ({ role: r.role, scope: r.scope, scopeLabel: r.scopeLabel })),
  }));
}

/**
 * The active accounts that act for an organisation: a partner grant whose scope is its id. Who
 * hears about the organisation's reports and reminders (ordered, so notifications go in one order).
 */
export async function listPartnerAccountIds(
  db: Executor,
  organisationId: string,
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: accounts.id })
    .from(accountRoles)
    .innerJoin(accounts, eq(accounts.id, accountRoles.accountId))
    .where(
      and(
        eq(accountRoles.role, "partner"),
        eq(accountRoles.scope, organisationId),
        eq(accounts.active, true),
      ),
    )
    .orderBy(asc(accounts.id));
  return rows.map((r) => r.id);
}

export async function countAccountsWithRole(
  db: Executor,
  municipalityCode: string,
  role: Role,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(accountRoles)
    .innerJoin(accounts, eq(accounts.id, accountRoles.accountId))
    .where(and(eq(accountRoles.role, role), eq(accounts.municipalityCode, municipalityCode)));
  return row?.n ?? 0;
}

export async function insertSession(
  db: Executor,
  id: string,
  accountId: string,
  expiresAt: Date,
  now: Date,
) {
  await db.insert(sessions).values({ id, accountId, expiresAt, createdAt: now, lastSeenAt: now });
}

/** A session before its absolute end and seen after `idleSince`; the account is checked apart. */
export async function findLiveSession(db: Executor, id: string, now: Date, idleSince: Date) {
  const [row] = await db
    .select()
    .from(sessions)
    .where(
      and(eq(sessions.id, id), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, idleSince)),
    );
  return row;
}

export async function touchSession(db: Executor, id: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
}

/** Ends the account's sessions, all or all but one; returns how many ended. */
export async function deleteSessionsOfAccount(
  db: Executor,
  accountId: string,
  exceptId?: string,
): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.accountId, accountId),
        exceptId === undefined ? undefined : ne(sessions.id, exceptId),
      ),
    )
    .returning({ id: sessions.id });
  return deleted.length;
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteExpiredSessions(
  db: Executor,
  now: Date,
  idleSince: Date,
): Promise<void> {
  await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleSince)));
}

/** Renames a scope everywhere it is granted (an organisation renamed), in the caller's transaction. */
export async function relabelScope(db: Executor, role: Role, scope: string, scopeLabel: string) {
  await db
    .update(accountRoles)
    .set({ scopeLabel })
    .where(and(eq(accountRoles.role, role), eq(accountRoles.scope, scope)));
}
