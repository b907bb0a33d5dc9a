import type { FastifyInstance, FastifyRequest } from "fastify";
import { Type } from "typebox";
import type { TenantConfig } from "../../config/tenant.js";
import type { Db } from "../../db/executor.js";
import { nl } from "../../i18n/nl.js";
import { requireLogin, requirePermission } from "../../modules/accounts/index.js";
import { submitAndReturn } from "../../web/form-route.js";
import { pageContext } from "../../web/page-context.js";
import { sendPage } from "../../web/render.js";
import { unauthorized } from "../errors.js";
import { FormBody, Id, PageQuery } from "../schema-types.js";
import { OutboxPage } from "./outbox-views.js";
import {
  countUnreadNotifications,
  listNotifications,
  listUnsentMail,
  markAllNotificationsRead,
  markNotificationRead,
} from "./service.js";
import { NotificationsPage, notificationsHref } from "./views.js";

/** A page number from a query or form field; anything else is the first page. */
const pageNumber = (value: string | undefined) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
};

const accountOf = (request: FastifyRequest) => {
  if (!request.account) throw unauthorized();
  return request.account;
};

/**
 * /meldingen (the logged-in user's own messages, marking them read: POST, flash, redirect) and
 * /beheer/e-mail (mail that has not gone out, for a beheerder).
 */
export function registerNotificationWebRoutes(
  app: FastifyInstance,
  db: Db,
  tenant: TenantConfig,
): void {
  app.get<{ Querystring: { pagina?: string } }>(
    "/meldingen",
    { onRequest: requireLogin, schema: { querystring: PageQuery() } },
    async (request, reply) => {
      const account = accountOf(request);
      const list = await listNotifications(db, account.id, pageNumber(request.query.pagina));
      const unread = await countUnreadNotifications(db, account.id);
      return sendPage(
        reply,
        <NotificationsPage
          ctx={pageContext(request, reply, tenant)}
          rows={list.rows}
          paging={list}
          unread={unread}
        />,
      );
    },
  );

  app.post<{ Params: { id: string }; Body: { pagina?: string } }>(
    "/meldingen/:id/gelezen",
    {
      onRequest: requireLogin,
      schema: { params: Type.Object({ id: Id() }), body: FormBody() },
    },
    async (request, reply) => {
      const back = notificationsHref(pageNumber(request.body?.pagina));
      // Another account's message is not found (404, from the error handler), as in the API.
      return submitAndReturn(reply, {
        write: () => markNotificationRead(db, accountOf(request).id, request.params.id),
        done: () => ({ flash: nl.notifications.markedRead, to: back }),
        back,
      });
    },
  );

  app.post(
    "/meldingen/gelezen",
    { onRequest: requireLogin, schema: { body: FormBody() } },
    async (request, reply) =>
      submitAndReturn(reply, {
        write: () => markAllNotificationsRead(db, accountOf(request).id),
        done: (marked) => ({ flash: nl.notifications.markedAllRead(marked), to: "/meldingen" }),
        back: "/meldingen",
      }),
  );

  app.get<{ Querystring: { pagina?: string } }>(
    "/beheer/e-mail",
    { onRequest: requirePermission("users.manage"), schema: { querystring: PageQuery() } },
    async (request, reply) => {
      const list = await listUnsentMail(
        db,
        tenant.municipality.code,
        pageNumber(request.query.pagina),
      );
      return sendPage(
        reply,
        <OutboxPage ctx={pageContext(request, reply, tenant)} rows={list.rows} paging={list} />,
      );
    },
  );
}
