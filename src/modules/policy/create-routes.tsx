import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import type { TenantConfig } from "../../config/tenant.js";
import type { Db } from "../../db/executor.js";
import type { Actor } from "../../platform/actor.js";
import { changeOperation, createOperation } from "../../platform/api.js";
import {
  BODY_MAX,
  FormBody,
  Id,
  Ref,
  RefParams,
  STATEMENT_MAX,
  Text,
  TITLE_MAX,
  Title,
} from "../../platform/schema-types.js";
import { CODE_PATTERN } from "../../platform/values.js";
import { submitAndReturn, submitForm } from "../../web/form-route.js";
import { pageContext } from "../../web/page-context.js";
import { actorOf, requirePermission } from "../accounts/index.js";
import { createActivity, createDocument, createGoal, createSection } from "./create-service.js";
import { DocumentsPage } from "./documents-view.js";
import { registerMoveRoute } from "./edit-routes.js";
import { editDocument } from "./edit-service.js";
import { DOCUMENT_YEAR_RANGE } from "./limits.js";
import { DOCUMENT_KINDS, DOCUMENT_STATES, GOAL_LEVELS, SECTION_KINDS } from "./schema.js";
import { listDocuments, resolveDocument } from "./service.js";

const TAG = ["Beleid"];
type Form = Record<string, string | undefined>;
const DocumentYear = () =>
  Type.Integer({ minimum: DOCUMENT_YEAR_RANGE.min, maximum: DOCUMENT_YEAR_RANGE.max });
const year = (v: string | undefined) => (v && /^\d{4}$/.test(v) ? Number(v) : Number.NaN);

