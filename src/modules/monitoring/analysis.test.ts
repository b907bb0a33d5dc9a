import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  change,
  compareAreas,
  forecast,
  MIN_TREND_POINTS,
  targetStatus,
  trend,
} from "./analysis.js";

const line = (a: number, b: number, ts: number[]) => ts.map((t) => ({ t, value: a + b * t }));

describe("trend and forecast", () => {
  it("forecasts a perfect line exactly, with a zero-width interval", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.uniqueArray(fc.integer({ min: 2000, max: 2030 }), { minLength: 3, maxLength: 10 }),
        fc.integer({ min: 2031, max: 2040 }),
        (a, b, years, target) => {
          const tr = trend(line(a, b, years));
          if (!tr) throw new Error("geen trend voor een lijn met drie of meer jaren");
          const f = forecast(tr, target);
          expect(f.value).toBeCloseTo(a + b * target, 4);
          expect(tr.slope).toBeCloseTo(b, 6);
          expect((f.upper ?? 0) - (f.lower ?? 0)).toBeCloseTo(0, 3);
        },
      ),
    );
  });

  it("widens the prediction interval further from the data", () => {
    const tr = trend([
      { t: 2017, value: 3.0 },
      { t: 2018, value: 2.9 },
      { t: 2019, value: 3.1 },
      { t: 2020, value: 3.0 },
    ]);
    if (!tr) throw new Error("geen trend");
    const near = forecast(tr, 2021);
    const far = forecast(tr, 2030);
    expect((far.upper ?? 0) - (far.lower ?? 0)).toBeGreaterThan(
      (near.upper ?? 0) - (near.lower ?? 0),
    );
    expect(near.lower).toBeLessThan(near.value);
  });

  it("the interval always contains the point forecast", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            t: fc.integer({ min: 2000, max: 2030 }),
            value: fc.double({ min: -100, max: 100, noNaN: true }),
          }),
          {
            minLength: 3,
            maxLength: 12,
          },
        ),
        fc.integer({ min: 2000, max: 2040 }),
        (points, t) => {
          const tr = trend(points);
          if (!tr) return;
          const f = forecast(tr, t);
          if (f.lower !== undefined && f.upper !== undefined) {
            expect(f.lower).toBeLessThanOrEqual(f.value + 1e-9);
            expect(f.upper).toBeGreaterThanOrEqual(f.value - 1e-9);
          }
        },
      ),
    );
  });

  it("has no trend with one point, one distinct time or two measurements", () => {
    expect(trend([{ t: 2020, value: 1 }])).toBeUndefined();
    expect(
      trend([
        { t: 2020, value: 1 },
        { t: 2024, value: 2 },
      ]),
    ).toBeUndefined();
    expect(
      trend([
        { t: 2020, value: 1 },
        { t: 2020, value: 2 },
      ]),
    ).toBeUndefined();
  });
});

describe("at least three measurements for a trend and a forecast", () => {
  const series = fc
    .uniqueArray(fc.integer({ min: 2000, max: 2030 }), { maxLength: 8 })
    .chain((ts) =>
      fc.tuple(
        fc.constant(ts),
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), {
          minLength: ts.length,
          maxLength: ts.length,
        }),
      ),
    );
  const points = ([ts, vs]: [number[], number[]]) =>
    ts.map((t, i) => ({ t, value: vs[i] as number })).sort((a, b) => a.t - b.t);

  it("a trend exists exactly when there are three or more distinct times", () => {
    fc.assert(
      fc.property(series, (s) => {
        const p = points(s);
        expect(trend(p) !== undefined).toBe(p.length >= MIN_TREND_POINTS);
      }),
    );
  });

  it("before the target year, fewer than three measurements give 'onvoldoende gegevens', never a forecast status", () => {
    fc.assert(
      fc.property(
        series,
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.constantFrom("hoger_is_beter" as const, "lager_is_beter" as const),
        (s, target, direction) => {
          const p = points(s);
          if (p.length === 0) return;
          const r = targetStatus({ series: p, target, targetYear: 2031, direction });
          if (p.length < MIN_TREND_POINTS) {
            expect(r.status).toBe("onvoldoende_gegevens");
            expect(r.basis).toContain("minstens 3");
          } else {
            expect(r.status).not.toBe("onvoldoende_gegevens");
            expect(r.basis).toMatch(/^trendverwachting 2031/);
          }
        },
      ),
    );
  });

  it("states the basis in Dutch number format", () => {
    const r = targetStatus({
      series: [{ t: 2024, value: 4.17 }],
      target: 100000,
      targetYear: 2024,
      direction: "hoger_is_beter",
    });
    expect(r.basis).toBe("laatste meting 2024: 4,17 tegen streefwaarde 100.000");
  });
});

