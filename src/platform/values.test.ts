import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { definedOnly, isCalendarDay, isCode, isUuid, slugify } from "./values.js";

describe("value helpers", () => {
  it("slugify makes a code that isCode accepts", () => {
    expect(slugify("Coalitie tegen eenzaamheid")).toBe("coalitie-tegen-eenzaamheid");
    expect(slugify("Cliënttevredenheid Wmo 2026!")).toBe("clienttevredenheid-wmo-2026");
    expect(isCode(slugify("  Één -- twee  "))).toBe(true);
    expect(slugify("x".repeat(120))).toHaveLength(80);
  });
  it("isUuid tells ids from codes", () => {
    expect(isUuid("00000000-0000-4000-8000-000000000000")).toBe(true);
    expect(isUuid("begroting-2020")).toBe(false);
  });
  it("definedOnly keeps null (clear) and drops undefined (leave as it is)", () => {
    expect(definedOnly({ a: 1, b: undefined, c: null })).toEqual({ a: 1, c: null });
  });
});

describe("isCalendarDay", () => {
  it("accepts exactly the days a calendar has, within the years given", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1800-01-01"), max: new Date("2200-12-31"), noInvalidDate: true }),
        (d) => {
          const text = d.toISOString().slice(0, 10);
          const year = d.getUTCFullYear();
          expect(isCalendarDay(text)).toBe(true);
          expect(isCalendarDay(text, { from: 1900, to: 2100 })).toBe(year >= 1900 && year <= 2100);
        },
      ),
    );
    for (const bad of ["2024-02-30", "2026-2-28", "28-02-2026", "2026-13-01", "2026-00-10", ""])
      expect(isCalendarDay(bad)).toBe(false);
    expect(isCalendarDay("2024-02-29")).toBe(true);
  });
});