/** Creating documents, sections, goals and activities (API and forms) and reordering activities. */
export function registerPolicyCreateRoutes(app: FastifyInstance, db: Db, tenant: TenantConfig) {
  const m = tenant.municipality.code;
  const edit = { onRequest: requirePermission("policy.edit") };

  app.post<{
    Body: {
      soort: string;
      titel: string;
      eersteJaar: number;
      laatsteJaar: number;
      status?: string;
      vindplaats?: string;
      inleiding?: string;
      code?: string;
    };
  }>(
    "/api/v1/beleidsdocumenten",
    {
      ...edit,
      schema: createOperation({
        operationId: "createBeleidsdocument",
        summary: "Beleidsdocument aanmaken",
        tags: TAG,
        body: Type.Object(
          {
            soort: Type.Enum([...DOCUMENT_KINDS], { type: "string" }),
            titel: Title(),
            eersteJaar: DocumentYear(),
            laatsteJaar: DocumentYear(),
            status: Type.Optional(Type.Enum([...DOCUMENT_STATES], { type: "string" })),
            vindplaats: Type.Optional(Text(TITLE_MAX)),
            inleiding: Type.Optional(Text(BODY_MAX)),
            code: Type.Optional(Type.String({ pattern: CODE_PATTERN, maxLength: 80 })),
          },
          { additionalProperties: false },
        ),
      }),
    },
    async (request, reply) => {
      const b = request.body;
      const doc = await createDocument(db, actorOf(request), {
        kind: b.soort,
        title: b.titel,
        firstYear: b.eersteJaar,
        lastYear: b.laatsteJaar,
        state: b.status,
        officialReference: b.vindplaats,
        intro: b.inleiding,
        slug: b.code,
      });
      return reply.status(201).send({ id: doc.id, code: doc.slug });
    },
  );

  app.patch<{
    Params: { document: string };
    Body: {
      titel?: string;
      status?: string;
      vindplaats?: string | null;
      gearchiveerd?: boolean;
      vervangt?: string | null;
    };
  }>(
    "/api/v1/beleidsdocumenten/:document",
    {
      ...edit,
      schema: changeOperation({
        operationId: "updateBeleidsdocument",
        summary: "Beleidsdocument wijzigen (titel, status, vindplaats, archiveren)",
        tags: TAG,
        params: RefParams("document"),
        body: Type.Object(
          {
            titel: Type.Optional(Title()),
            status: Type.Optional(Type.Enum([...DOCUMENT_STATES], { type: "string" })),
            vindplaats: Type.Optional(Type.Union([Text(TITLE_MAX), Type.Null()])),
            gearchiveerd: Type.Optional(Type.Boolean()),
            vervangt: Type.Optional(
              Type.Union([
                Ref({
                  description: "Code of id van het document dat dit document vervangt",
                }),
                Type.Null(),
              ]),
            ),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
      }),
    },
    async (request, reply) => {
      const doc = await resolveDocument(db, m, request.params.document);
      const b = request.body;
      await editDocument(db, actorOf(request), doc.id, {
        title: b.titel,
        state: b.status,
        officialReference: b.vindplaats,
        archived: b.gearchiveerd,
        succeeds: b.vervangt,
      });
      return reply.status(204).send();
    },
  );

  app.post<{
    Params: { document: string };
    Body: { soort: string; titel: string; tekst?: string; ouder?: string };
  }>(
    "/api/v1/beleidsdocumenten/:document/onderdelen",
    {
      ...edit,
      schema: createOperation({
        operationId: "createOnderdeel",
        summary: "Onderdeel (programma, thema, pijler, werkgebied) toevoegen",
        tags: TAG,
        params: RefParams("document"),
        body: Type.Object(
          {
            soort: Type.Enum([...SECTION_KINDS], { type: "string" }),
            titel: Title(),
            tekst: Type.Optional(Text(BODY_MAX)),
            ouder: Type.Optional(
              Ref({ description: "Code of id van het bovenliggende onderdeel" }),
            ),
          },
          { additionalProperties: false },
        ),
        errors: [404],
      }),
    },
    async (request, reply) => {
      const b = request.body;
      const s = await createSection(db, actorOf(request), {
        document: request.params.document,
        kind: b.soort,
        title: b.titel,
        body: b.tekst,
        parent: b.ouder,
      });
      return reply.status(201).send({ id: s.id, code: s.slug });
    },
  );

  app.post<{
    Body: {
      document: string;
      niveau: string;
      tekst: string;
      onderdeel?: string;
      ouder?: string;
      nummer?: string;
    };
  }>(
    "/api/v1/doelen",
    {
      ...edit,
      schema: createOperation({
        operationId: "createDoel",
        summary: "Doel toevoegen",
        tags: TAG,
        body: Type.Object(
          {
            document: Ref(),
            niveau: Type.Enum([...GOAL_LEVELS], { type: "string" }),
            tekst: Text(STATEMENT_MAX, { minLength: 1 }),
            onderdeel: Type.Optional(Ref()),
            ouder: Type.Optional(Id()),
            nummer: Type.Optional(Type.String({ maxLength: 20 })),
          },
          { additionalProperties: false },
        ),
        errors: [404],
      }),
    },
    async (request, reply) => {
      const b = request.body;
      const g = await createGoal(db, actorOf(request), {
        document: b.document,
        level: b.niveau,
        text: b.tekst,
        section: b.onderdeel,
        parent: b.ouder,
        number: b.nummer,
      });
      return reply.status(201).send({ id: g.id, code: g.slug });
    },
  );

  app.post<{ Body: { document: string; onderdeel: string; tekst: string; doelen?: string[] } }>(
    "/api/v1/activiteiten",
    {
      ...edit,
      schema: createOperation({
        operationId: "createActiviteit",
        summary: "Activiteit toevoegen (met een jaar per jaar van het document)",
        tags: TAG,
        body: Type.Object(
          {
            document: Ref(),
            onderdeel: Ref(),
            tekst: Text(STATEMENT_MAX, { minLength: 1 }),
            doelen: Type.Optional(Type.Array(Id(), { maxItems: 50 })),
          },
          { additionalProperties: false },
        ),
        errors: [404],
      }),
    },
    async (request, reply) => {
      const b = request.body;
      const a = await createActivity(db, actorOf(request), {
        document: b.document,
        section: b.onderdeel,
        text: b.tekst,
        goals: b.doelen,
      });
      return reply.status(201).send({ id: a.id, code: a.slug });
    },
  );

  // Forms
  app.post<{ Body: Form }>(
    "/beleid",
    { ...edit, schema: { body: FormBody() } },
    async (request, reply) => {
      const b = request.body ?? {};
      return submitForm(reply, {
        write: () =>
          createDocument(db, actorOf(request), {
            kind: b.soort ?? "",
            title: b.titel ?? "",
            firstYear: year(b.eersteJaar),
            lastYear: year(b.laatsteJaar || b.eersteJaar),
            officialReference: b.vindplaats,
          }),
        done: (doc) => ({ flash: `"${doc.title}" is aangemaakt.`, to: `/beleid/${doc.slug}` }),
        refused: async (errors) => (
          <DocumentsPage
            ctx={pageContext(request, reply, tenant)}
            documents={await listDocuments(db, m)}
            canEdit
            errors={errors}
            values={b}
          />
        ),
      });
    },
  );

  // The three "add" forms on a document page share one flow: create, flash, back to the page.
  const addForms: {
    path: string;
    done: string;
    make: (actor: Actor, b: Form, document: string) => Promise<unknown>;
  }[] = [
    {
      path: "onderdelen",
      done: "Het onderdeel is toegevoegd.",
      make: (actor, b, document) =>
        createSection(db, actor, {
          document,
          kind: b.soort ?? "",
          title: b.titel ?? "",
          body: b.tekst,
          parent: b.ouder || undefined,
        }),
    },
    {
      path: "doelen",
      done: "Het doel is toegevoegd.",
      make: (actor, b, document) =>
        createGoal(db, actor, {
          document,
          level: b.niveau ?? "",
          text: b.tekst ?? "",
          section: b.onderdeel || undefined,
        }),
    },
    {
      path: "activiteiten",
      done: "De activiteit is toegevoegd.",
      make: (actor, b, document) =>
        createActivity(db, actor, { document, section: b.onderdeel ?? "", text: b.tekst ?? "" }),
    },
  ];
  for (const form of addForms) {
    app.post<{ Params: { document: string }; Body: Form }>(
      `/beleid/:document/${form.path}`,
      { ...edit, schema: { params: RefParams("document"), body: FormBody() } },
      async (request, reply) => {
        const back = `/beleid/${request.params.document}#beheer`;
        return submitAndReturn(reply, {
          write: () => form.make(actorOf(request), request.body ?? {}, request.params.document),
          done: () => ({ flash: form.done, to: back }),
          back,
        });
      },
    );
  }

  registerMoveRoute(app, db, "activiteit", {
    path: "/activiteiten/:id/verplaatsen",
    params: Type.Object({ id: Id() }),
    target: async (params) => ({ id: params.id ?? "", back: `/activiteiten/${params.id}` }),
  });
}
