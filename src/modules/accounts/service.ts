import { createHash, randomBytes } from "node:crypto";
import type { Db, Executor } from "../../db/executor.js";
import type { Actor } from "../../platform/actor.js";
import { assertValid, conflict, type FieldError } from "../../platform/errors.js";
import { recordAudit } from "../audit/index.js";
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "./password.js";
import { type RoleGrant, SCOPED_ROLES } from "./permissions.js";
import * as repo from "./repository.js";
import { ROLES, type Role } from "./schema.js";

export interface SessionAccount {
  id: string;
  username: string;
  displayName: string;
  municipalityCode: string;
  roles: RoleGrant[];
}

export const SESSION_HOURS = 12;
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface NewAccountInput {
  username: string;
  displayName: string;
  email?: string | undefined;
  role: string;
  scope?: string | undefined;
  /** When absent a random password is generated and returned once. */
  password?: string | undefined;
}

export function validateNewAccount(input: NewAccountInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!USERNAME.test(input.username.trim())) {
    errors.push({
      field: "gebruikersnaam",
      message:
        "Gebruikersnaam moet 3 tot 40 tekens zijn: letters, cijfers, punt, streepje of liggend streepje.",
    });
  }
  if (input.displayName.trim().length === 0 || input.displayName.length > 100) {
    errors.push({ field: "naam", message: "Naam is verplicht (hoogstens 100 tekens)." });
  }
  if (input.email && !EMAIL.test(input.email.trim())) {
    errors.push({ field: "email", message: "E-mailadres is niet geldig." });
  }
  if (!(ROLES as readonly string[]).includes(input.role)) {
    errors.push({ field: "rol", message: `Rol moet een van deze zijn: ${ROLES.join(", ")}.` });
  } else if (SCOPED_ROLES.includes(input.role as Role) && !input.scope?.trim()) {
    errors.push({
      field: "scope",
      message: "Bij de rol partner of buurtverbinder hoort een organisatie of buurtplein.",
    });
  }
  if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH) {
    errors.push({
      field: "wachtwoord",
      message: `Wachtwoord moet minstens ${MIN_PASSWORD_LENGTH} tekens lang zijn.`,
    });
  }
  return errors;
}

/** Creates an account with one role; returns it with the (generated) password, shown once. */
export async function createAccount(db: Db, actor: Actor, input: NewAccountInput) {
  assertValid(validateNewAccount(input));
  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const role = input.role as Role;
  const scope = SCOPED_ROLES.includes(role) ? (input.scope?.trim() ?? "") : "";
  const account = await db.transaction(async (tx) => {
    if (await repo.findAccountByUsername(tx, input.username.trim())) {
      throw conflict(`De gebruikersnaam "${input.username.trim()}" is al in gebruik.`, [
        { field: "gebruikersnaam", message: "Deze gebruikersnaam is al in gebruik." },
      ]);
    }
    const created = await repo.insertAccount(tx, {
      municipalityCode: actor.municipalityCode,
      username: input.username.trim(),
      displayName: input.displayName.trim(),
      email: input.email?.trim() || null,
      passwordHash,
    });
    await repo.insertRoles(tx, created.id, [{ role, scope }]);
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "gebruiker",
      entityId: created.id,
      summary: `Gebruiker ${created.username} aangemaakt met rol ${role}${scope ? ` (${scope})` : ""}`,
      after: publicAccount(created, [{ role, scope }]),
    });
    return created;
  });
  return { account, password };
}

/** What may be shown or audited of an account: never the password hash. */
function publicAccount(a: repo.AccountRow, roles: RoleGrant[]) {
  return {
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    email: a.email,
    active: a.active,
    roles,
  };
}

export const INITIAL_ADMIN_USERNAME = "beheerder";

/** On first start: create the beheerder account when there is none. Returns the password to print once. */
export async function ensureInitialAdministrator(
  db: Db,
  actor: Actor,
): Promise<string | undefined> {
  if ((await repo.countAccountsWithRole(db, actor.municipalityCode, "beheerder")) > 0)
    return undefined;
  if (await repo.findAccountByUsername(db, INITIAL_ADMIN_USERNAME)) return undefined;
  const { password } = await createAccount(db, actor, {
    username: INITIAL_ADMIN_USERNAME,
    displayName: "Beheerder",
    role: "beheerder",
  });
  return password;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Checks a login; returns a new session token, or undefined for a wrong username or password. */
export async function login(db: Db, username: string, password: string, now = new Date()) {
  const account = await repo.findAccountByUsername(db, username.trim());
  const ok = await verifyPassword(account?.active ? account.passwordHash : undefined, password);
  if (!account || !ok) return undefined;
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await db.transaction(async (tx) => {
    await repo.deleteExpiredSessions(tx, now);
    await repo.insertSession(tx, hashToken(token), account.id, expiresAt);
    await repo.touchLastLogin(tx, account.id);
  });
  return { token, expiresAt };
}

export async function resolveSession(
  db: Executor,
  token: string,
  now = new Date(),
): Promise<SessionAccount | undefined> {
  const found = await repo.findLiveSession(db, hashToken(token), now);
  if (!found) return undefined;
  const roles = await repo.findRoles(db, found.account.id);
  const a = found.account;
  return {
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    municipalityCode: a.municipalityCode,
    roles,
  };
}

export async function logout(db: Executor, token: string): Promise<void> {
  await repo.deleteSession(db, hashToken(token));
}

export async function changePassword(
  db: Db,
  actor: Actor,
  accountId: string,
  current: string,
  next: string,
) {
  const account = await repo.findAccountById(db, accountId);
  const errors: FieldError[] = [];
  if (!account || !(await verifyPassword(account.passwordHash, current))) {
    errors.push({ field: "huidig", message: "Het huidige wachtwoord klopt niet." });
  }
  if (next.length < MIN_PASSWORD_LENGTH) {
    errors.push({
      field: "nieuw",
      message: `Het nieuwe wachtwoord moet minstens ${MIN_PASSWORD_LENGTH} tekens lang zijn.`,
    });
  }
  assertValid(errors);
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await repo.updatePasswordHash(tx, accountId, passwordHash);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "gebruiker",
      entityId: accountId,
      summary: "Wachtwoord gewijzigd",
    });
  });
}

export const listAccounts = (db: Executor, municipalityCode: string) =>
  repo.listAccounts(db, municipalityCode);
