import type { Db, Executor } from "../../db/executor.js";
import type { Actor } from "../../platform/actor.js";
import { badRequest, conflict, type FieldError, notFound } from "../../platform/errors.js";
import { isUuid } from "../../platform/values.js";
import { recordAudit } from "../audit/index.js";
import type { AccountListRow, AccountSort } from "./admin-repository.js";
import * as adminRepo from "./admin-repository.js";
import { accountKey } from "./login-throttle.js";
import { clearFailures } from "./login-throttle-repository.js";
import { generatePassword, hashPassword } from "./password.js";
import { type RoleGrant, SCOPED_ROLES, scopeName } from "./permissions.js";
import { deleteSessionsOfAccount, updatePasswordHash } from "./repository.js";
import { ROLES, type Role } from "./schema.js";
import { publicAccount } from "./service.js";
import { revokeTokensOfAccount } from "./token-repository.js";

/**
 * Account management by a beheerder (/beheer/gebruikers): deactivate, reactivate, reset the
 * password, add and remove roles. Each change is one transaction with its audit entry, under a row
 * lock on the account; whatever could take away a beheerder first locks all active beheerders.
 */

export const ACCOUNT_PAGE_SIZE = 25;
export const SCOPE_MAX = 100;

export async function browseAccounts(
  db: Executor,
  municipalityCode: string,
  options: { sort: AccountSort; descending: boolean; page: number },
) {
  const fetch = (page: number) =>
    adminRepo.findAccountPage(db, municipalityCode, {
      sort: options.sort,
      descending: options.descending,
      limit: ACCOUNT_PAGE_SIZE,
      offset: (page - 1) * ACCOUNT_PAGE_SIZE,
    });
  let page = options.page;
  let result = await fetch(page);
  const pages = Math.max(1, Math.ceil(result.total / ACCOUNT_PAGE_SIZE));
  // A page beyond the end (an old link, a deleted account) shows the last page instead of nothing.
  if (page > pages) {
    page = pages;
    result = await fetch(page);
  }
  return { rows: result.rows, total: result.total, page, pages };
}

const accountNotFound = () => notFound("Deze gebruiker bestaat niet.");

export async function getAccount(
  db: Executor,
  municipalityCode: string,
  id: string,
): Promise<AccountListRow> {
  const account = isUuid(id)
    ? await adminRepo.findMunicipalAccount(db, municipalityCode, id)
    : undefined;
  if (!account) throw accountNotFound();
  return account;
}

const LAST_BEHEERDER =
  "Dit is de laatste actieve beheerder. Geef eerst een ander account de rol beheerder; anders kan niemand de gebruikers nog beheren.";

/** Whether taking `accountId` out of the active beheerders leaves none. */
export const leavesNoBeheerder = (activeBeheerderIds: readonly string[], accountId: string) =>
  activeBeheerderIds.includes(accountId) && activeBeheerderIds.every((id) => id === accountId);

const refuse = (status: 400 | 409, field: string, message: string) =>
  status === 400
    ? badRequest(message, [{ field, message }])
    : conflict(message, [{ field, message }]);

/**
 * Runs a change on one account of the actor's municipality under a row lock, with the beheerder
 * locks first when `guardBeheerders` (deactivating, removing the beheerder role).
 */
async function changeAccount<T>(
  db: Db,
  actor: Actor,
  id: string,
  guardBeheerders: boolean,
  change: (
    tx: Executor,
    account: AccountListRow,
    activeBeheerderIds: readonly string[],
  ) => Promise<T>,
): Promise<T> {
  if (!isUuid(id)) throw accountNotFound();
  return db.transaction(async (tx) => {
    const beheerders = guardBeheerders
      ? await adminRepo.lockActiveBeheerders(tx, actor.municipalityCode)
      : [];
    const account = await adminRepo.findMunicipalAccount(tx, actor.municipalityCode, id, {
      lock: true,
    });
    if (!account) throw accountNotFound();
    return change(tx, account, beheerders);
  });
}

const sessionsEnded = (n: number) => (n === 1 ? "1 sessie" : `${n} sessies`);

/** The audit entry of a change to an account: before as it was, after with `changed` and `roles`. */
const auditAccountChange = (
  tx: Executor,
  actor: Actor,
  account: AccountListRow,
  summary: string,
  after: { changed?: Partial<AccountListRow>; roles?: RoleGrant[] } = {},
) =>
  recordAudit(tx, actor, {
    action: "update",
    entityType: "gebruiker",
    entityId: account.id,
    summary,
    before: publicAccount(account, account.roles),
    after: publicAccount({ ...account, ...after.changed }, after.roles ?? account.roles),
  });

/** Deactivates an account: it cannot log in, and its sessions end now (its tokens stop working). */
export async function deactivateAccount(db: Db, actor: Actor, id: string) {
  return changeAccount(db, actor, id, true, async (tx, account, beheerders) => {
    if (!account.active) throw refuse(409, "status", "Dit account is al gedeactiveerd.");
    if (leavesNoBeheerder(beheerders, account.id)) throw refuse(409, "status", LAST_BEHEERDER);
    await adminRepo.setActive(tx, account.id, false);
    const ended = await deleteSessionsOfAccount(tx, account.id);
    // Revoked, not only refused: reactivating an account must not silently bring back system access.
    const revoked = await revokeTokensOfAccount(tx, account.id, new Date());
    await auditAccountChange(
      tx,
      actor,
      account,
      `Gebruiker ${account.username} gedeactiveerd; ${sessionsEnded(ended)} beëindigd, ${revoked === 1 ? "1 API-token" : `${revoked} API-tokens`} ingetrokken`,
      { changed: { active: false } },
    );
    return account;
  });
}

