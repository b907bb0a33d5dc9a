import type { FieldError } from "../../platform/errors.js";
import { problems, rangeProblem, textProblem } from "../../platform/field-rules.js";
import {
  INT_MAX,
  MEASURE_MAX,
  NOTE_MAX,
  STATEMENT_MAX,
  TEXT_MAX,
} from "../../platform/schema-types.js";
import { isCalendarDay } from "../../platform/values.js";
import type { ReportFormat } from "./schema.js";

/**
 * The fields of a report: their Dutch name (form field and JSON key), column, label, limit and the
 * formats that ask for them (seed 004 §4.2.2 for formal institutions; inzet and resultaat for
 * informal organisations). Forms, the API and the checks all read this one list.
 */
export const TEXT_FIELDS = [
  {
    key: "verhaal",
    column: "narrative",
    label: "Verhaal",
    help: "Wat hebt u gedaan en wat heeft het opgeleverd? In uw eigen woorden; nodig om in te dienen.",
    max: TEXT_MAX,
    formats: ["formeel", "informeel"],
  },
  {
    key: "inzet",
    column: "efforts",
    label: "Inzet",
    help: "Welke inspanningen zijn geleverd om de maatschappelijke doelen te bereiken?",
    max: STATEMENT_MAX,
    formats: ["formeel", "informeel"],
  },
  {
    key: "behaaldeDoelen",
    column: "goalsReached",
    label: "Behaalde doelen",
    help: "Welke doelen uit de subsidieafspraken zijn behaald?",
    max: STATEMENT_MAX,
    formats: ["formeel"],
  },
  {
    key: "zichtbaarEffect",
    column: "visibleEffect",
    label: "Zichtbaar effect op inwoners of buurt",
    max: STATEMENT_MAX,
    formats: ["formeel"],
  },
  {
    key: "tevredenheid",
    column: "satisfaction",
    label: "Tevredenheid van deelnemers",
    help: "Hoe tevreden zijn inwoners die deelnamen of verder geholpen zijn?",
    max: STATEMENT_MAX,
    formats: ["formeel"],
  },
  {
    key: "samenwerking",
    column: "cooperation",
    label: "Samenwerking met de stad",
    help: "Hoe is de samenwerking met de stad vormgegeven, en met welke resultaten?",
    max: STATEMENT_MAX,
    formats: ["formeel"],
  },
  {
    key: "wijkschouw",
    column: "wijkschouw",
    label: "Wijkschouw (gesprek met de wijk)",
    help: "Vooruitgang of ontwikkeling op het maatschappelijk effect, uit het gesprek met de wijk.",
    max: STATEMENT_MAX,
    formats: ["formeel"],
  },
  {
    key: "resultaat",
    column: "result",
    label: "Resultaat",
    help: "Wat is er bereikt, gemeten aan het beoogde resultaat en de verwachtingen?",
    max: STATEMENT_MAX,
    formats: ["informeel"],
  },
  {
    key: "verhaalInwoner",
    column: "residentStory",
    label: "Verhaal van een inwoner (niet verplicht)",
    help: "Een inwoner vertelt zelf wat de activiteit voor hem of haar betekende. Zonder namen of andere gegevens waaraan iemand te herkennen is.",
    max: STATEMENT_MAX,
    formats: ["formeel", "informeel"],
  },
] as const satisfies readonly {
  key: string;
  column: string;
  label: string;
  help?: string;
  max: number;
  formats: readonly ReportFormat[];
}[];

export type TextField = (typeof TEXT_FIELDS)[number];
export type TextColumn = TextField["column"];

/** Reach (bereik) of a formal report: how many people the activities reached. */
export const REACH = { key: "bereik", label: "Bereik (aantal deelnemers)", max: INT_MAX } as const;
export const VALUE_NOTE_MAX = NOTE_MAX;

export const fieldsOf = (format: ReportFormat): TextField[] =>
  TEXT_FIELDS.filter((f) => (f.formats as readonly string[]).includes(format));

/** What a partner writes in a report, in the service's terms (every part optional: a patch). */
export interface ReportInput {
  periodStart?: string | undefined;
  periodEnd?: string | undefined;
  texts?: Partial<Record<TextColumn, string>> | undefined;
  reach?: number | null | undefined;
  values?: readonly { subsidyIndicatorId: string; value: number; note?: string | undefined }[];
}

/** An agreed indicator as the checks need it. */
export interface AgreedIndicator {
  id: string;
  name: string;
  unit: string;
}

