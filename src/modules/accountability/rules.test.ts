import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ORGANISATION_KINDS } from "../organisations/index.js";
import {
  daysUntil,
  deadlineStage,
  formatForKind,
  isAnswered,
  isEditable,
  lockedMessage,
  nextState,
  periodLabel,
  REMINDER_DAYS,
  type ReportAction,
  refusedStepMessage,
} from "./rules.js";
import { REPORT_STATES, type ReportState } from "./schema.js";

const state = fc.constantFrom(...REPORT_STATES);
const action = fc.constantFrom<ReportAction>("indienen", "akkoord", "aanvulling_nodig");
const day = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

describe("format by the organisation's kind", () => {
  it("gives an informal organisation the lighter set and every other kind the full set", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ORGANISATION_KINDS), (kind) => {
        expect(formatForKind(kind)).toBe(kind === "informeel" ? "informeel" : "formeel");
      }),
    );
  });
});

describe("transitions", () => {
  it("goes concept → ingediend → akkoord | aanvulling_nodig → ingediend, nothing else", () => {
    expect(nextState("concept", "indienen")).toBe("ingediend");
    expect(nextState("ingediend", "akkoord")).toBe("akkoord");
    expect(nextState("ingediend", "aanvulling_nodig")).toBe("aanvulling_nodig");
    expect(nextState("aanvulling_nodig", "indienen")).toBe("ingediend");
    expect(nextState("concept", "akkoord")).toBeUndefined();
    expect(nextState("akkoord", "indienen")).toBeUndefined();
  });

  it("never leaves akkoord, and only a submitted report is reviewed", () => {
    fc.assert(
      fc.property(state, action, (s, a) => {
        const next = nextState(s, a);
        if (s === "akkoord") expect(next).toBeUndefined();
        if (a !== "indienen") expect(next === undefined || s === "ingediend").toBe(true);
        // A step that is possible comes from an editable report or is a review of a submitted one.
        if (next !== undefined) expect(isEditable(s) || s === "ingediend").toBe(true);
        if (next === undefined) expect(refusedStepMessage(s, a)).toMatch(/verantwoording/i);
      }),
    );
  });

  it("reaches akkoord from a concept only through a submission", () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 12 }), (actions) => {
        let s: ReportState = "concept";
        let submitted = false;
        for (const a of actions) {
          const next = nextState(s, a);
          if (next === undefined) continue;
          if (a === "indienen") submitted = true;
          s = next;
        }
        if (s === "akkoord" || s === "ingediend") expect(submitted).toBe(true);
      }),
    );
  });

  it("lets only concepts and reports sent back be edited, with a Dutch reason otherwise", () => {
    fc.assert(
      fc.property(state, (s) => {
        expect(isEditable(s)).toBe(lockedMessage(s) === undefined);
      }),
    );
    expect(lockedMessage("akkoord")).toContain("goedgekeurd");
  });
});

describe("deadlines", () => {
  it("counts calendar days", () => {
    expect(daysUntil("2026-03-01", "2026-02-27")).toBe(2);
    expect(daysUntil("2026-01-01", "2026-01-01")).toBe(0);
    expect(daysUntil("2025-12-31", "2026-01-01")).toBe(-1);
  });

  it("is overdue after the due day, due soon within the window, else quiet; answered never", () => {
    fc.assert(
      fc.property(day, day, fc.option(state, { nil: undefined }), (due, today, s) => {
        const stage = deadlineStage(due, today, s);
        const days = daysUntil(due, today);
        if (isAnswered(s)) expect(stage).toBeUndefined();
        else if (days < 0) expect(stage).toBe("verlopen");
        else if (days <= REMINDER_DAYS) expect(stage).toBe("binnenkort");
        else expect(stage).toBeUndefined();
      }),
    );
  });

  it("moves only forward in time: once overdue, later days stay overdue", () => {
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 400 }), (due, today, later) => {
        const next = new Date(Date.parse(`${today}T00:00:00Z`) + later * 86_400_000)
          .toISOString()
          .slice(0, 10);
        if (deadlineStage(due, today, undefined) === "verlopen")
          expect(deadlineStage(due, next, undefined)).toBe("verlopen");
      }),
    );
  });
});

describe("period label", () => {
  it("names a calendar year by its year and any other period by its dates", () => {
    expect(periodLabel("2025-01-01", "2025-12-31")).toBe("2025");
    expect(periodLabel("2025-01-01", "2025-06-30")).toBe("1-1-2025 t/m 30-6-2025");
  });
});
