import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import type { TenantConfig } from "../../config/tenant.js";
import type { Db } from "../../db/executor.js";
import { apiSchema, changeOperation, pagedListOperation, paginate } from "../../platform/api.js";
import { badRequest } from "../../platform/errors.js";
import {
  AreaCode,
  Code,
  Int,
  NAME_MAX,
  NOTE_MAX,
  Nullable,
  Ref,
  RefParams,
  Text,
} from "../../platform/schema-types.js";
import {
  actorOf,
  partnerOrganisationIds,
  requireLogin,
  requirePermission,
} from "../accounts/index.js";
import { type DirectoryEntry, matchesFilter } from "./directory.js";
import { WEBSITE_MAX } from "./profile-rules.js";
import { ORGANISATION_KINDS, type OrganisationKind, PLACEMENTS, type Placement } from "./schema.js";
import {
  editOrganisation,
  getOrganisationPage,
  loadDirectory,
  proposeProfileChange,
} from "./service.js";

const TAG = ["Organisaties"];
const Soort = Type.Enum([...ORGANISATION_KINDS], {
  type: "string",
  description: "Soort organisatie",
});
const Plaats = Type.Enum([...PLACEMENTS], {
  type: "string",
  description: "basis: sociale basisinfrastructuur; modulair: modulair pakket",
});
const Werkgebied = Type.Object({ werkgebied: Type.String(), plaats: Plaats });
const Organisatie = Type.Object({
  id: Type.String({ format: "uuid" }),
  code: Type.String(),
  naam: Type.String(),
  andereNamen: Type.Array(Type.String()),
  soort: Soort,
  omschrijving: Type.String(),
  werkgebieden: Type.Array(Werkgebied),
  wijken: Type.Array(Type.String({ description: "CBS-wijkcode" })),
});
const OrganisatieDetail = Type.Object({
  ...Organisatie.properties,
  website: Nullable(Type.String()),
  telefoon: Nullable(Type.String()),
  email: Nullable(Type.String()),
  bronContactgegevens: Nullable(Type.String()),
  functies: Type.Array(
    Type.Object({
      code: Type.String(),
      naam: Type.String(),
      tijdsverdeling: Type.Array(
        Type.Object({ procent: Type.Number(), omschrijving: Type.String() }),
      ),
      bron: Type.String(),
    }),
  ),
  bronnen: Type.Array(Type.String()),
  versie: Type.Integer({
    description: "Meesturen bij wijzigen: een tussentijdse wijziging geeft 409",
  }),
});
const Profiel = {
  omschrijving: Type.Optional(Text(NOTE_MAX)),
  website: Type.Optional(Nullable(Text(WEBSITE_MAX))),
  telefoon: Type.Optional(Nullable(Text(20))),
  email: Type.Optional(Nullable(Text(NAME_MAX))),
};
type ProfielT = {
  omschrijving?: string;
  website?: string | null;
  telefoon?: string | null;
  email?: string | null;
};
const fromProfiel = (b: ProfielT) => ({
  description: b.omschrijving,
  website: b.website,
  phone: b.telefoon,
  email: b.email,
});

const item = (e: DirectoryEntry) => ({
  id: e.id,
  code: e.slug,
  naam: e.name,
  andereNamen: [...e.aliases],
  soort: e.kind,
  omschrijving: e.description,
  werkgebieden: e.places.map((p) => ({ werkgebied: p.workAreaCode, plaats: p.placement })),
  wijken: [...e.areaCodes],
});

