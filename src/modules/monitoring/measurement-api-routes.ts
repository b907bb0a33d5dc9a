import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import type { Db } from "../../db/executor.js";
import { IMPORT_BODY_LIMIT } from "../../platform/access.js";
import { apiSchema } from "../../platform/api.js";
import { toCsv } from "../../platform/csv.js";
import { AppError } from "../../platform/errors.js";
import { Measure } from "../../platform/schema-types.js";
import { actorOf, requirePermission } from "../accounts/index.js";
import { listAreaSummaries } from "../areas/index.js";
import { IdParams, TAG } from "./api-shared.js";
import { IMPORT_COLUMNS } from "./csv-import.js";
import { importMeasurements, recordMeasurement } from "./import-service.js";
import { templateRows } from "./import-template.js";
import { resolveIndicator } from "./service.js";

// Writing measurements through the API (one measurement, a CSV import) and the import template,
// split from api-routes.ts, which keeps the reads and exports.

const ImportResult = Type.Object({
  geslaagd: Type.Boolean(),
  regels: Type.Integer(),
  nieuw: Type.Integer(),
  gecorrigeerd: Type.Integer(),
  ongewijzigd: Type.Integer(),
  fouten: Type.Array(Type.Object({ regel: Type.Integer(), melding: Type.String() })),
  waarschuwingen: Type.Array(Type.Object({ regel: Type.Integer(), melding: Type.String() }), {
    description:
      "Twijfelachtige waarden (bv. een percentage dat een fractie lijkt); blokkeren niet",
  }),
});

const toImportResult = (r: Awaited<ReturnType<typeof importMeasurements>>) => ({
  geslaagd: r.ok,
  regels: r.rows,
  nieuw: r.inserted,
  gecorrigeerd: r.corrected,
  ongewijzigd: r.unchanged,
  fouten: r.errors.map((e) => ({ regel: e.line, melding: e.message })),
  waarschuwingen: r.warnings.map((e) => ({ regel: e.line, melding: e.message })),
});

export function registerMeasurementWriteRoutes(app: FastifyInstance, db: Db, m: string) {
  const edit = { onRequest: requirePermission("monitoring.edit") };

  app.get<{ Params: { id: string } }>(
    "/api/v1/indicatoren/:id/sjabloon",
    {
      schema: apiSchema({
        operationId: "importSjabloon",
        summary: "Sjabloon voor de CSV-import van een indicator (kopregel en voorbeeldregels)",
        tags: TAG,
        params: IdParams,
        success: {
          200: { description: "CSV (UTF-8)", schema: Type.String(), contentType: "text/csv" },
        },
        errors: [404],
      }),
    },
    async (request, reply) => {
      const indicator = await resolveIndicator(db, m, request.params.id);
      const areas = (await listAreaSummaries(db, m)).map((a) => a.code);
      return reply
        .type("text/csv; charset=utf-8")
        .header("Content-Disposition", `attachment; filename="sjabloon-${indicator.slug}.csv"`)
        .send(toCsv(IMPORT_COLUMNS, templateRows(indicator, areas, new Date().getUTCFullYear())));
    },
  );

  app.post<{
    Params: { id: string };
    Body: {
      gebied: string;
      jaar: number;
      kwartaal?: number;
      waarde?: number;
      streefwaarde?: number;
      schatting?: number;
      bron: string;
      publicatiedatum?: string;
      vrijgave?: string;
    };
  }>(
    "/api/v1/indicatoren/:id/metingen",
    {
      ...edit,
      schema: apiSchema({
        operationId: "createMeting",
        summary:
          "Meting toevoegen of corrigeren (de oude waarde blijft in de correctiegeschiedenis)",
        tags: TAG,
        params: IdParams,
        body: Type.Object(
          {
            gebied: Type.String({ minLength: 4, maxLength: 12 }),
            jaar: Type.Integer({ minimum: 1900, maximum: 2100 }),
            kwartaal: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
            waarde: Type.Optional(Measure()),
            streefwaarde: Type.Optional(Measure()),
            schatting: Type.Optional(Measure()),
            bron: Type.String({ minLength: 1, maxLength: 500 }),
            publicatiedatum: Type.Optional(Type.String({ format: "date" })),
            vrijgave: Type.Optional(
              Type.Enum(["voorlopig", "nader voorlopig", "definitief"], { type: "string" }),
            ),
          },
          { additionalProperties: false },
        ),
        success: { 201: { description: "Opgeslagen", schema: ImportResult } },
        secured: true,
        errors: [404, 415],
      }),
    },
    async (request, reply) => {
      const indicator = await resolveIndicator(db, m, request.params.id);
      const result = await recordMeasurement(db, actorOf(request), indicator.slug, {
        area: request.body.gebied,
        year: request.body.jaar,
        quarter: request.body.kwartaal,
        realisation: request.body.waarde,
        target: request.body.streefwaarde,
        estimate: request.body.schatting,
        source: request.body.bron,
        publishedOn: request.body.publicatiedatum,
        release: request.body.vrijgave,
      });
      if (!result.ok) {
        throw new AppError(
          400,
          "Ongeldige invoer",
          result.errors.map((e) => e.message).join("; "),
          result.errors.map((e) => ({ field: "waarde", message: e.message })),
        );
      }
      return reply.status(201).send(toImportResult(result));
    },
  );

  app.post<{ Body: string; Querystring: { voorbeeld?: boolean } }>(
    "/api/v1/metingen/import",
    {
      ...edit,
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: apiSchema({
        operationId: "importMetingen",
        summary:
          "Metingen importeren uit CSV (alles of niets); met voorbeeld=true alleen controleren",
        description: `Kolommen: ${IMPORT_COLUMNS.join(", ")}. Scheidingsteken komma of puntkomma; decimale komma toegestaan.`,
        tags: TAG,
        querystring: Type.Object({
          voorbeeld: Type.Optional(
            Type.Boolean({ description: "Alleen controleren, niets opslaan" }),
          ),
        }),
        body: Type.String({ description: "CSV-bestand (text/csv)" }),
        success: {
          200: { description: "Resultaat van de import of het voorbeeld", schema: ImportResult },
        },
        secured: true,
        errors: [415],
      }),
    },
    async (request, reply) => {
      const result = await importMeasurements(db, actorOf(request), request.body, {
        dryRun: request.query.voorbeeld === true,
        fileName: "api-import",
      });
      return reply.status(result.ok ? 200 : 400).send(toImportResult(result));
    },
  );
}
