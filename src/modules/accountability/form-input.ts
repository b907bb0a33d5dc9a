import type { FieldError } from "../../platform/errors.js";
import { parseDutchNumber } from "../monitoring/index.js";
import { fieldsOf, REACH, type ReportInput, type TextColumn } from "./fields.js";
import type { ReportDetail } from "./reads.js";

type Values = Record<string, string | undefined>;

/** An empty date field means "leave the default"; anything else goes to the service's check. */
const day = (text: string | undefined) => (text?.trim() ? text.trim() : undefined);

/**
 * What the edit form of `d` sent, as the service's input, plus the problems only a form has (a
 * number typed as text). Every text of the report's format is sent, so each is written as given;
 * an indicator value left empty removes it.
 */
export function inputFromForm(
  b: Values,
  d: ReportDetail,
): { input: ReportInput; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const format = d.report.format;
  const texts: Partial<Record<TextColumn, string>> = {};
  for (const f of fieldsOf(format)) texts[f.column] = b[f.key] ?? "";
  let reach: number | null | undefined;
  if (format === "formeel") {
    const raw = b[REACH.key]?.trim() ?? "";
    const parsed = raw === "" ? null : parseDutchNumber(raw);
    if (parsed === undefined || (parsed !== null && (!Number.isInteger(parsed) || parsed < 0)))
      errors.push({
        field: REACH.key,
        message: `${REACH.label} moet een geheel getal van 0 of meer zijn, bijvoorbeeld 120.`,
      });
    else reach = parsed;
  }
  const values: { subsidyIndicatorId: string; value: number; note: string }[] = [];
  if (format === "formeel") {
    for (const { indicator } of d.values) {
      const raw = b[`waarde-${indicator.id}`]?.trim() ?? "";
      if (raw === "") continue;
      const value = parseDutchNumber(raw);
      if (value === undefined) {
        errors.push({
          field: `waarde-${indicator.id}`,
          message: `Waarde voor "${indicator.name}" moet een getal zijn, bijvoorbeeld 12,5.`,
        });
        continue;
      }
      values.push({
        subsidyIndicatorId: indicator.id,
        value,
        note: b[`toelichting-${indicator.id}`] ?? "",
      });
    }
  }
  return {
    input: {
      periodStart: day(b.periodeBegin),
      periodEnd: day(b.periodeEinde),
      texts,
      reach,
      ...(format === "formeel" ? { values } : {}),
    },
    errors,
  };
}
