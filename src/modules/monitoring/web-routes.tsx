import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { Type } from "typebox";
import type { TenantConfig } from "../../config/tenant.js";
import type { Db } from "../../db/executor.js";
import { countOf } from "../../i18n/nl.js";
import { IMPORT_BODY_LIMIT } from "../../platform/access.js";
import { toCsv } from "../../platform/csv.js";
import { AppError, assertValid, badRequest } from "../../platform/errors.js";
import { setFlash } from "../../platform/flash.js";
import { findInvalidBodyText } from "../../platform/input-boundary.js";
import {
  FormBody,
  MEASURE_MAX,
  PageQuery,
  Ref,
  RefParams,
  Text,
} from "../../platform/schema-types.js";
import { submitForm } from "../../web/form-route.js";
import { pageContext } from "../../web/page-context.js";
import { sendPage } from "../../web/render.js";
import { actorOf, hasPermission, requirePermission } from "../accounts/index.js";
import { getAreasOverview, listAreaSummaries } from "../areas/index.js";
import { listDocuments } from "../policy/index.js";
import { barChart, chartFormat, lineChart } from "./charts.js";
import { IMPORT_COLUMNS, parseDutchNumber } from "./csv-import.js";
import { groupByPillar } from "./dashboard.js";
import { evaluation } from "./evaluation.js";
import { EvaluationPage } from "./evaluation-view.js";
import { importMeasurements } from "./import-service.js";
import { indicatorCodes, templateRows } from "./import-template.js";
import { ImportPage } from "./import-view.js";
import { editIndicator, TARGET_YEAR_RANGE } from "./indicator-service.js";
import { type Privacy, publicPrivacy, viewerFor } from "./measurement-reads.js";
import { indicatorDetail, overview } from "./service.js";
import { IndicatorPage, MonitorPage } from "./views.js";

const UNIT_AXIS: Record<string, string> = {
  score: "score",
  percentage: "%",
  aantal: "aantal",
  euro: "€",
};

export async function currentFramework(db: Db, municipalityCode: string) {
  const frameworks = (await listDocuments(db, municipalityCode)).filter(
    (d) => d.kind === "beleidskader" && d.state === "vastgesteld",
  );
  return frameworks.sort((a, b) => b.firstYear - a.firstYear)[0];
}

