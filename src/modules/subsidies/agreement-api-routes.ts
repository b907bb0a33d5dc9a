import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import type { Db } from "../../db/executor.js";
import { apiSchema, changeOperation } from "../../platform/api.js";
import { Id, Int, LongText, Measure, Nullable } from "../../platform/schema-types.js";
import { actorOf, requirePermission } from "../accounts/index.js";
import { TAG } from "./api-schemas.js";
import {
  addReportRequirement,
  addSubsidyGoal,
  addSubsidyIndicator,
  removeReportRequirement,
  removeSubsidyGoal,
  removeSubsidyIndicator,
} from "./links-service.js";
import { REPORT_KINDS } from "./schema.js";

// What a decision serves and asks back, for staff systems: its policy goals, agreed indicators
// with targets and required reports. The same services as the staff forms (row lock, version,
// audit entry); each change raises the decision's version, so `versie` guards against a stale view.

const Version = Int({
  minimum: 1,
  description: "Versie van de subsidie zoals u die las (409 als die verouderd is)",
});
const SubsidyParam = { id: Id({ description: "Id van de subsidie" }) };
const VersionQuery = Type.Object({ versie: Type.Optional(Version) });
const CreatedPart = Type.Object({ id: Type.String({ format: "uuid" }) });

type VersionQuery = { versie?: number };

export function registerSubsidyAgreementApiRoutes(app: FastifyInstance, db: Db) {
  const manage = { onRequest: requirePermission("subsidies.manage") };

  app.post<{ Params: { id: string }; Body: { doel: string; versie?: number } }>(
    "/api/v1/subsidies/:id/doelen",
    {
      ...manage,
      schema: changeOperation({
        operationId: "addSubsidieDoel",
        summary: "Doel of resultaat uit het beleid koppelen aan de subsidie",
        tags: TAG,
        params: Type.Object(SubsidyParam),
        body: Type.Object({
          doel: Id({
            description: "Id van het doel of resultaat (uit /beleidsdocumenten/{document})",
          }),
          versie: Type.Optional(Version),
        }),
        errors: [404, 409],
      }),
    },
    async (request, reply) => {
      const b = request.body;
      await addSubsidyGoal(db, actorOf(request), request.params.id, b.doel, b.versie);
      return reply.status(204).send();
    },
  );

  app.delete<{ Params: { id: string; doel: string }; Querystring: VersionQuery }>(
    "/api/v1/subsidies/:id/doelen/:doel",
    {
      ...manage,
      schema: changeOperation({
        operationId: "removeSubsidieDoel",
        summary: "Doel of resultaat loskoppelen van de subsidie",
        tags: TAG,
        params: Type.Object({ ...SubsidyParam, doel: Id({ description: "Id van het doel" }) }),
        querystring: VersionQuery,
        errors: [404, 409],
      }),
    },
    async (request, reply) => {
      const { id, doel } = request.params;
      await removeSubsidyGoal(db, actorOf(request), id, doel, request.query.versie);
      return reply.status(204).send();
    },
  );

  app.post<{
    Params: { id: string };
    Body: { indicator: string; streefwaarde?: number | null; versie?: number };
  }>(
    "/api/v1/subsidies/:id/indicatoren",
    {
      ...manage,
      schema: apiSchema({
        operationId: "addSubsidieIndicator",
        summary: "Indicator met streefwaarde afspreken bij de subsidie",
        description:
          "De partner vult bij zijn verantwoording een waarde in voor elke afgesproken indicator; " +
          "na akkoord wordt die een meting in de monitor.",
        tags: TAG,
        params: Type.Object(SubsidyParam),
        body: Type.Object({
          indicator: Id({ description: "Id van de indicator (zie /indicatoren)" }),
          streefwaarde: Type.Optional(Nullable(Measure())),
          versie: Type.Optional(Version),
        }),
        success: { 201: { description: "Afgesproken", schema: CreatedPart } },
        secured: true,
        errors: [404, 409, 415],
      }),
    },
    async (request, reply) => {
      const b = request.body;
      const row = await addSubsidyIndicator(
        db,
        actorOf(request),
        request.params.id,
        { indicatorId: b.indicator, target: b.streefwaarde },
        b.versie,
      );
      return reply.status(201).send({ id: row.id });
    },
  );

  app.delete<{ Params: { id: string; afspraak: string }; Querystring: VersionQuery }>(
    "/api/v1/subsidies/:id/indicatoren/:afspraak",
    {
      ...manage,
      schema: changeOperation({
        operationId: "removeSubsidieIndicator",
        summary: "Afgesproken indicator weghalen bij de subsidie",
        tags: TAG,
        params: Type.Object({
          ...SubsidyParam,
          afspraak: Id({ description: "Id van de afspraak (indicatoren[].id bij de subsidie)" }),
        }),
        querystring: VersionQuery,
        errors: [404, 409],
      }),
    },
    async (request, reply) => {
      const { id, afspraak } = request.params;
      await removeSubsidyIndicator(db, actorOf(request), id, afspraak, request.query.versie);
      return reply.status(204).send();
    },
  );

  app.post<{
    Params: { id: string };
    Body: { soort: string; uiterlijk: string; omschrijving?: string; versie?: number };
  }>(
    "/api/v1/subsidies/:id/verantwoordingseisen",
    {
      ...manage,
      schema: apiSchema({
        operationId: "addSubsidieVerantwoordingseis",
        summary: "Verantwoording vragen bij de subsidie: welke en uiterlijk wanneer",
        tags: TAG,
        params: Type.Object(SubsidyParam),
        body: Type.Object({
          soort: Type.Enum([...REPORT_KINDS], { type: "string" }),
          uiterlijk: Type.String({ format: "date", description: "Uiterlijk op (JJJJ-MM-DD)" }),
          omschrijving: Type.Optional(LongText()),
          versie: Type.Optional(Version),
        }),
        success: { 201: { description: "Gevraagd", schema: CreatedPart } },
        secured: true,
        errors: [404, 409, 415],
      }),
    },
    async (request, reply) => {
      const b = request.body;
      const row = await addReportRequirement(
        db,
        actorOf(request),
        request.params.id,
        { kind: b.soort, dueOn: b.uiterlijk, description: b.omschrijving },
        b.versie,
      );
      return reply.status(201).send({ id: row.id });
    },
  );

  app.delete<{ Params: { id: string; eis: string }; Querystring: VersionQuery }>(
    "/api/v1/subsidies/:id/verantwoordingseisen/:eis",
    {
      ...manage,
      schema: changeOperation({
        operationId: "removeSubsidieVerantwoordingseis",
        summary: "Gevraagde verantwoording weghalen bij de subsidie",
        tags: TAG,
        params: Type.Object({
          ...SubsidyParam,
          eis: Id({ description: "Id van de eis (verantwoording[].id bij de subsidie)" }),
        }),
        querystring: VersionQuery,
        errors: [404, 409],
      }),
    },
    async (request, reply) => {
      const { id, eis } = request.params;
      await removeReportRequirement(db, actorOf(request), id, eis, request.query.versie);
      return reply.status(204).send();
    },
  );
}
