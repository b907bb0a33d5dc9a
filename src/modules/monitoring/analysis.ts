/** Pure analysis of indicator series: change, trend, forecast, status against target, comparison. */

import { formatNumber } from "./format.js";

export interface Point {
  /** Time as a decimal year (2020, or 2021.25 for the second quarter). */
  t: number;
  value: number;
}

export type Direction = "hoger_is_beter" | "lager_is_beter" | "neutraal";

export interface Change {
  from: Point;
  to: Point;
  absolute: number;
  /** Relative change; undefined when the start value is 0. */
  relative: number | undefined;
}

export function change(from: Point, to: Point): Change {
  return {
    from,
    to,
    absolute: to.value - from.value,
    relative: from.value === 0 ? undefined : (to.value - from.value) / Math.abs(from.value),
  };
}

export interface Trend {
  /** Change per year. */
  slope: number;
  intercept: number;
  n: number;
  /** Residual standard error; 0 for a perfect fit, undefined with fewer than 3 points. */
  residualSe: number | undefined;
  meanT: number;
  sxx: number;
}

/**
 * The fewest measurements at distinct times a trend is drawn from. Two points always lie on a line,
 * so a "trend" through them says nothing about the spread, and a forecast from it years ahead reads
 * as certain while it is a guess: from three on the residual error gives a prediction interval.
 */
export const MIN_TREND_POINTS = 3;

/** Whether a series has enough distinct measurement times for a trend and a forecast. */
export const hasTrendData = (points: readonly Point[]): boolean =>
  new Set(points.map((p) => p.t)).size >= MIN_TREND_POINTS;

/** Ordinary least squares over the points; undefined with fewer than MIN_TREND_POINTS distinct times. */
export function trend(points: readonly Point[]): Trend | undefined {
  const n = points.length;
  if (!hasTrendData(points)) return undefined;
  const meanT = points.reduce((s, p) => s + p.t, 0) / n;
  const meanV = points.reduce((s, p) => s + p.value, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.t - meanT) ** 2, 0);
  if (sxx === 0) return undefined;
  const sxy = points.reduce((s, p) => s + (p.t - meanT) * (p.value - meanV), 0);
  const slope = sxy / sxx;
  const intercept = meanV - slope * meanT;
  const sse = points.reduce((s, p) => s + (p.value - (intercept + slope * p.t)) ** 2, 0);
  return {
    slope,
    intercept,
    n,
    residualSe: n > 2 ? Math.sqrt(sse / (n - 2)) : undefined,
    meanT,
    sxx,
  };
}

// Two-sided 95% critical values of Student's t for 1..30 degrees of freedom; 1.96 beyond.
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
  2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048,
  2.045, 2.042,
];
const tCritical = (df: number) => T95[df - 1] ?? 1.96;

export interface Forecast {
  t: number;
  value: number;
  /** 95% prediction interval; undefined with too few points to estimate the spread. */
  lower: number | undefined;
  upper: number | undefined;
}

/** The trend line's value at time t with a 95% prediction interval for a new observation. */
export function forecast(tr: Trend, t: number): Forecast {
  const value = tr.intercept + tr.slope * t;
  if (tr.residualSe === undefined) return { t, value, lower: undefined, upper: undefined };
  const se = tr.residualSe * Math.sqrt(1 + 1 / tr.n + (t - tr.meanT) ** 2 / tr.sxx);
  const margin = tCritical(tr.n - 2) * se;
  return { t, value, lower: value - margin, upper: value + margin };
}

export type TargetStatus = "op_koers" | "niet_op_koers" | "onvoldoende_gegevens";

export const TARGET_STATUS_LABEL: Record<TargetStatus, string> = {
  op_koers: "Op koers",
  niet_op_koers: "Niet op koers",
  onvoldoende_gegevens: "Onvoldoende gegevens",
};

const meets = (value: number, target: number, direction: Direction) =>
  direction === "lager_is_beter"
    ? value <= target
    : direction === "hoger_is_beter"
      ? value >= target
      : value === target;

/**
 * Status against a target. With a realised value in the target year (or later), that value decides.
 * Before the target year, the trend's forecast for the target year decides when there are at least
 * MIN_TREND_POINTS measurements; otherwise there is too little data.
 */
export function targetStatus(input: {
  series: readonly Point[];
  target: number | undefined;
  targetYear: number | undefined;
  direction: Direction;
}): { status: TargetStatus; basis: string } {
  const { series, target, targetYear, direction } = input;
  if (target === undefined || series.length === 0)
    return { status: "onvoldoende_gegevens", basis: "geen streefwaarde of geen meting" };
  if (direction === "neutraal")
    return { status: "onvoldoende_gegevens", basis: "indicator zonder gewenste richting" };
  const sorted = [...series].sort((a, b) => a.t - b.t);
  const last = sorted.at(-1) as Point;
  if (targetYear === undefined || last.t >= targetYear) {
    return {
      status: meets(last.value, target, direction) ? "op_koers" : "niet_op_koers",
      basis: `laatste meting ${formatT(last.t)}: ${formatNumber(last.value)} tegen streefwaarde ${formatNumber(target)}`,
    };
  }
  const tr = trend(sorted);
  if (!tr)
    return {
      status: "onvoldoende_gegevens",
      basis: `${sorted.length === 1 ? "één meting" : `${sorted.length} metingen`} vóór het streefjaar; voor een trend zijn er minstens ${MIN_TREND_POINTS} nodig`,
    };
  const f = forecast(tr, targetYear);
  return {
    status: meets(f.value, target, direction) ? "op_koers" : "niet_op_koers",
    basis: `trendverwachting ${targetYear}: ${formatNumber(round(f.value))} tegen streefwaarde ${formatNumber(target)}`,
  };
}

export interface AreaComparison {
  areaCode: string;
  value: number;
  difference: number;
  position: "boven" | "onder" | "gelijk";
  /** Better or worse than the municipality, given the indicator's direction. */
  judgement: "beter" | "slechter" | "gelijk" | "neutraal";
}

/** Each area's value against the municipality's. */
export function compareAreas(
  municipalityValue: number,
  areas: readonly { areaCode: string; value: number }[],
  direction: Direction,
): AreaComparison[] {
  return areas.map(({ areaCode, value }) => {
    const difference = value - municipalityValue;
    const position = difference > 0 ? "boven" : difference < 0 ? "onder" : "gelijk";
    const better = direction === "hoger_is_beter" ? difference > 0 : difference < 0;
    return {
      areaCode,
      value,
      difference,
      position,
      judgement:
        direction === "neutraal"
          ? "neutraal"
          : difference === 0
            ? "gelijk"
            : better
              ? "beter"
              : "slechter",
    };
  });
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
export const formatT = (t: number) =>
  Number.isInteger(t) ? String(t) : `${Math.floor(t)}-K${Math.round((t % 1) * 4) + 1}`;
