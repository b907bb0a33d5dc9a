import { createHash, randomBytes } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import type { Db, Executor } from "../../db/executor.js";
import type { Actor } from "../../platform/actor.js";
import {
  AppError,
  assertValid,
  badRequest,
  type FieldError,
  notFound,
} from "../../platform/errors.js";
import { textProblem } from "../../platform/field-rules.js";
import { isUuid } from "../../platform/values.js";
import { recordAudit } from "../audit/index.js";
import * as accountRepo from "./repository.js";
import { loadActiveAccount, type SessionAccount } from "./service.js";
import { expiryChoices, isCalendarDate, startOfLocalDay } from "./token-expiry.js";
import * as repo from "./token-repository.js";

/** Recognisable in logs, configuration files and secret scanners: `sk_` and 32 random bytes. */
export const TOKEN_PREFIX = "sk_";
const TOKEN_FORMAT = /^sk_[A-Za-z0-9_-]{43}$/;
export const TOKEN_NAME_MAX = 100;
/** lastUsedAt is written at most this often per token, not on every request. */
export const TOKEN_TOUCH_INTERVAL_MS = 60_000;

const AUDIT_ENTITY = "api-token";

/** Stored instead of the token, like sessions: a database leak yields no usable tokens. */
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const generateApiToken = () => `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;

export interface IssueTokenInput {
  accountId: string;
  name: string;
  /** The calendar date (YYYY-MM-DD) on which the token stops working. */
  expires: string;
}

export function validateIssueToken(input: IssueTokenInput, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  if (!isUuid(input.accountId)) {
    errors.push({ field: "account", message: "Kies de gebruiker voor wie het token is." });
  }
  const name = textProblem(input.name.trim(), {
    field: "naam",
    label: "Naam",
    max: TOKEN_NAME_MAX,
    required: true,
  });
  if (name) errors.push(name);
  const { earliest, latest } = expiryChoices(now);
  if (!isCalendarDate(input.expires)) {
    errors.push({ field: "verloopt", message: "Verloopdatum: geef een datum als JJJJ-MM-DD." });
  } else if (input.expires < earliest) {
    errors.push({ field: "verloopt", message: "Verloopdatum moet na vandaag liggen." });
  } else if (input.expires > latest) {
    errors.push({
      field: "verloopt",
      message: `Verloopdatum mag hoogstens twee jaar vooruit liggen (uiterlijk ${latest}).`,
    });
  }
  return errors;
}

/** What the audit trail keeps of a token: never the token or its hash. */
const auditedToken = (t: repo.ApiTokenRow, username: string) => ({
  id: t.id,
  name: t.name,
  accountId: t.accountId,
  account: username,
  expiresAt: t.expiresAt,
  revokedAt: t.revokedAt,
});

/**
 * Issues a token to an active account of the municipality. The token is returned once, to be
 * shown on the result page; only its SHA-256 is stored.
 */
export async function issueApiToken(
  db: Db,
  actor: Actor,
  input: IssueTokenInput,
  now = new Date(),
) {
  assertValid(validateIssueToken(input, now));
  const token = generateApiToken();
  const name = input.name.trim();
  return db.transaction(async (tx) => {
    const account = await accountRepo.findAccountById(tx, input.accountId);
    if (!account?.active || account.municipalityCode !== actor.municipalityCode) {
      const message = "Kies een actieve gebruiker.";
      throw badRequest(message, [{ field: "account", message }]);
    }
    const row = await repo.insertApiToken(tx, {
      accountId: account.id,
      name,
      tokenHash: hashToken(token),
      createdBy: actor.accountId,
      expiresAt: startOfLocalDay(input.expires),
    });
    await recordAudit(tx, actor, {
      action: "create",
      entityType: AUDIT_ENTITY,
      entityId: row.id,
      summary: `API-token "${name}" uitgegeven aan ${account.username}, verloopt op ${input.expires}`,
      after: auditedToken(row, account.username),
    });
    return { token, row, username: account.username, expires: input.expires };
  });
}

/** Revokes a token of the municipality; revoking it again changes nothing. */
export async function revokeApiToken(db: Db, actor: Actor, tokenId: string, now = new Date()) {
  if (!isUuid(tokenId)) throw notFound("Dit token bestaat niet.");
  await db.transaction(async (tx) => {
    const found = await repo.findApiTokenForUpdate(tx, tokenId, actor.municipalityCode);
    if (!found) throw notFound("Dit token bestaat niet.");
    if (found.token.revokedAt) return;
    await repo.setApiTokenRevoked(tx, tokenId, now);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: AUDIT_ENTITY,
      entityId: tokenId,
      summary: `API-token "${found.token.name}" van ${found.username} ingetrokken`,
      before: auditedToken(found.token, found.username),
      after: auditedToken({ ...found.token, revokedAt: now }, found.username),
    });
  });
}

export type TokenStatus = "actief" | "ingetrokken" | "verlopen" | "gedeactiveerd";

export function tokenStatus(
  t: { revokedAt: Date | null; expiresAt: Date; accountActive: boolean },
  now: Date,
): TokenStatus {
  if (t.revokedAt) return "ingetrokken";
  if (t.expiresAt.getTime() <= now.getTime()) return "verlopen";
  if (!t.accountActive) return "gedeactiveerd";
  return "actief";
}

export async function listApiTokens(db: Executor, municipalityCode: string, now = new Date()) {
  const rows = await repo.listApiTokens(db, municipalityCode);
  return rows.map((r) => ({ ...r, status: tokenStatus(r, now) }));
}

/** The 401 for a bearer token that is malformed, unknown, revoked, expired or of a deactivated account. */
export const invalidToken = () =>
  new AppError(
    401,
    "Ongeldig token",
    "Het API-token is ongeldig, verlopen of ingetrokken. Vraag de beheerder om een nieuw token.",
    [],
    { "WWW-Authenticate": 'Bearer error="invalid_token"' },
  );

/**
 * The bearer token of an API request, or undefined when the request does not use one. Only on
 * /api/: pages keep their session cookie. Any Authorization header with the Bearer scheme counts,
 * also an empty or malformed one, so such a request never falls back to the cookie.
 */
export function bearerTokenOf(url: string, authorization: string | undefined): string | undefined {
  if (authorization === undefined || !url.startsWith("/api/")) return undefined;
  const match = /^bearer(?:\s+(.*))?$/is.exec(authorization.trim());
  return match ? (match[1] ?? "").trim() : undefined;
}

/**
 * The account behind a bearer token with its current roles, or a 401 (invalidToken). A deactivated
 * account's tokens stop at once: the account is loaded on every request, not cached in the token.
 */
export async function authenticateApiToken(
  db: Db,
  token: string,
  log?: FastifyBaseLogger,
  now = new Date(),
): Promise<SessionAccount> {
  if (!TOKEN_FORMAT.test(token)) throw invalidToken();
  const found = await repo.findLiveApiToken(db, hashToken(token), now);
  const account = found ? await loadActiveAccount(db, found.accountId) : undefined;
  if (!found || !account) throw invalidToken();
  try {
    await repo.touchApiToken(db, found.id, now, TOKEN_TOUCH_INTERVAL_MS);
  } catch (error) {
    // Recording the last use must not fail the call itself (a lock held by a revocation, say).
    log?.warn({ err: error, tokenId: found.id }, "laatste gebruik van API-token niet vastgelegd");
  }
  return account;
}