export function registerMonitoringWebRoutes(app: FastifyInstance, db: Db, tenant: TenantConfig) {
  const m = tenant.municipality.code;
  // Images carry no "niet openbaar" marker and are cached publicly: always the public view.
  const publicDetail = (indicator: string) =>
    indicatorDetail(db, m, indicator, publicPrivacy(tenant.privacyThreshold));
  const privacyOf = (request: FastifyRequest): Privacy => ({
    threshold: tenant.privacyThreshold,
    viewer: viewerFor(request.account?.roles),
  });

  app.get("/monitor", async (request, reply) => {
    const framework = await currentFramework(db, m);
    const groups = groupByPillar(await overview(db, m, privacyOf(request)), framework?.id);
    return sendPage(
      reply,
      <MonitorPage
        ctx={pageContext(request, reply, tenant)}
        groups={groups}
        framework={framework?.title}
        canImport={hasPermission(request.account?.roles ?? [], "monitoring.edit")}
      />,
    );
  });

  const importGuard = { onRequest: requirePermission("monitoring.edit") };
  app.get("/monitor/import", importGuard, async (request, reply) =>
    sendPage(
      reply,
      <ImportPage
        ctx={pageContext(request, reply, tenant)}
        indicators={await indicatorCodes(db, m)}
      />,
    ),
  );

  // The import form sends a file or pasted text as multipart/form-data. The multipart parser lives
  // only in this scope, so no other route accepts uploads; the guard (onRequest) runs before any of
  // the body is read, and the CSRF token is checked once the fields are parsed.
  app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: "keyValues",
      limits: {
        fileSize: IMPORT_BODY_LIMIT,
        fieldSize: IMPORT_BODY_LIMIT,
        files: 1,
        fields: 10,
        parts: 12,
      },
      // The file becomes text like the pasted field, so one schema and one input rule cover both.
      onFile: async (part) => {
        (part as unknown as { value: string }).value = (await part.toBuffer()).toString("utf8");
      },
    });
    scope.post<{ Body: { csv?: string; bestand?: string; actie?: string } }>(
      "/monitor/import",
      {
        ...importGuard,
        bodyLimit: IMPORT_BODY_LIMIT,
        config: { maxBodyText: IMPORT_BODY_LIMIT, multipartForm: true },
        preValidation: async (request, reply) => {
          if (!(request.headers["content-type"] ?? "").startsWith("multipart/form-data")) return;
          const problem = findInvalidBodyText(request.body, IMPORT_BODY_LIMIT);
          if (problem) throw badRequest(problem.message, [problem]);
          await new Promise<void>((resolve, reject) => {
            app.csrfProtection(request, reply, (error?: Error) =>
              error ? reject(error) : resolve(),
            );
          });
        },
        schema: {
          body: FormBody({
            csv: Type.Optional(Text(IMPORT_BODY_LIMIT)),
            bestand: Type.Optional(Text(IMPORT_BODY_LIMIT)),
          }),
        },
      },
      async (request, reply) => {
        const uploaded = request.body?.bestand ?? "";
        const csv = uploaded.trim() ? uploaded : (request.body?.csv ?? "");
        const dryRun = request.body?.actie !== "importeren";
        const codes = await indicatorCodes(db, m);
        if (!csv.trim()) {
          return sendPage(
            reply,
            <ImportPage
              ctx={pageContext(request, reply, tenant)}
              indicators={codes}
              errors={[{ field: "csv", message: "Kies een CSV-bestand of plak de inhoud ervan." }]}
            />,
            400,
          );
        }
        const result = await importMeasurements(db, actorOf(request), csv, {
          dryRun,
          fileName: uploaded.trim() ? "bestand" : "formulier",
        });
        if (result.ok && !dryRun) {
          setFlash(
            reply,
            `Geïmporteerd: ${countOf(result.inserted, "nieuwe meting", "nieuwe metingen")}, ${countOf(result.corrected, "correctie", "correcties")}, ${result.unchanged} ongewijzigd.`,
          );
          return reply.redirect("/monitor", 303);
        }
        return sendPage(
          reply,
          <ImportPage
            ctx={pageContext(request, reply, tenant)}
            indicators={codes}
            csv={csv}
            result={result}
          />,
          result.ok ? 200 : 400,
        );
      },
    );
  });

  app.get<{ Querystring: { indicator?: string } }>(
    "/monitor/import/sjabloon.csv",
    {
      ...importGuard,
      schema: { querystring: PageQuery({ indicator: Type.Optional(Ref()) }) },
    },
    async (request, reply) => {
      const codes = await indicatorCodes(db, m);
      const chosen = request.query.indicator
        ? codes.filter((c) => c.slug === request.query.indicator)
        : codes.slice(0, 1);
      if (request.query.indicator && chosen.length === 0)
        throw new AppError(404, "Niet gevonden", "Deze indicator bestaat niet.");
      const areas = (await listAreaSummaries(db, m)).map((a) => a.code);
      const lines = chosen.flatMap((c) => templateRows(c, areas, new Date().getUTCFullYear()));
      return reply
        .type("text/csv; charset=utf-8")
        .header(
          "Content-Disposition",
          `attachment; filename="sjabloon-${chosen[0]?.slug ?? "metingen"}.csv"`,
        )
        .send(toCsv(IMPORT_COLUMNS, lines));
    },
  );

  app.get<{ Params: { indicator: string } }>("/monitor/:indicator", async (request, reply) => {
    const d = await indicatorDetail(db, m, request.params.indicator, privacyOf(request));
    return sendPage(
      reply,
      <IndicatorPage
        ctx={pageContext(request, reply, tenant)}
        d={d}
        privacyThreshold={tenant.privacyThreshold}
        wijkFeatures={(await getAreasOverview(db, m)).mapFeatures}
        canEdit={hasPermission(request.account?.roles ?? [], "monitoring.edit")}
      />,
    );
  });

  app.get<{ Params: { document: string; year: string }; Querystring: { download?: string } }>(
    "/evaluatie/:document/:year",
    async (request, reply) => {
      const year = /^\d{4}$/.test(request.params.year) ? Number(request.params.year) : Number.NaN;
      if (Number.isNaN(year))
        throw new AppError(
          400,
          "Ongeldige invoer",
          "Het jaar moet een jaartal zijn, bijvoorbeeld 2026.",
        );
      // The evaluation is a document for the council, printed and passed on: always the public view.
      const e = await evaluation(
        db,
        m,
        request.params.document,
        year,
        publicPrivacy(tenant.privacyThreshold),
      );
      if (request.query.download === "ja") {
        reply.header(
          "Content-Disposition",
          `attachment; filename="evaluatie-${e.document.slug}-${year}.html"`,
        );
      }
      return sendPage(
        reply,
        <EvaluationPage ctx={pageContext(request, reply, tenant)} e={e} generatedAt={new Date()} />,
      );
    },
  );

  app.post<{ Params: { indicator: string }; Body: Record<string, string | undefined> }>(
    "/monitor/:indicator/bewerken",
    { ...importGuard, schema: { params: RefParams("indicator"), body: FormBody() } },
    async (request, reply) => {
      const b = request.body ?? {};
      const number = (v: string | undefined) =>
        v === undefined || v.trim() === "" ? null : parseDutchNumber(v);
      const targetValue = number(b.streefwaarde);
      const targetYear = b.streefjaar?.trim() ? Number(b.streefjaar) : null;
      const { min, max } = TARGET_YEAR_RANGE;
      const archived = b.archiveren === "ja";
      return submitForm(reply, {
        write: async () => {
          assertValid([
            ...(targetValue === undefined
              ? [{ field: "streefwaarde", message: "Streefwaarde moet een getal zijn." }]
              : targetValue !== null && Math.abs(targetValue) > MEASURE_MAX
                ? [{ field: "streefwaarde", message: "Streefwaarde is te groot." }]
                : []),
            ...(targetYear !== null &&
            !(Number.isInteger(targetYear) && targetYear >= min && targetYear <= max)
              ? [
                  {
                    field: "streefjaar",
                    message: `Streefjaar moet een jaartal tussen ${min} en ${max} zijn.`,
                  },
                ]
              : []),
          ]);
          await editIndicator(db, actorOf(request), request.params.indicator, {
            name: b.naam,
            definition: b.definitie,
            source: b.bron,
            direction: b.richting,
            role: b.rol,
            targetValue: targetValue ?? null,
            targetYear,
            story: b.verhaal,
            archived,
          });
        },
        done: () =>
          archived
            ? { flash: "De indicator is gearchiveerd.", to: "/monitor" }
            : { flash: "De indicator is opgeslagen.", to: `/monitor/${request.params.indicator}` },
        refused: async (errors) => (
          <IndicatorPage
            ctx={pageContext(request, reply, tenant)}
            d={await indicatorDetail(db, m, request.params.indicator, privacyOf(request))}
            privacyThreshold={tenant.privacyThreshold}
            wijkFeatures={(await getAreasOverview(db, m)).mapFeatures}
            canEdit
            errors={errors}
            values={b}
          />
        ),
      });
    },
  );

  // Charts are separate SVG images: ECharts writes inline styles, which the pages' CSP forbids; an
  // image document runs no script, so allowing its styles is safe.
  const sendSvg = (reply: import("fastify").FastifyReply, svg: string) =>
    reply
      .type("image/svg+xml; charset=utf-8")
      .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
      .header("Cache-Control", "public, max-age=300")
      .send(svg);

  app.get<{ Params: { indicator: string }; Querystring: { formaat?: string } }>(
    "/monitor/:indicator/grafiek.svg",
    async (request, reply) => {
      const d = await publicDetail(request.params.indicator);
      const a = d.analysis;
      const format = chartFormat(request.query.formaat);
      const small = format === "klein";
      const until = Math.max(a.target?.year ?? 0, Math.ceil(a.latest?.t ?? 0) + (small ? 0 : 2));
      return sendSvg(
        reply,
        lineChart(
          {
            points: a.series,
            target: a.target,
            trend: a.trend ? { line: a.trend, until } : undefined,
            unit: UNIT_AXIS[d.indicator.unit] ?? "",
          },
          format,
        ),
      );
    },
  );

  app.get<{ Params: { indicator: string }; Querystring: { formaat?: string } }>(
    "/monitor/:indicator/wijken.svg",
    async (request, reply) => {
      const d = await publicDetail(request.params.indicator);
      const bars = d.areaValues
        .filter((v) => v.isPublic && v.value !== undefined)
        .map((v) => ({ label: v.name, value: v.value as number }));
      const municipality =
        d.measurements.find((x) => x.year === d.comparisonYear && x.quarter === 0)?.value ??
        undefined;
      return sendSvg(
        reply,
        barChart(
          bars,
          d.indicator.unit === "aantal" ? undefined : municipality,
          UNIT_AXIS[d.indicator.unit] ?? "",
          chartFormat(request.query.formaat) === "smal" ? "smal" : "breed",
        ),
      );
    },
  );
}
