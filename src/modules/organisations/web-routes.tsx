import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { TenantConfig } from "../../config/tenant.js";
import type { Db } from "../../db/executor.js";
import { type FieldError, forbidden } from "../../platform/errors.js";
import { choiceProblem, problems } from "../../platform/field-rules.js";
import { FormBody, PageQuery, RefParams } from "../../platform/schema-types.js";
import { submitAndReturn, submitForm } from "../../web/form-route.js";
import { pageContext } from "../../web/page-context.js";
import { sendPage } from "../../web/render.js";
import type { SectionRegistry } from "../../web/sections.js";
import {
  actorOf,
  hasPermission,
  partnerOrganisationIds,
  requireLogin,
  requirePermission,
} from "../accounts/index.js";
import { DirectoryPage, type DirectoryQuery } from "./directory-view.js";
import { organisationHref } from "./labels.js";
import { OrganisationPage } from "./organisation-view.js";
import { PartnerPortalPage, ReviewPage } from "./partner-views.js";
import * as repo from "./repository.js";
import { ORGANISATION_KINDS, type OrganisationKind, PLACEMENTS, type Placement } from "./schema.js";
import {
  directoryPage,
  directoryWijken,
  editOrganisation,
  getOrganisationPage,
  listProfileChanges,
  loadDirectory,
  parseAliases,
  proposeProfileChange,
  reviewProfileChange,
} from "./service.js";

type Form = Record<string, string | undefined>;
const profileFromForm = (b: Form) => ({
  description: b.omschrijving ?? "",
  website: b.website ?? null,
  phone: b.telefoon ?? null,
  email: b.email ?? null,
});

