import type { FastifyRequest } from "fastify";
import { toCsv } from "../../platform/csv.js";
import { isUuid } from "../../platform/values.js";
import { hasPermission, partnerOrganisationIds } from "../accounts/index.js";
import { PLACEMENT_LABELS } from "../organisations/index.js";
import type { ListedSubsidy } from "./repository.js";
import { FORM_LABELS, STATE_LABELS, type SubsidyViewer } from "./rules.js";

/** Who is asking, as the subsidy rules see it: staff, a partner of some organisations, or anyone. */
export function viewerOf(request: FastifyRequest): SubsidyViewer {
  const roles = request.account?.roles ?? [];
  return {
    staff: hasPermission(roles, "subsidies.manage"),
    // A scope that is not an organisation record's id (an account made before organisations
    // were records) names no organisation.
    organisationIds: partnerOrganisationIds(roles).filter(isUuid),
  };
}

export const REGISTER_COLUMNS = [
  "organisatie",
  "organisatie_code",
  "jaar",
  "kenmerk",
  "vorm",
  "status",
  "werkgebied",
  "plaats",
  "verleend_euro",
  "vastgesteld_euro",
  "opdracht",
] as const;

/** Cents as a plain decimal a spreadsheet reads as a number: 125000 → "1250.00". */
export const centsAsDecimal = (cents: number | null) =>
  cents === null ? "" : `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;

/**
 * The register as CSV: public fields only (never the internal note), every cell through toCsv so a
 * name or assignment starting with =, +, - or @ cannot run as a formula in a spreadsheet.
 */
export function registerCsv(rows: readonly ListedSubsidy[]): string {
  return toCsv(
    REGISTER_COLUMNS,
    rows.map((r) => [
      r.organisationName,
      r.organisationSlug,
      r.subsidy.year,
      r.subsidy.reference ?? "",
      FORM_LABELS[r.subsidy.form],
      STATE_LABELS[r.subsidy.state],
      r.workAreaName ?? "",
      r.subsidy.placement ? PLACEMENT_LABELS[r.subsidy.placement] : "",
      centsAsDecimal(r.subsidy.amountCents),
      centsAsDecimal(r.subsidy.establishedCents),
      r.subsidy.assignment,
    ]),
  );
}