/** A real calendar day between 1900 and 2099 as JJJJ-MM-DD. */
export const isDay = (text: string): boolean => isCalendarDay(text, { from: 1900, to: 2099 });

/** Why a value cannot be the indicator's measurement (its unit's range), in Dutch. */
export function valueProblem(value: number, indicator: AgreedIndicator): string | undefined {
  const label = `Waarde voor "${indicator.name}"`;
  if (!Number.isFinite(value) || Math.abs(value) > MEASURE_MAX)
    return `${label} moet een getal zijn van hoogstens ${MEASURE_MAX.toLocaleString("nl-NL")}.`;
  if (indicator.unit === "percentage" && (value < 0 || value > 100))
    return `${label} is een percentage: tussen 0 en 100.`;
  if (indicator.unit === "aantal" && (!Number.isInteger(value) || value < 0))
    return `${label} is een aantal: een geheel getal van 0 of meer.`;
  return undefined;
}

/**
 * Every problem with `input` for a report of `format` with these agreed indicators: texts within
 * their limit and belonging to the format, a reach for formal reports only, a real period, and
 * values only for the decision's own indicators, once each, within their unit's range.
 */
export function inputProblems(
  input: ReportInput,
  format: ReportFormat,
  indicators: readonly AgreedIndicator[],
  period: { start: string; end: string },
): FieldError[] {
  const own = new Set(fieldsOf(format).map((f) => f.column));
  const errors: FieldError[] = [];
  for (const f of TEXT_FIELDS) {
    const value = input.texts?.[f.column];
    if (value === undefined) continue;
    if (!own.has(f.column) && value.trim() !== "") {
      errors.push({
        field: f.key,
        message: `${f.label} hoort niet bij een informele verantwoording (inzet en resultaat).`,
      });
      continue;
    }
    errors.push(...problems(textProblem(value, { field: f.key, label: f.label, max: f.max })));
  }
  if (input.reach !== undefined && input.reach !== null) {
    if (format === "informeel")
      errors.push({
        field: REACH.key,
        message: "Bereik hoort niet bij een informele verantwoording (inzet en resultaat).",
      });
    else if (!Number.isInteger(input.reach))
      errors.push({ field: REACH.key, message: `${REACH.label} moet een geheel getal zijn.` });
    else
      errors.push(...problems(rangeProblem(input.reach, { ...REACH, field: REACH.key, min: 0 })));
  }
  for (const [field, day] of [
    ["periodeBegin", input.periodStart],
    ["periodeEinde", input.periodEnd],
  ] as const) {
    if (day !== undefined && !isDay(day))
      errors.push({ field, message: "Periode: geef een datum als JJJJ-MM-DD." });
  }
  if (isDay(period.start) && isDay(period.end) && period.end < period.start)
    errors.push({
      field: "periodeEinde",
      message: "Periode: het einde ligt vóór het begin.",
    });
  errors.push(...valueProblems(input.values, format, indicators));
  return errors;
}

function valueProblems(
  values: ReportInput["values"],
  format: ReportFormat,
  indicators: readonly AgreedIndicator[],
): FieldError[] {
  if (!values || values.length === 0) return [];
  if (format === "informeel")
    return [
      {
        field: "indicatorwaarden",
        message: "Een informele verantwoording heeft geen indicatorwaarden (inzet en resultaat).",
      },
    ];
  const errors: FieldError[] = [];
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const seen = new Set<string>();
  for (const v of values) {
    const field = `waarde-${v.subsidyIndicatorId}`;
    const indicator = byId.get(v.subsidyIndicatorId);
    if (!indicator) {
      errors.push({
        field: "indicatorwaarden",
        message: "Indicatorwaarden: geef alleen waarden voor de indicatoren van deze subsidie.",
      });
      continue;
    }
    if (seen.has(v.subsidyIndicatorId)) {
      errors.push({ field, message: `Waarde voor "${indicator.name}" staat er twee keer in.` });
      continue;
    }
    seen.add(v.subsidyIndicatorId);
    const problem = valueProblem(v.value, indicator);
    if (problem) errors.push({ field, message: problem });
    const note = textProblem(v.note, {
      field: `toelichting-${v.subsidyIndicatorId}`,
      label: `Toelichting bij "${indicator.name}"`,
      max: VALUE_NOTE_MAX,
    });
    if (note) errors.push(note);
  }
  return errors;
}
