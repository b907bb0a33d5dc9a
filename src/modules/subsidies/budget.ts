import type { OrganisationKind } from "../organisations/index.js";
import { countsAsVolunteer, isPublicState } from "./rules.js";
import type { SubsidyState } from "./schema.js";

// The welfare budget of one year, worked out from entered plans and decisions only. Every sum is
// an exact integer number of cents; a percentage is made only to be shown (formatShare).

export interface BudgetDecision {
  id: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  workAreaId: string | null;
  state: SubsidyState;
  amountCents: number;
  establishedCents: number | null;
  volunteerOrMeetingPlace: boolean;
}

export interface BudgetLine {
  /** null: decisions without a work area. */
  workAreaId: string | null;
  name: string;
  /** null: no plan entered for this work area and year. */
  plannedCents: number | null;
  grantedCents: number;
  establishedCents: number;
}

export interface BudgetOverview {
  lines: BudgetLine[];
  totals: { plannedCents: number; grantedCents: number; establishedCents: number };
  /** Granted to volunteer organisations and meeting places (countsAsVolunteer), of all granted. */
  volunteerCents: number;
  /** Every granted or established decision: granted (planned) against established (actual). */
  decisions: (BudgetDecision & { differenceCents: number | null })[];
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Granted: decisions that are verleend or vastgesteld (the register); their granted amount. */
export const grantedCents = (d: Pick<BudgetDecision, "state" | "amountCents">) =>
  isPublicState(d.state) ? d.amountCents : 0;

/** Established: only vastgesteld decisions, with their established amount. */
export const establishedCentsOf = (d: Pick<BudgetDecision, "state" | "establishedCents">) =>
  d.state === "vastgesteld" ? (d.establishedCents ?? 0) : 0;

/**
 * Per work area (in the order given) the planned, granted and established amounts; decisions
 * without a work area, or with one not in the list, form a last line "Zonder werkgebied" when
 * there are any. The lines add up to the totals exactly.
 */
export function budgetOverview(
  workAreas: readonly { id: string; name: string }[],
  plans: readonly { workAreaId: string; plannedCents: number }[],
  decisions: readonly BudgetDecision[],
): BudgetOverview {
  const counted = decisions.filter((d) => isPublicState(d.state));
  const known = new Set(workAreas.map((w) => w.id));
  const areaOf = (d: BudgetDecision) =>
    d.workAreaId !== null && known.has(d.workAreaId) ? d.workAreaId : null;
  const line = (workAreaId: string | null, name: string): BudgetLine => {
    const mine = counted.filter((d) => areaOf(d) === workAreaId);
    const planned = plans.filter((p) => p.workAreaId === workAreaId);
    return {
      workAreaId,
      name,
      plannedCents: planned.length > 0 ? sum(planned.map((p) => p.plannedCents)) : null,
      grantedCents: sum(mine.map(grantedCents)),
      establishedCents: sum(mine.map(establishedCentsOf)),
    };
  };
  const lines = workAreas.map((w) => line(w.id, w.name));
  if (counted.some((d) => areaOf(d) === null)) lines.push(line(null, "Zonder werkgebied"));
  return {
    lines,
    totals: {
      plannedCents: sum(lines.map((l) => l.plannedCents ?? 0)),
      grantedCents: sum(lines.map((l) => l.grantedCents)),
      establishedCents: sum(lines.map((l) => l.establishedCents)),
    },
    volunteerCents: sum(counted.filter(countsAsVolunteer).map(grantedCents)),
    decisions: counted.map((d) => ({
      ...d,
      differenceCents:
        d.state === "vastgesteld" && d.establishedCents !== null
          ? d.establishedCents - d.amountCents
          : null,
    })),
  };
}

/**
 * A part of a whole as a Dutch percentage with one decimal, "12,3%", rounded half up in integer
 * arithmetic (BigInt, so no cents are lost on the way); "—" when the whole is zero.
 */
export function formatShare(partCents: number, wholeCents: number): string {
  const tenths = shareTenths(partCents, wholeCents);
  if (tenths === null) return "—";
  return `${Math.trunc(tenths / 10)},${tenths % 10}%`;
}

/** A part of a whole in tenths of a percent (123 is 12,3%), rounded half up; null for a zero whole. */
export function shareTenths(partCents: number, wholeCents: number): number | null {
  if (wholeCents <= 0) return null;
  return Number((BigInt(partCents) * 2000n + BigInt(wholeCents)) / (2n * BigInt(wholeCents)));
}
