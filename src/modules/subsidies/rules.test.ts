import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ORGANISATION_KINDS } from "../organisations/index.js";
import {
  type BudgetDecision,
  budgetOverview,
  establishedCentsOf,
  formatShare,
  grantedCents,
} from "./budget.js";
import {
  canTransition,
  countsAsVolunteer,
  isFinal,
  maySee,
  NEXT_STATES,
  PUBLIC_VIEWER,
  transitionProblem,
} from "./rules.js";
import { SUBSIDY_STATES } from "./schema.js";

const state = fc.constantFrom(...SUBSIDY_STATES);

describe("the state rule", () => {
  it("allows exactly aanvraag→verleend|ingetrokken and verleend→vastgesteld|ingetrokken", () => {
    const allowed = SUBSIDY_STATES.flatMap((from) =>
      SUBSIDY_STATES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual([
      "aanvraag→verleend",
      "aanvraag→ingetrokken",
      "verleend→vastgesteld",
      "verleend→ingetrokken",
    ]);
    expect(isFinal("vastgesteld") && isFinal("ingetrokken")).toBe(true);
  });

  it("never leaves a final state, never stays put, and never goes back to aanvraag", () => {
    fc.assert(
      fc.property(state, state, fc.option(fc.nat()), (from, to, established) => {
        const problem = transitionProblem(from, to, established);
        if (isFinal(from) || from === to || to === "aanvraag")
          expect(problem?.field).toBe("status");
        if (problem === undefined) expect(NEXT_STATES[from]).toContain(to);
      }),
    );
  });

  it("establishes only with an established amount", () => {
    expect(transitionProblem("verleend", "vastgesteld", null)?.field).toBe("vastgesteldBedrag");
    expect(transitionProblem("verleend", "vastgesteld", 0)).toBeUndefined();
  });

  it("any path of allowed moves is at most two steps long and ends in a final state or stops", () => {
    fc.assert(
      fc.property(fc.array(state, { maxLength: 6 }), (moves) => {
        let current: (typeof SUBSIDY_STATES)[number] = "aanvraag";
        let steps = 0;
        for (const to of moves) {
          if (!transitionProblem(current, to, 1)) {
            current = to;
            steps += 1;
          }
        }
        expect(steps).toBeLessThanOrEqual(2);
      }),
    );
  });
});

describe("who sees a decision", () => {
  it("shows visitors only granted and established decisions; a partner also its own", () => {
    fc.assert(
      fc.property(state, fc.uuid(), fc.uuid(), (s, own, other) => {
        const publicState = s === "verleend" || s === "vastgesteld";
        expect(maySee(PUBLIC_VIEWER, { state: s, organisationId: own })).toBe(publicState);
        const partner = { staff: false, organisationIds: [own] };
        expect(maySee(partner, { state: s, organisationId: own })).toBe(true);
        if (own !== other)
          expect(maySee(partner, { state: s, organisationId: other })).toBe(publicState);
        expect(
          maySee({ staff: true, organisationIds: [] }, { state: s, organisationId: other }),
        ).toBe(true);
      }),
    );
  });
});

const MAX = 10_000_000_000;
const decision = (areaIds: string[]) =>
  fc.record({
    id: fc.uuid(),
    organisationName: fc.constant("Org"),
    organisationKind: fc.constantFrom(...ORGANISATION_KINDS),
    workAreaId: fc.option(fc.constantFrom(...areaIds, "onbekend")),
    state,
    amountCents: fc.integer({ min: 0, max: MAX }),
    establishedCents: fc.option(fc.integer({ min: 0, max: MAX })),
    volunteerOrMeetingPlace: fc.boolean(),
  }) as fc.Arbitrary<BudgetDecision>;

const areas = [
  { id: "a", name: "Ontmoeten" },
  { id: "b", name: "Opvoeden" },
  { id: "c", name: "Meedoen" },
];

describe("the welfare budget", () => {
  it("adds up exactly in cents: the lines' shares make the totals", () => {
    fc.assert(
      fc.property(
        fc.array(decision(areas.map((a) => a.id)), { maxLength: 40 }),
        fc.array(
          fc.record({
            workAreaId: fc.constantFrom("a", "b", "c"),
            plannedCents: fc.integer({ min: 0, max: MAX }),
          }),
          {
            maxLength: 3,
          },
        ),
        (decisions, plans) => {
          const o = budgetOverview(areas, plans, decisions);
          const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
          expect(sum(o.lines.map((l) => l.grantedCents))).toBe(o.totals.grantedCents);
          expect(sum(o.lines.map((l) => l.establishedCents))).toBe(o.totals.establishedCents);
          expect(o.totals.grantedCents).toBe(sum(decisions.map(grantedCents)));
          expect(o.totals.establishedCents).toBe(sum(decisions.map(establishedCentsOf)));
          expect(o.totals.plannedCents).toBe(sum(plans.map((p) => p.plannedCents)));
          expect(Number.isSafeInteger(o.totals.grantedCents)).toBe(true);
          // The volunteer share is a part of what was granted, counted once per decision.
          expect(o.volunteerCents).toBeGreaterThanOrEqual(0);
          expect(o.volunteerCents).toBeLessThanOrEqual(o.totals.grantedCents);
          expect(o.volunteerCents).toBe(sum(decisions.filter(countsAsVolunteer).map(grantedCents)));
          // Applications and withdrawals never count.
          expect(
            o.decisions.every((d) => d.state === "verleend" || d.state === "vastgesteld"),
          ).toBe(true);
        },
      ),
    );
  });

  it("counts a decision as volunteer when marked so or when the organisation is informal", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.constantFrom(...ORGANISATION_KINDS), (marked, kind) => {
        expect(countsAsVolunteer({ volunteerOrMeetingPlace: marked, organisationKind: kind })).toBe(
          marked || kind === "informeel",
        );
      }),
    );
  });

  it("shows a share as a percentage rounded half up to one decimal, only for display", () => {
    expect(formatShare(1, 3)).toBe("33,3%");
    expect(formatShare(2, 3)).toBe("66,7%");
    expect(formatShare(1, 2000)).toBe("0,1%");
    expect(formatShare(5, 5)).toBe("100,0%");
    expect(formatShare(0, 0)).toBe("—");
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX }), fc.nat({ max: 1000 }), (whole, perMille) => {
        const part = Math.floor((whole * perMille) / 1000);
        const shown = Number(formatShare(part, whole).replace("%", "").replace(",", "."));
        expect(Math.abs(shown - (part / whole) * 100)).toBeLessThanOrEqual(0.05 + 1e-9);
      }),
    );
  });
});
