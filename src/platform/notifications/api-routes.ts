import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import type { Db } from "../../db/executor.js";
import { requireLogin } from "../../modules/accounts/index.js";
import { API_PREFIX, changeOperation, pagedListOperation, pageInfo } from "../api.js";
import { unauthorized } from "../errors.js";
import { Id, Nullable } from "../schema-types.js";
import type { NotificationRow } from "./repository.js";
import { listNotifications, markNotificationRead } from "./service.js";

const TAGS = ["Meldingen"];

const Melding = Type.Object({
  id: Type.String({ format: "uuid" }),
  onderwerp: Type.String(),
  tekst: Type.String(),
  link: Nullable(Type.String({ description: "Pad op deze site waar de melding over gaat" })),
  aangemaakt: Type.String({ format: "date-time" }),
  gelezenOp: Nullable(
    Type.String({
      format: "date-time",
      description: "Wanneer de melding is gelezen; null: ongelezen",
    }),
  ),
});

const toMelding = (n: NotificationRow) => ({
  id: n.id,
  onderwerp: n.subject,
  tekst: n.body,
  link: n.link,
  aangemaakt: n.createdAt.toISOString(),
  gelezenOp: n.readAt ? n.readAt.toISOString() : null,
});

/** The logged-in account's own messages (session or API token): list them, mark one read. */
export function registerNotificationApiRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: { pagina?: number; paginaGrootte?: number } }>(
    `${API_PREFIX}/meldingen`,
    {
      onRequest: requireLogin,
      schema: pagedListOperation({
        operationId: "listMeldingen",
        summary: "Meldingen voor de ingelogde gebruiker",
        description: "De eigen meldingen van het account, de nieuwste eerst.",
        tags: TAGS,
        filters: {},
        key: "meldingen",
        item: Melding,
        listDescription: "Meldingen",
        secured: true,
      }),
    },
    async (request) => {
      if (!request.account) throw unauthorized();
      const page = request.query.pagina ?? 1;
      const pageSize = request.query.paginaGrootte ?? 100;
      const list = await listNotifications(db, request.account.id, page, pageSize);
      return {
        meldingen: list.rows.map(toMelding),
        paginering: pageInfo(list.total, page, pageSize),
      };
    },
  );

  app.post<{ Params: { id: string } }>(
    `${API_PREFIX}/meldingen/:id/gelezen`,
    {
      onRequest: requireLogin,
      schema: changeOperation({
        operationId: "markMeldingGelezen",
        summary: "Een melding als gelezen markeren",
        description:
          "Markeert een eigen melding als gelezen; een melding die al gelezen was, houdt haar tijdstip. Een melding van een ander account bestaat voor u niet (404).",
        tags: TAGS,
        params: Type.Object({ id: Id({ description: "Id van de melding" }) }),
      }),
    },
    async (request, reply) => {
      if (!request.account) throw unauthorized();
      await markNotificationRead(db, request.account.id, request.params.id);
      return reply.status(204).send();
    },
  );
}
