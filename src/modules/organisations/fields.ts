import { emptyFirstSelect, type FieldSpec, labelledChoices } from "../../web/components/form.js";
import { PLACEMENT_LABELS } from "./labels.js";
import { PLACEMENTS } from "./schema.js";

// The selects of what this module owns (work areas, places, organisations), for every module's
// filters and forms: one definition of their names, values and labels.

/** The municipality's work areas by code, after `empty` ("Alle werkgebieden", "Geen werkgebied"). */
export const workAreaField = (
  value: string | undefined,
  empty: string,
  workAreas: readonly { code: string; name: string }[],
): FieldSpec =>
  emptyFirstSelect({
    name: "werkgebied",
    label: "Werkgebied",
    value: value ?? "",
    empty,
    choices: workAreas.map((w) => ({ value: w.code, label: w.name })),
  });

/** Sociale basisinfrastructuur or modulair pakket, after `empty` ("Beide", "Niet bepaald"). */
export const placementField = (
  value: string | undefined,
  empty: string,
  label: string,
): FieldSpec =>
  emptyFirstSelect({
    name: "plaats",
    label,
    value: value ?? "",
    empty,
    choices: labelledChoices(PLACEMENTS, PLACEMENT_LABELS),
  });

/** Organisations by code (slug), after `empty` ("Alle organisaties", "Kies een organisatie"). */
export const organisationField = (
  value: string | undefined,
  empty: string,
  organisations: readonly { slug: string; name: string }[],
  required = false,
): FieldSpec =>
  emptyFirstSelect({
    name: "organisatie",
    label: "Organisatie",
    value: value ?? "",
    empty,
    required,
    choices: organisations.map((o) => ({ value: o.slug, label: o.name })),
  });
