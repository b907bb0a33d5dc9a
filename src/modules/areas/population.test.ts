import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { populationSeries } from "./population.js";

const row = (areaCode: string, year: number, population: number) => ({
  areaCode,
  year,
  population,
  source: "CBS",
});

describe("populationSeries", () => {
  it("prefers the area's own figure over the sum of its children", () => {
    const rows = [row("GM", 2024, 100), row("W1", 2024, 60), row("W2", 2024, 30)];
    expect(populationSeries("GM", ["W1", "W2"], rows)).toEqual([
      { year: 2024, count: 100, source: "CBS", derived: false },
    ]);
  });

  it("sums the children, marked derived, when the area has no figure", () => {
    const rows = [row("W1", 2024, 60), row("W2", 2024, 30), row("W1", 2023, 50)];
    expect(populationSeries("G", ["W1", "W2"], rows)).toEqual([
      { year: 2024, count: 90, source: "CBS", derived: true },
    ]);
  });

  it("a derived figure always equals the sum of the children", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(100_000), { minLength: 1, maxLength: 12 }), (counts) => {
        const codes = counts.map((_, i) => `W${i}`);
        const rows = counts.map((c, i) => row(`W${i}`, 2024, c));
        const [point] = populationSeries("G", codes, rows);
        expect(point?.count).toBe(counts.reduce((a, b) => a + b, 0));
      }),
    );
  });
});
