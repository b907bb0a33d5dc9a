import type { FastifyInstance, FastifyRequest } from "fastify";
import { Type } from "typebox";
import type { TenantConfig } from "../../config/tenant.js";
import type { Db } from "../../db/executor.js";
import { apiSchema } from "../../platform/api.js";
import { notFound } from "../../platform/errors.js";
import {
  FormBody,
  LongText,
  NAME_MAX,
  NOTE_MAX,
  RefParams,
  Text,
  TITLE_MAX,
} from "../../platform/schema-types.js";
import { submitAndReturn, submitForm } from "../../web/form-route.js";
import { pageContext } from "../../web/page-context.js";
import { sendPage } from "../../web/render.js";
import { actorOf, hasPermission, requirePermission } from "../accounts/index.js";
import { listOrganisationChoices } from "../organisations/index.js";
import { MEMBERS_MAX, MEMBERS_NOTE_MAX } from "./limits.js";
import { linkMember, membersOf, unlinkedMembers } from "./partnership-member-service.js";
import { UnlinkedMembersPage } from "./partnership-member-views.js";
import {
  addPolicyIndicator,
  createPartnership,
  editPartnership,
  editPolicyIndicator,
  getPartnership,
  listPartnerships,
  parseMembers,
} from "./partnership-service.js";
import { PartnershipPage, PartnershipsPage } from "./partnership-views.js";
import * as repo from "./repository.js";
import { resolveDocument } from "./service.js";