describe("change", () => {
  it("gives absolute and relative change; no relative change from zero", () => {
    expect(change({ t: 2018, value: 5.9 }, { t: 2024, value: 5.5 }).absolute).toBeCloseTo(-0.4);
    expect(change({ t: 2021, value: 3380 }, { t: 2022, value: 3400 }).relative).toBeCloseTo(
      20 / 3380,
    );
    expect(change({ t: 1, value: 0 }, { t: 2, value: 3 }).relative).toBeUndefined();
  });
});

describe("targetStatus", () => {
  const zelfredzaamheid = [
    { t: 2017, value: 2.8 },
    { t: 2018, value: 2.9 },
    { t: 2019, value: 3.0 },
    { t: 2020, value: 3.0 },
  ];
  const twoEarly = [
    { t: 2020, value: 4.17 },
    { t: 2021, value: 4.1 },
  ];
  const rising = [
    { t: 2018, value: 1 },
    { t: 2019, value: 2 },
    { t: 2020, value: 3 },
  ];
  const oneIn2020 = [{ t: 2020, value: 1 }];
  type Input = Parameters<typeof targetStatus>[0];
  type Status = ReturnType<typeof targetStatus>["status"];
  // [case, series, target, targetYear, direction, expected status]
  it.each<[string, Input["series"], number | undefined, number, Input["direction"], Status]>([
    [
      "Collectieve zelfredzaamheid 3.0 in 2020 against target 3.2 is niet op koers",
      zelfredzaamheid,
      3.2,
      2020,
      "hoger_is_beter",
      "niet_op_koers",
    ],
    [
      "two measurements four years before the target are not 'niet op koers'",
      twoEarly,
      4.5,
      2025,
      "hoger_is_beter",
      "onvoldoende_gegevens",
    ],
    [
      "a rising trend forecast to reach the target is op koers",
      rising,
      6,
      2023,
      "hoger_is_beter",
      "op_koers",
    ],
    [
      "a rising trend forecast to miss the target is niet op koers",
      rising,
      7,
      2023,
      "hoger_is_beter",
      "niet_op_koers",
    ],
    [
      "a lower-is-better target below the last value is niet op koers",
      rising,
      2,
      2020,
      "lager_is_beter",
      "niet_op_koers",
    ],
    [
      "too little data without a target",
      oneIn2020,
      undefined,
      2025,
      "hoger_is_beter",
      "onvoldoende_gegevens",
    ],
    [
      "too little data with one early point",
      oneIn2020,
      2,
      2025,
      "hoger_is_beter",
      "onvoldoende_gegevens",
    ],
    ["too little data without a direction", oneIn2020, 2, 2020, "neutraal", "onvoldoende_gegevens"],
  ])("%s", (_case, series, target, targetYear, direction, status) => {
    expect(targetStatus({ series, target, targetYear, direction }).status).toBe(status);
  });
});

describe("compareAreas", () => {
  it("judges above and below the municipality by the indicator's direction", () => {
    const r = compareAreas(
      10,
      [
        { areaCode: "W1", value: 12 },
        { areaCode: "W2", value: 8 },
        { areaCode: "W3", value: 10 },
      ],
      "lager_is_beter",
    );
    expect(r.map((x) => [x.position, x.judgement, x.difference])).toEqual([
      ["boven", "slechter", 2],
      ["onder", "beter", -2],
      ["gelijk", "gelijk", 0],
    ]);
  });
});
