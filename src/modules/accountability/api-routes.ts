import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import type { TenantConfig } from "../../config/tenant.js";
import type { Db } from "../../db/executor.js";
import { apiSchema, pagedListOperation } from "../../platform/api.js";
import { Id, Year } from "../../platform/schema-types.js";
import { actorOf, requirePermission } from "../accounts/index.js";
import { callerOf, readerOf, readerWithLogin } from "./access.js";
import {
  CreateBody,
  detailJson,
  inputFromBody,
  PatchBody,
  ReportDetailSchema,
  ReportStatus,
  ReportSummary,
  ReviewBody,
  StepResult,
  summaryJson,
  TAG,
  type WriteBody,
} from "./api-schemas.js";
import { registerAttachmentApiRoutes } from "./attachment-api-routes.js";
import { requirePartner, requireReportWriter } from "./guards.js";
import { getReport, listReports } from "./reads.js";
import { createReport, editReport, submitReport } from "./report-service.js";
import { reviewReport } from "./review-service.js";
import type { ReportState } from "./schema.js";

/** Body limit of a report write: ten texts of a few thousand characters fit, nothing much more. */
export const REPORT_BODY_LIMIT = 256 * 1024;

const IdParam = Type.Object({ id: Id({ description: "Id van de verantwoording" }) });

const stepResult = (r: { id: string; state: ReportState; version: number }) => ({
  id: r.id,
  status: r.state,
  versie: r.version,
});

export function registerAccountabilityApiRoutes(
  app: FastifyInstance,
  db: Db,
  tenant: TenantConfig,
) {
  const m = tenant.municipality.code;
  registerAttachmentApiRoutes(app, db, m);
  const writer = { onRequest: requireReportWriter(db, m), bodyLimit: REPORT_BODY_LIMIT };
  const reader = readerWithLogin;

  app.get<{
    Querystring: {
      status?: ReportState;
      organisatie?: string;
      jaar?: number;
      pagina?: number;
      paginaGrootte?: number;
    };
  }>(
    "/api/v1/verantwoordingen",
    {
      schema: pagedListOperation({
        operationId: "listVerantwoordingen",
        summary: "Verantwoordingen van partners over hun subsidie",
        description:
          "De gemeente ziet alle verantwoordingen, een partner die van zijn eigen organisatie(s), " +
          "iedereen anders alleen de goedgekeurde (akkoord), die openbaar zijn.",
        tags: TAG,
        filters: {
          status: Type.Optional(ReportStatus),
          organisatie: Type.Optional(Id({ description: "Id van de organisatie" })),
          jaar: Type.Optional(Year({ description: "Het jaar van de subsidie" })),
        },
        key: "verantwoordingen",
        item: ReportSummary,
        listDescription: "Eén pagina verantwoordingen; wie het langst wacht op beoordeling eerst",
      }),
    },
    async (request) => {
      const q = request.query;
      const result = await listReports(
        db,
        m,
        readerOf(request),
        { states: q.status ? [q.status] : undefined, organisationId: q.organisatie, year: q.jaar },
        q.pagina ?? 1,
        q.paginaGrootte ?? 100,
      );
      return {
        verantwoordingen: result.rows.map(summaryJson),
        paginering: {
          pagina: result.page,
          paginaGrootte: result.pageSize,
          totaal: result.total,
          aantalPaginas: result.pages,
        },
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    "/api/v1/verantwoordingen/:id",
    {
      schema: apiSchema({
        operationId: "getVerantwoording",
        summary: "Eén verantwoording",
        description:
          "Voor de gemeente en de organisatie zelf volledig (met gebeurtenissen, bijlagen en " +
          "voortgangsgesprek); een goedgekeurde verantwoording is openbaar zonder die drie.",
        tags: TAG,
        params: IdParam,
        success: { 200: { description: "De verantwoording", schema: ReportDetailSchema } },
        errors: [401, 403, 404],
      }),
    },
    async (request) => detailJson(await getReport(db, m, reader(request), request.params.id)),
  );

  app.post<{ Body: WriteBody & { subsidie: string; verplichting?: string } }>(
    "/api/v1/verantwoordingen",
    {
      onRequest: requirePartner,
      bodyLimit: REPORT_BODY_LIMIT,
      schema: apiSchema({
        operationId: "createVerantwoording",
        summary: "Verantwoording beginnen (concept) voor een subsidie van uw organisatie",
        tags: TAG,
        body: CreateBody,
        success: { 201: { description: "Aangemaakt als concept", schema: StepResult } },
        secured: true,
        errors: [409, 415],
      }),
    },
    async (request, reply) => {
      const b = request.body;
      const row = await createReport(db, callerOf(request), {
        ...inputFromBody(b),
        subsidyId: b.subsidie,
        requirementId: b.verplichting,
      });
      return reply.status(201).send(stepResult(row));
    },
  );

  app.patch<{ Params: { id: string }; Body: WriteBody & { versie: number } }>(
    "/api/v1/verantwoordingen/:id",
    {
      ...writer,
      schema: apiSchema({
        operationId: "updateVerantwoording",
        summary: "Concept of teruggestuurde verantwoording wijzigen",
        description:
          "Alleen in status concept of aanvulling_nodig. Stuur de versie mee die u las: is de " +
          "verantwoording intussen gewijzigd, dan volgt 409 en verandert er niets.",
        tags: TAG,
        params: IdParam,
        body: PatchBody,
        success: { 200: { description: "Gewijzigd", schema: StepResult } },
        secured: true,
        errors: [404, 409, 415],
      }),
    },
    async (request) => {
      const b = request.body;
      return stepResult(
        await editReport(db, callerOf(request), request.params.id, b.versie, inputFromBody(b)),
      );
    },
  );

  app.post<{ Params: { id: string } }>(
    "/api/v1/verantwoordingen/:id/indienen",
    {
      ...writer,
      schema: apiSchema({
        operationId: "submitVerantwoording",
        summary: "Verantwoording indienen ter beoordeling",
        tags: TAG,
        params: IdParam,
        success: { 200: { description: "Ingediend", schema: StepResult } },
        secured: true,
        errors: [404, 409],
      }),
    },
    async (request) => {
      const row = await submitReport(db, callerOf(request), request.params.id);
      return stepResult(row);
    },
  );

  app.post<{
    Params: { id: string };
    Body: {
      besluit: string;
      toelichting?: string;
      voortgangsgesprekOp?: string;
      voortgangsgesprekVerslag?: string;
    };
  }>(
    "/api/v1/verantwoordingen/:id/beoordeling",
    {
      onRequest: requirePermission("subsidies.manage"),
      schema: apiSchema({
        operationId: "reviewVerantwoording",
        summary: "Ingediende verantwoording beoordelen: akkoord of aanvulling nodig",
        description:
          "Akkoord vergrendelt en publiceert de verantwoording en zet haar indicatorwaarden als " +
          "metingen in de monitor (gebied: de gemeente, jaar: het einde van de periode).",
        tags: TAG,
        params: IdParam,
        body: ReviewBody,
        success: { 200: { description: "Beoordeeld", schema: StepResult } },
        secured: true,
        errors: [404, 409, 415],
      }),
    },
    async (request) => {
      const b = request.body;
      const row = await reviewReport(db, actorOf(request), request.params.id, {
        decision: b.besluit,
        comment: b.toelichting,
        progressTalkOn: b.voortgangsgesprekOp,
        progressTalkNotes: b.voortgangsgesprekVerslag,
      });
      return stepResult(row);
    },
  );
}
