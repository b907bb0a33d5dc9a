import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import type { TenantConfig } from "../../config/tenant.js";
import type { Db } from "../../db/executor.js";
import { AppError, badRequest, type FieldError } from "../../platform/errors.js";
import { setFlash } from "../../platform/flash.js";
import { findInvalidBodyText } from "../../platform/input-boundary.js";
import { FormBody, Id, PageNumber, PageQuery } from "../../platform/schema-types.js";
import { formErrors } from "../../web/form-errors.js";
import { submitForm } from "../../web/form-route.js";
import { pageContext } from "../../web/page-context.js";
import { sendPage } from "../../web/render.js";
import { callerOf, readerOf } from "./access.js";
import { REPORT_BODY_LIMIT } from "./api-routes.js";
import { ATTACHMENT_MAX_BYTES, tooLargeMessage } from "./attachment-rules.js";
import { addAttachment, removeAttachment } from "./attachment-service.js";
import { inputFromForm } from "./form-input.js";
import { requirePartner, requireReportWriter } from "./guards.js";
import { MyReportsPage, ReportEditPage } from "./partner-views.js";
import { getReport, listDueRequirements, listReportableSubsidies, listReports } from "./reads.js";
import { createReport, editReport, submitReport } from "./report-service.js";
import { isEditable, isoDay } from "./rules.js";

type Form = Record<string, string | undefined>;
const HOME = "/partner/verantwoordingen";
export const PARTNER_PAGE_SIZE = 25;
const IdParams = Type.Object({ id: Id() });

