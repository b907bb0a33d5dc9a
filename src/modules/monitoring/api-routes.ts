import type { FastifyInstance, FastifyRequest } from "fastify";
import { Type } from "typebox";
import type { TenantConfig } from "../../config/tenant.js";
import type { Db } from "../../db/executor.js";
import { apiSchema } from "../../platform/api.js";
import { toCsv } from "../../platform/csv.js";
import { AppError } from "../../platform/errors.js";
import { CODE_MAX, Nullable, QUERY_VALUE_MAX, Text } from "../../platform/schema-types.js";
import { requirePermission } from "../accounts/index.js";
import { IdParams, TAG } from "./api-shared.js";
import { IMPORT_COLUMNS } from "./csv-import.js";
import { registerIndicatorWriteRoutes } from "./indicator-api-routes.js";
import { registerMeasurementWriteRoutes } from "./measurement-api-routes.js";
import {
  type Privacy,
  readMeasurements,
  selectVisibleMeasurements,
  type VisibleMeasurement,
  viewerFor,
} from "./measurement-reads.js";
import {
  indicatorDetail,
  listIndicators,
  type OverviewItem,
  overview,
  resolveIndicator,
} from "./service.js";

const Status = Type.Object({
  status: Type.String({ description: "op_koers, niet_op_koers of onvoldoende_gegevens" }),
  basis: Type.String({ description: "Waarop de status berust" }),
});
const IndicatorSummary = Type.Object({
  id: Type.String({ format: "uuid" }),
  code: Type.String(),
  naam: Type.String(),
  definitie: Type.String(),
  eenheid: Type.String(),
  richting: Type.String(),
  bron: Type.String(),
  frequentie: Type.String(),
  rol: Type.String(),
  streefwaarde: Nullable(Type.Number()),
  streefjaar: Type.Union([Type.Integer(), Type.Null()]),
  laatsteMeting: Type.Union([
    Type.Object({ periode: Type.Number(), waarde: Type.Number() }),
    Type.Null(),
  ]),
  status: Status,
  doelen: Type.Array(
    Type.Object({ id: Type.String(), tekst: Type.String(), document: Type.String() }),
  ),
  beleidsindicatoren: Type.Array(
    Type.Object({ id: Type.String(), tekst: Type.String(), document: Type.String() }),
  ),
});
const Measurement = Type.Object({
  gebied: Type.String(),
  jaar: Type.Integer(),
  kwartaal: Type.Union([Type.Integer(), Type.Null()]),
  waarde: Nullable(Type.Number()),
  streefwaarde: Nullable(Type.Number()),
  schatting: Nullable(Type.Number()),
  bron: Type.String(),
  publicatiedatum: Type.Union([Type.String({ format: "date" }), Type.Null()]),
  vrijgave: Type.String(),
  openbaar: Type.Boolean({
    description:
      "false: een klein aantal (eenheid aantal, onder de privacydrempel) in een gebied, wijk of buurt; niet openbaar. Alleen wie metingen beheert krijgt het getal, zo gemarkeerd.",
  }),
  nietGetoond: Type.Boolean({
    description:
      "true: waarde en/of schatting zijn om privacyredenen weggelaten (null), omdat het een klein aantal is",
  }),
});
const toSummary = (o: OverviewItem) => ({
  id: o.indicator.id,
  code: o.indicator.slug,
  naam: o.indicator.name,
  definitie: o.indicator.definition,
  eenheid: o.indicator.unit,
  richting: o.indicator.direction,
  bron: o.indicator.source,
  frequentie: o.indicator.frequency,
  rol: o.indicator.role,
  streefwaarde: o.indicator.targetValue,
  streefjaar: o.indicator.targetYear,
  laatsteMeting: o.analysis.latest
    ? { periode: o.analysis.latest.t, waarde: o.analysis.latest.value }
    : null,
  status: o.analysis.status,
  doelen: o.goals.map((g) => ({ id: g.goal.id, tekst: g.goal.text, document: g.document.slug })),
  beleidsindicatoren: o.policyIndicators.map((p) => ({
    id: p.indicator.id,
    tekst: p.indicator.text,
    document: p.document.slug,
  })),
});
const toMeasurement = (m: VisibleMeasurement) => ({
  gebied: m.areaCode,
  jaar: m.year,
  kwartaal: m.quarter || null,
  waarde: m.value,
  streefwaarde: m.target,
  schatting: m.estimate,
  bron: m.source,
  publicatiedatum: m.publishedOn,
  vrijgave: m.releaseState,
  openbaar: m.isPublic,
  nietGetoond: m.withheld.length > 0,
});
const PRIVACY_NOTE = { withheld: "niet getoond (privacy)", nonPublic: "niet openbaar (privacy)" };
/**
 * One import-format line per filled-in kind (realisatie, streefwaarde, schatting) of a measurement.
 * A withheld figure keeps its line with an empty value, so the reader sees that it exists but is
 * not shown; staff get the figure with "niet openbaar" in the toelichting (the import ignores it).
 */
