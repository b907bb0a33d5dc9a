import type { FastifyInstance } from "fastify";
import type { TenantConfig } from "../../config/tenant.js";
import type { Db } from "../../db/executor.js";
import { forbidden } from "../../platform/errors.js";
import { PageQuery, RefParams } from "../../platform/schema-types.js";
import { pageContext } from "../../web/page-context.js";
import { sendPage } from "../../web/render.js";
import { partnerOrganisationIds, requireLogin } from "../accounts/index.js";
import { listOrganisationChoices, listWorkAreas } from "../organisations/index.js";
import { registerBudgetRoutes } from "./budget-routes.js";
import { pageNumber } from "./input.js";
import { registerManageRoutes } from "./manage-routes.js";
import { PARTNER_PATH, PartnerSubsidiesPage } from "./partner-views.js";
import {
  allSubsidies,
  browseSubsidies,
  resolveFilter,
  subsidyDetail,
  yearChoices,
} from "./reads.js";
import { registerCsv, viewerOf } from "./register-export.js";
import { type RegisterFilterValues, RegisterPage, SubsidyPage } from "./register-views.js";
import { listRequirements, listSubsidiesOfOrganisations } from "./report-reads.js";
import { PUBLIC_VIEWER } from "./rules.js";

/** The subsidy pages: the public register and its CSV, one decision, a partner's own, staff pages, the budget. */
export function registerSubsidyWebRoutes(app: FastifyInstance, db: Db, tenant: TenantConfig) {
  const m = tenant.municipality.code;

  app.get<{ Querystring: RegisterFilterValues & { pagina?: string } }>(
    "/subsidies",
    { schema: { querystring: PageQuery() } },
    async (request, reply) => {
      const q = request.query;
      const { filter, errors } = await resolveFilter(db, m, q);
      // The register is the public register for everyone, staff included: what the public sees.
      const result =
        errors.length > 0
          ? { rows: [], total: 0, page: 1, pages: 1 }
          : await browseSubsidies(db, m, PUBLIC_VIEWER, filter, { page: pageNumber(q.pagina) });
      return sendPage(
        reply,
        <RegisterPage
          ctx={pageContext(request, reply, tenant)}
          rows={result.rows}
          paging={result}
          years={await yearChoices(db, m, true)}
          choices={{
            organisations: await listOrganisationChoices(db, m),
            workAreas: await listWorkAreas(db, m),
          }}
          filter={q}
          errors={errors}
        />,
        errors.length > 0 ? 400 : 200,
      );
    },
  );

  app.get<{ Querystring: RegisterFilterValues }>(
    "/subsidies/register.csv",
    { schema: { querystring: PageQuery() } },
    async (request, reply) => {
      const { filter, errors } = await resolveFilter(db, m, request.query);
      const rows = errors.length > 0 ? [] : await allSubsidies(db, m, PUBLIC_VIEWER, filter);
      return reply
        .status(errors.length > 0 ? 400 : 200)
        .type("text/csv; charset=utf-8")
        .header("Content-Disposition", 'attachment; filename="subsidieregister.csv"')
        .send(registerCsv(rows));
    },
  );

  app.get<{ Params: { id: string } }>(
    "/subsidies/:id",
    { schema: { params: RefParams("id") } },
    async (request, reply) => {
      const viewer = viewerOf(request);
      const detail = await subsidyDetail(db, m, viewer, request.params.id);
      return sendPage(
        reply,
        <SubsidyPage
          ctx={pageContext(request, reply, tenant)}
          detail={detail}
          staff={viewer.staff}
        />,
      );
    },
  );

  app.get(PARTNER_PATH, { onRequest: requireLogin }, async (request, reply) => {
    const organisationIds = partnerOrganisationIds(request.account?.roles ?? []);
    if (organisationIds.length === 0)
      throw forbidden("Deze pagina is voor partners: uw account hoort bij geen organisatie.");
    const own = await listSubsidiesOfOrganisations(db, m, organisationIds);
    const withRequirements = [];
    for (const s of own.sort((a, b) => b.year - a.year))
      withRequirements.push({ ...s, requirements: await listRequirements(db, s.id) });
    return sendPage(
      reply,
      <PartnerSubsidiesPage
        ctx={pageContext(request, reply, tenant)}
        subsidies={withRequirements}
      />,
    );
  });

  registerManageRoutes(app, db, tenant);
  registerBudgetRoutes(app, db, tenant);
}
