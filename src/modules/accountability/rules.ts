import type { OrganisationKind } from "../organisations/index.js";
import type { ReminderStage, ReportFormat, ReportState, ReviewDecision } from "./schema.js";

/**
 * The business rules of accountability reports as pure functions: which set a report has, which
 * step may follow which, what a submission needs, and when a deadline is near or past.
 */

/**
 * Seed 004 §4.2.1–4.2.2: informal organisations account for their inzet and resultaat in a joint
 * progress talk; every other kind (a formal institution, first-line care, a partnership, the rest)
 * is subsidised professional work and reports the full set. Fixed when the report is made, so a
 * later change of the organisation's kind does not change a report already written.
 */
export const formatForKind = (kind: OrganisationKind): ReportFormat =>
  kind === "informeel" ? "informeel" : "formeel";

/** What someone does to a report; each is one step in report_events. */
export type ReportAction = "indienen" | ReviewDecision;

const TRANSITIONS: Record<ReportAction, { from: readonly ReportState[]; to: ReportState }> = {
  indienen: { from: ["concept", "aanvulling_nodig"], to: "ingediend" },
  akkoord: { from: ["ingediend"], to: "akkoord" },
  aanvulling_nodig: { from: ["ingediend"], to: "aanvulling_nodig" },
};

/** The state after `action`, or undefined when the action is not possible in `state`. */
export function nextState(state: ReportState, action: ReportAction): ReportState | undefined {
  const t = TRANSITIONS[action];
  return t.from.includes(state) ? t.to : undefined;
}

/** Only the partner's own drafts change: a concept, or a report sent back for more. */
export const isEditable = (state: ReportState): boolean =>
  state === "concept" || state === "aanvulling_nodig";

/** An approved report is published: anyone may read its public fields. */
export const isPublished = (state: ReportState): boolean => state === "akkoord";

/** Submitted or approved: the requirement has been answered (nothing to remind of). */
export const isAnswered = (state: ReportState | undefined): boolean =>
  state === "ingediend" || state === "akkoord";

/** Why a report cannot change in this state (409), in Dutch; undefined when it can. */
export function lockedMessage(state: ReportState): string | undefined {
  if (state === "akkoord")
    return "Deze verantwoording is goedgekeurd (akkoord) en kan niet meer worden gewijzigd.";
  if (state === "ingediend")
    return "Deze verantwoording is ingediend en wacht op beoordeling; wijzigen kan pas als de gemeente om aanvulling vraagt.";
  return undefined;
}

/** Why `action` is not possible in `state`, in Dutch (409). */
export function refusedStepMessage(state: ReportState, action: ReportAction): string {
  if (action === "indienen")
    return lockedMessage(state) ?? "Deze verantwoording kan nu niet worden ingediend.";
  if (state === "akkoord") return "Deze verantwoording is al goedgekeurd (akkoord).";
  return "Alleen een ingediende verantwoording kan worden beoordeeld.";
}

/** The texts a submission needs, by format (a concept may be saved without them). */
export const REQUIRED_TO_SUBMIT: Record<ReportFormat, readonly { field: string; label: string }[]> =
  {
    formeel: [
      { field: "verhaal", label: "Verhaal" },
      { field: "inzet", label: "Inzet" },
    ],
    informeel: [
      { field: "verhaal", label: "Verhaal" },
      { field: "inzet", label: "Inzet" },
      { field: "resultaat", label: "Resultaat" },
    ],
  };

/** The fields each format asks of the partner, beyond the narrative and the resident's story. */
export const FORMAT_FIELDS: Record<ReportFormat, readonly string[]> = {
  formeel: [
    "inzet",
    "behaaldeDoelen",
    "bereik",
    "zichtbaarEffect",
    "tevredenheid",
    "samenwerking",
    "wijkschouw",
  ],
  informeel: ["inzet", "resultaat"],
};

/** Days before the due date from which partners are reminded. */
export const REMINDER_DAYS = 14;

const DAY_MS = 86_400_000;
/** Whole days from `today` until `dueOn` (both JJJJ-MM-DD, calendar days, no time zones). */
export const daysUntil = (dueOn: string, today: string): number =>
  Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);

/**
 * Where a requirement stands on `today`: "verlopen" when its due date passed without a submitted
 * or approved report, "binnenkort" when it is due within REMINDER_DAYS (the due day included),
 * otherwise nothing to say.
 */
export function deadlineStage(
  dueOn: string,
  today: string,
  reportState: ReportState | undefined,
): ReminderStage | undefined {
  if (isAnswered(reportState)) return undefined;
  const days = daysUntil(dueOn, today);
  if (days < 0) return "verlopen";
  if (days <= REMINDER_DAYS) return "binnenkort";
  return undefined;
}

/** A calendar date as JJJJ-MM-DD in UTC: the day the job or a page counts from. */
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

const dutchDate = (iso: string) => {
  const [y, m, d] = iso.split("-");
  return `${Number(d)}-${Number(m)}-${y}`;
};

/** "2025" for a whole calendar year, else "1-1-2025 t/m 30-6-2025": the period in texts and sources. */
export function periodLabel(start: string, end: string): string {
  const year = start.slice(0, 4);
  if (start === `${year}-01-01` && end === `${year}-12-31`) return year;
  return `${dutchDate(start)} t/m ${dutchDate(end)}`;
}

/** The year a report's indicator values are measurements of: the year its period ends. */
export const measurementYear = (periodEnd: string): number => Number(periodEnd.slice(0, 4));