const TAG = ["Beleid"];
type Form = Record<string, string | undefined>;
const Partnership = Type.Object({
  id: Type.String({ format: "uuid" }),
  code: Type.String(),
  naam: Type.String(),
  soort: Type.String(),
  leden: Type.Array(Type.String()),
  ledenOrganisaties: Type.Array(
    Type.Object({
      naam: Type.String({ description: "Het lid zoals de bron het noemt" }),
      organisatie: Type.Union(
        [Type.String({ description: "Code van de organisatie" }), Type.Null()],
        {
          description: "null: (nog) niet aan een organisatie gekoppeld",
        },
      ),
    }),
  ),
  ledenToelichting: Type.Union([Type.String(), Type.Null()]),
  toelichting: Type.String(),
  bron: Type.String(),
  onderdelen: Type.Array(
    Type.Object({ document: Type.String(), onderdeel: Type.String(), titel: Type.String() }),
  ),
});
const Body = Type.Object(
  {
    naam: Type.Optional(Text(NAME_MAX, { minLength: 1 })),
    soort: Type.Optional(Text(NAME_MAX)),
    leden: Type.Optional(Type.Array(Text(NAME_MAX, { minLength: 1 }), { maxItems: MEMBERS_MAX })),
    ledenToelichting: Type.Optional(Type.Union([Text(MEMBERS_NOTE_MAX), Type.Null()])),
    toelichting: Type.Optional(LongText()),
    gearchiveerd: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
type BodyT = {
  naam?: string;
  soort?: string;
  leden?: string[];
  ledenToelichting?: string | null;
  toelichting?: string;
  gearchiveerd?: boolean;
};
const fromBody = (b: BodyT) => ({
  name: b.naam,
  kind: b.soort,
  members: b.leden,
  membersNote: b.ledenToelichting,
  description: b.toelichting,
  archived: b.gearchiveerd,
});
const fromForm = (b: Form) => ({
  name: b.naam ?? "",
  kind: b.soort,
  members: parseMembers(b.leden),
  membersNote: b.ledenToelichting ?? null,
  description: b.toelichting,
});

/** Partnerships ("Wat doen we samen?") and the indicators a document names: API and forms. */
export function registerPartnershipRoutes(app: FastifyInstance, db: Db, tenant: TenantConfig) {
  const m = tenant.municipality.code;
  const edit = { onRequest: requirePermission("policy.edit") };
  const canEdit = (r: { account?: { roles: { role: string; scope: string }[] } | undefined }) =>
    hasPermission((r.account?.roles ?? []) as Parameters<typeof hasPermission>[0], "policy.edit");

  app.get(
    "/api/v1/samenwerkingsverbanden",
    {
      schema: apiSchema({
        operationId: "listSamenwerkingsverbanden",
        summary: "Samenwerkingsverbanden met leden en de onderdelen waarin ze genoemd worden",
        tags: TAG,
        success: {
          200: {
            description: "Alle samenwerkingsverbanden",
            schema: Type.Object({ samenwerkingsverbanden: Type.Array(Partnership) }),
          },
        },
      }),
    },
    async () => {
      const list = await listPartnerships(db, m);
      const members = await membersOf(
        db,
        list.map((p) => p.id),
      );
      return {
        samenwerkingsverbanden: list.map((p) => ({
          id: p.id,
          code: p.slug,
          naam: p.name,
          soort: p.kind,
          leden: p.members,
          ledenOrganisaties: members
            .filter((x) => x.partnershipId === p.id)
            .map((x) => ({ naam: x.name, organisatie: x.organisation?.slug ?? null })),
          ledenToelichting: p.membersNote,
          toelichting: p.description,
          bron: p.source,
          onderdelen: p.sections.map((s) => ({
            document: s.document.slug,
            onderdeel: s.section.slug,
            titel: s.section.title,
          })),
        })),
      };
    },
  );

  app.post<{ Body: BodyT }>(
    "/api/v1/samenwerkingsverbanden",
    {
      ...edit,
      schema: apiSchema({
        operationId: "createSamenwerkingsverband",
        summary: "Samenwerkingsverband aanmaken",
        tags: TAG,
        body: Body,
        success: {
          201: {
            description: "Aangemaakt",
            schema: Type.Object({ id: Type.String({ format: "uuid" }), code: Type.String() }),
          },
        },
        secured: true,
        errors: [409, 415],
      }),
    },
    async (request, reply) => {
      const row = await createPartnership(db, actorOf(request), fromBody(request.body));
      return reply.status(201).send({ id: row.id, code: row.slug });
    },
  );

  app.patch<{ Params: { id: string }; Body: BodyT }>(
    "/api/v1/samenwerkingsverbanden/:id",
    {
      ...edit,
      schema: apiSchema({
        operationId: "updateSamenwerkingsverband",
        summary: "Samenwerkingsverband wijzigen of archiveren",
        tags: TAG,
        params: Type.Object({ id: Type.String({ format: "uuid" }) }),
        body: Body,
        success: { 204: { description: "Gewijzigd" } },
        secured: true,
        errors: [404, 415],
      }),
    },
    async (request, reply) => {
      await editPartnership(db, actorOf(request), request.params.id, fromBody(request.body));
      return reply.status(204).send();
    },
  );

  app.patch<{
    Params: { id: string };
    Body: { tekst?: string; bron?: string | null; gearchiveerd?: boolean };
  }>(
    "/api/v1/beleidsindicatoren/:id",
    {
      ...edit,
      schema: apiSchema({
        operationId: "updateBeleidsindicator",
        summary: "Indicator die een beleidsdocument noemt wijzigen of archiveren",
        tags: TAG,
        params: Type.Object({ id: Type.String({ format: "uuid" }) }),
        body: Type.Object(
          {
            tekst: Type.Optional(Text(NOTE_MAX, { minLength: 1 })),
            bron: Type.Optional(Type.Union([Text(TITLE_MAX), Type.Null()])),
            gearchiveerd: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        success: { 204: { description: "Gewijzigd" } },
        secured: true,
        errors: [404, 415],
      }),
    },
    async (request, reply) => {
      const b = request.body;
      await editPolicyIndicator(db, actorOf(request), request.params.id, {
        text: b.tekst,
        namedSource: b.bron,
        archived: b.gearchiveerd,
      });
      return reply.status(204).send();
    },
  );

  app.get("/samenwerkingsverbanden", async (request, reply) =>
    sendPage(
      reply,
      <PartnershipsPage
        ctx={pageContext(request, reply, tenant)}
        partnerships={await listPartnerships(db, m)}
        canEdit={canEdit(request)}
      />,
    ),
  );

  const form = (params?: string[]) => ({
    ...edit,
    schema: { ...(params ? { params: RefParams(...params) } : {}), body: FormBody() },
  });
  app.post<{ Body: Form }>("/samenwerkingsverbanden", form(), async (request, reply) =>
    submitForm(reply, {
      write: () => createPartnership(db, actorOf(request), fromForm(request.body ?? {})),
      done: (row) => ({
        flash: `"${row.name}" is aangemaakt.`,
        to: `/samenwerkingsverbanden/${row.slug}`,
      }),
      refused: async (errors) => (
        <PartnershipsPage
          ctx={pageContext(request, reply, tenant)}
          partnerships={await listPartnerships(db, m)}
          canEdit
          errors={errors}
          values={request.body ?? {}}
        />
      ),
    }),
  );

  /** What a partnership page shows besides the partnership: its members, and for staff the organisations. */
  const memberProps = async (request: FastifyRequest, partnershipId: string) => ({
    members: await membersOf(db, [partnershipId]),
    choices: canEdit(request) ? await listOrganisationChoices(db, m) : undefined,
  });

  app.get<{ Params: { slug: string } }>("/samenwerkingsverbanden/:slug", async (request, reply) => {
    const p = await getPartnership(db, m, request.params.slug);
    return sendPage(
      reply,
      <PartnershipPage
        ctx={pageContext(request, reply, tenant)}
        partnership={p}
        {...(await memberProps(request, p.id))}
        canEdit={canEdit(request)}
      />,
    );
  });

  app.post<{ Params: { slug: string }; Body: Form }>(
    "/samenwerkingsverbanden/:slug/leden",
    form(["slug"]),
    async (request, reply) => {
      const p = await getPartnership(db, m, request.params.slug);
      const b = request.body ?? {};
      const back = request.headers.referer?.includes("/beheer/samenwerkingsverbanden/leden")
        ? "/beheer/samenwerkingsverbanden/leden"
        : `/samenwerkingsverbanden/${p.slug}`;
      return submitAndReturn(reply, {
        write: () => linkMember(db, actorOf(request), p.id, b.lid ?? "", b.organisatie || null),
        done: (r) => ({
          flash: r.organisation
            ? `"${r.member.name}" is gekoppeld aan ${r.organisation.name}.`
            : `De koppeling van "${r.member.name}" is ongedaan gemaakt.`,
          to: back,
        }),
        back,
      });
    },
  );

  app.get("/beheer/samenwerkingsverbanden/leden", edit, async (request, reply) =>
    sendPage(
      reply,
      <UnlinkedMembersPage
        ctx={pageContext(request, reply, tenant)}
        unlinked={await unlinkedMembers(db, m)}
        choices={await listOrganisationChoices(db, m)}
      />,
    ),
  );

  app.post<{ Params: { slug: string }; Body: Form }>(
    "/samenwerkingsverbanden/:slug/bewerken",
    form(["slug"]),
    async (request, reply) => {
      const p = await getPartnership(db, m, request.params.slug);
      const b = request.body ?? {};
      const archived = b.archiveren === "ja";
      return submitForm(reply, {
        write: () => editPartnership(db, actorOf(request), p.id, { ...fromForm(b), archived }),
        done: () =>
          archived
            ? { flash: "Het samenwerkingsverband is gearchiveerd.", to: "/samenwerkingsverbanden" }
            : {
                flash: "Het samenwerkingsverband is opgeslagen.",
                to: `/samenwerkingsverbanden/${p.slug}`,
              },
        refused: async (errors) => (
          <PartnershipPage
            ctx={pageContext(request, reply, tenant)}
            partnership={p}
            {...(await memberProps(request, p.id))}
            canEdit
            errors={errors}
            values={b}
          />
        ),
      });
    },
  );

  app.post<{ Params: { document: string; section: string }; Body: Form }>(
    "/beleid/:document/onderdelen/:section/indicatoren",
    form(["document", "section"]),
    async (request, reply) => {
      const doc = await resolveDocument(db, m, request.params.document);
      const section = (await repo.loadDocumentContent(db, doc.id)).sections.find(
        (s) => s.slug === request.params.section,
      );
      if (!section)
        throw notFound(`Het document heeft geen onderdeel "${request.params.section}".`);
      const back = `/beleid/${doc.slug}/onderdelen/${section.slug}`;
      return submitAndReturn(reply, {
        write: () =>
          addPolicyIndicator(db, actorOf(request), doc.id, section.id, {
            text: request.body?.tekst,
            namedSource: request.body?.bron,
          }),
        done: () => ({ flash: "De indicator is toegevoegd.", to: back }),
        back,
      });
    },
  );
}
