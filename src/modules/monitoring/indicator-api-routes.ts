import type { FastifyInstance, onRequestAsyncHookHandler } from "fastify";
import { Type } from "typebox";
import type { Db } from "../../db/executor.js";
import { changeOperation, createOperation } from "../../platform/api.js";
import { Measure } from "../../platform/schema-types.js";
import { CODE_PATTERN } from "../../platform/values.js";
import { actorOf } from "../accounts/index.js";
import { IdParams, TAG } from "./api-shared.js";
import { createIndicator, editIndicator } from "./indicator-service.js";

// Creating and changing indicators through the API, split from api-routes.ts (which keeps the
// reads, measurements, imports and exports) to keep both files small.

const IndicatorBody = Type.Object(
  {
    code: Type.Optional(Type.String({ pattern: CODE_PATTERN, maxLength: 80 })),
    naam: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    definitie: Type.Optional(Type.String({ maxLength: 5000 })),
    eenheid: Type.Optional(
      Type.Enum(["score", "percentage", "aantal", "euro"], { type: "string" }),
    ),
    schaalMin: Type.Optional(Type.Union([Measure(), Type.Null()])),
    schaalMax: Type.Optional(Type.Union([Measure(), Type.Null()])),
    richting: Type.Optional(
      Type.Enum(["hoger_is_beter", "lager_is_beter", "neutraal"], { type: "string" }),
    ),
    bron: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    frequentie: Type.Optional(
      Type.Enum(["jaarlijks", "tweejaarlijks", "vierjaarlijks", "kwartaal", "onregelmatig"], {
        type: "string",
      }),
    ),
    rol: Type.Optional(
      Type.Enum(["effectindicator", "prestatie_indicator", "verplichte_beleidsindicator"], {
        type: "string",
      }),
    ),
    streefwaarde: Type.Optional(Type.Union([Measure(), Type.Null()])),
    streefjaar: Type.Optional(
      Type.Union([Type.Integer({ minimum: 2000, maximum: 2100 }), Type.Null()]),
    ),
    verhaal: Type.Optional(
      Type.String({ maxLength: 10000, description: "Het verhaal achter de cijfers" }),
    ),
    gearchiveerd: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
type IndicatorBodyT = {
  code?: string;
  naam?: string;
  definitie?: string;
  eenheid?: string;
  schaalMin?: number | null;
  schaalMax?: number | null;
  richting?: string;
  bron?: string;
  frequentie?: string;
  rol?: string;
  streefwaarde?: number | null;
  streefjaar?: number | null;
  verhaal?: string;
  gearchiveerd?: boolean;
};
const fromIndicatorBody = (b: IndicatorBodyT) => ({
  slug: b.code,
  name: b.naam,
  definition: b.definitie,
  unit: b.eenheid,
  scaleMin: b.schaalMin,
  scaleMax: b.schaalMax,
  direction: b.richting,
  source: b.bron,
  frequency: b.frequentie,
  role: b.rol,
  targetValue: b.streefwaarde,
  targetYear: b.streefjaar,
  story: b.verhaal,
  archived: b.gearchiveerd,
});

/** POST /api/v1/indicatoren and PATCH /api/v1/indicatoren/{id}, for monitoring.edit. */
export function registerIndicatorWriteRoutes(
  app: FastifyInstance,
  db: Db,
  edit: { onRequest: onRequestAsyncHookHandler },
): void {
  app.post<{ Body: IndicatorBodyT }>(
    "/api/v1/indicatoren",
    {
      ...edit,
      schema: createOperation({
        operationId: "createIndicator",
        summary: "Indicator aanmaken",
        tags: TAG,
        body: IndicatorBody,
      }),
    },
    async (request, reply) => {
      const row = await createIndicator(db, actorOf(request), fromIndicatorBody(request.body));
      return reply.status(201).send({ id: row.id, code: row.slug });
    },
  );

  app.patch<{ Params: { id: string }; Body: IndicatorBodyT }>(
    "/api/v1/indicatoren/:id",
    {
      ...edit,
      schema: changeOperation({
        operationId: "updateIndicator",
        summary:
          "Indicator wijzigen (ook streefwaarde en het verhaal achter de cijfers) of archiveren",
        tags: TAG,
        params: IdParams,
        body: IndicatorBody,
      }),
    },
    async (request, reply) => {
      const { slug: _ignored, ...input } = fromIndicatorBody(request.body);
      await editIndicator(db, actorOf(request), request.params.id, input);
      return reply.status(204).send();
    },
  );
}
