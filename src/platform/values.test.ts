import { describe, expect, it } from "vitest";
import { definedOnly, isCode, isUuid, slugify } from "./values.js";

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
