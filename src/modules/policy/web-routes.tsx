import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type TProperties, Type } from "typebox";
import type { TenantConfig } from "../../config/tenant.js";
import type { Db } from "../../db/executor.js";
import { AppError, notFound } from "../../platform/errors.js";
import { FormBody, Id } from "../../platform/schema-types.js";
import { submitForm } from "../../web/form-route.js";
import { pageContext } from "../../web/page-context.js";
import { sendPage } from "../../web/render.js";
import { actorOf, hasPermission, requirePermission } from "../accounts/index.js";
import { ActivityPage } from "./activity-view.js";
import { AnnualReportPage } from "./annual-report-view.js";
import { DocumentPage } from "./document-view.js";
import { DocumentsPage } from "./documents-view.js";
import { carryOverActivity, editActivity } from "./edit-service.js";
import { SectionPage } from "./section-view.js";
import {
  changeActivityStatus,
  findSection,
  getActivity,
  getAnnualReport,
  getDocumentTree,
  listDocuments,
  type SectionNode,
} from "./service.js";
import { listVersions } from "./version-service.js";

const yearOf = (raw: string | undefined) => (raw && /^\d{4}$/.test(raw) ? Number(raw) : undefined);

export function registerPolicyWebRoutes(app: FastifyInstance, db: Db, tenant: TenantConfig) {
  const m = tenant.municipality.code;
  const canEditPolicy = (request: FastifyRequest) =>
    hasPermission(request.account?.roles ?? [], "policy.edit");
  const treeOf = (document: string, year: string | undefined) =>
    getDocumentTree(db, m, document, yearOf(year));
  const activityForm = (fields: TProperties = {}) => ({
    onRequest: requirePermission("policy.edit"),
    schema: { params: Type.Object({ id: Id() }), body: FormBody(fields) },
  });
  /**
   * An activity form: the write, then back to the activity page with `flash`; refused, the page
   * again with the error summary and what was sent.
   */
  const submitActivityForm = <T,>(
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    form: {
      write: () => Promise<T>;
      flash: (result: T) => string;
      values?: Parameters<typeof ActivityPage>[0]["values"];
    },
  ) =>
    submitForm(reply, {
      write: form.write,
      done: (result) => ({ flash: form.flash(result), to: `/activiteiten/${request.params.id}` }),
      refused: async (errors) => (
        <ActivityPage
          ctx={pageContext(request, reply, tenant)}
          data={await getActivity(db, m, request.params.id)}
          canEdit
          errors={errors}
          values={form.values}
        />
      ),
    });

  app.get("/beleid", async (request, reply) => {
    return sendPage(
      reply,
      <DocumentsPage
        ctx={pageContext(request, reply, tenant)}
        documents={await listDocuments(db, m)}
        canEdit={canEditPolicy(request)}
      />,
    );
  });

  app.get<{ Params: { document: string }; Querystring: { jaar?: string } }>(
    "/beleid/:document",
    async (request, reply) => {
      const tree = await treeOf(request.params.document, request.query.jaar);
      const documents = await listDocuments(db, m);
      const annualReports = documents.filter((d) => d.accountsForId === tree.document.id);
      const versions = await listVersions(db, m, tree.document.id);
      return sendPage(
        reply,
        <DocumentPage
          ctx={pageContext(request, reply, tenant)}
          canEdit={canEditPolicy(request)}
          tree={tree}
          annualReports={annualReports}
          versions={versions}
          others={documents}
        />,
      );
    },
  );

  app.get<{ Params: { document: string; section: string }; Querystring: { jaar?: string } }>(
    "/beleid/:document/onderdelen/:section",
    async (request, reply) => {
      const tree = await treeOf(request.params.document, request.query.jaar);
      const node = findSection(tree.sections, request.params.section);
      if (!node) throw notFound(`Het document heeft geen onderdeel "${request.params.section}".`);
      const parent = node.section.parentId
        ? findSectionById(tree.sections, node.section.parentId)
        : undefined;
      return sendPage(
        reply,
        <SectionPage
          ctx={pageContext(request, reply, tenant)}
          canEdit={canEditPolicy(request)}
          tree={tree}
          node={node}
          parentGoals={parent?.goals ?? []}
        />,
      );
    },
  );

  app.get<{ Params: { document: string } }>(
    "/beleid/:document/jaarverslag",
    async (request, reply) => {
      const report = await getAnnualReport(db, m, request.params.document);
      return sendPage(
        reply,
        <AnnualReportPage ctx={pageContext(request, reply, tenant)} {...report} />,
      );
    },
  );

  app.get<{ Params: { id: string } }>("/activiteiten/:id", async (request, reply) => {
    const data = await getActivity(db, m, request.params.id);
    const canEdit = canEditPolicy(request);
    return sendPage(
      reply,
      <ActivityPage ctx={pageContext(request, reply, tenant)} data={data} canEdit={canEdit} />,
    );
  });

  app.post<{
    Params: { id: string };
    Body: {
      jaar?: string;
      status?: string;
      toelichting?: string;
      elders?: string;
      realisatie?: string;
    };
  }>("/activiteiten/:id/status", activityForm(), async (request, reply) => {
    const b = request.body ?? {};
    const values = {
      jaar: b.jaar ?? "",
      status: b.status ?? "",
      toelichting: b.toelichting ?? "",
      elders: b.elders ?? "",
      realisatie: b.realisatie,
    };
    return submitActivityForm(request, reply, {
      write: async () => {
        const year = yearOf(values.jaar);
        if (year === undefined)
          throw new AppError(400, "Ongeldige invoer", "Kies een jaar.", [
            { field: "jaar", message: "Kies een jaar." },
          ]);
        await changeActivityStatus(db, actorOf(request), request.params.id, year, {
          status: values.status,
          explanation: values.toelichting,
          elsewhere: values.elders,
          realisation: values.realisatie?.trim() ? values.realisatie : undefined,
        });
      },
      flash: () => "De status is opgeslagen.",
      values,
    });
  });

  app.post<{
    Params: { id: string };
    Body: {
      tekst?: string;
      gewicht?: string;
      nvt?: string;
      archiveren?: string;
      doelen?: string | string[];
      doelenVeld?: string;
    };
  }>(
    "/activiteiten/:id/bewerken",
    activityForm({
      doelen: Type.Optional(Type.Union([Id(), Type.Array(Id(), { maxItems: 200 })])),
    }),
    async (request, reply) => {
      const b = request.body ?? {};
      const weight =
        b.gewicht === undefined || b.gewicht === ""
          ? undefined
          : Number(b.gewicht.replace(",", "."));
      return submitActivityForm(request, reply, {
        write: () =>
          editActivity(db, actorOf(request), request.params.id, {
            text: b.tekst,
            weight,
            notApplicable: b.nvt === "ja",
            archived: b.archiveren === "ja",
            // Unchecked boxes are not sent: the hidden field says the goal list was on the form.
            goalIds: b.doelenVeld ? [b.doelen ?? []].flat() : undefined,
          }),
        flash: () =>
          b.archiveren === "ja" ? "De activiteit is gearchiveerd." : "De activiteit is opgeslagen.",
        values: { tekst: b.tekst, gewicht: b.gewicht },
      });
    },
  );

  app.post<{ Params: { id: string } }>(
    "/activiteiten/:id/doorschuiven",
    activityForm(),
    async (request, reply) => {
      return submitActivityForm(request, reply, {
        write: () => carryOverActivity(db, actorOf(request), request.params.id),
        flash: (next) => `De activiteit is doorgeschoven naar ${next.year}.`,
      });
    },
  );
}

function findSectionById(nodes: SectionNode[], id: string): SectionNode | undefined {
  for (const n of nodes) {
    if (n.section.id === id) return n;
    const inner = findSectionById(n.children, id);
    if (inner) return inner;
  }
  return undefined;
}
