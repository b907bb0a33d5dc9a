import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDifference, formatNumber, formatValue } from "./format.js";

describe("Dutch number formats", () => {
  it("groups thousands with a dot and uses a decimal comma", () => {
    expect(formatNumber(100000)).toBe("100.000");
    expect(formatNumber(4.17)).toBe("4,17");
    expect(formatValue(37.5, "percentage")).toBe("37,5%");
    expect(formatValue(18200000, "euro")).toBe("€ 18.200.000");
  });
});

describe("formatDifference", () => {
  it("says procentpunt between percentages, never %", () => {
    expect(formatDifference(5, "percentage")).toBe("+5 procentpunt");
    expect(formatDifference(-2.5, "percentage")).toBe("-2,5 procentpunt");
    expect(formatDifference(0, "percentage")).toBe("0 procentpunt");
  });

  it("keeps the unit for other units", () => {
    expect(formatDifference(1200, "aantal")).toBe("+1.200");
    expect(formatDifference(-0.4, "score")).toBe("-0,4");
  });

  it("any percentage difference is in procentpunt with its sign", () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), (d) => {
        const text = formatDifference(d, "percentage");
        expect(text).toMatch(/ procentpunt$/);
        expect(text).not.toContain("%");
        if (d > 0) expect(text.startsWith("+")).toBe(true);
      }),
    );
  });
});
