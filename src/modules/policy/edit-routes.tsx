import type { FastifyInstance } from "fastify";
import { type TSchema, Type } from "typebox";
import type { TenantConfig } from "../../config/tenant.js";
import type { Db } from "../../db/executor.js";
import { assertValid, type FieldError, notFound } from "../../platform/errors.js";
import { setFlash } from "../../platform/flash.js";
import { FormBody, Id, RefParams } from "../../platform/schema-types.js";
import { isUuid } from "../../platform/values.js";
import { movedMessage, submitAndReturn, submitForm } from "../../web/form-route.js";
import { pageContext } from "../../web/page-context.js";
import { sendPage } from "../../web/render.js";
import { actorOf, hasPermission, requirePermission } from "../accounts/index.js";
import { moveItem } from "./create-service.js";
import { editDocument, editGoal, editSection } from "./edit-service.js";
import { GoalPage } from "./edit-views.js";
import * as repo from "./repository.js";
import { type GoalNode, getDocumentTree, resolveDocument, type SectionNode } from "./service.js";

type Form = Record<string, string | undefined>;
const optionalNumber = (v: string | undefined) =>
  v === undefined || v.trim() === "" ? undefined : Number(v.replace(",", "."));

function findGoalNode(
  sections: SectionNode[],
  loose: GoalNode[],
  id: string,
): GoalNode | undefined {
  const inGoals = (nodes: GoalNode[]): GoalNode | undefined => {
    for (const n of nodes) {
      if (n.goal.id === id) return n;
      const inner = inGoals(n.children);
      if (inner) return inner;
    }
    return undefined;
  };
  const inSections = (nodes: SectionNode[]): GoalNode | undefined => {
    for (const s of nodes) {
      const found = inGoals(s.goals) ?? inSections(s.children);
      if (found) return found;
    }
    return undefined;
  };
  return inGoals(loose) ?? inSections(sections);
}

const MOVABLE_NOUN = { activiteit: "de activiteit", doel: "het doel", onderdeel: "het onderdeel" };

/** A "Verplaats omhoog/omlaag" form's route: `target` finds the item and the page to go back to. */
export function registerMoveRoute(
  app: FastifyInstance,
  db: Db,
  kind: keyof typeof MOVABLE_NOUN,
  route: {
    path: string;
    params: TSchema;
    target: (params: Record<string, string | undefined>) => Promise<{ id: string; back: string }>;
  },
) {
  app.post<{ Params: Record<string, string | undefined>; Body: Form }>(
    route.path,
    {
      onRequest: requirePermission("policy.edit"),
      schema: { params: route.params, body: FormBody() },
    },
    async (request, reply) => {
      const { id, back } = await route.target(request.params);
      const direction = request.body?.richting === "omhoog" ? "omhoog" : "omlaag";
      const moved = await moveItem(db, actorOf(request), kind, id, direction);
      setFlash(reply, movedMessage(moved, MOVABLE_NOUN[kind], direction));
      return reply.redirect(back, 303);
    },
  );
}

