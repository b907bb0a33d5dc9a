import type { Executor } from "../../db/executor.js";
import { notFound } from "../../platform/errors.js";
import { isUuid } from "../../platform/values.js";
import { listAreaSummaries } from "../areas/index.js";
import { policyItemsByIds } from "../policy/index.js";
import {
  type AreaComparison,
  type Change,
  change,
  compareAreas,
  type Forecast,
  forecast,
  type Point,
  type TargetStatus,
  type Trend,
  targetStatus,
  trend,
} from "./analysis.js";
import { type Privacy, readMeasurements } from "./measurement-reads.js";
import { discloseCorrection } from "./privacy.js";
import * as repo from "./repository.js";

export const toPoint = (m: repo.MeasurementRow): Point | undefined =>
  m.value === null
    ? undefined
    : { t: m.year + (m.quarter > 0 ? (m.quarter - 1) / 4 : 0), value: m.value };

export interface IndicatorAnalysis {
  series: Point[];
  latest: Point | undefined;
  change: Change | undefined;
  trend: Trend | undefined;
  target: { value: number; year: number | undefined } | undefined;
  status: { status: TargetStatus; basis: string };
  forecast: Forecast | undefined;
}

/** Analysis of the municipality-level series: latest value, change, trend, forecast and target status. */
export function analyse(
  indicator: repo.IndicatorRow,
  rows: readonly repo.MeasurementRow[],
  municipalityCode: string,
): IndicatorAnalysis {
  const own = rows.filter((m) => m.areaCode === municipalityCode);
  const series = own.map(toPoint).filter((p): p is Point => p !== undefined);
  const latest = series.at(-1);
  const previous = series.at(-2);
  // The indicator's own target wins; otherwise the most recent target set for a period.
  const lastTarget = [...own].reverse().find((m) => m.target !== null);
  const target =
    indicator.targetValue !== null
      ? { value: indicator.targetValue, year: indicator.targetYear ?? undefined }
      : lastTarget
        ? { value: lastTarget.target as number, year: lastTarget.year }
        : undefined;
  const tr = trend(series);
  return {
    series,
    latest,
    change: latest && previous ? change(previous, latest) : undefined,
    trend: tr,
    target,
    status: targetStatus({
      series,
      target: target?.value,
      targetYear: target?.year,
      direction: indicator.direction,
    }),
    forecast:
      tr && target?.year && latest && target.year > latest.t
        ? forecast(tr, target.year)
        : undefined,
  };
}

/** The municipality's indicators, in their catalogue order. */
export const listIndicators = (db: Executor, municipalityCode: string) =>
  repo.listIndicators(db, municipalityCode);

export async function resolveIndicator(db: Executor, municipalityCode: string, ref: string) {
  const list = await repo.listIndicators(db, municipalityCode);
  const found = list.find((i) => (isUuid(ref) ? i.id === ref : i.slug === ref));
  if (!found) throw notFound(`Er is geen indicator "${ref}".`);
  return found;
}

/** All indicators with their analysis and what they serve (goals and document indicators). */
export async function overview(db: Executor, municipalityCode: string, privacy: Privacy) {
  const list = await repo.listIndicators(db, municipalityCode);
  const ids = list.map((i) => i.id);
  const [rows, links] = [
    await readMeasurements(db, list, privacy, [municipalityCode]),
    await repo.linksOf(db, ids),
  ];
  const items = await policyItemsByIds(
    db,
    links.map((l) => l.goalId).filter((x): x is string => !!x),
    links.map((l) => l.policyIndicatorId).filter((x): x is string => !!x),
  );
  return list.map((indicator) => {
    const mine = links.filter((l) => l.indicatorId === indicator.id);
    return {
      indicator,
      analysis: analyse(
        indicator,
        rows.filter((r) => r.indicatorId === indicator.id),
        municipalityCode,
      ),
      goals: items.goals.filter((g) => mine.some((l) => l.goalId === g.goal.id)),
      policyIndicators: items.indicators.filter((p) =>
        mine.some((l) => l.policyIndicatorId === p.indicator.id),
      ),
    };
  });
}

