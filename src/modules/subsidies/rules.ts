import type { OrganisationKind } from "../organisations/index.js";
import type { ReportKind, SubsidyForm, SubsidyState } from "./schema.js";

// The pure business rules of a subsidy decision: which state may follow which, what the public
// may see, and the Dutch names of the codes. No database, no request: property-tested on their own.

/** Which states may follow a state. Established and withdrawn decisions are final. */
export const NEXT_STATES: Readonly<Record<SubsidyState, readonly SubsidyState[]>> = {
  aanvraag: ["verleend", "ingetrokken"],
  verleend: ["vastgesteld", "ingetrokken"],
  vastgesteld: [],
  ingetrokken: [],
};

export const canTransition = (from: SubsidyState, to: SubsidyState): boolean =>
  NEXT_STATES[from].includes(to);

export const isFinal = (state: SubsidyState): boolean => NEXT_STATES[state].length === 0;

/**
 * Why a state change is refused (the field to fix and a Dutch message), or undefined when it is allowed. Establishing
 * (vaststellen) needs the established amount: the decision then says what was actually spent.
 */
export function transitionProblem(
  from: SubsidyState,
  to: SubsidyState,
  establishedCents: number | null | undefined,
): { field: "status" | "vastgesteldBedrag"; message: string } | undefined {
  const status = (message: string) => ({ field: "status" as const, message });
  if (from === to) return status(`De subsidie is al ${STATE_LABELS[to].toLowerCase()}.`);
  if (!canTransition(from, to)) {
    return status(
      isFinal(from)
        ? `Een ${STATE_LABELS[from].toLowerCase()} subsidie verandert niet meer van status.`
        : `Van ${STATE_LABELS[from].toLowerCase()} kan de status alleen naar ${NEXT_STATES[from]
            .map((s) => STATE_LABELS[s].toLowerCase())
            .join(" of ")}.`,
    );
  }
  if (to === "vastgesteld" && (establishedCents === null || establishedCents === undefined)) {
    return {
      field: "vastgesteldBedrag",
      message:
        "Vul het vastgestelde bedrag in: zonder dat bedrag kan de subsidie niet worden vastgesteld.",
    };
  }
  return undefined;
}

/** The states of the public register: granted or established. Applications and withdrawals are not public. */
export const PUBLIC_STATES: readonly SubsidyState[] = ["verleend", "vastgesteld"];
export const isPublicState = (state: SubsidyState): boolean => PUBLIC_STATES.includes(state);

/** Who looks at a decision, and which one may be seen. */
export interface SubsidyViewer {
  /** Staff with subsidies.manage: every decision, with internal note and history. */
  staff: boolean;
  /** A partner's organisations: their own decisions in every state, never the internal note. */
  organisationIds: readonly string[];
}

export const PUBLIC_VIEWER: SubsidyViewer = { staff: false, organisationIds: [] };

export const maySee = (
  viewer: SubsidyViewer,
  subsidy: { state: SubsidyState; organisationId: string },
): boolean =>
  viewer.staff ||
  isPublicState(subsidy.state) ||
  viewer.organisationIds.includes(subsidy.organisationId);

/**
 * The one rule for the share going to volunteer organisations and meeting places: a decision counts
 * when staff marked it so (a meeting place, a volunteer effort of a formal organisation), or when
 * it goes to an informal organisation (kind "informeel": volunteers by nature). Nothing else counts.
 */
export const countsAsVolunteer = (s: {
  volunteerOrMeetingPlace: boolean;
  organisationKind: OrganisationKind;
}): boolean => s.volunteerOrMeetingPlace || s.organisationKind === "informeel";

export const VOLUNTEER_RULE =
  "Een subsidie telt mee voor het aandeel vrijwilligersorganisaties en ontmoetingsplekken als " +
  "zij bij de beschikking zo is aangemerkt (een ontmoetingsplek of vrijwilligersinzet), of als de " +
  "ontvanger een informele organisatie is. Elke subsidie telt hoogstens één keer mee.";

export const FORM_LABELS: Readonly<Record<SubsidyForm, string>> = {
  budgetfinanciering: "Budgetfinanciering",
  incidentele_subsidie: "Incidentele subsidie",
  projectsubsidie: "Projectsubsidie",
  stimuleringsbijdrage: "Stimuleringsbijdrage",
};

export const STATE_LABELS: Readonly<Record<SubsidyState, string>> = {
  aanvraag: "Aangevraagd",
  verleend: "Verleend",
  vastgesteld: "Vastgesteld",
  ingetrokken: "Ingetrokken",
};

/** The verb on a state-change button: what the change does. */
export const STATE_ACTIONS: Readonly<Record<SubsidyState, string>> = {
  aanvraag: "Terug naar aanvraag",
  verleend: "Verlenen",
  vastgesteld: "Vaststellen",
  ingetrokken: "Intrekken",
};

export const REPORT_KIND_LABELS: Readonly<Record<ReportKind, string>> = {
  verantwoording: "Verantwoording",
  tussenrapportage: "Tussenrapportage",
  voortgangsgesprek: "Voortgangsgesprek",
};