/** Edit forms for goals, sections and documents, and reordering goals and sections. */
export function registerPolicyEditRoutes(app: FastifyInstance, db: Db, tenant: TenantConfig) {
  const m = tenant.municipality.code;
  const edit = { onRequest: requirePermission("policy.edit") };
  const goalForm = { ...edit, schema: { params: Type.Object({ id: Id() }), body: FormBody() } };
  const sectionForm = {
    ...edit,
    schema: { params: RefParams("document", "section"), body: FormBody() },
  };
  const documentForm = { ...edit, schema: { params: RefParams("document"), body: FormBody() } };

  const goalPage = async (id: string) => {
    const found = isUuid(id) ? await repo.findGoal(db, id) : undefined;
    if (!found || found.document.municipalityCode !== m) throw notFound(`Er is geen doel "${id}".`);
    const tree = await getDocumentTree(db, m, found.document.id);
    const node = findGoalNode(tree.sections, tree.looseGoals, id) ?? {
      goal: found.goal,
      children: [],
      rollup: undefined,
    };
    const section = found.goal.sectionId
      ? (await repo.findSectionById(db, found.goal.sectionId))?.section
      : undefined;
    return { document: found.document, node, section, year: tree.year };
  };

  app.get<{ Params: { id: string } }>("/doelen/:id", async (request, reply) => {
    const data = await goalPage(request.params.id);
    const canEdit = hasPermission(request.account?.roles ?? [], "policy.edit");
    return sendPage(
      reply,
      <GoalPage ctx={pageContext(request, reply, tenant)} {...data} canEdit={canEdit} />,
    );
  });

  app.post<{ Params: { id: string }; Body: Form }>(
    "/doelen/:id/bewerken",
    goalForm,
    async (request, reply) => {
      const b = request.body ?? {};
      const id = request.params.id;
      return submitForm(reply, {
        write: async () => {
          const weight = optionalNumber(b.gewicht);
          const targetYear = optionalNumber(b.streefjaar);
          const errors: FieldError[] = [];
          if (targetYear !== undefined && !Number.isInteger(targetYear))
            errors.push({ field: "streefjaar", message: "Streefjaar moet een jaartal zijn." });
          assertValid(errors);
          await editGoal(db, actorOf(request), id, {
            text: b.tekst,
            targetValue: b.streefwaarde?.trim() || null,
            targetYear: targetYear ?? null,
            owner: b.eigenaar?.trim() || null,
            weight,
            notApplicable: b.nvt === "ja",
            archived: b.archiveren === "ja",
          });
        },
        done: () => ({ flash: "Het doel is opgeslagen.", to: `/doelen/${id}` }),
        refused: async (errors) => (
          <GoalPage
            ctx={pageContext(request, reply, tenant)}
            {...(await goalPage(id))}
            canEdit
            errors={errors}
            values={b}
          />
        ),
      });
    },
  );

  const sectionOf = async (document: string, slug: string) => {
    const doc = await resolveDocument(db, m, document);
    const section = (await repo.loadDocumentContent(db, doc.id)).sections.find(
      (s) => s.slug === slug,
    );
    if (!section) throw notFound(`Het document heeft geen onderdeel "${slug}".`);
    return { doc, section };
  };

  app.post<{ Params: { document: string; section: string }; Body: Form }>(
    "/beleid/:document/onderdelen/:section/bewerken",
    sectionForm,
    async (request, reply) => {
      const { doc, section } = await sectionOf(request.params.document, request.params.section);
      const b = request.body ?? {};
      const archived = b.archiveren === "ja";
      const page = `/beleid/${doc.slug}/onderdelen/${section.slug}`;
      return submitAndReturn(reply, {
        write: () =>
          editSection(db, actorOf(request), section.id, {
            title: b.titel,
            body: b.tekst,
            archived,
          }),
        done: () =>
          archived
            ? { flash: "Het onderdeel is gearchiveerd.", to: `/beleid/${doc.slug}` }
            : { flash: "Het onderdeel is opgeslagen.", to: page },
        back: page,
      });
    },
  );

  app.post<{ Params: { document: string }; Body: Form }>(
    "/beleid/:document/bewerken",
    documentForm,
    async (request, reply) => {
      const doc = await resolveDocument(db, m, request.params.document);
      const b = request.body ?? {};
      const archived = b.archiveren === "ja";
      return submitAndReturn(reply, {
        write: () =>
          editDocument(db, actorOf(request), doc.id, {
            title: b.titel,
            state: b.status,
            officialReference: b.vindplaats ?? null,
            archived,
            succeeds: b.vervangt ?? null,
          }),
        done: () =>
          archived
            ? { flash: "Het document is gearchiveerd.", to: "/beleid" }
            : { flash: "Het document is opgeslagen.", to: `/beleid/${doc.slug}` },
        back: `/beleid/${doc.slug}#beheer`,
      });
    },
  );

  registerMoveRoute(app, db, "doel", {
    path: "/doelen/:id/verplaatsen",
    params: Type.Object({ id: Id() }),
    target: async (params) => ({ id: params.id ?? "", back: `/doelen/${params.id}` }),
  });
  registerMoveRoute(app, db, "onderdeel", {
    path: "/beleid/:document/onderdelen/:section/verplaatsen",
    params: RefParams("document", "section"),
    target: async (params) => {
      const { doc, section } = await sectionOf(params.document ?? "", params.section ?? "");
      return { id: section.id, back: `/beleid/${doc.slug}/onderdelen/${section.slug}` };
    },
  });
}
