import { problems, textProblem } from "../../platform/field-rules.js";
import { NOTE_MAX, TITLE_MAX } from "../../platform/schema-types.js";
import type { ActivityStatus } from "./schema.js";

/** The colour legend of Nieuwegein's annual reports; always shown together with the text label. */
export type StatusColour = "groen" | "geel" | "rood" | "blauw" | "grijs";

export const STATUS_INFO: Record<
  ActivityStatus,
  { label: string; colour: StatusColour; severity: number }
> = {
  gerealiseerd: { label: "Gerealiseerd", colour: "groen", severity: 0 },
  extra: { label: "Extra (niet gepland)", colour: "blauw", severity: 0 },
  ondergebracht_elders: { label: "Ondergebracht elders", colour: "grijs", severity: 0 },
  gepland: { label: "Gepland", colour: "grijs", severity: 1 },
  in_uitvoering: { label: "In uitvoering", colour: "geel", severity: 2 },
  deels_gerealiseerd: { label: "Deels gerealiseerd", colour: "geel", severity: 3 },
  vertraagd: { label: "Vertraagd", colour: "rood", severity: 4 },
  uitgesteld: { label: "Uitgesteld", colour: "rood", severity: 5 },
  niet_uitgevoerd: { label: "Niet uitgevoerd", colour: "rood", severity: 6 },
};

/** Statuses that need a written explanation: the council asks why something did not happen. */
export const NEEDS_EXPLANATION: readonly ActivityStatus[] = [
  "vertraagd",
  "uitgesteld",
  "niet_uitgevoerd",
];

export interface StatusChangeInput {
  from: ActivityStatus;
  to: ActivityStatus;
  explanation?: string | undefined;
  elsewhere?: string | undefined;
}

/** Checks a status change; returns Dutch messages keyed by form field, empty when the change is allowed. */
export function checkStatusChange(input: StatusChangeInput): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  const explanation = input.explanation?.trim() ?? "";
  if (NEEDS_EXPLANATION.includes(input.to) && explanation.length === 0) {
    errors.push({
      field: "toelichting",
      message: `Bij de status "${STATUS_INFO[input.to].label.toLowerCase()}" hoort een toelichting: leg uit waarom.`,
    });
  }
  if (input.to === "ondergebracht_elders" && !(input.elsewhere?.trim() ?? "")) {
    errors.push({
      field: "elders",
      message: 'Bij "ondergebracht elders" hoort waar de activiteit nu is ondergebracht.',
    });
  }
  const tooLong = problems(
    textProblem(input.explanation, { field: "toelichting", label: "Toelichting", max: NOTE_MAX }),
    textProblem(input.elsewhere, { field: "elders", label: "Ondergebracht in", max: TITLE_MAX }),
  );
  return [...errors, ...tooLong.filter((p) => !errors.some((e) => e.field === p.field))];
}

/** The worst status among the given ones (by severity), or undefined for none. */
export function worstStatus(statuses: readonly ActivityStatus[]): ActivityStatus | undefined {
  let worst: ActivityStatus | undefined;
  for (const s of statuses)
    if (!worst || STATUS_INFO[s].severity > STATUS_INFO[worst].severity) worst = s;
  return worst;
}

/** Counts per status, in legend order, including zeros, so a summary always adds up to the total. */
export function statusSummary(statuses: readonly ActivityStatus[]) {
  const order = Object.keys(STATUS_INFO) as ActivityStatus[];
  return order.map((status) => ({ status, count: statuses.filter((s) => s === status).length }));
}
