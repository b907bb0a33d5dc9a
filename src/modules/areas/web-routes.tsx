import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import type { TenantConfig } from "../../config/tenant.js";
import type { Db } from "../../db/executor.js";
import { nl } from "../../i18n/nl.js";
import { setFlash } from "../../platform/flash.js";
import { AreaCode, FormBody } from "../../platform/schema-types.js";
import { formErrors } from "../../web/form-errors.js";
import { pageContext } from "../../web/page-context.js";
import { sendPage } from "../../web/render.js";
import type { SectionRegistry } from "../../web/sections.js";
import { actorOf, hasPermission, requirePermission } from "../accounts/index.js";
import { type AreaSummary, changeWijkGebied, getAreaDetail, getAreasOverview } from "./service.js";
import { sortWijken, WIJK_SORTS } from "./sort.js";
import { AreaPage, AreasPage, type WijkSort } from "./views.js";

/**
 * The area pages. `sections` holds what other modules show on a wijk page; this module renders
 * them without knowing those modules.
 */
export function registerAreaWebRoutes(
  app: FastifyInstance,
  db: Db,
  tenant: TenantConfig,
  sections: SectionRegistry,
) {
  const municipality = tenant.municipality.code;
  const sectionsFor = (request: FastifyRequest, area: AreaSummary) =>
    area.level === "wijk"
      ? sections.load(
          "wijk",
          { db, tenant, municipalityCode: municipality, roles: request.account?.roles ?? [] },
          { code: area.code, name: area.name, level: area.level, policyName: area.policyName },
        )
      : Promise.resolve([]);
  /** An area's page, also again after a refused change (with its errors and what was typed). */
  const areaPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    extra: Pick<Parameters<typeof AreaPage>[0], "canEdit" | "errors" | "values">,
    status = 200,
  ) => {
    const detail = await getAreaDetail(db, municipality, code);
    return sendPage(
      reply,
      <AreaPage
        ctx={pageContext(request, reply, tenant)}
        detail={detail}
        sections={await sectionsFor(request, detail.area)}
        {...extra}
      />,
      status,
    );
  };

  app.get<{ Querystring: { sorteer?: string; volgorde?: string } }>(
    "/gebieden",
    async (request, reply) => {
      const sort = (WIJK_SORTS as readonly string[]).includes(request.query.sorteer ?? "")
        ? (request.query.sorteer as WijkSort)
        : "code";
      const descending = request.query.volgorde === "aflopend";
      const { areas: all, mapFeatures } = await getAreasOverview(db, municipality);
      const wijken = all.filter((a) => a.level === "wijk");
      return sendPage(
        reply,
        <AreasPage
          ctx={pageContext(request, reply, tenant)}
          municipality={all.find((a) => a.level === "gemeente")}
          gebieden={all.filter((a) => a.level === "gebied")}
          wijken={sortWijken(wijken, sort, descending)}
          sort={sort}
          descending={descending}
          mapFeatures={mapFeatures}
        />,
      );
    },
  );

  app.get<{ Params: { code: string } }>("/gebieden/:code", async (request, reply) => {
    // One address per area: a code typed in lower case is sent to the canonical upper-case page.
    const upper = request.params.code.toUpperCase();
    if (upper !== request.params.code)
      return reply.redirect(`/gebieden/${encodeURIComponent(upper)}`, 301);
    return areaPage(request, reply, request.params.code, {
      canEdit: hasPermission(request.account?.roles ?? [], "areas.edit"),
    });
  });

  app.post<{ Params: { code: string }; Body: { gebied?: string; toelichting?: string } }>(
    "/gebieden/:code/gebied",
    {
      onRequest: requirePermission("areas.edit"),
      schema: { params: Type.Object({ code: AreaCode() }), body: FormBody() },
    },
    async (request, reply) => {
      const { code } = request.params;
      const values = {
        gebied: request.body?.gebied ?? "",
        toelichting: request.body?.toelichting ?? "",
      };
      try {
        await changeWijkGebied(db, actorOf(request), code, {
          gebied: values.gebied,
          note: values.toelichting,
        });
      } catch (error) {
        const { status, errors } = formErrors(error);
        return areaPage(request, reply, code, { canEdit: true, errors, values }, status);
      }
      setFlash(reply, nl.areas.saved);
      return reply.redirect(`/gebieden/${encodeURIComponent(code)}`, 303);
    },
  );
}
