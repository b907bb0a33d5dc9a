import type { FastifyRequest } from "fastify";
import type { Actor } from "../../platform/actor.js";
import { forbidden, unauthorized } from "../../platform/errors.js";
import { actorOf, hasPermission, partnerOrganisationIds } from "../accounts/index.js";
import { isPublished } from "./rules.js";
import type { ReportState } from "./schema.js";

/**
 * Who asks about reports: municipal staff who review them (subsidies.manage), a partner acting for
 * its organisations, or nobody in particular (anonymous). Pure, so the one rule is tested alone.
 */
export interface Reader {
  staff: boolean;
  /** The organisations the account is a partner of (its partner grants' scopes). */
  organisationIds: readonly string[];
}

export const ANONYMOUS: Reader = { staff: false, organisationIds: [] };

/** The caller of a write: who (for audit and events) and for which organisations. */
export interface Caller extends Reader {
  actor: Actor;
}

export function readerOf(request: FastifyRequest): Reader {
  const roles = request.account?.roles ?? [];
  return {
    staff: hasPermission(roles, "subsidies.manage"),
    organisationIds: partnerOrganisationIds(roles),
  };
}

/** The reader with whether anyone is logged in: a refusal is 401 for nobody, 403 for someone. */
export const readerWithLogin = (request: FastifyRequest) => ({
  ...readerOf(request),
  loggedIn: request.account !== undefined,
});

export const callerOf = (request: FastifyRequest): Caller => ({
  ...readerOf(request),
  actor: actorOf(request),
});

/** What a reader sees of a report: all of it (staff, its own partner), its public part, or nothing. */
export type ReportView = "full" | "public";

export function viewOf(
  reader: Reader,
  organisationId: string,
  state: ReportState,
): ReportView | undefined {
  if (reader.staff || reader.organisationIds.includes(organisationId)) return "full";
  return isPublished(state) ? "public" : undefined;
}

/** Only the organisation's own partners write its reports (staff review them, never edit them). */
export const mayWrite = (reader: Reader, organisationId: string): boolean =>
  reader.organisationIds.includes(organisationId);

/** Attachments are working documents: for the organisation and staff, even on a published report. */
export const mayReadAttachments = (reader: Reader, organisationId: string): boolean =>
  reader.staff || reader.organisationIds.includes(organisationId);

/** The refusal for a reader without access: 401 to log in first, 403 to someone logged in. */
export const refusal = (loggedIn: boolean) =>
  loggedIn
    ? forbidden(
        "Deze verantwoording is van een andere organisatie; u kunt haar niet inzien of wijzigen.",
      )
    : unauthorized("Log in om deze verantwoording te bekijken.");
