import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import type { TenantConfig } from "../../config/tenant.js";
import type { Db } from "../../db/executor.js";
import { nl } from "../../i18n/nl.js";
import type { FieldError } from "../../platform/errors.js";
import { setFlash } from "../../platform/flash.js";
import { FormBody, Id } from "../../platform/schema-types.js";
import { formErrors } from "../../web/form-errors.js";
import { pageContext } from "../../web/page-context.js";
import { sendPage } from "../../web/render.js";
import { actorOf, requirePermission } from "./guards.js";
import { listAccounts } from "./service.js";
import { expiryChoices } from "./token-expiry.js";
import { issueApiToken, listApiTokens, revokeApiToken } from "./token-service.js";
import { type IssuedToken, TokensPage } from "./token-views.js";

type Form = Record<string, string | undefined>;

/** /beheer/tokens: API tokens of the municipality, issuing one (shown once) and revoking. */
export function registerApiTokenRoutes(app: FastifyInstance, db: Db, tenant: TenantConfig): void {
  const manage = { onRequest: requirePermission("users.manage") };

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { values?: Record<string, string>; errors?: FieldError[]; issued?: IssuedToken },
    status = 200,
  ) => {
    const now = new Date();
    const [tokens, accounts] = await Promise.all([
      listApiTokens(db, tenant.municipality.code, now),
      listAccounts(db, tenant.municipality.code),
    ]);
    return sendPage(
      reply,
      <TokensPage
        ctx={pageContext(request, reply, tenant)}
        tokens={tokens}
        accounts={accounts.filter((a) => a.active)}
        choices={expiryChoices(now)}
        {...extra}
      />,
      status,
    );
  };

  app.get("/beheer/tokens", manage, async (request, reply) => render(request, reply, {}));

  app.post<{ Body: Form }>(
    "/beheer/tokens",
    { ...manage, schema: { body: FormBody() } },
    async (request, reply) => {
      const b = request.body ?? {};
      const values = { account: b.account ?? "", naam: b.naam ?? "", verloopt: b.verloopt ?? "" };
      try {
        const issued = await issueApiToken(db, actorOf(request), {
          accountId: values.account,
          name: values.naam,
          expires: values.verloopt,
        });
        // The token is in this response only (a redirect would have to store it): never cached.
        reply.header("Cache-Control", "no-store");
        return render(
          request,
          reply,
          { issued: { token: issued.token, name: issued.row.name, username: issued.username } },
          201,
        );
      } catch (error) {
        const { status, errors } = formErrors(error);
        return render(request, reply, { values, errors }, status);
      }
    },
  );

  app.post<{ Params: { id: string } }>(
    "/beheer/tokens/:id/intrekken",
    {
      ...manage,
      schema: { params: Type.Object({ id: Id() }), body: FormBody() },
    },
    async (request, reply) => {
      await revokeApiToken(db, actorOf(request), request.params.id);
      setFlash(reply, nl.tokens.revoked);
      return reply.redirect("/beheer/tokens", 303);
    },
  );
}