/** Directory, organisation pages, the partner portal and the staff review of partners' changes. */
export function registerOrganisationWebRoutes(
  app: FastifyInstance,
  db: Db,
  tenant: TenantConfig,
  sections: SectionRegistry,
) {
  const m = tenant.municipality.code;
  const canEdit = (r: FastifyRequest) =>
    hasPermission(r.account?.roles ?? [], "organisations.edit");
  const ownIds = (r: FastifyRequest) => partnerOrganisationIds(r.account?.roles ?? []);
  const form = (params?: string[]) => ({
    schema: { ...(params ? { params: RefParams(...params) } : {}), body: FormBody() },
  });

  app.get<{ Querystring: DirectoryQuery & { pagina?: string } }>(
    "/organisaties",
    { schema: { querystring: PageQuery() } },
    async (request, reply) => {
      const q = request.query;
      const [loaded, wijken] = await Promise.all([loadDirectory(db, m), directoryWijken(db, m)]);
      const errors: FieldError[] = problems(
        choiceProblem(q.werkgebied, {
          field: "werkgebied",
          label: "Werkgebied",
          allowed: loaded.workAreas.map((w) => w.code),
        }),
        choiceProblem(q.plaats, {
          field: "plaats",
          label: "Basis of modulair",
          allowed: PLACEMENTS,
        }),
        choiceProblem(q.soort, {
          field: "soort",
          label: "Soort organisatie",
          allowed: ORGANISATION_KINDS,
        }),
        choiceProblem(q.wijk, {
          field: "wijk",
          label: "Wijk",
          allowed: wijken.map((w) => w.code),
        }),
        (q.zoek ?? "").length > 200
          ? { field: "zoek", message: "Naam is te lang: hoogstens 200 tekens." }
          : undefined,
      );
      const page = Number.parseInt(q.pagina ?? "1", 10);
      const directory = directoryPage(
        loaded,
        wijken,
        errors.length > 0
          ? {}
          : {
              workArea: q.werkgebied || undefined,
              placement: (q.plaats || undefined) as Placement | undefined,
              kind: (q.soort || undefined) as OrganisationKind | undefined,
              area: q.wijk || undefined,
              query: q.zoek?.trim() || undefined,
            },
        page >= 1 && page <= 100_000 ? page : 1,
      );
      const query: DirectoryQuery = {
        zoek: q.zoek,
        werkgebied: q.werkgebied,
        plaats: q.plaats,
        soort: q.soort,
        wijk: q.wijk,
      };
      return sendPage(
        reply,
        <DirectoryPage
          ctx={pageContext(request, reply, tenant)}
          directory={directory}
          query={query}
          canEdit={canEdit(request)}
          errors={errors}
        />,
        errors.length > 0 ? 400 : 200,
      );
    },
  );

  /** An organisation's page, also again after a refused edit (with its errors and what was typed). */
  const organisationPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    extra: { errors?: FieldError[]; values?: Form } = {},
  ) => {
    const detail = await getOrganisationPage(db, m, slug);
    const o = detail.organisation;
    const loaded = await sections.load(
      "organisatie",
      { db, tenant, municipalityCode: m, roles: request.account?.roles ?? [] },
      { id: o.id, slug: o.slug, name: o.name, kind: o.kind },
    );
    return (
      <OrganisationPage
        ctx={pageContext(request, reply, tenant)}
        detail={detail}
        sections={loaded}
        canEdit={canEdit(request)}
        isOwnOrganisation={ownIds(request).includes(o.id)}
        {...extra}
      />
    );
  };

  app.get<{ Params: { slug: string } }>(
    "/organisaties/:slug",
    { schema: { params: RefParams("slug") } },
    async (request, reply) =>
      sendPage(reply, await organisationPage(request, reply, request.params.slug)),
  );

  app.post<{ Params: { slug: string }; Body: Form }>(
    "/organisaties/:slug/bewerken",
    { onRequest: requirePermission("organisations.edit"), ...form(["slug"]) },
    async (request, reply) => {
      const b = request.body ?? {};
      const version = Number.parseInt(b.versie ?? "", 10);
      return submitForm(reply, {
        write: () =>
          editOrganisation(db, actorOf(request), request.params.slug, {
            name: b.naam ?? "",
            aliases: parseAliases(b.aliassen),
            kind: b.soort,
            contactSource: b.contactBron ?? null,
            ...profileFromForm(b),
            version: Number.isSafeInteger(version) ? version : undefined,
          }),
        done: (r) => ({ flash: `"${r.name}" is opgeslagen.`, to: organisationHref(r.slug) }),
        refused: (errors) =>
          organisationPage(request, reply, request.params.slug, { errors, values: b }),
      });
    },
  );

  app.get("/partner", { onRequest: requireLogin }, async (request, reply) => {
    const ids = ownIds(request);
    if (ids.length === 0 && !canEdit(request))
      throw forbidden("Het partnerportaal is voor accounts van een partnerorganisatie.");
    return sendPage(reply, await partnerPortal(request, reply, {}));
  });

  const partnerPortal = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { errors?: FieldError[]; values?: Form; formFor?: string },
  ) => {
    const organisations = (
      await Promise.all(ownIds(request).map((id) => repo.findOrganisation(db, m, id)))
    ).filter((o): o is repo.OrganisationRow => o !== undefined);
    const changes = (
      await Promise.all(
        organisations.map((o) => listProfileChanges(db, m, { organisationId: o.id })),
      )
    ).flat();
    return (
      <PartnerPortalPage
        ctx={pageContext(request, reply, tenant)}
        organisations={organisations}
        changes={changes}
        {...extra}
      />
    );
  };

  app.post<{ Params: { id: string }; Body: Form }>(
    "/partner/organisaties/:id/profiel",
    { onRequest: requireLogin, ...form(["id"]) },
    async (request, reply) => {
      const b = request.body ?? {};
      const id = request.params.id;
      if (!ownIds(request).includes(id))
        throw forbidden("U kunt alleen het profiel van uw eigen organisatie wijzigen.");
      return submitForm(reply, {
        write: () =>
          proposeProfileChange(db, actorOf(request), ownIds(request), id, profileFromForm(b)),
        done: () => ({
          flash: "Uw wijziging is voorgesteld. De gemeente beoordeelt haar voordat ze openbaar is.",
          to: "/partner",
        }),
        refused: (errors) => partnerPortal(request, reply, { errors, values: b, formFor: id }),
      });
    },
  );

  const staff = { onRequest: requirePermission("organisations.edit") };
  app.get("/beheer/organisaties", staff, async (request, reply) => {
    const all = await listProfileChanges(db, m, {});
    return sendPage(
      reply,
      <ReviewPage
        ctx={pageContext(request, reply, tenant)}
        open={all.filter((c) => c.change.state === "ingediend")}
        decided={all.filter((c) => c.change.state !== "ingediend").slice(0, 50)}
      />,
    );
  });

  for (const [path, approve] of [
    ["goedkeuren", true],
    ["afwijzen", false],
  ] as const) {
    app.post<{ Params: { id: string }; Body: Form }>(
      `/beheer/organisaties/wijzigingen/:id/${path}`,
      { ...staff, schema: { params: RefParams("id"), body: FormBody() } },
      async (request, reply) => {
        return submitAndReturn(reply, {
          write: () =>
            reviewProfileChange(db, actorOf(request), request.params.id, {
              approve,
              note: request.body?.toelichting,
            }),
          done: (r) => ({
            flash: `De wijziging van "${r.organisation.name}" is ${approve ? "goedgekeurd en openbaar" : "afgewezen"}.`,
            to: "/beheer/organisaties",
          }),
          back: "/beheer/organisaties",
        });
      },
    );
  }
}
