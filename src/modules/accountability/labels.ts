import type { ReminderStage, ReportFormat, ReportState } from "./schema.js";

/** How the interface names the states, formats and deadline stages. */
export const STATE_LABELS: Record<ReportState, string> = {
  concept: "Concept",
  ingediend: "Ingediend, wacht op beoordeling",
  aanvulling_nodig: "Aanvulling nodig",
  akkoord: "Akkoord (openbaar)",
};

export const FORMAT_LABELS: Record<ReportFormat, string> = {
  formeel: "Formele instelling: volledige verantwoording",
  informeel: "Informele organisatie: inzet en resultaat, besproken in een voortgangsgesprek",
};

export const STAGE_LABELS: Record<ReminderStage, string> = {
  binnenkort: "Binnenkort",
  verlopen: "Te laat",
};

export const REQUIREMENT_KIND_LABELS: Record<string, string> = {
  verantwoording: "Verantwoording",
  tussenrapportage: "Tussenrapportage",
  voortgangsgesprek: "Voortgangsgesprek",
};

/** A date as the interface shows it: "3 maart 2026". */
export const formatDay = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString("nl-NL", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });

/** A file size as the interface shows it: "812 kB", "2,4 MB". */
export const formatSize = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} kB`
    : `${(bytes / 1024 / 1024).toLocaleString("nl-NL", { maximumFractionDigits: 1 })} MB`;
