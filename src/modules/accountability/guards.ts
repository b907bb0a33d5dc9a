import type { FastifyRequest } from "fastify";
import type { Db } from "../../db/executor.js";
import { forbidden, notFound, unauthorized } from "../../platform/errors.js";
import { isUuid } from "../../platform/values.js";
import { mayWrite, readerOf, refusal } from "./access.js";
import * as repo from "./repository.js";

/** An onRequest guard: only partners (of any organisation) may start a report. */
export async function requirePartner(request: FastifyRequest) {
  if (!request.account) throw unauthorized();
  if (readerOf(request).organisationIds.length === 0)
    throw forbidden("Alleen een partner kan een verantwoording aanmaken of wijzigen.");
}

/**
 * An onRequest guard for a write on one report: the caller must be a partner of the report's
 * organisation (403 otherwise, 404 when there is no such report), decided before the body is read.
 */
export const requireReportWriter =
  (db: Db, municipalityCode: string) => async (request: FastifyRequest) => {
    await requirePartner(request);
    const id = (request.params as { id?: string }).id ?? "";
    const found = isUuid(id) ? await repo.findOwnedReport(db, municipalityCode, id) : undefined;
    if (!found) throw notFound("Deze verantwoording bestaat niet.");
    if (!mayWrite(readerOf(request), found.organisationId)) throw refusal(true);
  };
