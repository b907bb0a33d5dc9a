import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import type { TenantConfig } from "../../config/tenant.js";
import type { Db } from "../../db/executor.js";
import { apiSchema, pagedListOperation, paginate } from "../../platform/api.js";
import { actorOf, requirePermission } from "../accounts/index.js";
import type { PopulationPoint } from "./population.js";
import { AREA_LEVELS, type AreaLevel } from "./schema.js";
import {
  type AreaRef,
  type AreaSummary,
  changeWijkGebied,
  getAreaDetail,
  listAreaSummaries,
} from "./service.js";

const Niveau = Type.Enum([...AREA_LEVELS], {
  type: "string",
  description: "Niveau: gemeente, gebied, wijk of buurt",
});
const AreaRefSchema = Type.Object({
  code: Type.String({ description: "CBS-code (gemeente, wijk, buurt) of eigen gebiedscode" }),
  naam: Type.String(),
  niveau: Niveau,
});
const Inwoners = Type.Object({
  jaar: Type.Integer(),
  aantal: Type.Integer(),
  bron: Type.String(),
  afgeleid: Type.Boolean({
    description: "Waar: som van de onderliggende gebieden, geen eigen bronwaarde",
  }),
});
const GebiedSchema = Type.Object({
  code: Type.String(),
  naam: Type.String(),
  niveau: Niveau,
  ouder: Type.Union([AreaRefSchema, Type.Null()], {
    description: "Het gebied waarin dit gebied ligt",
  }),
  ouderIsAanname: Type.Boolean({
    description: "Waar als geen bron de indeling noemt (aanpasbare aanname)",
  }),
  toelichtingIndeling: Type.Union([Type.String(), Type.Null()]),
  genoemdInBeleid: Type.Boolean({ description: "Genoemd in de beleidsstukken van de gemeente" }),
  naamInBeleid: Type.Union([Type.String(), Type.Null()]),
  bron: Type.String(),
  inwoners: Type.Union([Inwoners, Type.Null()], { description: "Meest recente inwonertal" }),
});
const GebiedDetailSchema = Type.Object({
  ...GebiedSchema.properties,
  voorouders: Type.Array(AreaRefSchema),
  kinderen: Type.Array(GebiedSchema),
  inwonersPerJaar: Type.Array(Inwoners),
  prognoses: Type.Array(
    Type.Object({
      doeljaar: Type.Integer(),
      groei: Type.Integer(),
      bron: Type.String(),
      toelichting: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
const CodeParams = Type.Object({
  // Any case: "wk035601" is the same area as "WK035601".
  code: Type.String({
    pattern: "^[A-Za-z]{2}[0-9A-Za-z]{4,10}$",
    description: "Code van het gebied (hoofdletters of kleine letters)",
  }),
});

const toInwoners = (p: PopulationPoint) => ({
  jaar: p.year,
  aantal: p.count,
  bron: p.source,
  afgeleid: p.derived,
});
const toRef = (a: AreaRef) => ({ code: a.code, naam: a.name, niveau: a.level });
const toGebied = (a: AreaSummary) => ({
  ...toRef(a),
  ouder: a.parent ? toRef(a.parent) : null,
  ouderIsAanname: a.parentIsAssumption,
  toelichtingIndeling: a.parentNote,
  genoemdInBeleid: a.namedInPolicy,
  naamInBeleid: a.policyName,
  bron: a.source,
  inwoners: a.population ? toInwoners(a.population) : null,
});

export function registerAreaApiRoutes(app: FastifyInstance, db: Db, tenant: TenantConfig) {
  const municipality = tenant.municipality.code;

  app.get<{ Querystring: { niveau?: AreaLevel; pagina?: number; paginaGrootte?: number } }>(
    "/api/v1/gebieden",
    {
      schema: pagedListOperation({
        operationId: "listGebieden",
        summary: "Gebieden van de gemeente",
        description:
          "De gemeente, haar gebieden, wijken en buurten, met het meest recente inwonertal.",
        tags: ["Gebieden"],
        filters: { niveau: Type.Optional(Niveau) },
        key: "gebieden",
        item: GebiedSchema,
        listDescription: "Lijst van gebieden",
      }),
    },
    async (request) => {
      const all = await listAreaSummaries(db, municipality, request.query.niveau);
      const { items, paginering } = paginate(
        all.map(toGebied),
        request.query.pagina,
        request.query.paginaGrootte,
      );
      return { gebieden: items, paginering };
    },
  );

  app.get<{ Params: { code: string } }>(
    "/api/v1/gebieden/:code",
    {
      schema: apiSchema({
        operationId: "getGebied",
        summary: "Eén gebied met ouder, kinderen en inwoners per jaar",
        tags: ["Gebieden"],
        params: CodeParams,
        success: { 200: { description: "Het gebied", schema: GebiedDetailSchema } },
        errors: [404],
      }),
    },
    async (request) => {
      const d = await getAreaDetail(db, municipality, request.params.code);
      return {
        ...toGebied(d.area),
        voorouders: d.ancestors.map(toRef),
        kinderen: d.children.map(toGebied),
        inwonersPerJaar: d.populationByYear.map(toInwoners),
        prognoses: d.projections.map((p) => ({
          doeljaar: p.targetYear,
          groei: p.growth,
          bron: p.source,
          toelichting: p.note,
        })),
      };
    },
  );

  app.patch<{ Params: { code: string }; Body: { gebied: string; toelichting?: string } }>(
    "/api/v1/gebieden/:code",
    {
      onRequest: requirePermission("areas.edit"),
      schema: apiSchema({
        operationId: "updateGebiedIndeling",
        summary: "Deel een wijk in bij een ander gebied",
        description:
          "Legt vast in welk gebied een wijk ligt. De indeling is daarna geen aanname meer. Alleen voor beheerder en beleidsmedewerker; de wijziging komt in de audittrail.",
        tags: ["Gebieden"],
        params: CodeParams,
        body: Type.Object(
          {
            gebied: Type.String({
              minLength: 1,
              maxLength: 20,
              description: "Code van het nieuwe gebied",
            }),
            toelichting: Type.Optional(
              Type.String({ maxLength: 500, description: "Waarom deze indeling" }),
            ),
          },
          { additionalProperties: false },
        ),
        success: { 200: { description: "Het gewijzigde gebied", schema: GebiedSchema } },
        secured: true,
        errors: [404, 415],
      }),
    },
    async (request) => {
      await changeWijkGebied(db, actorOf(request), request.params.code.toUpperCase(), {
        gebied: request.body.gebied,
        note: request.body.toelichting,
      });
      const d = await getAreaDetail(db, municipality, request.params.code);
      return toGebied(d.area);
    },
  );
}