/** The partner portal part "Mijn verantwoordingen": list, new concept, edit, attachments, submit. */
export function registerPartnerReportRoutes(app: FastifyInstance, db: Db, tenant: TenantConfig) {
  const m = tenant.municipality.code;
  const writer = requireReportWriter(db, m);
  const reader = (request: FastifyRequest) => ({ ...readerOf(request), loggedIn: true });

  const listPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    page: number,
    refused?: { errors: FieldError[]; values: Form },
  ) => {
    const own = readerOf(request).organisationIds;
    const list = await listReports(db, m, readerOf(request), {}, page, PARTNER_PAGE_SIZE);
    return (
      <MyReportsPage
        ctx={pageContext(request, reply, tenant)}
        reports={list.rows}
        paging={list}
        due={await listDueRequirements(db, m, isoDay(new Date()), own)}
        subsidies={await listReportableSubsidies(db, m, own)}
        errors={refused?.errors}
        values={refused?.values}
      />
    );
  };

  app.get<{ Querystring: { pagina?: number } }>(
    HOME,
    {
      onRequest: requirePartner,
      schema: { querystring: PageQuery({ pagina: Type.Optional(PageNumber()) }) },
    },
    async (request, reply) =>
      sendPage(reply, await listPage(request, reply, request.query.pagina ?? 1)),
  );

  app.post<{ Body: Form }>(
    HOME,
    { onRequest: requirePartner, schema: { body: FormBody() } },
    async (request, reply) => {
      const b = request.body ?? {};
      return submitForm(reply, {
        write: () =>
          createReport(db, callerOf(request), {
            subsidyId: b.subsidie ?? "",
            periodStart: b.periodeBegin?.trim() || undefined,
            periodEnd: b.periodeEinde?.trim() || undefined,
          }),
        done: (row) => ({
          flash: "Het concept is aangemaakt. Vul de verantwoording in en sla haar op.",
          to: `${HOME}/${row.id}/bewerken`,
        }),
        refused: (errors) => listPage(request, reply, 1, { errors, values: b }),
      });
    },
  );

  const editPage = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    refused?: { errors: FieldError[]; values?: Form },
  ) => (
    <ReportEditPage
      ctx={pageContext(request, reply, tenant)}
      d={await getReport(db, m, reader(request), request.params.id)}
      errors={refused?.errors}
      values={refused?.values}
    />
  );

  app.get<{ Params: { id: string } }>(
    `${HOME}/:id/bewerken`,
    { onRequest: writer, schema: { params: IdParams } },
    async (request, reply) => {
      const d = await getReport(db, m, reader(request), request.params.id);
      // A submitted or approved report is read, not edited: its own page says where it stands.
      if (!isEditable(d.report.state))
        return reply.redirect(`/verantwoordingen/${d.report.id}`, 303);
      return sendPage(reply, await editPage(request, reply));
    },
  );

  app.post<{ Params: { id: string }; Body: Form }>(
    `${HOME}/:id/bewerken`,
    {
      onRequest: writer,
      bodyLimit: REPORT_BODY_LIMIT,
      config: { maxBodyText: REPORT_BODY_LIMIT },
      schema: { params: IdParams, body: FormBody() },
    },
    async (request, reply) => {
      const b = request.body ?? {};
      return submitForm(reply, {
        write: async () => {
          const d = await getReport(db, m, reader(request), request.params.id);
          const { input, errors } = inputFromForm(b, d);
          if (errors.length > 0) throw badRequest(errors.map((e) => e.message).join(" "), errors);
          const version = Number(b.versie);
          return editReport(
            db,
            callerOf(request),
            d.report.id,
            Number.isInteger(version) ? version : 0,
            input,
          );
        },
        done: (row) => ({
          flash: "De verantwoording is opgeslagen.",
          to: `${HOME}/${row.id}/bewerken`,
        }),
        refused: (errors) => editPage(request, reply, { errors, values: b }),
      });
    },
  );

  app.post<{ Params: { id: string }; Body: Form }>(
    `${HOME}/:id/indienen`,
    { onRequest: writer, schema: { params: IdParams, body: FormBody() } },
    async (request, reply) =>
      submitForm(reply, {
        write: () => submitReport(db, callerOf(request), request.params.id),
        done: (row) => ({
          flash: "De verantwoording is ingediend. De gemeente beoordeelt haar; u krijgt bericht.",
          to: `/verantwoordingen/${row.id}`,
        }),
        refused: (errors) => editPage(request, reply, { errors }),
      }),
  );

  app.post<{ Params: { id: string; bijlage: string }; Body: Form }>(
    `${HOME}/:id/bijlagen/:bijlage/verwijderen`,
    {
      onRequest: writer,
      schema: { params: Type.Object({ id: Id(), bijlage: Id() }), body: FormBody() },
    },
    async (request, reply) => {
      const { id, bijlage } = request.params;
      return submitForm(reply, {
        write: () => removeAttachment(db, callerOf(request), id, bijlage),
        done: () => ({ flash: "De bijlage is verwijderd.", to: `${HOME}/${id}/bewerken` }),
        refused: (errors) => editPage(request, reply, { errors }),
      });
    },
  );

  // Uploads are multipart/form-data, parsed only in this scope and only after the guard (onRequest)
  // has let the partner of this report through. The file is read into memory up to the limit; the
  // CSRF token (the form's first field) is checked before anything is stored.
  app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 4, parts: 5, fieldSize: 4096 },
    });
    scope.post<{ Params: { id: string } }>(
      `${HOME}/:id/bijlagen`,
      {
        onRequest: writer,
        config: { multipartForm: true },
        schema: { params: IdParams },
      },
      async (request, reply) => {
        let upload: { fileName: string; content: Buffer } | undefined;
        let problem: AppError | undefined;
        const fields: Record<string, string> = {};
        if (!request.isMultipart())
          problem = badRequest("Kies een bestand om toe te voegen.", [
            { field: "bijlage", message: "Bijlage: kies een bestand om toe te voegen." },
          ]);
        else {
          try {
            for await (const part of request.parts()) {
              if (part.type === "file")
                upload = { fileName: part.filename, content: await part.toBuffer() };
              else fields[part.fieldname] = String(part.value);
            }
          } catch (error) {
            const code = (error as { code?: string }).code;
            if (code !== "FST_REQ_FILE_TOO_LARGE" && !code?.startsWith("FST_")) throw error;
            const message =
              code === "FST_REQ_FILE_TOO_LARGE"
                ? tooLargeMessage
                : "Bijlage: stuur één bestand met het formulier, niets meer.";
            problem = new AppError(413, "Bestand te groot", message, [
              { field: "bijlage", message },
            ]);
          }
        }
        if (request.isMultipart()) {
          // The global check skipped this multipart form (config.multipartForm): check it here.
          const invalid = findInvalidBodyText(fields, 4096);
          if (invalid) throw badRequest(invalid.message, [invalid]);
          request.body = fields;
          await new Promise<void>((resolve, reject) => {
            app.csrfProtection(request, reply, (error?: Error) =>
              error ? reject(error) : resolve(),
            );
          });
        }
        const id = request.params.id;
        try {
          if (problem) throw problem;
          if (!upload || upload.content.length === 0)
            throw badRequest("Kies een bestand om toe te voegen.", [
              { field: "bijlage", message: "Bijlage: kies een bestand om toe te voegen." },
            ]);
          const row = await addAttachment(db, callerOf(request), id, upload);
          setFlash(reply, `Bijlage "${row.fileName}" is toegevoegd.`);
          return reply.redirect(`${HOME}/${id}/bewerken`, 303);
        } catch (error) {
          // A refused file (its type, size or count) comes back on the edit page with the reason.
          const status = error instanceof AppError && error.status === 413 ? 413 : undefined;
          const refused =
            status === 413 && error instanceof AppError
              ? { status, errors: error.fieldErrors }
              : formErrors(error);
          return sendPage(
            reply,
            await editPage(request, reply, { errors: refused.errors }),
            refused.status,
          );
        }
      },
    );
  });
}
