import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Db } from "../../db/executor.js";
import { nl } from "../../i18n/nl.js";
import { forbidden } from "../../platform/errors.js";
import { setFlash } from "../../platform/flash.js";
import { DEFAULT_SESSION_POLICY, resolveSession, type SessionPolicy } from "./service.js";
import { authenticateApiToken, bearerTokenOf } from "./token-service.js";

export const SESSION_COOKIE = "samenkracht_sessie";

/** The cookie lives as long as the session can (SESSION_MAX_HOURS); the server decides before that. */
export const sessionCookieOptions = (policy: SessionPolicy = DEFAULT_SESSION_POLICY) => ({
  httpOnly: true,
  sameSite: "lax" as const,
  // "auto": Secure when the request came in over HTTPS (directly, or via a trusted proxy).
  secure: "auto" as const,
  path: "/",
  maxAge: policy.maxHours * 3600,
});

/** What an account with a one-time password may still do: replace it, or leave. */
const OPEN_WHILE_PASSWORD_MUST_CHANGE: ReadonlySet<string> = new Set([
  "/account",
  "/account/wachtwoord",
  "/account/overal-uitloggen",
  "/uitloggen",
]);

const pathOf = (request: FastifyRequest) => request.url.split("?", 1)[0] ?? "/";

/**
 * Resolves request.account on every request: from an API token (Authorization: Bearer, only on
 * /api/) or else from the session cookie. A bearer token that does not work is a 401, never a
 * fall back to the cookie. Static files are the same for everyone: no lookup (and no activity).
 */
export function registerSessionHook(
  app: FastifyInstance,
  db: Db,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): void {
  app.decorateRequest("account", undefined);
  app.decorateRequest("authMethod", undefined);
  app.addHook("onRequest", async (request, reply) => {
    if (request.url.startsWith("/assets/")) return;
    const bearer = bearerTokenOf(request.url, request.headers.authorization);
    if (bearer !== undefined) {
      request.account = await authenticateApiToken(db, bearer, request.log);
      request.authMethod = "token";
    } else {
      const token = request.cookies[SESSION_COOKIE];
      if (token && token.length <= 200) {
        request.account = await resolveSession(db, token, new Date(), policy);
        if (request.account) request.authMethod = "session";
      }
    }
    // A one-time password binds the person who logs in with it, not a system holding a token.
    if (
      request.authMethod === "session" &&
      request.account?.mustChangePassword &&
      !OPEN_WHILE_PASSWORD_MUST_CHANGE.has(pathOf(request))
    ) {
      if (request.url.startsWith("/api/")) throw forbidden(nl.auth.changePasswordFirstApi);
      setFlash(reply, nl.auth.changePasswordFirst);
      return reply.redirect("/account", 303);
    }
  });
  // Whatever a logged-in account is shown may be personal or about to change: no cache keeps it.
  app.addHook("onSend", async (request, reply) => {
    if (request.account) reply.header("Cache-Control", "no-store");
  });
}
