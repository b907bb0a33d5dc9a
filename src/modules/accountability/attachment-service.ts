import { createHash } from "node:crypto";
import type { Db, Executor } from "../../db/executor.js";
import { AppError, conflict, notFound } from "../../platform/errors.js";
import { isUuid } from "../../platform/values.js";
import { recordAudit } from "../audit/index.js";
import { type Caller, mayReadAttachments, type Reader, refusal } from "./access.js";
import { attachmentProblem, safeFileName, sniffMediaType } from "./attachment-rules.js";
import { lockOwnReport } from "./report-service.js";
import * as repo from "./repository.js";
import { lockedMessage } from "./rules.js";

/** An attachment refused for what it is (400) or its size (413), naming the field. */
const refused = (status: 400 | 413, message: string) =>
  new AppError(status, status === 413 ? "Bestand te groot" : "Ongeldige invoer", message, [
    { field: "bijlage", message },
  ]);

/**
 * Stores an upload with the report while the partner may still change it. Its type is what its
 * bytes are (PDF, PNG, JPEG), never what the name or the browser says; anything else, an empty or
 * too large file, or one beyond the report's maximum is refused and nothing is stored.
 */
export async function addAttachment(
  db: Db,
  caller: Caller,
  reportId: string,
  upload: { fileName: string; content: Buffer },
) {
  return db.transaction(async (tx) => {
    const { report, organisationName } = await lockOwnReport(tx, caller, reportId);
    const locked = lockedMessage(report.state);
    if (locked) throw conflict(locked);
    const existing = await repo.listAttachments(tx, report.id);
    const problem = attachmentProblem(upload.content, existing.length);
    const mediaType = sniffMediaType(upload.content);
    if (problem || !mediaType) throw refused(problem?.status ?? 400, problem?.message ?? "");
    const row = await repo.insertAttachment(tx, {
      reportId: report.id,
      fileName: safeFileName(upload.fileName, mediaType),
      mediaType,
      size: upload.content.length,
      sha256: createHash("sha256").update(upload.content).digest("hex"),
      content: upload.content,
      uploadedByName: organisationName,
    });
    await recordAudit(tx, caller.actor, {
      action: "create",
      entityType: "bijlage",
      entityId: row.id,
      summary: `Bijlage "${row.fileName}" toegevoegd aan een verantwoording`,
      // The bytes stay out of the audit trail: their hash identifies them.
      after: { ...row, verantwoording: report.id },
    });
    return row;
  });
}

export async function removeAttachment(db: Db, caller: Caller, reportId: string, id: string) {
  return db.transaction(async (tx) => {
    const { report } = await lockOwnReport(tx, caller, reportId);
    const locked = lockedMessage(report.state);
    if (locked) throw conflict(locked);
    const meta = (await repo.listAttachments(tx, report.id)).find((a) => a.id === id);
    if (!meta || !(await repo.deleteAttachment(tx, report.id, id)))
      throw notFound("Deze bijlage bestaat niet.");
    await recordAudit(tx, caller.actor, {
      action: "delete",
      entityType: "bijlage",
      entityId: id,
      summary: `Bijlage "${meta.fileName}" verwijderd uit een verantwoording`,
      before: meta,
    });
  });
}

/** One attachment with its bytes, for the organisation and staff only (401/403/404 otherwise). */
export async function readAttachment(
  db: Executor,
  municipalityCode: string,
  reader: Reader & { loggedIn: boolean },
  reportId: string,
  id: string,
) {
  const found =
    isUuid(reportId) && isUuid(id)
      ? await repo.findOwnedReport(db, municipalityCode, reportId)
      : undefined;
  if (!found) throw notFound("Deze bijlage bestaat niet.");
  if (!mayReadAttachments(reader, found.organisationId)) throw refusal(reader.loggedIn);
  const row = await repo.findAttachment(db, found.report.id, id);
  if (!row) throw notFound("Deze bijlage bestaat niet.");
  return row;
}
