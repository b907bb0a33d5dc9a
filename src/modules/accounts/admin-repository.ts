import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/executor.js";
import type { RoleGrant } from "./permissions.js";
import { type AccountRow, findRoles } from "./repository.js";
import { accountRoles, accounts, type Role } from "./schema.js";

/** The columns the account list can be sorted on. */
export const ACCOUNT_SORTS = ["gebruikersnaam", "naam", "status", "laatste-login"] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

const orderFor = (sort: AccountSort, descending: boolean): SQL[] => {
  const dir = descending ? desc : asc;
  const byUsername = asc(sql`lower(${accounts.username})`);
  switch (sort) {
    case "naam":
      return [dir(sql`lower(${accounts.displayName})`), byUsername];
    case "status":
      // Ascending: active first.
      return [dir(sql`(not ${accounts.active})`), byUsername];
    case "laatste-login":
      // Never logged in counts as longest ago, in either direction.
      return [
        descending
          ? sql`${accounts.lastLoginAt} desc nulls last`
          : sql`${accounts.lastLoginAt} asc nulls first`,
        byUsername,
      ];
    default:
      return [dir(sql`lower(${accounts.username})`)];
  }
};

export type AccountListRow = AccountRow & { roles: RoleGrant[] };

/** One page of the municipality's accounts with their roles, and the total. */
export async function findAccountPage(
  db: Executor,
  municipalityCode: string,
  options: { sort: AccountSort; descending: boolean; limit: number; offset: number },
): Promise<{ rows: AccountListRow[]; total: number }> {
  const where = eq(accounts.municipalityCode, municipalityCode);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(accounts).where(where);
  const rows = await db
    .select()
    .from(accounts)
    .where(where)
    .orderBy(...orderFor(options.sort, options.descending))
    .limit(options.limit)
    .offset(options.offset);
  const ids = rows.map((r) => r.id);
  const roles =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(accountRoles)
          .where(inArray(accountRoles.accountId, ids))
          .orderBy(asc(accountRoles.role), asc(accountRoles.scope));
  return {
    rows: rows.map((a) => ({
      ...a,
      roles: roles
        .filter((r) => r.accountId === a.id)
        .map((r) => ({ role: r.role, scope: r.scope, scopeLabel: r.scopeLabel })),
    })),
    total: count?.n ?? 0,
  };
}

/** An account of the municipality, under a row lock when asked (read-modify-write). */
export async function findMunicipalAccount(
  db: Executor,
  municipalityCode: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<AccountListRow | undefined> {
  const query = db
    .select()
    .from(accounts)
    .where(and(eq(accounts.id, id), eq(accounts.municipalityCode, municipalityCode)));
  const [row] = await (options.lock ? query.for("update") : query);
  if (!row) return undefined;
  return { ...row, roles: await findRoles(db, row.id) };
}

/**
 * Locks every active beheerder of the municipality, in id order (so two transactions cannot
 * deadlock), and returns their ids. Whoever takes away a beheerder holds these locks first, so two
 * beheerders cannot each remove the other at the same moment and leave none.
 */
export async function lockActiveBeheerders(
  db: Executor,
  municipalityCode: string,
): Promise<string[]> {
  const rows = await db
    .select({ id: accounts.id })
    .from(accounts)
    .innerJoin(accountRoles, eq(accountRoles.accountId, accounts.id))
    .where(
      and(
        eq(accounts.municipalityCode, municipalityCode),
        eq(accounts.active, true),
        eq(accountRoles.role, "beheerder"),
      ),
    )
    .orderBy(asc(accounts.id))
    .for("update", { of: accounts });
  return rows.map((r) => r.id);
}

export async function setActive(db: Executor, id: string, active: boolean): Promise<void> {
  await db.update(accounts).set({ active, updatedAt: new Date() }).where(eq(accounts.id, id));
}

/** Inserts a role; false when the account already has it (same role and scope). */
export async function insertRole(
  db: Executor,
  accountId: string,
  grant: { role: Role; scope: string; scopeLabel?: string | undefined },
): Promise<boolean> {
  const inserted = await db
    .insert(accountRoles)
    .values({ accountId, role: grant.role, scope: grant.scope, scopeLabel: grant.scopeLabel ?? "" })
    .onConflictDoNothing()
    .returning({ role: accountRoles.role });
  return inserted.length > 0;
}

/** Deletes a role; false when the account did not have it. */
export async function deleteRole(
  db: Executor,
  accountId: string,
  grant: { role: Role; scope: string },
): Promise<boolean> {
  const deleted = await db
    .delete(accountRoles)
    .where(
      and(
        eq(accountRoles.accountId, accountId),
        eq(accountRoles.role, grant.role),
        eq(accountRoles.scope, grant.scope),
      ),
    )
    .returning({ role: accountRoles.role });
  return deleted.length > 0;
}
