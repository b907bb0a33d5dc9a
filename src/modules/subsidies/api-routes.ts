import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import type { TenantConfig } from "../../config/tenant.js";
import type { Db } from "../../db/executor.js";
import { apiSchema, changeOperation, PageInfo, Pagination } from "../../platform/api.js";
import { AppError } from "../../platform/errors.js";
import { actorOf, requirePermission } from "../accounts/index.js";
import { registerSubsidyAgreementApiRoutes } from "./agreement-api-routes.js";
import {
  BudgetJson,
  CreateBody,
  IdParams,
  ListQuery,
  PatchBody,
  StatusBody,
  SubsidyDetailJson,
  SubsidyJson,
  TAG,
} from "./api-schemas.js";
import { shareTenths } from "./budget.js";
import { registerBudgetApiRoutes } from "./budget-api-routes.js";
import { budgetForYear, costSeries } from "./budget-service.js";
import type { SubsidyInput } from "./input.js";
import { allSubsidies, browseSubsidies, resolveFilter, subsidyDetail } from "./reads.js";
import { registerCsv, viewerOf } from "./register-export.js";
import type { ListedSubsidy } from "./repository.js";
import { VOLUNTEER_RULE } from "./rules.js";
import { changeSubsidyState, createSubsidy, editSubsidy } from "./service.js";

type Body = {
  organisatie?: string;
  jaar?: number;
  vorm?: string;
  status?: string;
  bedragCent?: number;
  kenmerk?: string | null;
  werkgebied?: string | null;
  plaats?: string | null;
  vastgesteldBedragCent?: number | null;
  vrijwilligersOfOntmoetingsplek?: boolean;
  opdracht?: string;
  interneNotitie?: string;
  versie?: number;
};
type Query = { jaar?: number; status?: string; werkgebied?: string; organisatie?: string };

const fromBody = (b: Body): SubsidyInput => ({
  organisation: b.organisatie,
  year: b.jaar,
  form: b.vorm,
  state: b.status,
  amountCents: b.bedragCent,
  reference: b.kenmerk,
  workArea: b.werkgebied,
  placement: b.plaats,
  establishedCents: b.vastgesteldBedragCent,
  volunteerOrMeetingPlace: b.vrijwilligersOfOntmoetingsplek,
  assignment: b.opdracht,
  internalNote: b.interneNotitie,
  version: b.versie,
});

/** A decision as JSON; the internal note and version only for staff. */
const toJson = (r: ListedSubsidy, staff: boolean) => ({
  id: r.subsidy.id,
  organisatie: { id: r.subsidy.organisationId, code: r.organisationSlug, naam: r.organisationName },
  jaar: r.subsidy.year,
  kenmerk: r.subsidy.reference,
  vorm: r.subsidy.form,
  status: r.subsidy.state,
  werkgebied:
    r.workAreaCode && r.workAreaName ? { code: r.workAreaCode, naam: r.workAreaName } : null,
  plaats: r.subsidy.placement,
  bedragCent: r.subsidy.amountCents,
  vastgesteldBedragCent: r.subsidy.establishedCents,
  vrijwilligersOfOntmoetingsplek: r.subsidy.volunteerOrMeetingPlace,
  opdracht: r.subsidy.assignment,
  ...(staff ? { interneNotitie: r.subsidy.internalNote, versie: r.subsidy.version } : {}),
});

