import { nl } from "../i18n/nl.js";
import type { FieldError } from "./errors.js";

/**
 * The checks a write service makes on a text or number field, with messages that name the field
 * and say what is wrong: "Tekst is verplicht." for an empty text, "Tekst is te lang: hoogstens 5.000
 * tekens (nu 5.123)." for a long one — never "verplicht" for a text that is only too long.
 */
export interface TextRule {
  field: string;
  label: string;
  max: number;
  required?: boolean;
}

/** The problem with `value` under `rule`, if any; undefined counts as empty. */
export function textProblem(
  value: string | null | undefined,
  rule: TextRule,
): FieldError | undefined {
  const v = value ?? "";
  if (rule.required && v.trim() === "")
    return { field: rule.field, message: nl.form.missing(rule.label) };
  if (v.length > rule.max)
    return { field: rule.field, message: nl.form.tooLong(rule.label, rule.max, v.length) };
  return undefined;
}

export interface RangeRule {
  field: string;
  label: string;
  min: number;
  max: number;
}

/** The problem with a number under `rule`, if any: not a number or outside the range names the range. */
export function rangeProblem(value: number | undefined, rule: RangeRule): FieldError | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value < rule.min || value > rule.max)
    return { field: rule.field, message: nl.form.outOfRange(rule.label, rule.min, rule.max) };
  return undefined;
}

export interface ChoiceRule {
  field: string;
  label: string;
  allowed: readonly string[];
  /** Without a value: "verplicht"; otherwise an absent value passes. */
  required?: boolean;
}

/** The problem with a chosen value, if any: one outside the list names the values allowed. */
export function choiceProblem(value: string | undefined, rule: ChoiceRule): FieldError | undefined {
  if (value === undefined || value === "")
    return rule.required ? { field: rule.field, message: nl.form.missing(rule.label) } : undefined;
  if (!rule.allowed.includes(value))
    return { field: rule.field, message: nl.form.notOneOf(rule.label, rule.allowed) };
  return undefined;
}

/** The problems found, without the fields that had none. */
export const problems = (...found: (FieldError | undefined)[]): FieldError[] =>
  found.filter((e): e is FieldError => e !== undefined);
