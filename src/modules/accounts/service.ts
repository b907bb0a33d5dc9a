import { createHash, randomBytes } from "node:crypto";
import { DEFAULT_SESSION_IDLE_MINUTES, DEFAULT_SESSION_MAX_HOURS } from "../../config/env.js";
import type { Db, Executor } from "../../db/executor.js";
import type { Actor } from "../../platform/actor.js";
import { assertValid, conflict, type FieldError } from "../../platform/errors.js";
import { textProblem } from "../../platform/field-rules.js";
import { recordAudit } from "../audit/index.js";
import { generatePassword, hashPassword, passwordProblems, verifyPassword } from "./password.js";
import { type RoleGrant, SCOPED_ROLES } from "./permissions.js";
import * as repo from "./repository.js";
import { ROLES, type Role } from "./schema.js";

export interface SessionAccount {
  id: string;
  username: string;
  displayName: string;
  municipalityCode: string;
  roles: RoleGrant[];
  /** A generated password is still in use: only the password form may be used (session-hook.ts). */
  mustChangePassword: boolean;
}

/** How long a session lives: without requests (SESSION_IDLE_MINUTES) and at most (SESSION_MAX_HOURS). */
export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMinutes: DEFAULT_SESSION_IDLE_MINUTES,
  maxHours: DEFAULT_SESSION_MAX_HOURS,
};

/**
 * lastSeenAt is written at most this often per session, not on every request; the idle limit is
 * therefore exact to within a minute.
 */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

const idleSince = (policy: SessionPolicy, now: Date) =>
  new Date(now.getTime() - policy.idleMinutes * 60_000);
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/i;
/** Longest display name of an account; the form states it. */
export const DISPLAY_NAME_MAX = 100;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface NewAccountInput {
  username: string;
  displayName: string;
  email?: string | undefined;
  role: string;
  scope?: string | undefined;
  /** The scope's name where the scope is a record's id (a partner's organisation). */
  scopeLabel?: string | undefined;
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
  const name = textProblem(input.displayName, {
    field: "naam",
    label: "Naam",
    max: DISPLAY_NAME_MAX,
    required: true,
  });
  if (name) errors.push(name);
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
  if (input.password !== undefined) {
    errors.push(
      ...passwordProblems(input.password, {
        username: input.username,
        displayName: input.displayName,
      }),
    );
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
      // A generated password has been seen by someone else (console, beheerder): replace it first.
      mustChangePassword: input.password === undefined,
    });
    const scopeLabel = scope ? (input.scopeLabel?.trim() ?? "") : "";
    await repo.insertRoles(tx, created.id, [{ role, scope, scopeLabel }]);
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "gebruiker",
      entityId: created.id,
      summary: `Gebruiker ${created.username} aangemaakt met rol ${role}${scope ? ` (${scopeLabel || scope})` : ""}`,
      after: publicAccount(created, [{ role, scope }]),
    });
    return created;
  });
  return { account, password };
}

/** What may be shown or audited of an account: never the password hash. */
export function publicAccount(a: repo.AccountRow, roles: RoleGrant[]) {
  return {
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    email: a.email,
    active: a.active,
    mustChangePassword: a.mustChangePassword,
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

/**
 * Checks a login; returns a new session token, or undefined for a wrong username or password.
 * The session ends policy.maxHours after now at the latest (expiresAt), earlier when idle.
 */
export async function login(
  db: Db,
  username: string,
  password: string,
  now = new Date(),
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
) {
  const account = await repo.findAccountByUsername(db, username.trim());
  const ok = await verifyPassword(account?.active ? account.passwordHash : undefined, password);
  if (!account || !ok) return undefined;
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + policy.maxHours * 3600_000);
  await db.transaction(async (tx) => {
    await repo.deleteExpiredSessions(tx, now, idleSince(policy, now));
    await repo.insertSession(tx, hashToken(token), account.id, expiresAt, now);
    await repo.touchLastLogin(tx, account.id);
  });
  return { token, expiresAt };
}

/**
 * The account behind a session cookie, or undefined when the session is unknown, past its
 * absolute end, idle for longer than the policy allows, or its account is deactivated.
 */
export async function resolveSession(
  db: Executor,
  token: string,
  now = new Date(),
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<SessionAccount | undefined> {
  const session = await repo.findLiveSession(db, hashToken(token), now, idleSince(policy, now));
  if (!session) return undefined;
  const account = await loadActiveAccount(db, session.accountId);
  if (!account) return undefined;
  if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS) {
    await repo.touchSession(db, session.id, now);
  }
  return account;
}

/**
 * The account as a request sees it, or undefined when it does not exist or is deactivated. The one
 * place that checks `active`: sessions and API tokens both resolve through it, on every request, so
 * deactivating an account stops its access at once.
 */
export async function loadActiveAccount(
  db: Executor,
  accountId: string,
): Promise<SessionAccount | undefined> {
  const a = await repo.findAccountById(db, accountId);
  if (!a?.active) return undefined;
  const roles = await repo.findRoles(db, a.id);
  return {
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    municipalityCode: a.municipalityCode,
    roles,
    mustChangePassword: a.mustChangePassword,
  };
}

export async function logout(db: Executor, token: string): Promise<void> {
  await repo.deleteSession(db, hashToken(token));
}

/** "Overal uitloggen": ends every session of the account, the current one included. */
export async function logoutEverywhere(db: Db, actor: Actor, accountId: string): Promise<number> {
  return db.transaction(async (tx) => {
    const ended = await repo.deleteSessionsOfAccount(tx, accountId);
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "gebruiker",
      entityId: accountId,
      summary: `Overal uitgelogd: ${ended === 1 ? "1 sessie" : `${ended} sessies`} beëindigd`,
    });
    return ended;
  });
}

/**
 * Changes the account's own password and ends its other sessions (a stolen session does not
 * outlive the change); the session with `keepSessionToken`, the one making the change, stays.
 */
export async function changePassword(
  db: Db,
  actor: Actor,
  accountId: string,
  current: string,
  next: string,
  keepSessionToken?: string,
) {
  const account = await repo.findAccountById(db, accountId);
  const errors: FieldError[] = [];
  const currentOk = account !== undefined && (await verifyPassword(account.passwordHash, current));
  if (!currentOk) {
    errors.push({ field: "huidig", message: "Het huidige wachtwoord klopt niet." });
  } else if (next === current) {
    // Otherwise a one-time password (seen by a beheerder) could be "changed" into itself.
    errors.push({
      field: "nieuw",
      message: "nieuw wachtwoord: moet anders zijn dan het huidige wachtwoord.",
    });
  }
  if (account) {
    errors.push(
      ...passwordProblems(
        next,
        { username: account.username, displayName: account.displayName },
        { field: "nieuw", label: "nieuw wachtwoord" },
      ),
    );
  }
  assertValid(errors);
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    const locked = await repo.findAccountById(tx, accountId, { lock: true });
    await repo.updatePasswordHash(tx, accountId, passwordHash, { mustChangePassword: false });
    const ended = await repo.deleteSessionsOfAccount(
      tx,
      accountId,
      keepSessionToken === undefined ? undefined : hashToken(keepSessionToken),
    );
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "gebruiker",
      entityId: accountId,
      summary: `Wachtwoord gewijzigd; ${ended === 1 ? "1 andere sessie" : `${ended} andere sessies`} beëindigd`,
      before: { mustChangePassword: locked?.mustChangePassword ?? false },
      after: { mustChangePassword: false },
    });
  });
}

export const listAccounts = (db: Executor, municipalityCode: string) =>
  repo.listAccounts(db, municipalityCode);
