import type { FastifyInstance, FastifyRequest } from "fastify";
import { Type } from "typebox";
import type { TenantConfig } from "../../config/tenant.js";
import type { Db } from "../../db/executor.js";
import { IMPORT_BODY_LIMIT } from "../../platform/access.js";
import { AppError, assertValid } from "../../platform/errors.js";
import { setFlash } from "../../platform/flash.js";
import { FormBody, MEASURE_MAX, RefParams, Text } from "../../platform/schema-types.js";
import { formErrors } from "../../web/form-errors.js";
import { pageContext } from "../../web/page-context.js";
import { sendPage } from "../../web/render.js";
import { actorOf, hasPermission, requirePermission } from "../accounts/index.js";
import { getAreasOverview } from "../areas/index.js";
import { listDocuments } from "../policy/index.js";
import { barChart, lineChart } from "./charts.js";
import { parseDutchNumber } from "./csv-import.js";
import { groupByPillar } from "./dashboard.js";
import { evaluation } from "./evaluation.js";
import { EvaluationPage } from "./evaluation-view.js";
import { importMeasurements } from "./import-service.js";
import { ImportPage } from "./import-view.js";
import { editIndicator } from "./indicator-service.js";
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
    sendPage(reply, <ImportPage ctx={pageContext(request, reply, tenant)} />),
  );

  app.post<{ Body: { csv?: string; actie?: string } }>(
    "/monitor/import",
    // A pasted CSV is one long form field: the body limit and the text limit are the import's.
    {
      ...importGuard,
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { maxBodyText: IMPORT_BODY_LIMIT },
      schema: { body: FormBody({ csv: Type.Optional(Text(IMPORT_BODY_LIMIT)) }) },
    },
    async (request, reply) => {
      const csv = request.body?.csv ?? "";
      const dryRun = request.body?.actie !== "importeren";
      if (!csv.trim()) {
        return sendPage(
          reply,
          <ImportPage
            ctx={pageContext(request, reply, tenant)}
            errors={[{ field: "csv", message: "Plak de inhoud van een CSV-bestand." }]}
          />,
          400,
        );
      }
      const result = await importMeasurements(db, actorOf(request), csv, {
        dryRun,
        fileName: "formulier",
      });
      if (result.ok && !dryRun) {
        setFlash(
          reply,
          `Geïmporteerd: ${result.inserted} nieuwe metingen, ${result.corrected} correcties, ${result.unchanged} ongewijzigd.`,
        );
        return reply.redirect("/monitor", 303);
      }
      return sendPage(
        reply,
        <ImportPage ctx={pageContext(request, reply, tenant)} csv={csv} result={result} />,
        result.ok ? 200 : 400,
      );
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
      try {
        const errors = [
          ...(targetValue === undefined
            ? [{ field: "streefwaarde", message: "Streefwaarde moet een getal zijn." }]
            : targetValue !== null && Math.abs(targetValue) > MEASURE_MAX
              ? [{ field: "streefwaarde", message: "Streefwaarde is te groot." }]
              : []),
          ...(targetYear !== null &&
          !(Number.isInteger(targetYear) && targetYear >= 2000 && targetYear <= 2100)
            ? [
                {
                  field: "streefjaar",
                  message: "Streefjaar moet een jaartal tussen 2000 en 2100 zijn.",
                },
              ]
            : []),
        ];
        assertValid(errors);
        await editIndicator(db, actorOf(request), request.params.indicator, {
          name: b.naam,
          definition: b.definitie,
          source: b.bron,
          direction: b.richting,
          role: b.rol,
          targetValue: targetValue ?? null,
          targetYear,
          story: b.verhaal,
          archived: b.archiveren === "ja",
        });
      } catch (error) {
        const { status, errors } = formErrors(error);
        const d = await indicatorDetail(db, m, request.params.indicator, privacyOf(request));
        return sendPage(
          reply,
          <IndicatorPage
            ctx={pageContext(request, reply, tenant)}
            d={d}
            privacyThreshold={tenant.privacyThreshold}
            wijkFeatures={(await getAreasOverview(db, m)).mapFeatures}
            canEdit
            errors={errors}
          />,
          status,
        );
      }
      setFlash(
        reply,
        b.archiveren === "ja" ? "De indicator is gearchiveerd." : "De indicator is opgeslagen.",
      );
      return reply.redirect(
        b.archiveren === "ja" ? "/monitor" : `/monitor/${request.params.indicator}`,
        303,
      );
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
      // Images carry no "niet openbaar" marker and are cached publicly: always the public view.
      const d = await indicatorDetail(
        db,
        m,
        request.params.indicator,
        publicPrivacy(tenant.privacyThreshold),
      );
      const a = d.analysis;
      const small = request.query.formaat === "klein";
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
          small ? { width: 160, height: 48 } : { width: 640, height: 320 },
        ),
      );
    },
  );

  app.get<{ Params: { indicator: string } }>(
    "/monitor/:indicator/wijken.svg",
    async (request, reply) => {
      const d = await indicatorDetail(
        db,
        m,
        request.params.indicator,
        publicPrivacy(tenant.privacyThreshold),
      );
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
        ),
      );
    },
  );
}
