import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { TenantConfig } from "../../config/tenant.js";
import type { Db } from "../../db/executor.js";
import { nl } from "../../i18n/nl.js";
import type { FieldError } from "../../platform/errors.js";
import { setFlash } from "../../platform/flash.js";
import { FormBody } from "../../platform/schema-types.js";
import { formErrors } from "../../web/form-errors.js";
import { pageContext } from "../../web/page-context.js";
import { sendPage } from "../../web/render.js";
import { registerUserAdminRoutes, type ScopeCatalog } from "./admin-routes.js";
import { actorOf, requireLogin } from "./guards.js";
import { attemptLogin } from "./login-service.js";
import {
  changePassword,
  DEFAULT_SESSION_POLICY,
  logout,
  logoutEverywhere,
  type SessionPolicy,
} from "./service.js";
import { SESSION_COOKIE, sessionCookieOptions } from "./session-hook.js";
import { AccountPage, LoginPage } from "./views.js";

type Form = Record<string, string | undefined>;

/**
 * Only plain local paths (printable ASCII, at most 2,000 characters), so the login form cannot send
 * someone to another site and a redirect header can always be written.
 */
export const safeReturnPath = (path: string | undefined): string | undefined =>
  path && path.length <= 2000 && /^\/(?![/\\])[\x21-\x7e]*$/.test(path) && !path.includes("\\")
    ? path
    : undefined;

/** A given but unusable `terug` falls back to the home page; the action itself goes on. */
const returnPathOrHome = (path: string | undefined): string | undefined =>
  path === undefined || path === "" ? undefined : (safeReturnPath(path) ?? "/");

export function registerAccountWebRoutes(
  app: FastifyInstance,
  db: Db,
  tenant: TenantConfig,
  sessionPolicy: SessionPolicy = DEFAULT_SESSION_POLICY,
  scopes?: ScopeCatalog,
): void {
  app.get<{ Querystring: { terug?: string } }>("/inloggen", async (request, reply) => {
    return sendPage(
      reply,
      <LoginPage
        ctx={pageContext(request, reply, tenant)}
        returnTo={safeReturnPath(request.query.terug)}
      />,
    );
  });

  // A public write (platform/public-writes.ts): small body, rate limit counted in the database.
  const loginForm = { schema: { body: FormBody() } };
  app.post<{ Body: Form }>("/inloggen", loginForm, async (request, reply) => {
    const username = (request.body?.gebruikersnaam ?? "").slice(0, 100);
    // Not cut short: a password over the maximum is refused as a whole (login-service.ts).
    const password = request.body?.wachtwoord ?? "";
    const returnTo = returnPathOrHome(request.body?.terug);
    const attempt = await attemptLogin(db, {
      username,
      password,
      address: request.ip,
      sessionPolicy,
    });
    if (attempt.kind !== "ok") {
      const throttled = attempt.kind === "throttled";
      if (throttled) reply.header("Retry-After", String(attempt.retryAfterSeconds));
      const message = throttled
        ? nl.auth.tryAgainAt(new Date(Date.now() + attempt.retryAfterSeconds * 1000))
        : nl.auth.invalid;
      const errors = [{ field: "gebruikersnaam", message }];
      return sendPage(
        reply,
        <LoginPage
          ctx={pageContext(request, reply, tenant)}
          username={username}
          returnTo={returnTo}
          errors={errors}
        />,
        throttled ? 429 : 401,
      );
    }
    const { session } = attempt;
    reply.setCookie(SESSION_COOKIE, session.token, sessionCookieOptions(sessionPolicy));
    return reply.redirect(returnTo ?? "/account", 303);
  });

  app.post("/uitloggen", async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logout(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    setFlash(reply, nl.auth.loggedOut);
    return reply.redirect("/", 303);
  });

  /** The logged-in account's own page; after a refused password change with its errors. */
  const accountPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldError[] = [],
    status = 200,
  ) =>
    sendPage(
      reply,
      <AccountPage
        ctx={pageContext(request, reply, tenant)}
        account={request.account as NonNullable<typeof request.account>}
        errors={errors}
      />,
      status,
    );

  app.get("/account", { onRequest: requireLogin }, async (request, reply) =>
    accountPage(request, reply),
  );

  app.post<{ Body: Form }>(
    "/account/wachtwoord",
    { onRequest: requireLogin, schema: { body: FormBody() } },
    async (request, reply) => {
      const account = request.account as NonNullable<typeof request.account>;
      try {
        await changePassword(
          db,
          actorOf(request),
          account.id,
          request.body?.huidig ?? "",
          request.body?.nieuw ?? "",
          request.cookies[SESSION_COOKIE],
        );
      } catch (error) {
        const { status, errors } = formErrors(error);
        return accountPage(request, reply, errors, status);
      }
      setFlash(reply, nl.auth.passwordChanged);
      return reply.redirect("/account", 303);
    },
  );

  app.post(
    "/account/overal-uitloggen",
    { onRequest: requireLogin, schema: { body: FormBody() } },
    async (request, reply) => {
      const account = request.account as NonNullable<typeof request.account>;
      await logoutEverywhere(db, actorOf(request), account.id);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      setFlash(reply, nl.auth.loggedOutEverywhere);
      return reply.redirect("/inloggen", 303);
    },
  );

  registerUserAdminRoutes(app, db, tenant, scopes);
}
