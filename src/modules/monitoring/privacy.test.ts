import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  disclose,
  discloseCorrection,
  isSmallCount,
  PUBLIC_VIEWER,
  type Viewer,
  WITHHOLDABLE,
} from "./privacy.js";
import { UNITS } from "./schema.js";

const STAFF: Viewer = { seesNonPublic: true };

const areaCode = fc.oneof(
  fc.constantFrom("GM0356", "GB035601", "WK035615", "BU03561501"),
  fc.stringMatching(/^GM\d{4}$/),
  fc.stringMatching(/^WK\d{6}$/),
  fc.stringMatching(/^BU\d{8}$/),
  fc.string({ maxLength: 12 }),
);
const figure = fc.option(
  fc.oneof(fc.integer({ min: -5, max: 50 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
  { nil: null },
);
const row = fc.record({
  id: fc.uuid(),
  areaCode,
  value: figure,
  target: figure,
  estimate: figure,
});
const unit = fc.constantFrom(...UNITS);
const threshold = fc.integer({ min: 0, max: 100 });

describe("the small-count rule", () => {
  it("hides a count of 3 in a wijk at threshold 10, shows 10, and leaves the municipality alone", () => {
    const wk = { areaCode: "WK035615", value: 3, estimate: null, target: 5 };
    expect(disclose(wk, "aantal", 10, PUBLIC_VIEWER)).toMatchObject({
      value: null,
      target: 5,
      isPublic: false,
      nonPublic: ["value"],
      withheld: ["value"],
    });
    expect(disclose(wk, "aantal", 10, STAFF)).toMatchObject({
      value: 3,
      isPublic: false,
      withheld: [],
    });
    expect(disclose({ ...wk, value: 10 }, "aantal", 10, PUBLIC_VIEWER)).toMatchObject({
      value: 10,
      isPublic: true,
    });
    expect(disclose({ ...wk, areaCode: "GM0356" }, "aantal", 10, PUBLIC_VIEWER).value).toBe(3);
    expect(disclose({ ...wk, areaCode: "GB035601" }, "aantal", 10, PUBLIC_VIEWER).value).toBe(null);
    expect(disclose(wk, "percentage", 10, PUBLIC_VIEWER).value).toBe(3);
  });

  it("never gives the public a small count below the municipality, in value or estimate", () => {
    fc.assert(
      fc.property(row, unit, threshold, (r, u, t) => {
        const out = disclose(r, u, t, PUBLIC_VIEWER);
        for (const f of WITHHOLDABLE) expect(isSmallCount(u, out.areaCode, out[f], t)).toBe(false);
        expect(out.isPublic).toBe(out.nonPublic.length === 0);
        expect(out.withheld).toEqual(out.nonPublic);
      }),
    );
  });

  it("removes only the small figures: everything else, and the target, is unchanged", () => {
    fc.assert(
      fc.property(row, unit, threshold, (r, u, t) => {
        const out = disclose(r, u, t, PUBLIC_VIEWER);
        expect(out.id).toBe(r.id);
        expect(out.areaCode).toBe(r.areaCode);
        expect(out.target).toBe(r.target);
        for (const f of WITHHOLDABLE) expect(out[f]).toBe(out.withheld.includes(f) ? null : r[f]);
      }),
    );
  });

  it("gives staff every figure, marked with the same verdict the public gets", () => {
    fc.assert(
      fc.property(row, unit, threshold, (r, u, t) => {
        const staff = disclose(r, u, t, STAFF);
        const pub = disclose(r, u, t, PUBLIC_VIEWER);
        expect(staff.value).toBe(r.value);
        expect(staff.estimate).toBe(r.estimate);
        expect(staff.withheld).toEqual([]);
        expect(staff.isPublic).toBe(pub.isPublic);
        expect(staff.nonPublic).toEqual(pub.nonPublic);
      }),
    );
  });

  it("never touches municipality figures or figures that do not count people", () => {
    fc.assert(
      fc.property(
        row,
        fc.stringMatching(/^GM\d{4}$/),
        unit.filter((x) => x !== "aantal"),
        threshold,
        (r, gm, u, t) => {
          expect(disclose({ ...r, areaCode: gm }, "aantal", t, PUBLIC_VIEWER)).toMatchObject({
            ...r,
            areaCode: gm,
            isPublic: true,
          });
          expect(disclose(r, u, t, PUBLIC_VIEWER)).toMatchObject({ ...r, isPublic: true });
        },
      ),
    );
  });

  it("hides more, never less, as the threshold rises", () => {
    fc.assert(
      fc.property(row, unit, threshold, threshold, (r, u, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const atLow = disclose(r, u, low, PUBLIC_VIEWER).withheld;
        const atHigh = disclose(r, u, high, PUBLIC_VIEWER).withheld;
        for (const f of atLow) expect(atHigh).toContain(f);
      }),
    );
  });

  it("is idempotent: disclosing a disclosed row changes no figure", () => {
    fc.assert(
      fc.property(row, unit, threshold, (r, u, t) => {
        const once = disclose(r, u, t, PUBLIC_VIEWER);
        const twice = disclose(once, u, t, PUBLIC_VIEWER);
        expect([twice.value, twice.estimate, twice.target]).toEqual([
          once.value,
          once.estimate,
          once.target,
        ]);
      }),
    );
  });

  it("strips the replaced figures of corrections to sensitive cells, for the public only", () => {
    const c = { id: "c", before: { waarde: 4 }, after: { value: 3 } };
    expect(discloseCorrection(c, "aantal", "WK035615", PUBLIC_VIEWER)).toEqual({
      id: "c",
      before: {},
      after: {},
    });
    expect(discloseCorrection(c, "aantal", "WK035615", STAFF)).toBe(c);
    expect(discloseCorrection(c, "aantal", "GM0356", PUBLIC_VIEWER)).toBe(c);
    expect(discloseCorrection(c, "percentage", "WK035615", PUBLIC_VIEWER)).toBe(c);
  });
});
