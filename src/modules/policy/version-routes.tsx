import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import type { TenantConfig } from "../../config/tenant.js";
import type { Db } from "../../db/executor.js";
import { apiSchema } from "../../platform/api.js";
import { setFlash } from "../../platform/flash.js";
import { Int, Ref } from "../../platform/schema-types.js";
import { pageContext } from "../../web/page-context.js";
import { sendPage } from "../../web/render.js";
import { actorOf, requirePermission } from "../accounts/index.js";
import { copyToNextYear, getSnapshot, getYearChanges, publishDocument } from "./version-service.js";
import { ChangesPage, SnapshotPage } from "./version-views.js";

const TAG = ["Beleid"];
const DocParams = Type.Object({ document: Ref({ description: "Code of id van het document" }) });
const Item = Type.Object({
  id: Type.String(),
  soort: Type.String(),
  tekst: Type.String(),
  onderdeel: Type.String(),
});
const toItem = (i: { id: string; kind: string; text: string; context: string }) => ({
  id: i.id,
  soort: i.kind,
  tekst: i.text,
  onderdeel: i.context,
});

/** Copying a plan into the next year, "wat is er veranderd", and publishing frozen versions. */
export function registerPolicyVersionRoutes(app: FastifyInstance, db: Db, tenant: TenantConfig) {
  const m = tenant.municipality.code;
  const edit = { onRequest: requirePermission("policy.edit") };

  app.post<{ Params: { document: string } }>(
    "/api/v1/beleidsdocumenten/:document/kopie-volgend-jaar",
    {
      ...edit,
      schema: apiSchema({
        operationId: "kopieerBeleidsdocumentNaarVolgendJaar",
        summary: "Het plan kopiëren naar het volgende jaar (met verwijzing naar het origineel)",
        tags: TAG,
        params: DocParams,
        success: {
          201: {
            description: "Het nieuwe document (concept)",
            schema: Type.Object({ code: Type.String(), eersteJaar: Type.Integer() }),
          },
        },
        secured: true,
        errors: [404, 409],
      }),
    },
    async (request, reply) => {
      const doc = await copyToNextYear(db, actorOf(request), request.params.document);
      return reply.status(201).send({ code: doc.slug, eersteJaar: doc.firstYear });
    },
  );

  app.get<{ Params: { document: string } }>(
    "/api/v1/beleidsdocumenten/:document/wijzigingen",
    {
      schema: apiSchema({
        operationId: "getBeleidsdocumentWijzigingen",
        summary: "Wat is er veranderd ten opzichte van het vorige jaar",
        tags: TAG,
        params: DocParams,
        success: {
          200: {
            description: "Toegevoegd, vervallen en anders geformuleerd",
            schema: Type.Object({
              vorigDocument: Type.String(),
              toegevoegd: Type.Array(Item),
              vervallen: Type.Array(Item),
              andersGeformuleerd: Type.Array(Type.Object({ voor: Item, na: Item })),
              ongewijzigd: Type.Integer(),
            }),
          },
        },
        errors: [404],
      }),
    },
    async (request) => {
      const { previous, changes } = await getYearChanges(db, m, request.params.document);
      return {
        vorigDocument: previous.slug,
        toegevoegd: changes.added.map(toItem),
        vervallen: changes.dropped.map(toItem),
        andersGeformuleerd: changes.reworded.map((r) => ({
          voor: toItem(r.before),
          na: toItem(r.after),
        })),
        ongewijzigd: changes.unchanged,
      };
    },
  );

  app.post<{ Params: { document: string } }>(
    "/api/v1/beleidsdocumenten/:document/publicaties",
    {
      ...edit,
      schema: apiSchema({
        operationId: "publiceerBeleidsdocument",
        summary:
          "Publiceren: vastgesteld, met een bevroren versie die latere wijzigingen niet raken",
        tags: TAG,
        params: DocParams,
        success: {
          201: {
            description: "De gepubliceerde versie",
            schema: Type.Object({ versie: Type.Integer() }),
          },
        },
        secured: true,
        errors: [404],
      }),
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ versie: await publishDocument(db, actorOf(request), request.params.document) }),
  );

  app.get<{ Params: { document: string; versie: number } }>(
    "/api/v1/beleidsdocumenten/:document/publicaties/:versie",
    {
      schema: apiSchema({
        operationId: "getBeleidsdocumentPublicatie",
        summary: "Een gepubliceerde (bevroren) versie van een document",
        tags: TAG,
        params: Type.Object({
          document: Ref(),
          versie: Int({ minimum: 1 }),
        }),
        success: {
          200: {
            description: "De inhoud zoals gepubliceerd",
            schema: Type.Object({}, { additionalProperties: true }),
          },
        },
        errors: [404],
      }),
    },
    async (request) => {
      const { snapshot } = await getSnapshot(db, m, request.params.document, request.params.versie);
      return {
        versie: snapshot.version,
        gepubliceerdOp: snapshot.publishedAt.toISOString(),
        door: snapshot.actorName,
        inhoud: snapshot.content,
      };
    },
  );

  app.post<{ Params: { document: string } }>(
    "/beleid/:document/kopie-volgend-jaar",
    edit,
    async (request, reply) => {
      const doc = await copyToNextYear(db, actorOf(request), request.params.document);
      setFlash(
        reply,
        `"${doc.title}" is aangemaakt als concept. Hieronder staat wat er veranderd is.`,
      );
      return reply.redirect(`/beleid/${doc.slug}/wijzigingen`, 303);
    },
  );

  app.post<{ Params: { document: string } }>(
    "/beleid/:document/publiceren",
    edit,
    async (request, reply) => {
      const version = await publishDocument(db, actorOf(request), request.params.document);
      setFlash(reply, `Het document is gepubliceerd als versie ${version}.`);
      return reply.redirect(`/beleid/${request.params.document}/versies/${version}`, 303);
    },
  );

  app.get<{ Params: { document: string } }>(
    "/beleid/:document/wijzigingen",
    async (request, reply) => {
      const data = await getYearChanges(db, m, request.params.document);
      return sendPage(reply, <ChangesPage ctx={pageContext(request, reply, tenant)} {...data} />);
    },
  );

  app.get<{ Params: { document: string; versie: string } }>(
    "/beleid/:document/versies/:versie",
    async (request, reply) => {
      const version = /^\d{1,6}$/.test(request.params.versie) ? Number(request.params.versie) : 0;
      const data = await getSnapshot(db, m, request.params.document, version);
      return sendPage(reply, <SnapshotPage ctx={pageContext(request, reply, tenant)} {...data} />);
    },
  );
}