export function registerSubsidyApiRoutes(app: FastifyInstance, db: Db, tenant: TenantConfig) {
  const m = tenant.municipality.code;
  const manage = { onRequest: requirePermission("subsidies.manage") };
  registerSubsidyAgreementApiRoutes(app, db);
  registerBudgetApiRoutes(app, db, m);

  /** The filter of a list query; a code that names nothing is a 404, as in the other lists. */
  const filterOf = async (q: Query) => {
    const { filter, errors } = await resolveFilter(db, m, q);
    if (errors.length > 0)
      throw new AppError(404, "Niet gevonden", errors.map((e) => e.message).join(" "), errors);
    return filter;
  };

  app.get<{ Querystring: Query & { pagina?: number; paginaGrootte?: number } }>(
    "/api/v1/subsidies",
    {
      schema: apiSchema({
        operationId: "listSubsidies",
        summary: "Subsidieregister: verleende en vastgestelde subsidies",
        description:
          "Zonder inloggen het openbare register (verleend en vastgesteld). Medewerkers met subsidies.manage zien alle statussen met de interne notitie; een partner ziet ook de aanvragen en intrekkingen van de eigen organisatie, nooit de interne notitie.",
        tags: TAG,
        querystring: Type.Object({ ...ListQuery, ...Pagination }),
        success: {
          200: {
            description: "Een pagina subsidies",
            schema: Type.Object({ subsidies: Type.Array(SubsidyJson), paginering: PageInfo }),
          },
        },
        errors: [404],
      }),
    },
    async (request) => {
      const q = request.query;
      const viewer = viewerOf(request);
      const pageSize = q.paginaGrootte ?? 100;
      const result = await browseSubsidies(db, m, viewer, await filterOf(q), {
        page: q.pagina ?? 1,
        pageSize,
      });
      return {
        subsidies: result.rows.map((r) => toJson(r, viewer.staff)),
        paginering: {
          pagina: result.page,
          paginaGrootte: pageSize,
          totaal: result.total,
          aantalPaginas: result.pages,
        },
      };
    },
  );

  app.get<{ Querystring: Query }>(
    "/api/v1/subsidies/register.csv",
    {
      schema: apiSchema({
        operationId: "exportSubsidieregister",
        summary: "Subsidieregister als CSV (openbare velden; veilig tegen formules)",
        tags: TAG,
        querystring: Type.Object(ListQuery),
        success: {
          200: { description: "CSV (UTF-8)", schema: Type.String(), contentType: "text/csv" },
        },
        errors: [404],
      }),
    },
    async (request, reply) => {
      const rows = await allSubsidies(db, m, viewerOf(request), await filterOf(request.query));
      return reply
        .type("text/csv; charset=utf-8")
        .header("Content-Disposition", 'attachment; filename="subsidieregister.csv"')
        .send(registerCsv(rows));
    },
  );

  app.get<{ Params: { id: string } }>(
    "/api/v1/subsidies/:id",
    {
      schema: apiSchema({
        operationId: "getSubsidie",
        summary: "Eén subsidie met doelen, afgesproken indicatoren en gevraagde verantwoording",
        tags: TAG,
        params: IdParams,
        success: { 200: { description: "De subsidie", schema: SubsidyDetailJson } },
        errors: [404],
      }),
    },
    async (request) => {
      const viewer = viewerOf(request);
      const d = await subsidyDetail(db, m, viewer, request.params.id);
      return {
        ...toJson(d, viewer.staff),
        doelen: d.goals.map((g) => ({
          id: g.goal.id,
          tekst: g.goal.text,
          document: g.document.slug,
        })),
        indicatoren: d.indicators.map((i) => ({
          id: i.id,
          indicator: i.indicatorId,
          naam: i.name,
          eenheid: i.unit,
          streefwaarde: i.target,
        })),
        verantwoording: d.requirements.map((r) => ({
          id: r.id,
          soort: r.kind,
          uiterlijk: r.dueOn,
          omschrijving: r.description,
        })),
        ...(viewer.staff
          ? {
              geschiedenis: d.history.map((h) => ({
                van: h.fromState,
                naar: h.toState,
                door: h.actorName,
                toelichting: h.note,
                op: h.changedAt.toISOString(),
              })),
            }
          : {}),
      };
    },
  );

  app.post<{ Body: Body }>(
    "/api/v1/subsidies",
    {
      ...manage,
      schema: apiSchema({
        operationId: "createSubsidie",
        summary: "Subsidie invoeren (een aanvraag, of een bestaande beschikking)",
        tags: TAG,
        body: CreateBody,
        success: {
          201: {
            description: "Ingevoerd",
            schema: Type.Object({ id: Type.String({ format: "uuid" }), versie: Type.Integer() }),
          },
        },
        secured: true,
        errors: [415],
      }),
    },
    async (request, reply) => {
      const row = await createSubsidy(db, actorOf(request), fromBody(request.body));
      return reply.status(201).send({ id: row.id, versie: row.version });
    },
  );

  app.patch<{ Params: { id: string }; Body: Body }>(
    "/api/v1/subsidies/:id",
    {
      ...manage,
      schema: changeOperation({
        operationId: "updateSubsidie",
        summary: "Subsidie wijzigen (de status via /status); met versie: 409 als die verouderd is",
        tags: TAG,
        params: IdParams,
        body: PatchBody,
        errors: [404, 409],
      }),
    },
    async (request, reply) => {
      await editSubsidy(db, actorOf(request), request.params.id, {
        ...fromBody(request.body),
        state: undefined,
      });
      return reply.status(204).send();
    },
  );

  app.post<{
    Params: { id: string };
    Body: { status: string; toelichting?: string; vastgesteldBedragCent?: number; versie?: number };
  }>(
    "/api/v1/subsidies/:id/status",
    {
      ...manage,
      schema: changeOperation({
        operationId: "changeSubsidieStatus",
        summary:
          "Status wijzigen: aanvraag → verleend of ingetrokken, verleend → vastgesteld (met vastgesteld bedrag) of ingetrokken",
        tags: TAG,
        params: IdParams,
        body: StatusBody,
        errors: [404, 409],
      }),
    },
    async (request, reply) => {
      const b = request.body;
      await changeSubsidyState(db, actorOf(request), request.params.id, {
        to: b.status,
        note: b.toelichting,
        establishedCents: b.vastgesteldBedragCent,
        version: b.versie,
      });
      return reply.status(204).send();
    },
  );

  app.get<{ Querystring: { jaar?: number } }>(
    "/api/v1/begroting-welzijn",
    {
      schema: apiSchema({
        operationId: "getBegrotingWelzijn",
        summary: "Begroting welzijn van een jaar: gepland, verleend en vastgesteld per werkgebied",
        tags: TAG,
        querystring: Type.Object({ jaar: Type.Optional(ListQuery.jaar) }),
        success: { 200: { description: "De begroting", schema: BudgetJson } },
      }),
    },
    async (request) => {
      const year = request.query.jaar ?? new Date().getUTCFullYear();
      const b = await budgetForYear(db, m, year);
      const o = b.overview;
      const t = o.totals;
      const codes = new Map(b.workAreas.map((w) => [w.id, w.code]));
      const versions = new Map(b.plans.map((p) => [p.workAreaId, p.version]));
      return {
        jaar: year,
        werkgebieden: o.lines.map((l) => ({
          code: l.workAreaId ? (codes.get(l.workAreaId) ?? null) : null,
          naam: l.name,
          geplandCent: l.plannedCents,
          versie: l.workAreaId ? (versions.get(l.workAreaId) ?? null) : null,
          verleendCent: l.grantedCents,
          aandeelVerleendPromille: shareTenths(l.grantedCents, t.grantedCents),
          vastgesteldCent: l.establishedCents,
        })),
        totaal: {
          geplandCent: t.plannedCents,
          verleendCent: t.grantedCents,
          vastgesteldCent: t.establishedCents,
        },
        vrijwilligersEnOntmoetingsplekken: {
          verleendCent: o.volunteerCents,
          aandeelPromille: shareTenths(o.volunteerCents, t.grantedCents),
          regel: VOLUNTEER_RULE,
        },
        subsidies: o.decisions.map((d) => ({
          id: d.id,
          organisatie: d.organisationName,
          status: d.state,
          verleendCent: d.amountCents,
          vastgesteldCent: d.state === "vastgesteld" ? d.establishedCents : null,
          verschilCent: d.differenceCents,
        })),
        kostenMaatwerk: (await costSeries(db, m, tenant.privacyThreshold)).map((c) => ({
          indicator: c.slug,
          naam: c.name,
          bron: c.source,
          waarden: c.values.map((v) => ({ jaar: v.year, bedragEuro: v.value })),
        })),
      };
    },
  );
}
