import { and, desc, eq, gt, isNull, lte, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/executor.js";
import { accounts, apiTokens } from "./schema.js";

export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type NewApiTokenRow = typeof apiTokens.$inferInsert;

export async function insertApiToken(db: Executor, row: NewApiTokenRow): Promise<ApiTokenRow> {
  const [created] = await db.insert(apiTokens).values(row).returning();
  if (!created) throw new Error("API-token niet aangemaakt");
  return created;
}

/** A token that may be used now: not revoked, not expired. The account is checked by the caller. */
export async function findLiveApiToken(
  db: Executor,
  tokenHash: string,
  now: Date,
): Promise<ApiTokenRow | undefined> {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        gt(apiTokens.expiresAt, now),
      ),
    );
  return row;
}

/**
 * Records a use, but only when the last recorded one is at least `minAge` old: a busy client
 * costs one write a minute, not one per request. The condition is in the statement itself, so
 * concurrent requests do not both write.
 */
export async function touchApiToken(
  db: Executor,
  id: string,
  now: Date,
  minAgeMs: number,
): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.id, id),
        or(
          isNull(apiTokens.lastUsedAt),
          lte(apiTokens.lastUsedAt, new Date(now.getTime() - minAgeMs)),
        ),
      ),
    );
}

/** A token of the municipality with its account, locked for a change (revocation). */
export async function findApiTokenForUpdate(db: Executor, id: string, municipalityCode: string) {
  const [row] = await db
    .select({ token: apiTokens, username: accounts.username })
    .from(apiTokens)
    .innerJoin(accounts, eq(accounts.id, apiTokens.accountId))
    .where(and(eq(apiTokens.id, id), eq(accounts.municipalityCode, municipalityCode)))
    .for("update", { of: apiTokens });
  return row;
}

export async function setApiTokenRevoked(db: Executor, id: string, at: Date): Promise<void> {
  await db.update(apiTokens).set({ revokedAt: at }).where(eq(apiTokens.id, id));
}

/** Revokes every live token of an account (deactivation); returns how many were live. */
export async function revokeTokensOfAccount(
  db: Executor,
  accountId: string,
  at: Date,
): Promise<number> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.accountId, accountId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length;
}

const creators = alias(accounts, "creators");

/** Every token of the municipality, newest first, with its account and who issued it. */
export async function listApiTokens(db: Executor, municipalityCode: string) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
      accountId: accounts.id,
      username: accounts.username,
      displayName: accounts.displayName,
      accountActive: accounts.active,
      createdBy: creators.username,
    })
    .from(apiTokens)
    .innerJoin(accounts, eq(accounts.id, apiTokens.accountId))
    .leftJoin(creators, eq(creators.id, apiTokens.createdBy))
    .where(eq(accounts.municipalityCode, municipalityCode))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}
