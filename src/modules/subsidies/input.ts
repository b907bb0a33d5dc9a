import type { FieldError } from "../../platform/errors.js";
import { choiceProblem, problems, rangeProblem, textProblem } from "../../platform/field-rules.js";
import { MAX_CENTS, moneyMessages, parseEuroCents } from "../../platform/money.js";
import { NAME_MAX, TEXT_MAX } from "../../platform/schema-types.js";
import { isCalendarDay } from "../../platform/values.js";
import { PLACEMENTS } from "../organisations/index.js";
import { REPORT_KINDS, SUBSIDY_FORMS, SUBSIDY_STATES } from "./schema.js";

// What a decision's fields must be, with Dutch messages that name the field: one check for the
// staff form and the API. Field names are the form's (the API's JSON keys say the same in camelCase).

export interface SubsidyInput {
  /** Id or slug of the organisation. */
  organisation?: string | undefined;
  year?: number | undefined;
  reference?: string | null | undefined;
  form?: string | undefined;
  /** The state a new decision starts in (aanvraag unless given); changes go through changeState. */
  state?: string | undefined;
  /** Id or code of the work area; null clears it. */
  workArea?: string | null | undefined;
  placement?: string | null | undefined;
  amountCents?: number | undefined;
  establishedCents?: number | null | undefined;
  volunteerOrMeetingPlace?: boolean | undefined;
  assignment?: string | undefined;
  internalNote?: string | undefined;
  /** The version the editor saw: a different current version is a 409 (someone else changed it). */
  version?: number | undefined;
}

export const YEAR_RANGE = { min: 1900, max: 2100 };
/** States a decision may be entered in: an existing decision may be entered as granted or established. */
export const INITIAL_STATES = ["aanvraag", "verleend", "vastgesteld"] as const;

export const LABELS = {
  organisatie: "Organisatie",
  jaar: "Jaar",
  kenmerk: "Kenmerk",
  vorm: "Vorm",
  status: "Status",
  werkgebied: "Werkgebied",
  plaats: "Plaats",
  bedrag: "Bedrag",
  vastgesteldBedrag: "Vastgesteld bedrag",
  opdracht: "Opdracht",
  interneNotitie: "Interne notitie",
} as const;

/** The problem with an amount in cents, in the words of the money parser, or undefined. */
export function centsProblem(
  value: number | null | undefined,
  field: string,
  label: string,
): FieldError | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Number.isInteger(value)) return { field, message: moneyMessages.notAnAmount(label) };
  if (value < 0) return { field, message: moneyMessages.negative(label) };
  if (value > MAX_CENTS) return { field, message: moneyMessages.tooLarge(label) };
  return undefined;
}

/** The problems of a new decision (`creating`) or of the fields an edit gives. */
export function subsidyProblems(input: SubsidyInput, creating: boolean): FieldError[] {
  const errors = problems(
    creating || input.organisation !== undefined
      ? textProblem(input.organisation, {
          field: "organisatie",
          label: LABELS.organisatie,
          max: NAME_MAX,
          required: true,
        })
      : undefined,
    creating && input.year === undefined
      ? { field: "jaar", message: `${LABELS.jaar} is verplicht.` }
      : rangeProblem(input.year, { field: "jaar", label: LABELS.jaar, ...YEAR_RANGE }),
    textProblem(input.reference, { field: "kenmerk", label: LABELS.kenmerk, max: NAME_MAX }),
    choiceProblem(input.form, {
      field: "vorm",
      label: LABELS.vorm,
      allowed: SUBSIDY_FORMS,
      // A decision always has its form: on an edit an empty one is refused, not stored (was a 500).
      required: creating || input.form !== undefined,
    }),
    choiceProblem(input.state, { field: "status", label: LABELS.status, allowed: INITIAL_STATES }),
    choiceProblem(input.placement ?? undefined, {
      field: "plaats",
      label: LABELS.plaats,
      allowed: PLACEMENTS,
    }),
    creating && input.amountCents === undefined
      ? { field: "bedrag", message: moneyMessages.missing(LABELS.bedrag) }
      : centsProblem(input.amountCents, "bedrag", LABELS.bedrag),
    centsProblem(input.establishedCents, "vastgesteldBedrag", LABELS.vastgesteldBedrag),
    textProblem(input.assignment, { field: "opdracht", label: LABELS.opdracht, max: TEXT_MAX }),
    textProblem(input.internalNote, {
      field: "interneNotitie",
      label: LABELS.interneNotitie,
      max: TEXT_MAX,
    }),
  );
  if (
    creating &&
    input.state === "vastgesteld" &&
    (input.establishedCents === undefined || input.establishedCents === null)
  ) {
    errors.push({
      field: "vastgesteldBedrag",
      message: "Vastgesteld bedrag is verplicht voor een vastgestelde subsidie.",
    });
  }
  return errors;
}

