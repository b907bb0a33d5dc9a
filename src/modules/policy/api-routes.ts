import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import { fromRoot } from "../../config/paths.js";
import type { TenantConfig } from "../../config/tenant.js";
import type { Db } from "../../db/executor.js";
import { apiSchema, changeOperation, pagedListOperation, paginate } from "../../platform/api.js";
import { toCsv } from "../../platform/csv.js";
import {
  Id,
  NAME_MAX,
  Nullable,
  PageNumber,
  Ref,
  STATEMENT_MAX,
  Year,
} from "../../platform/schema-types.js";
import {
  loadSourceCatalog,
  type SourceCatalog,
  sourceLabel,
} from "../../platform/source-catalog.js";
import { actorOf, requirePermission } from "../accounts/index.js";
import { toDocument, toGoal } from "./api-mappers.js";
import { carryOverActivity, editActivity, editGoal } from "./edit-service.js";
import { exportDocument } from "./export.js";
import { TARGET_YEAR_RANGE, WEIGHT_RANGE } from "./limits.js";
import { ACTIVITY_STATUSES, DOCUMENT_KINDS, DOCUMENT_STATES, GOAL_LEVELS } from "./schema.js";
import {
  changeActivityStatus,
  findActivities,
  getActivity,
  getDocumentTree,
  listDocuments,
  listGoals,
  searchPolicy,
} from "./service.js";
import { STATUS_INFO } from "./status.js";

const Document = Type.Object({
  id: Type.String({ format: "uuid" }),
  code: Type.String({ description: "Leesbare sleutel, bv. begroting-2020" }),
  soort: Type.Enum([...DOCUMENT_KINDS], { type: "string" }),
  titel: Type.String(),
  eersteJaar: Type.Integer(),
  laatsteJaar: Type.Integer(),
  status: Type.Enum([...DOCUMENT_STATES], { type: "string" }),
  officieleVindplaats: Nullable(Type.String()),
  verantwoordt: Nullable(
    Type.String({
      format: "uuid",
      description: "Id van de begroting die dit document verantwoordt",
    }),
  ),
  bron: Type.String(),
});
const Goal = Type.Object({
  id: Type.String({ format: "uuid" }),
  document: Type.String({ format: "uuid" }),
  onderdeel: Nullable(Type.String({ format: "uuid" })),
  ouder: Nullable(Type.String({ format: "uuid" })),
  niveau: Type.Enum([...GOAL_LEVELS], { type: "string" }),
  nummer: Nullable(Type.String()),
  tekst: Type.String(),
  toelichting: Type.String(),
  bron: Type.String(),
});
const Activity = Type.Object({
  id: Type.String({ format: "uuid" }),
  document: Type.String({ description: "Code van het document" }),
  onderdeel: Type.String({ description: "Code van het onderdeel (bv. programma)" }),
  onderdeelTitel: Type.String(),
  nummer: Nullable(Type.String()),
  tekst: Type.String({ description: "Wat gaan we daarvoor doen?" }),
  jaar: Type.Integer(),
  gepland: Type.String(),
  realisatie: Nullable(Type.String({ description: "Wat hebben we daarvoor gedaan?" })),
  status: Type.Enum([...ACTIVITY_STATUSES], { type: "string" }),
  statusLabel: Type.String(),
  statusKleur: Type.String(),
  toelichting: Nullable(Type.String()),
  elders: Nullable(Type.String()),
  bron: Type.String({ description: "Vindplaats in de brongegevens (intern bestand en onderdeel)" }),
  bronDocument: Type.String({
    description: "De bron zoals mensen hem kennen: titel, editie en onderdeel van het document",
  }),
});

type ActivityHit = Awaited<ReturnType<typeof findActivities>>[number];
const toActivity = (catalog: SourceCatalog) => (r: ActivityHit) => ({
  id: r.activity.id,
  document: r.document.slug,
  onderdeel: r.section.slug,
  onderdeelTitel: r.section.title,
  nummer: r.activity.number,
  tekst: r.activity.text,
  jaar: r.year.year,
  gepland: r.year.plannedText,
  realisatie: r.year.realisationText,
  status: r.year.status,
  statusLabel: STATUS_INFO[r.year.status].label,
  statusKleur: STATUS_INFO[r.year.status].colour,
  toelichting: r.year.statusExplanation,
  elders: r.year.elsewhere,
  bron: r.activity.source,
  bronDocument: sourceLabel(r.activity.source, catalog),
});