const csvLines = (slug: string, r: VisibleMeasurement) =>
  (
    [
      ["realisatie", r.value, "value"],
      ["streefwaarde", r.target, undefined],
      ["schatting", r.estimate, "estimate"],
    ] as const
  )
    .filter(([, v, field]) => v !== null || (field !== undefined && r.withheld.includes(field)))
    .map(([kind, v, field]) => {
      const marker =
        field === undefined
          ? undefined
          : r.withheld.includes(field)
            ? PRIVACY_NOTE.withheld
            : r.nonPublic.includes(field)
              ? PRIVACY_NOTE.nonPublic
              : undefined;
      return [
        slug,
        r.areaCode,
        r.year,
        r.quarter || "",
        kind,
        v ?? "",
        r.source,
        r.publishedOn ?? "",
        r.releaseState,
        [r.note, marker].filter(Boolean).join("; "),
      ];
    });

export function registerMonitoringApiRoutes(app: FastifyInstance, db: Db, tenant: TenantConfig) {
  const m = tenant.municipality.code;
  const privacyOf = (request: FastifyRequest): Privacy => ({
    threshold: tenant.privacyThreshold,
    viewer: viewerFor(request.account?.roles),
  });
  const edit = { onRequest: requirePermission("monitoring.edit") };
  app.addContentTypeParser(
    "text/csv",
    // No limit of its own: the import route's bodyLimit applies, after authorisation.
    { parseAs: "string" },
    (_request, body, done) => done(null, body),
  );

  registerMeasurementWriteRoutes(app, db, m);

  app.get(
    "/api/v1/indicatoren",
    {
      schema: apiSchema({
        operationId: "listIndicatoren",
        summary:
          "Indicatoren met laatste meting, status ten opzichte van de streefwaarde en gekoppelde doelen",
        tags: TAG,
        success: {
          200: {
            description: "Alle indicatoren",
            schema: Type.Object({ indicatoren: Type.Array(IndicatorSummary) }),
          },
        },
      }),
    },
    async (request) => ({
      indicatoren: (await overview(db, m, privacyOf(request))).map(toSummary),
    }),
  );

  app.get<{ Params: { id: string } }>(
    "/api/v1/indicatoren/:id",
    {
      schema: apiSchema({
        operationId: "getIndicator",
        summary: "Eén indicator met gekoppelde doelen",
        tags: TAG,
        params: IdParams,
        success: { 200: { description: "De indicator", schema: IndicatorSummary } },
        errors: [404],
      }),
    },
    async (request) => {
      const indicator = await resolveIndicator(db, m, request.params.id);
      return toSummary(
        (await overview(db, m, privacyOf(request))).find(
          (o) => o.indicator.id === indicator.id,
        ) as OverviewItem,
      );
    },
  );

  registerIndicatorWriteRoutes(app, db, edit);

  app.get<{ Params: { id: string }; Querystring: { gebied?: string; formaat?: string } }>(
    "/api/v1/indicatoren/:id/metingen",
    {
      schema: apiSchema({
        operationId: "listMetingen",
        summary: "Metingen van een indicator (JSON, of CSV met formaat=csv in het importformaat)",
        tags: TAG,
        params: IdParams,
        querystring: Type.Object({
          gebied: Type.Optional(
            Text(CODE_MAX, { description: "Gebiedscode, bv. GM0356 of WK035601" }),
          ),
          formaat: Type.Optional(Type.Enum(["json", "csv"], { type: "string" })),
        }),
        success: {
          200: {
            description: "Metingen",
            schema: Type.Object({ metingen: Type.Array(Measurement) }),
          },
        },
        errors: [404],
      }),
    },
    async (request, reply) => {
      const indicator = await resolveIndicator(db, m, request.params.id);
      const rows = await readMeasurements(
        db,
        [indicator],
        privacyOf(request),
        request.query.gebied ? [request.query.gebied.toUpperCase()] : undefined,
      );
      if (request.query.formaat === "csv") {
        const lines = rows.flatMap((r) => csvLines(indicator.slug, r));
        return reply
          .type("text/csv; charset=utf-8")
          .header("Content-Disposition", `attachment; filename="${indicator.slug}.csv"`)
          .send(toCsv(IMPORT_COLUMNS, lines));
      }
      return { metingen: rows.map(toMeasurement) };
    },
  );

  app.get<{
    Querystring: {
      indicator?: string;
      gebied?: string;
      vanJaar?: number;
      totJaar?: number;
      formaat?: string;
    };
  }>(
    "/api/v1/metingen",
    {
      schema: apiSchema({
        operationId: "exportMetingen",
        summary:
          "Metingen van een selectie (indicatoren, gebieden, jaren) als JSON of als CSV in het importformaat",
        tags: TAG,
        querystring: Type.Object({
          indicator: Type.Optional(
            Text(QUERY_VALUE_MAX, {
              description: "Codes van indicatoren, gescheiden door komma's; leeg is alle",
            }),
          ),
          gebied: Type.Optional(
            Text(QUERY_VALUE_MAX, {
              description: "Gebiedscodes, gescheiden door komma's; leeg is alle",
            }),
          ),
          vanJaar: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
          totJaar: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
          formaat: Type.Optional(Type.Enum(["json", "csv"], { type: "string" })),
        }),
        success: {
          200: {
            description: "Metingen",
            schema: Type.Object({
              metingen: Type.Array(
                Type.Object({ indicator: Type.String(), ...Measurement.properties }),
              ),
            }),
          },
        },
        errors: [404],
      }),
    },
    async (request, reply) => {
      const q = request.query;
      const all = await listIndicators(db, m);
      const codes = q.indicator
        ? q.indicator
            .split(",")
            .map((c) => c.trim())
            .filter(Boolean)
        : undefined;
      const unknown = (codes ?? []).filter((c) => !all.some((i) => i.slug === c));
      if (unknown.length > 0)
        throw new AppError(404, "Niet gevonden", `Onbekende indicator(en): ${unknown.join(", ")}.`);
      const rows = await selectVisibleMeasurements(
        db,
        all.filter((i) => !codes || codes.includes(i.slug)),
        {
          areaCodes: q.gebied
            ? q.gebied
                .split(",")
                .map((c) => c.trim().toUpperCase())
                .filter(Boolean)
            : undefined,
          fromYear: q.vanJaar,
          toYear: q.totJaar,
        },
        privacyOf(request),
      );
      if (q.formaat === "csv") {
        return reply
          .type("text/csv; charset=utf-8")
          .header("Content-Disposition", 'attachment; filename="metingen.csv"')
          .send(
            toCsv(
              IMPORT_COLUMNS,
              rows.flatMap((r) => csvLines(r.slug, r.measurement)),
            ),
          );
      }
      return {
        metingen: rows.map((r) => ({ indicator: r.slug, ...toMeasurement(r.measurement) })),
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    "/api/v1/indicatoren/:id/analyse",
    {
      schema: apiSchema({
        operationId: "getIndicatorAnalyse",
        summary:
          "Trend, verwachting en status van een indicator, en de wijken vergeleken met de gemeente",
        tags: TAG,
        params: IdParams,
        success: {
          200: {
            description: "Analyse",
            schema: Type.Object({
              reeks: Type.Array(Type.Object({ periode: Type.Number(), waarde: Type.Number() })),
              verandering: Type.Union([
                Type.Object({
                  absoluut: Type.Number(),
                  relatief: Nullable(Type.Number()),
                  vanaf: Type.Number(),
                  tot: Type.Number(),
                }),
                Type.Null(),
              ]),
              trend: Type.Union([
                Type.Object({ hellingPerJaar: Type.Number(), metingen: Type.Integer() }),
                Type.Null(),
              ]),
              verwachting: Type.Union([
                Type.Object({
                  jaar: Type.Number(),
                  waarde: Type.Number(),
                  ondergrens: Nullable(Type.Number()),
                  bovengrens: Nullable(Type.Number()),
                }),
                Type.Null(),
              ]),
              streefwaarde: Type.Union([
                Type.Object({
                  waarde: Type.Number(),
                  jaar: Type.Union([Type.Number(), Type.Null()]),
                }),
                Type.Null(),
              ]),
              status: Status,
              wijken: Type.Array(
                Type.Object({
                  gebied: Type.String(),
                  waarde: Nullable(Type.Number()),
                  openbaar: Type.Boolean({
                    description:
                      "false: klein aantal onder de privacydrempel; alleen wie metingen beheert ziet het getal",
                  }),
                  nietGetoond: Type.Boolean({
                    description: "true: de waarde is om privacyredenen weggelaten (null)",
                  }),
                  terugval: Type.Union(
                    [Type.Object({ gebied: Type.String(), waarde: Type.Number() }), Type.Null()],
                    {
                      description: "Bij een niet getoonde waarde: het cijfer van het hogere gebied",
                    },
                  ),
                  verschil: Nullable(Type.Number()),
                  oordeel: Type.Union([Type.String(), Type.Null()]),
                }),
              ),
            }),
          },
        },
        errors: [404],
      }),
    },
    async (request) => {
      const d = await indicatorDetail(db, m, request.params.id, privacyOf(request));
      const a = d.analysis;
      return {
        reeks: a.series.map((p) => ({ periode: p.t, waarde: p.value })),
        verandering: a.change
          ? {
              absoluut: a.change.absolute,
              relatief: a.change.relative ?? null,
              vanaf: a.change.from.t,
              tot: a.change.to.t,
            }
          : null,
        trend: a.trend ? { hellingPerJaar: a.trend.slope, metingen: a.trend.n } : null,
        verwachting: a.forecast
          ? {
              jaar: a.forecast.t,
              waarde: a.forecast.value,
              ondergrens: a.forecast.lower ?? null,
              bovengrens: a.forecast.upper ?? null,
            }
          : null,
        streefwaarde: a.target ? { waarde: a.target.value, jaar: a.target.year ?? null } : null,
        status: a.status,
        wijken: d.areaValues.map((v) => {
          const c = d.comparison.find((x) => x.areaCode === v.areaCode);
          return {
            gebied: v.areaCode,
            waarde: v.value ?? null,
            openbaar: v.isPublic,
            nietGetoond: v.suppressed,
            terugval: v.fallback ? { gebied: v.fallback.areaCode, waarde: v.fallback.value } : null,
            verschil: c?.difference ?? null,
            oordeel: c?.judgement ?? null,
          };
        }),
      };
    },
  );
}