export interface AreaValue {
  areaCode: string;
  name: string;
  year: number;
  value: number | undefined;
  /** A small count (privacy.ts): removed for the public, shown marked "niet openbaar" to staff. */
  isPublic: boolean;
  /** The value was removed for this viewer (privacy). */
  suppressed: boolean;
  /** For a suppressed value: the higher area's figure to show instead. */
  fallback: { areaCode: string; name: string; value: number } | undefined;
}

/** One indicator in full: its series, the wijken compared with the municipality, corrections and sources. */
export async function indicatorDetail(
  db: Executor,
  municipalityCode: string,
  ref: string,
  privacy: Privacy,
) {
  const indicator = await resolveIndicator(db, municipalityCode, ref);
  const rows = await readMeasurements(db, [indicator], privacy);
  const analysis = analyse(indicator, rows, municipalityCode);
  const areas = await listAreaSummaries(db, municipalityCode);
  const areaName = new Map(areas.map((a) => [a.code, a.name]));
  // A withheld value keeps its row, so the wijk is listed as "niet getoond" instead of vanishing.
  const areaRows = rows.filter(
    (r) =>
      r.areaCode !== municipalityCode &&
      (r.value !== null || r.withheld.includes("value")) &&
      r.quarter === 0,
  );
  const comparisonYear = areaRows
    .map((r) => r.year)
    .sort()
    .at(-1);
  const inYear = areaRows.filter((r) => r.year === comparisonYear);
  const municipalityInYear = rows.find(
    (r) => r.areaCode === municipalityCode && r.year === comparisonYear && r.quarter === 0,
  )?.value;
  const fallback =
    municipalityInYear !== undefined && municipalityInYear !== null
      ? {
          areaCode: municipalityCode,
          name: areaName.get(municipalityCode) ?? municipalityCode,
          value: municipalityInYear,
        }
      : undefined;
  const values: AreaValue[] = inYear
    .filter((r) => r.areaCode.startsWith("WK") || r.areaCode.startsWith("BU"))
    .map((r) => {
      const suppressed = r.withheld.includes("value");
      return {
        areaCode: r.areaCode,
        name: areaName.get(r.areaCode) ?? r.areaCode,
        year: r.year,
        value: r.value ?? undefined,
        isPublic: !r.nonPublic.includes("value"),
        suppressed,
        fallback: suppressed ? fallback : undefined,
      };
    });
  const comparison: AreaComparison[] =
    municipalityInYear !== undefined && municipalityInYear !== null && indicator.unit !== "aantal"
      ? compareAreas(
          municipalityInYear,
          values
            .filter((v) => v.value !== undefined)
            .map((v) => ({ areaCode: v.areaCode, value: v.value as number })),
          indicator.direction,
        )
      : [];
  const links = await repo.linksOf(db, [indicator.id]);
  const items = await policyItemsByIds(
    db,
    links.map((l) => l.goalId).filter((x): x is string => !!x),
    links.map((l) => l.policyIndicatorId).filter((x): x is string => !!x),
  );
  const areaOf = new Map(rows.map((r) => [r.id, r.areaCode]));
  const corrections = (
    await repo.correctionsOf(
      db,
      rows.map((r) => r.id),
    )
  ).map((c) =>
    discloseCorrection(c, indicator.unit, areaOf.get(c.measurementId) ?? "", privacy.viewer),
  );
  return {
    indicator,
    analysis,
    measurements: rows.filter((r) => r.areaCode === municipalityCode),
    areaValues: values,
    comparison,
    comparisonYear,
    goals: items.goals,
    policyIndicators: items.indicators,
    corrections,
    sources: [...new Set(rows.map((r) => r.source))],
  };
}

export type IndicatorDetail = Awaited<ReturnType<typeof indicatorDetail>>;
export type OverviewItem = Awaited<ReturnType<typeof overview>>[number];