export async function reactivateAccount(db: Db, actor: Actor, id: string) {
  return changeAccount(db, actor, id, false, async (tx, account) => {
    if (account.active) throw refuse(409, "status", "Dit account is al actief.");
    await adminRepo.setActive(tx, account.id, true);
    await auditAccountChange(tx, actor, account, `Gebruiker ${account.username} geheractiveerd`, {
      changed: { active: true },
    });
    return account;
  });
}

/**
 * Gives the account a new one-time password (returned once, to show on the result page) that must
 * be changed after logging in; the old password stops working and every session of the account ends.
 */
export async function resetAccountPassword(db: Db, actor: Actor, id: string) {
  if (!isUuid(id)) throw accountNotFound();
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const account = await changeAccount(db, actor, id, false, async (tx, account) => {
    await updatePasswordHash(tx, account.id, passwordHash, { mustChangePassword: true });
    const ended = await deleteSessionsOfAccount(tx, account.id);
    // The new password is known only to the beheerder and the user: no delay from earlier guessing.
    await clearFailures(tx, accountKey(account.username));
    await auditAccountChange(
      tx,
      actor,
      account,
      `Wachtwoord van ${account.username} opnieuw ingesteld (eenmalig); ${sessionsEnded(ended)} beëindigd`,
      { changed: { mustChangePassword: true } },
    );
    return { ...account, mustChangePassword: true };
  });
  return { account, password };
}

export interface RoleInput {
  role: string;
  scope?: string | undefined;
  scopeLabel?: string | undefined;
}

/** A role as stored: a known role, and a scope only (and always) for partner and buurtverbinder. */
export function validateRole(input: RoleInput): { grant?: RoleGrant; errors: FieldError[] } {
  if (!(ROLES as readonly string[]).includes(input.role)) {
    return {
      errors: [{ field: "rol", message: `Rol moet een van deze zijn: ${ROLES.join(", ")}.` }],
    };
  }
  const role = input.role as Role;
  if (!SCOPED_ROLES.includes(role)) return { grant: { role, scope: "" }, errors: [] };
  const scope = input.scope?.trim() ?? "";
  if (scope === "") {
    return {
      errors: [
        {
          field: "scope",
          message: "Bij de rol partner of buurtverbinder hoort een organisatie of buurtplein.",
        },
      ],
    };
  }
  if (scope.length > SCOPE_MAX) {
    return {
      errors: [
        {
          field: "scope",
          message: `Organisatie of buurtplein: te lang, hoogstens ${SCOPE_MAX} tekens.`,
        },
      ],
    };
  }
  return { grant: { role, scope, scopeLabel: input.scopeLabel?.trim() ?? "" }, errors: [] };
}

const grantLabel = (g: RoleGrant) => `${g.role}${g.scope ? ` (${scopeName(g)})` : ""}`;

function validGrant(input: RoleInput): RoleGrant {
  const { grant, errors } = validateRole(input);
  if (!grant) throw badRequest(errors.map((e) => e.message).join(" "), errors);
  return grant;
}

export async function addAccountRole(db: Db, actor: Actor, id: string, input: RoleInput) {
  const grant = validGrant(input);
  return changeAccount(db, actor, id, false, async (tx, account) => {
    if (!(await adminRepo.insertRole(tx, account.id, grant))) {
      throw refuse(409, "rol", `${account.username} heeft de rol ${grantLabel(grant)} al.`);
    }
    await auditAccountChange(
      tx,
      actor,
      account,
      `Rol ${grantLabel(grant)} gegeven aan ${account.username}`,
      {
        roles: [...account.roles, grant],
      },
    );
    return { account, grant };
  });
}

export async function removeAccountRole(db: Db, actor: Actor, id: string, input: RoleInput) {
  const { grant } = validateRole(input);
  // The form sends back a role the account has; anything else is a stale or crafted form.
  if (!grant) throw refuse(400, "rollen", "Kies een rol uit de tabel om te verwijderen.");
  return changeAccount(
    db,
    actor,
    id,
    grant.role === "beheerder",
    async (tx, account, beheerders) => {
      const has = account.roles.some((r) => r.role === grant.role && r.scope === grant.scope);
      if (!has) {
        throw refuse(
          409,
          "rollen",
          `${account.username} heeft de rol ${grantLabel(grant)} niet (meer).`,
        );
      }
      if (grant.role === "beheerder" && leavesNoBeheerder(beheerders, account.id)) {
        throw refuse(409, "rollen", LAST_BEHEERDER);
      }
      if (account.roles.length === 1) {
        throw refuse(
          409,
          "rollen",
          "Een gebruiker heeft minstens één rol. Voeg eerst een andere rol toe, of deactiveer het account.",
        );
      }
      await adminRepo.deleteRole(tx, account.id, grant);
      const roles = account.roles.filter(
        (r) => !(r.role === grant.role && r.scope === grant.scope),
      );
      await auditAccountChange(
        tx,
        actor,
        account,
        `Rol ${grantLabel(grant)} afgenomen van ${account.username}`,
        { roles },
      );
      return { account, grant };
    },
  );
}