/**
 * An amount typed in a form: cents, null for an empty optional field, or the parser's message
 * added to `errors` (then undefined: the field is left out of the change).
 */
export function formAmount(
  text: string | undefined,
  field: string,
  label: string,
  errors: FieldError[],
  optional = false,
): number | null | undefined {
  if (text === undefined) return undefined;
  if (optional && text.trim() === "") return null;
  const parsed = parseEuroCents(text, label);
  if (parsed.ok) return parsed.cents;
  errors.push({ field, message: parsed.message });
  return undefined;
}

export const isState = (v: string): v is (typeof SUBSIDY_STATES)[number] =>
  (SUBSIDY_STATES as readonly string[]).includes(v);

export interface RequirementInput {
  kind?: string | undefined;
  dueOn?: string | undefined;
  description?: string | undefined;
}

export function requirementProblems(input: RequirementInput): FieldError[] {
  return problems(
    choiceProblem(input.kind, {
      field: "soort",
      label: "Soort verantwoording",
      allowed: REPORT_KINDS,
      required: true,
    }),
    !input.dueOn
      ? { field: "uiterlijk", message: "Uiterlijk op is verplicht." }
      : !isCalendarDay(input.dueOn, { from: YEAR_RANGE.min, to: YEAR_RANGE.max })
        ? {
            field: "uiterlijk",
            message: "Uiterlijk op moet een datum zijn, bijvoorbeeld 2026-04-01.",
          }
        : undefined,
    textProblem(input.description, { field: "omschrijving", label: "Omschrijving", max: TEXT_MAX }),
  );
}

/**
 * A target typed in a form, "120" or "7,5": a number, null when empty, or a message in `errors`.
 * Only digits with one decimal comma or point: "1e3" or "Infinity" are not targets anyone types.
 */
export function formNumber(
  text: string | undefined,
  field: string,
  label: string,
  errors: FieldError[],
): number | null {
  const t = (text ?? "").trim();
  if (t === "") return null;
  if (/^-?\d{1,10}([.,]\d{1,4})?$/.test(t)) return Number(t.replace(",", "."));
  errors.push({ field, message: `${label} moet een getal zijn, bijvoorbeeld 120 of 7,5.` });
  return null;
}

/** A whole number typed in a form (a year, a version), or undefined when it is not one. */
export const formInteger = (text: string | undefined): number | undefined => {
  const t = (text ?? "").trim();
  return /^\d{1,9}$/.test(t) ? Number(t) : undefined;
};

/** One message per field: the first (the form's own parsing) wins over the service's repeat. */
export const onePerField = (errors: readonly FieldError[]): FieldError[] =>
  errors.filter((e, i) => errors.findIndex((x) => x.field === e.field) === i);

/** A page number from a query string: 1 unless it is a whole number in range. */
export const pageNumber = (value: string | undefined) => {
  const n = Number(value ?? "1");
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
};
