import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import type { TenantConfig } from "../../config/tenant.js";
import type { Db } from "../../db/executor.js";
import { assertValid, type FieldError, notFound } from "../../platform/errors.js";
import { setFlash } from "../../platform/flash.js";
import { FormBody, Id, RefParams } from "../../platform/schema-types.js";
import { isUuid } from "../../platform/values.js";
import { formErrors } from "../../web/form-errors.js";
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
      try {
        const weight = optionalNumber(b.gewicht);
        const targetYear = optionalNumber(b.streefjaar);
        const errors: FieldError[] = [];
        if (targetYear !== undefined && !Number.isInteger(targetYear))
          errors.push({ field: "streefjaar", message: "Streefjaar moet een jaartal zijn." });
        if (weight !== undefined && Number.isNaN(weight))
          errors.push({ field: "gewicht", message: "Gewicht moet een getal zijn." });
        assertValid(errors);
        await editGoal(db, actorOf(request), request.params.id, {
          text: b.tekst,
          targetValue: b.streefwaarde?.trim() || null,
          targetYear: targetYear ?? null,
          owner: b.eigenaar?.trim() || null,
          weight,
          notApplicable: b.nvt === "ja",
          archived: b.archiveren === "ja",
        });
      } catch (error) {
        const { status, errors } = formErrors(error);
        const data = await goalPage(request.params.id);
        return sendPage(
          reply,
          <GoalPage ctx={pageContext(request, reply, tenant)} {...data} canEdit errors={errors} />,
          status,
        );
      }
      setFlash(reply, "Het doel is opgeslagen.");
      return reply.redirect(`/doelen/${request.params.id}`, 303);
    },
  );

  app.post<{ Params: { id: string }; Body: Form }>(
    "/doelen/:id/verplaatsen",
    goalForm,
    async (request, reply) => {
      const direction = request.body?.richting === "omhoog" ? "omhoog" : "omlaag";
      const moved = await moveItem(db, actorOf(request), "doel", request.params.id, direction);
      setFlash(
        reply,
        moved ? `Het doel is ${direction} verplaatst.` : "Het doel staat al bovenaan of onderaan.",
      );
      return reply.redirect(`/doelen/${request.params.id}`, 303);
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
      try {
        await editSection(db, actorOf(request), section.id, {
          title: b.titel,
          body: b.tekst,
          archived: b.archiveren === "ja",
        });
      } catch (error) {
        setFlash(
          reply,
          `Niet opgeslagen: ${formErrors(error)
            .errors.map((e) => e.message)
            .join(" ")}`,
        );
        return reply.redirect(`/beleid/${doc.slug}/onderdelen/${section.slug}`, 303);
      }
      setFlash(
        reply,
        b.archiveren === "ja" ? "Het onderdeel is gearchiveerd." : "Het onderdeel is opgeslagen.",
      );
      return reply.redirect(
        b.archiveren === "ja"
          ? `/beleid/${doc.slug}`
          : `/beleid/${doc.slug}/onderdelen/${section.slug}`,
        303,
      );
    },
  );

  app.post<{ Params: { document: string; section: string }; Body: Form }>(
    "/beleid/:document/onderdelen/:section/verplaatsen",
    sectionForm,
    async (request, reply) => {
      const { doc, section } = await sectionOf(request.params.document, request.params.section);
      const direction = request.body?.richting === "omhoog" ? "omhoog" : "omlaag";
      const moved = await moveItem(db, actorOf(request), "onderdeel", section.id, direction);
      setFlash(
        reply,
        moved
          ? `Het onderdeel is ${direction} verplaatst.`
          : "Het onderdeel staat al bovenaan of onderaan.",
      );
      return reply.redirect(`/beleid/${doc.slug}/onderdelen/${section.slug}`, 303);
    },
  );

  app.post<{ Params: { document: string }; Body: Form }>(
    "/beleid/:document/bewerken",
    documentForm,
    async (request, reply) => {
      const doc = await resolveDocument(db, m, request.params.document);
      const b = request.body ?? {};
      try {
        await editDocument(db, actorOf(request), doc.id, {
          title: b.titel,
          state: b.status,
          officialReference: b.vindplaats ?? null,
          archived: b.archiveren === "ja",
          succeeds: b.vervangt ?? null,
        });
      } catch (error) {
        setFlash(
          reply,
          `Niet opgeslagen: ${formErrors(error)
            .errors.map((e) => e.message)
            .join(" ")}`,
        );
        return reply.redirect(`/beleid/${doc.slug}#beheer`, 303);
      }
      setFlash(
        reply,
        b.archiveren === "ja" ? "Het document is gearchiveerd." : "Het document is opgeslagen.",
      );
      return reply.redirect(b.archiveren === "ja" ? "/beleid" : `/beleid/${doc.slug}`, 303);
    },
  );
}
