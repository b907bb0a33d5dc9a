import { and, asc, eq, gt, lt, sql } from "drizzle-orm";
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

export async function findAccountById(db: Executor, id: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id));
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
): Promise<void> {
  await db.update(accounts).set({ passwordHash, updatedAt: new Date() }).where(eq(accounts.id, id));
}

export async function touchLastLogin(db: Executor, id: string): Promise<void> {
  await db.update(accounts).set({ lastLoginAt: new Date() }).where(eq(accounts.id, id));
}

export async function insertRoles(
  db: Executor,
  accountId: string,
  grants: { role: Role; scope: string }[],
) {
  if (grants.length === 0) return;
  await db.insert(accountRoles).values(grants.map((g) => ({ accountId, ...g })));
}

export async function findRoles(db: Executor, accountId: string) {
  return db
    .select({ role: accountRoles.role, scope: accountRoles.scope })
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
    roles: roles.filter((r) => r.accountId === a.id).map((r) => ({ role: r.role, scope: r.scope })),
  }));
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

export async function insertSession(db: Executor, id: string, accountId: string, expiresAt: Date) {
  await db.insert(sessions).values({ id, accountId, expiresAt });
}

export async function findLiveSession(db: Executor, id: string, now: Date) {
  const [row] = await db
    .select({ session: sessions, account: accounts })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), eq(accounts.active, true)));
  return row;
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteExpiredSessions(db: Executor, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
