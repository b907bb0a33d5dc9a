import { describe, expect, it } from "vitest";
import { trend } from "./analysis.js";
import { barChart, CHART_SIZES, chartFormat, lineChart } from "./charts.js";

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
const fontSizes = (svg: string) =>
  [...svg.matchAll(/font-size:(\d+(?:\.\d+)?)px/g)].map((m) => Number(m[1]));

describe("lineChart", () => {
  const points = [
    { t: 2019, value: 100000 },
    { t: 2020, value: 104170 },
    { t: 2021, value: 110000 },
  ];

  it("writes axis and point labels in Dutch number format", () => {
    const svg = lineChart({ points, unit: "aantal" });
    expect(texts(svg)).toContain("100.000");
    expect(svg).not.toMatch(/>100,000</);
    const score = lineChart({
      points: [
        { t: 2019, value: 4.17 },
        { t: 2020, value: 4.3 },
      ],
      unit: "score",
    });
    expect(texts(score)).toContain("4,17");
    expect(score).not.toContain(">4.17<");
  });

  it("draws a single measurement as a point labelled with its year, on an axis with width", () => {
    const svg = lineChart({ points: [{ t: 2024, value: 4.17 }], unit: "score" });
    expect(texts(svg)).toContain("2024: 4,17");
    expect(texts(svg)).toContain("2024");
    // The symbol: ECharts draws the circle as a path with an arc ("A").
    expect(svg).toMatch(/<path d="M[^"]*A[^"]*"[^>]*fill="#1f5f8b"/);
    expect(texts(svg)).toContain("2023");
    expect(texts(svg)).toContain("2025");
  });

  it("draws no trend line from two measurements, and one from three", () => {
    const two = points.slice(0, 2);
    const noTrend = trend(two);
    expect(noTrend).toBeUndefined();
    expect(
      lineChart({ points: two, unit: "aantal", trend: undefined, target: undefined }),
    ).not.toMatch(/stroke-dasharray/);
    const line = trend(points);
    if (!line) throw new Error("trend uit drie metingen verwacht");
    expect(lineChart({ points, unit: "aantal", trend: { line, until: 2026 } })).toMatch(
      /stroke-dasharray/,
    );
  });

  it("the narrow variant is drawn at phone width with text of at least 12 px", () => {
    const svg = lineChart({ points, unit: "aantal" }, "smal");
    expect(svg).toContain(`width="${CHART_SIZES.smal.width}"`);
    expect(CHART_SIZES.smal.width).toBeLessThanOrEqual(320);
    expect(Math.min(...fontSizes(svg))).toBeGreaterThanOrEqual(14);
  });

  it("reads the format from the query, wide by default", () => {
    expect(chartFormat("smal")).toBe("smal");
    expect(chartFormat("klein")).toBe("klein");
    expect(chartFormat(undefined)).toBe("breed");
    expect(chartFormat("<script>")).toBe("breed");
  });
});

describe("barChart", () => {
  const bars = [
    { label: "Jutphaas-Wijkersloot", value: 4.17 },
    { label: "Galecop", value: 100000 },
  ];

  it("labels bars and the municipality line in Dutch number format", () => {
    const svg = barChart(bars, 5000, "aantal");
    expect(texts(svg)).toContain("100.000");
    expect(texts(svg)).toContain("4,17");
    expect(texts(svg)).toContain("gemeente 5.000");
  });

  it("the narrow variant names each wijk with its value above the bar, in text of 14 px", () => {
    const svg = barChart(bars, undefined, "aantal", "smal");
    expect(texts(svg)).toContain("Jutphaas-Wijkersloot: 4,17");
    expect(texts(svg)).toContain("Galecop: 100.000");
    expect(svg).toContain(`width="${CHART_SIZES.smal.width}"`);
    expect(Math.min(...fontSizes(svg))).toBeGreaterThanOrEqual(14);
  });
});
