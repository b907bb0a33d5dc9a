import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import type { TenantConfig } from "../../config/tenant.js";
import type { Db } from "../../db/executor.js";
import type { FieldError } from "../../platform/errors.js";
import { FormBody, Id, PageQuery } from "../../platform/schema-types.js";
import { isUuid } from "../../platform/values.js";
import { submitForm } from "../../web/form-route.js";
import { pageContext } from "../../web/page-context.js";
import { sendPage } from "../../web/render.js";
import { actorOf, requirePermission } from "../accounts/index.js";
import { listOrganisationChoices } from "../organisations/index.js";
import { mayWrite, readerOf, readerWithLogin } from "./access.js";
import { sendAttachment } from "./attachment-download.js";
import { readAttachment } from "./attachment-service.js";
import { getReport, listDueRequirements, listReports } from "./reads.js";
import { ReportPage } from "./report-view.js";
import { reviewReport } from "./review-service.js";
import { isEditable, isoDay } from "./rules.js";
import { REPORT_STATES, type ReportState } from "./schema.js";
import { type DashboardFilter, DashboardPage, ReviewPage } from "./staff-views.js";

type Form = Record<string, string | undefined>;
const IdParams = Type.Object({ id: Id() });
export const DASHBOARD_PAGE_SIZE = 25;

/** The report page, its attachments, and the staff dashboard and review screen. */
export function registerAccountabilityWebRoutes(
  app: FastifyInstance,
  db: Db,
  tenant: TenantConfig,
) {
  const m = tenant.municipality.code;
  const reader = readerWithLogin;

  app.get<{ Params: { id: string } }>(
    "/verantwoordingen/:id",
    { schema: { params: IdParams } },
    async (request, reply) => {
      const who = reader(request);
      const d = await getReport(db, m, who, request.params.id);
      return sendPage(
        reply,
        <ReportPage
          ctx={pageContext(request, reply, tenant)}
          d={d}
          staff={who.staff}
          canEdit={mayWrite(who, d.organisationId) && isEditable(d.report.state)}
        />,
      );
    },
  );

  app.get<{ Params: { id: string; bijlage: string } }>(
    "/verantwoordingen/:id/bijlagen/:bijlage/bestand.bin",
    { schema: { params: Type.Object({ id: Id(), bijlage: Id() }) } },
    async (request, reply) => {
      const row = await readAttachment(
        db,
        m,
        reader(request),
        request.params.id,
        request.params.bijlage,
      );
      return sendAttachment(reply, row);
    },
  );

  const staff = { onRequest: requirePermission("subsidies.manage") };

  app.get<{ Querystring: DashboardFilter & { pagina?: string } }>(
    "/beheer/verantwoordingen",
    { ...staff, schema: { querystring: PageQuery() } },
    async (request, reply) => {
      const q = request.query;
      const errors: FieldError[] = [];
      const state =
        q.status && (REPORT_STATES as readonly string[]).includes(q.status) ? q.status : undefined;
      if (q.status && !state)
        errors.push({ field: "status", message: "Status: kies een bestaande status." });
      if (q.organisatie && !isUuid(q.organisatie))
        errors.push({
          field: "organisatie",
          message: "Organisatie: kies een organisatie uit de lijst.",
        });
      const year = q.jaar?.trim() ? Number(q.jaar) : undefined;
      if (year !== undefined && !(Number.isInteger(year) && year >= 1900 && year <= 2100))
        errors.push({
          field: "jaar",
          message: "Subsidiejaar moet een jaartal zijn, bijvoorbeeld 2026.",
        });
      const requested = Number.parseInt(q.pagina ?? "1", 10);
      const page = requested >= 1 && requested <= 100_000 ? requested : 1;
      const list =
        errors.length > 0
          ? { rows: [], total: 0, page: 1, pages: 1 }
          : await listReports(
              db,
              m,
              readerOf(request),
              {
                states: state ? [state as ReportState] : undefined,
                organisationId: q.organisatie || undefined,
                year,
              },
              page,
              DASHBOARD_PAGE_SIZE,
            );
      return sendPage(
        reply,
        <DashboardPage
          ctx={pageContext(request, reply, tenant)}
          due={await listDueRequirements(db, m, isoDay(new Date()))}
          waiting={
            (await listReports(db, m, readerOf(request), { states: ["ingediend"] }, 1, 100)).rows
          }
          reports={list.rows}
          paging={list}
          filter={q}
          organisations={await listOrganisationChoices(db, m)}
          errors={errors}
        />,
        errors.length > 0 ? 400 : 200,
      );
    },
  );

  const reviewPage = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    refused?: { errors: FieldError[]; values: Form },
  ) => (
    <ReviewPage
      ctx={pageContext(request, reply, tenant)}
      d={await getReport(db, m, reader(request), request.params.id)}
      errors={refused?.errors}
      values={refused?.values}
    />
  );

  app.get<{ Params: { id: string } }>(
    "/beheer/verantwoordingen/:id/beoordelen",
    { ...staff, schema: { params: IdParams } },
    async (request, reply) => sendPage(reply, await reviewPage(request, reply)),
  );

  app.post<{ Params: { id: string }; Body: Form }>(
    "/beheer/verantwoordingen/:id/beoordelen",
    { ...staff, schema: { params: IdParams, body: FormBody() } },
    async (request, reply) => {
      const b = request.body ?? {};
      return submitForm(reply, {
        write: () =>
          reviewReport(db, actorOf(request), request.params.id, {
            decision: b.besluit,
            comment: b.toelichting,
            progressTalkOn: b.voortgangsgesprekOp,
            progressTalkNotes: b.voortgangsgesprekNotities,
          }),
        done: (row) => ({
          flash:
            row.state === "akkoord"
              ? "Akkoord: de verantwoording is vergrendeld en openbaar; de indicatorwaarden staan in de monitor."
              : "De verantwoording is teruggestuurd met uw toelichting; de partner krijgt bericht.",
          to: "/beheer/verantwoordingen",
        }),
        refused: (errors) => reviewPage(request, reply, { errors, values: b }),
      });
    },
  );
}
