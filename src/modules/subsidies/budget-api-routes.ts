import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import type { Db } from "../../db/executor.js";
import { changeOperation } from "../../platform/api.js";
import { notFound } from "../../platform/errors.js";
import { Code, Int, Nullable, Year } from "../../platform/schema-types.js";
import { actorOf, requirePermission } from "../accounts/index.js";
import { listWorkAreas } from "../organisations/index.js";
import { Cents, TAG } from "./api-schemas.js";
import { saveBudgetPlans } from "./budget-service.js";

/**
 * The planned amount of one work area in one year, for a finance system: set (or null: removed)
 * with the same service as the staff form (all or nothing, audit entry, 409 on a stale `versie`).
 */
export function registerBudgetApiRoutes(app: FastifyInstance, db: Db, municipalityCode: string) {
  app.put<{
    Params: { jaar: number; werkgebied: string };
    Body: { geplandCent: number | null; versie?: number };
  }>(
    "/api/v1/begroting-welzijn/:jaar/werkgebieden/:werkgebied",
    {
      onRequest: requirePermission("subsidies.manage"),
      schema: changeOperation({
        operationId: "setBegrotingWerkgebied",
        summary: "Gepland bedrag van een werkgebied in een jaar zetten (null: weghalen)",
        tags: TAG,
        params: Type.Object({
          jaar: Year(),
          werkgebied: Code({ description: "Code van het werkgebied (werkgebieden[].code)" }),
        }),
        body: Type.Object({
          geplandCent: Nullable(Cents("Gepland bedrag in eurocent; null haalt het weg")),
          versie: Type.Optional(
            Int({
              minimum: 1,
              description:
                "Versie van het geplande bedrag zoals u die las (409 als die verouderd is)",
            }),
          ),
        }),
        errors: [404, 409],
      }),
    },
    async (request, reply) => {
      const { jaar, werkgebied } = request.params;
      const area = (await listWorkAreas(db, municipalityCode)).find((a) => a.code === werkgebied);
      if (!area) throw notFound(`Werkgebied "${werkgebied}" bestaat niet.`);
      await saveBudgetPlans(db, actorOf(request), jaar, [
        {
          workAreaId: area.id,
          plannedCents: request.body.geplandCent,
          version: request.body.versie,
        },
      ]);
      return reply.status(204).send();
    },
  );
}
