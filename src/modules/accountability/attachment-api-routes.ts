import type { FastifyInstance, FastifyRequest } from "fastify";
import { Type } from "typebox";
import type { Db } from "../../db/executor.js";
import { apiSchema, changeOperation } from "../../platform/api.js";
import { badRequest } from "../../platform/errors.js";
import { Id } from "../../platform/schema-types.js";
import { callerOf, readerWithLogin } from "./access.js";
import { AttachmentJson, attachmentJson, TAG } from "./api-schemas.js";
import { sendAttachment } from "./attachment-download.js";
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, FILE_NAME_MAX } from "./attachment-rules.js";
import { addAttachment, readAttachment, removeAttachment } from "./attachment-service.js";
import { requireReportWriter } from "./guards.js";

const Params = Type.Object({ id: Id({ description: "Id van de verantwoording" }) });
const AttachmentParams = Type.Object({
  id: Id({ description: "Id van de verantwoording" }),
  bijlage: Id({ description: "Id van de bijlage" }),
});

const FILE_TYPES = "PDF, PNG of JPEG";

/**
 * The attachments of a report for partner systems (API token): upload as the raw file, remove,
 * and download. The same rules as the portal's upload: only the report's own partner, only while
 * it may change, the type read from the bytes, at most 5 MB. The body is read only after the
 * guard has let the partner of this report through, and only by this scope's parser.
 */
export function registerAttachmentApiRoutes(app: FastifyInstance, db: Db, municipality: string) {
  const writer = requireReportWriter(db, municipality);

  app.register(async (scope) => {
    scope.addContentTypeParser(
      [...ATTACHMENT_TYPES, "application/octet-stream"],
      { parseAs: "buffer", bodyLimit: ATTACHMENT_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.post<{ Params: { id: string }; Querystring: { bestandsnaam?: string }; Body: Buffer }>(
      "/api/v1/verantwoordingen/:id/bijlagen",
      {
        onRequest: writer,
        bodyLimit: ATTACHMENT_MAX_BYTES,
        schema: apiSchema({
          operationId: "addVerantwoordingBijlage",
          summary: "Bijlage toevoegen aan een concept of teruggestuurde verantwoording",
          description:
            `Stuur het bestand zelf als body (${FILE_TYPES}, hoogstens ` +
            `${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB). Het type volgt uit de inhoud, niet uit ` +
            "de naam of de Content-Type; de naam krijgt de extensie van dat type.",
          tags: TAG,
          params: Params,
          querystring: Type.Object({
            bestandsnaam: Type.Optional(
              Type.String({
                minLength: 1,
                maxLength: FILE_NAME_MAX,
                description: "Naam van het bestand (standaard: bijlage)",
              }),
            ),
          }),
          binaryBody: {
            mediaTypes: [...ATTACHMENT_TYPES, "application/octet-stream"],
            description: `Het bestand (${FILE_TYPES})`,
          },
          success: { 201: { description: "Toegevoegd", schema: AttachmentJson } },
          secured: true,
          errors: [404, 409, 413, 415],
        }),
      },
      async (request, reply) => {
        const content = request.body;
        if (!Buffer.isBuffer(content) || content.length === 0) {
          throw badRequest(`Stuur het bestand (${FILE_TYPES}) als body.`, [
            { field: "bijlage", message: `Bijlage: stuur het bestand (${FILE_TYPES}) als body.` },
          ]);
        }
        const id = request.params.id;
        const row = await addAttachment(db, callerOf(request), id, {
          fileName: request.query.bestandsnaam ?? "bijlage",
          content,
        });
        return reply.status(201).send(attachmentJson(id, row));
      },
    );
  });

  app.get<{ Params: { id: string; bijlage: string } }>(
    "/api/v1/verantwoordingen/:id/bijlagen/:bijlage",
    {
      schema: apiSchema({
        operationId: "getVerantwoordingBijlage",
        summary: "Bijlage downloaden (voor de organisatie zelf en de gemeente)",
        tags: TAG,
        params: AttachmentParams,
        success: {
          200: {
            description: "Het bestand",
            schema: Type.String({ format: "binary" }),
            contentType: ATTACHMENT_TYPES,
          },
        },
        errors: [401, 403, 404],
      }),
    },
    async (request: FastifyRequest<{ Params: { id: string; bijlage: string } }>, reply) => {
      const row = await readAttachment(
        db,
        municipality,
        readerWithLogin(request),
        request.params.id,
        request.params.bijlage,
      );
      return sendAttachment(reply, row);
    },
  );

  app.delete<{ Params: { id: string; bijlage: string } }>(
    "/api/v1/verantwoordingen/:id/bijlagen/:bijlage",
    {
      onRequest: writer,
      schema: changeOperation({
        operationId: "deleteVerantwoordingBijlage",
        summary: "Bijlage verwijderen uit een concept of teruggestuurde verantwoording",
        tags: TAG,
        params: AttachmentParams,
        errors: [404, 409],
      }),
    },
    async (request, reply) => {
      await removeAttachment(db, callerOf(request), request.params.id, request.params.bijlage);
      return reply.status(204).send();
    },
  );
}