/** The organisations as open data; staff change records, partners propose changes to their own. */
export function registerOrganisationApiRoutes(app: FastifyInstance, db: Db, tenant: TenantConfig) {
  const m = tenant.municipality.code;

  app.get<{
    Querystring: {
      zoek?: string;
      werkgebied?: string;
      plaats?: Placement;
      soort?: OrganisationKind;
      wijk?: string;
      pagina?: number;
      paginaGrootte?: number;
    };
  }>(
    "/api/v1/organisaties",
    {
      schema: pagedListOperation({
        operationId: "listOrganisaties",
        summary: "Organisaties met werkgebieden en wijken",
        tags: TAG,
        filters: {
          zoek: Type.Optional(Text(200, { description: "Deel van de naam of een andere naam" })),
          werkgebied: Type.Optional(Code({ description: "Code van het werkgebied" })),
          plaats: Type.Optional(Plaats),
          soort: Type.Optional(Soort),
          wijk: Type.Optional(AreaCode({ description: "CBS-wijkcode" })),
        },
        key: "organisaties",
        item: Organisatie,
        listDescription: "Eén pagina organisaties, op naam",
      }),
    },
    async (request) => {
      const q = request.query;
      const { entries } = await loadDirectory(db, m);
      const filter = {
        query: q.zoek,
        workArea: q.werkgebied,
        placement: q.plaats,
        kind: q.soort,
        area: q.wijk,
      };
      const { items, paginering } = paginate(
        entries.filter((e) => matchesFilter(e, filter)),
        q.pagina,
        q.paginaGrootte,
      );
      return { organisaties: items.map(item), paginering };
    },
  );

  app.get<{ Params: { id: string } }>(
    "/api/v1/organisaties/:id",
    {
      schema: apiSchema({
        operationId: "getOrganisatie",
        summary: "Eén organisatie met functies, contactgegevens en bronnen",
        tags: TAG,
        params: Type.Object({ id: Ref({ description: "Id of code van de organisatie" }) }),
        success: { 200: { description: "De organisatie", schema: OrganisatieDetail } },
        errors: [404],
      }),
    },
    async (request) => {
      const d = await getOrganisationPage(db, m, request.params.id);
      const o = d.organisation;
      return {
        id: o.id,
        code: o.slug,
        naam: o.name,
        andereNamen: o.aliases,
        soort: o.kind,
        omschrijving: o.description,
        werkgebieden: d.places.map((p) => ({ werkgebied: p.workArea.code, plaats: p.placement })),
        wijken: d.areas.map((a) => a.code),
        website: o.website,
        telefoon: o.phone,
        email: o.email,
        bronContactgegevens: o.contactSource,
        functies: d.functions.map(({ fn, source }) => ({
          code: fn.code,
          naam: fn.name,
          tijdsverdeling: fn.timeSplit.map((t) => ({
            procent: t.percent,
            omschrijving: t.description,
          })),
          bron: source || fn.source,
        })),
        bronnen: o.sources,
        versie: o.version,
      };
    },
  );

  app.patch<{
    Params: { id: string };
    Body: ProfielT & {
      naam?: string;
      andereNamen?: string[];
      soort?: OrganisationKind;
      versie?: number;
    };
  }>(
    "/api/v1/organisaties/:id",
    {
      onRequest: requirePermission("organisations.edit"),
      schema: changeOperation({
        operationId: "updateOrganisatie",
        summary: "Organisatie wijzigen (gemeente)",
        tags: TAG,
        params: RefParams("id"),
        body: Type.Object(
          {
            naam: Type.Optional(Text(NAME_MAX, { minLength: 1 })),
            andereNamen: Type.Optional(
              Type.Array(Text(NAME_MAX, { minLength: 1 }), { maxItems: 20 }),
            ),
            soort: Type.Optional(Soort),
            ...Profiel,
            versie: Type.Optional(Int({ minimum: 1 })),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        errors: [404, 409],
      }),
    },
    async (request, reply) => {
      const b = request.body;
      await editOrganisation(db, actorOf(request), request.params.id, {
        name: b.naam,
        aliases: b.andereNamen,
        kind: b.soort,
        ...fromProfiel(b),
        version: b.versie,
      });
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { id: string }; Body: ProfielT }>(
    "/api/v1/organisaties/:id/profielwijzigingen",
    {
      onRequest: requireLogin,
      schema: apiSchema({
        operationId: "proposeProfielwijziging",
        summary: "Wijziging van het profiel van de eigen organisatie voorstellen (partner)",
        description: "De gemeente beoordeelt de wijziging voordat die openbaar is.",
        tags: TAG,
        params: Type.Object({ id: Type.String({ format: "uuid" }) }),
        body: Type.Object(Profiel, { additionalProperties: false, minProperties: 1 }),
        success: {
          202: {
            description: "Voorgesteld; wacht op beoordeling",
            schema: Type.Object({ id: Type.String({ format: "uuid" }), status: Type.String() }),
          },
        },
        secured: true,
        errors: [404, 415],
      }),
    },
    async (request, reply) => {
      const own = partnerOrganisationIds(request.account?.roles ?? []);
      if (Object.keys(request.body).length === 0) throw badRequest("Geef ten minste één gegeven.");
      const { change } = await proposeProfileChange(
        db,
        actorOf(request),
        own,
        request.params.id,
        fromProfiel(request.body),
      );
      return reply.status(202).send({ id: change.id, status: change.state });
    },
  );
}
