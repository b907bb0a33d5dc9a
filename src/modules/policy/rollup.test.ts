import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rollup } from "./rollup.js";
import { ACTIVITY_STATUSES } from "./schema.js";
import { checkStatusChange, statusSummary, worstStatus } from "./status.js";

const item = fc.record({
  id: fc.uuid(),
  label: fc.string(),
  status: fc.constantFrom(...ACTIVITY_STATUSES),
  weight: fc.integer({ min: 0, max: 10 }),
  notApplicable: fc.boolean(),
});

describe("rollup", () => {
  it("weighs realised items: 2 of weight 1 realised, 1 of weight 2 not → 50%", () => {
    const r = rollup([
      { id: "a", label: "a", status: "gerealiseerd", weight: 1, notApplicable: false },
      { id: "b", label: "b", status: "gerealiseerd", weight: 1, notApplicable: false },
      { id: "c", label: "c", status: "vertraagd", weight: 2, notApplicable: false },
    ]);
    expect(r.progress).toBe(0.5);
    expect(r.worst).toBe("vertraagd");
  });

  it("leaves out not-applicable, weight-0, moved and extra items, saying why", () => {
    const r = rollup([
      { id: "a", label: "a", status: "niet_uitgevoerd", weight: 1, notApplicable: true },
      { id: "b", label: "b", status: "vertraagd", weight: 0, notApplicable: false },
      { id: "c", label: "c", status: "ondergebracht_elders", weight: 1, notApplicable: false },
      { id: "d", label: "d", status: "gerealiseerd", weight: 1, notApplicable: false },
    ]);
    expect(r.progress).toBe(1);
    expect(r.lines.map((l) => l.reason)).toEqual([
      "niet van toepassing",
      "gewicht 0",
      "ondergebracht elders",
      undefined,
    ]);
  });

  it("has no progress when nothing counts", () => {
    expect(rollup([]).progress).toBeUndefined();
  });

  it("progress is always between 0 and 1 and equals the realised share of the counted weight", () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), (items) => {
        const r = rollup(items);
        if (r.progress === undefined) {
          expect(r.countedWeight).toBe(0);
          return;
        }
        expect(r.progress).toBeGreaterThanOrEqual(0);
        expect(r.progress).toBeLessThanOrEqual(1);
        const sum = r.lines
          .filter((l) => l.counted && l.realised)
          .reduce((s, l) => s + l.weight, 0);
        expect(r.progress).toBeCloseTo(sum / r.countedWeight, 10);
      }),
    );
  });

  it("scaling every weight by the same factor does not change the progress", () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 20 }), fc.integer({ min: 2, max: 5 }), (items, k) => {
        const a = rollup(items).progress;
        const b = rollup(items.map((i) => ({ ...i, weight: i.weight * k }))).progress;
        if (a === undefined) expect(b).toBeUndefined();
        else expect(b).toBeCloseTo(a, 10);
      }),
    );
  });
});

describe("status rules", () => {
  it("requires an explanation for vertraagd, uitgesteld and niet uitgevoerd", () => {
    for (const to of ["vertraagd", "uitgesteld", "niet_uitgevoerd"] as const) {
      expect(checkStatusChange({ from: "gepland", to })).toHaveLength(1);
      expect(checkStatusChange({ from: "gepland", to, explanation: "Door corona" })).toEqual([]);
    }
    expect(checkStatusChange({ from: "gepland", to: "gerealiseerd" })).toEqual([]);
  });

  it("requires where for ondergebracht elders", () => {
    expect(checkStatusChange({ from: "gepland", to: "ondergebracht_elders" })[0]?.field).toBe(
      "elders",
    );
  });

  it("the worst status is one of the inputs and no input is worse", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ACTIVITY_STATUSES), { minLength: 1 }), (statuses) => {
        const w = worstStatus(statuses);
        expect(statuses).toContain(w);
      }),
    );
  });

  it("a status summary adds up to the number of items", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ACTIVITY_STATUSES)), (statuses) => {
        expect(statusSummary(statuses).reduce((s, r) => s + r.count, 0)).toBe(statuses.length);
      }),
    );
  });
});