const TAG = ["Beleid"];
const DocParams = Type.Object({ document: Ref({ description: "Code of id van het document" }) });

/** What goals and activities share in a change: their text, weight in the roll-up and state. */
const WeightedItemChange = {
  tekst: Type.Optional(Type.String({ minLength: 1, maxLength: STATEMENT_MAX })),
  gewicht: Type.Optional(
    Type.Number({
      minimum: WEIGHT_RANGE.min,
      maximum: WEIGHT_RANGE.max,
      description: "Gewicht in de voortgang van het bovenliggende doel",
    }),
  ),
  nietVanToepassing: Type.Optional(Type.Boolean()),
  gearchiveerd: Type.Optional(Type.Boolean()),
};
const weightedItemChange = (b: {
  tekst?: string;
  gewicht?: number;
  nietVanToepassing?: boolean;
  gearchiveerd?: boolean;
}) => ({
  text: b.tekst,
  weight: b.gewicht,
  notApplicable: b.nietVanToepassing,
  archived: b.gearchiveerd,
});

export function registerPolicyApiRoutes(app: FastifyInstance, db: Db, tenant: TenantConfig) {
  const m = tenant.municipality.code;
  const catalog = loadSourceCatalog(fromRoot(tenant.dataSet));

  app.get(
    "/api/v1/beleidsdocumenten",
    {
      schema: apiSchema({
        operationId: "listBeleidsdocumenten",
        summary: "Beleidsdocumenten",
        tags: TAG,
        success: {
          200: {
            description: "Alle beleidsdocumenten",
            schema: Type.Object({ beleidsdocumenten: Type.Array(Document) }),
          },
        },
      }),
    },
    async () => ({ beleidsdocumenten: (await listDocuments(db, m)).map(toDocument) }),
  );

  app.get<{ Params: { document: string } }>(
    "/api/v1/beleidsdocumenten/:document",
    {
      schema: apiSchema({
        operationId: "getBeleidsdocument",
        summary: "Eén beleidsdocument met onderdelen, doelen en activiteiten (export als JSON)",
        tags: TAG,
        params: DocParams,
        success: {
          200: {
            description: "Het document",
            schema: Type.Object({}, { additionalProperties: true }),
          },
        },
        errors: [404],
      }),
    },
    async (request) => exportDocument(await getDocumentTree(db, m, request.params.document)),
  );

  app.get<{ Params: { document: string } }>(
    "/api/v1/beleidsdocumenten/:document/activiteiten.csv",
    {
      schema: apiSchema({
        operationId: "exportBeleidsdocumentCsv",
        summary: "Activiteiten van een document per jaar als CSV",
        tags: TAG,
        params: DocParams,
        success: {
          200: { description: "CSV (UTF-8)", schema: Type.String(), contentType: "text/csv" },
        },
        errors: [404],
      }),
    },
    async (request, reply) => {
      const rows = await findActivities(db, m, { document: request.params.document });
      const csv = toCsv(
        [
          "document",
          "onderdeel",
          "nummer",
          "activiteit",
          "jaar",
          "status",
          "toelichting",
          "elders",
          "realisatie",
          "bron",
        ],
        rows.map((r) => [
          r.document.slug,
          r.section.title,
          r.activity.number,
          r.activity.text,
          r.year.year,
          STATUS_INFO[r.year.status].label,
          r.year.statusExplanation,
          r.year.elsewhere,
          r.year.realisationText,
          r.activity.source,
        ]),
      );
      return reply
        .type("text/csv; charset=utf-8")
        .header(
          "Content-Disposition",
          `attachment; filename="${request.params.document.replace(/[^a-z0-9-]/gi, "")}-activiteiten.csv"`,
        )
        .send(csv);
    },
  );

  app.get<{
    Querystring: { document?: string; niveau?: string; pagina?: number; paginaGrootte?: number };
  }>(
    "/api/v1/doelen",
    {
      schema: pagedListOperation({
        operationId: "listDoelen",
        summary: "Doelen (maatschappelijk effect, beleidsdoelstelling, resultaat, prestatie)",
        tags: TAG,
        filters: {
          document: Type.Optional(Ref({ description: "Code of id van het document" })),
          niveau: Type.Optional(Type.Enum([...GOAL_LEVELS], { type: "string" })),
        },
        key: "doelen",
        item: Goal,
        listDescription: "Doelen",
        notFound: true,
      }),
    },
    async (request) => {
      const q = request.query;
      const goals = await listGoals(db, m, q.document);
      const filtered = goals.filter((g) => !q.niveau || g.level === q.niveau).map(toGoal);
      const { items, paginering } = paginate(filtered, q.pagina, q.paginaGrootte);
      return { doelen: items, paginering };
    },
  );

  app.get<{
    Querystring: {
      document?: string;
      onderdeel?: string;
      jaar?: number;
      status?: string;
      pagina?: number;
      paginaGrootte?: number;
    };
  }>(
    "/api/v1/activiteiten",
    {
      schema: pagedListOperation({
        operationId: "listActiviteiten",
        summary: "Activiteiten per jaar met status",
        tags: TAG,
        filters: {
          document: Type.Optional(Ref({ description: "Code of id van het document" })),
          onderdeel: Type.Optional(
            Ref({ description: "Code van het onderdeel, bv. iedereen-doet-mee" }),
          ),
          jaar: Type.Optional(Year()),
          status: Type.Optional(Type.Enum([...ACTIVITY_STATUSES], { type: "string" })),
        },
        key: "activiteiten",
        item: Activity,
        listDescription: "Activiteiten",
        notFound: true,
      }),
    },
    async (request) => {
      const q = request.query;
      const rows = await findActivities(db, m, {
        document: q.document,
        section: q.onderdeel,
        year: q.jaar,
        status: q.status,
      });
      const { items, paginering } = paginate(
        rows.map(toActivity(catalog)),
        q.pagina,
        q.paginaGrootte,
      );
      return { activiteiten: items, paginering };
    },
  );

  app.patch<{
    Params: { id: string; jaar: number };
    Body: { status: string; toelichting?: string; elders?: string; realisatie?: string };
  }>(
    "/api/v1/activiteiten/:id/jaren/:jaar",
    {
      onRequest: requirePermission("policy.edit"),
      schema: apiSchema({
        operationId: "updateActiviteitStatus",
        summary: "Status van een activiteit in een jaar wijzigen",
        description:
          "Vertraagd, uitgesteld en niet uitgevoerd vragen een toelichting; de wijziging komt in de statusgeschiedenis en de audittrail.",
        tags: TAG,
        params: Type.Object({
          id: Id(),
          jaar: Year(),
        }),
        body: Type.Object(
          {
            status: Type.Enum([...ACTIVITY_STATUSES], { type: "string" }),
            toelichting: Type.Optional(Type.String({ maxLength: 2000 })),
            elders: Type.Optional(
              Type.String({ maxLength: 300, description: "Waar de activiteit is ondergebracht" }),
            ),
            realisatie: Type.Optional(
              Type.String({ maxLength: 10000, description: "Wat hebben we daarvoor gedaan?" }),
            ),
          },
          { additionalProperties: false },
        ),
        success: { 200: { description: "De activiteit met de nieuwe status", schema: Activity } },
        secured: true,
        errors: [404, 415],
      }),
    },
    async (request) => {
      const { id, jaar } = request.params;
      await changeActivityStatus(db, actorOf(request), id, jaar, {
        status: request.body.status,
        explanation: request.body.toelichting,
        elsewhere: request.body.elders,
        realisation: request.body.realisatie,
      });
      const a = await getActivity(db, m, id);
      const rows = await findActivities(db, m, { document: a.document.id, year: jaar });
      return toActivity(catalog)(rows.find((r) => r.activity.id === id) as ActivityHit);
    },
  );

  const edit = requirePermission("policy.edit");

  app.patch<{
    Params: { id: string };
    Body: {
      tekst?: string;
      gewicht?: number;
      nietVanToepassing?: boolean;
      gearchiveerd?: boolean;
      doelen?: string[];
    };
  }>(
    "/api/v1/activiteiten/:id",
    {
      onRequest: edit,
      schema: changeOperation({
        operationId: "updateActiviteit",
        summary: "Activiteit wijzigen (tekst, doelen, gewicht, niet van toepassing, archiveren)",
        tags: TAG,
        params: Type.Object({ id: Id() }),
        body: Type.Object(
          {
            ...WeightedItemChange,
            doelen: Type.Optional(
              Type.Array(Id(), {
                maxItems: 50,
                description: "De doelen die de activiteit dient (vervangt de huidige)",
              }),
            ),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
      }),
    },
    async (request, reply) => {
      const b = request.body;
      await editActivity(db, actorOf(request), request.params.id, {
        ...weightedItemChange(b),
        goalIds: b.doelen,
      });
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { id: string } }>(
    "/api/v1/activiteiten/:id/doorschuiven",
    {
      onRequest: edit,
      schema: apiSchema({
        operationId: "doorschuivenActiviteit",
        summary: "Activiteit doorschuiven naar het volgende jaar",
        description:
          "Kopieert het plan naar het jaar na het laatste jaar, met status gepland en een verwijzing naar het vorige jaar.",
        tags: TAG,
        params: Type.Object({ id: Id() }),
        success: {
          201: {
            description: "Het nieuwe jaar",
            schema: Type.Object({ jaar: Type.Integer(), status: Type.String() }),
          },
        },
        secured: true,
        errors: [404, 409],
      }),
    },
    async (request, reply) => {
      const next = await carryOverActivity(db, actorOf(request), request.params.id);
      return reply.status(201).send({ jaar: next.year, status: next.status });
    },
  );

  app.patch<{
    Params: { id: string };
    Body: {
      tekst?: string;
      gewicht?: number;
      nietVanToepassing?: boolean;
      streefwaarde?: string | null;
      streefjaar?: number | null;
      eigenaar?: string | null;
      gearchiveerd?: boolean;
    };
  }>(
    "/api/v1/doelen/:id",
    {
      onRequest: edit,
      schema: changeOperation({
        operationId: "updateDoel",
        summary: "Doel wijzigen, ook de SMART-velden (streefwaarde, streefjaar, eigenaar)",
        tags: TAG,
        params: Type.Object({ id: Id() }),
        body: Type.Object(
          {
            ...WeightedItemChange,
            streefwaarde: Type.Optional(
              Type.Union([Type.String({ maxLength: NAME_MAX }), Type.Null()]),
            ),
            streefjaar: Type.Optional(
              Type.Union([
                Type.Integer({ minimum: TARGET_YEAR_RANGE.min, maximum: TARGET_YEAR_RANGE.max }),
                Type.Null(),
              ]),
            ),
            eigenaar: Type.Optional(
              Type.Union([Type.String({ maxLength: NAME_MAX }), Type.Null()]),
            ),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
      }),
    },
    async (request, reply) => {
      const b = request.body;
      await editGoal(db, actorOf(request), request.params.id, {
        ...weightedItemChange(b),
        targetValue: b.streefwaarde,
        targetYear: b.streefjaar,
        owner: b.eigenaar,
      });
      return reply.status(204).send();
    },
  );

  app.get<{ Querystring: { q: string; pagina?: number } }>(
    "/api/v1/zoeken",
    {
      schema: apiSchema({
        operationId: "zoekBeleid",
        summary: "Zoeken in alle beleidsteksten (volledige tekst, Nederlands)",
        tags: TAG,
        querystring: Type.Object({
          q: Type.String({
            minLength: 1,
            maxLength: 200,
            description: 'Zoekvraag; "woorden tussen aanhalingstekens" en -uitsluiten werken',
          }),
          pagina: Type.Optional(PageNumber({ default: 1 })),
        }),
        success: {
          200: {
            description: "Resultaten, best passend eerst",
            schema: Type.Object({
              resultaten: Type.Array(
                Type.Object({
                  soort: Type.String(),
                  id: Type.String({ format: "uuid" }),
                  document: Type.String(),
                  titel: Type.String(),
                  fragment: Type.String({
                    description: "Tekst met treffers tussen <mark> en </mark>",
                  }),
                  score: Type.Number(),
                }),
              ),
              totaal: Type.Integer(),
            }),
          },
        },
      }),
    },
    async (request) => {
      const r = await searchPolicy(db, m, request.query.q, request.query.pagina);
      return {
        resultaten: r.hits.map((h) => ({
          soort: h.itemType,
          id: h.itemId,
          document: h.document?.slug ?? "",
          titel: h.title,
          fragment: h.headline.replaceAll("\uE000", "<mark>").replaceAll("\uE001", "</mark>"),
          score: h.rank,
        })),
        totaal: r.total,
      };
    },
  );
}
