import type { Executor } from "../../db/executor.js";
import { hasPermission, type RoleGrant } from "../accounts/index.js";
import { type Disclosure, disclose, PUBLIC_VIEWER, type Viewer } from "./privacy.js";
import * as repo from "./repository.js";

/** The small-count threshold of the installation and who is looking. */
export interface Privacy {
  threshold: number;
  viewer: Viewer;
}

/** Staff who manage measurements see non-public figures (marked); everyone else gets them removed. */
export function viewerFor(roles: readonly RoleGrant[] | undefined): Viewer {
  return { seesNonPublic: hasPermission(roles ?? [], "monitoring.edit") };
}

/**
 * For output that cannot carry a "niet openbaar" marker or may be cached and shared (SVG charts,
 * the map): the public view, whoever asks.
 */
export const publicPrivacy = (threshold: number): Privacy => ({ threshold, viewer: PUBLIC_VIEWER });

export type VisibleMeasurement = repo.MeasurementRow & Disclosure;

type UnitOf = Pick<repo.IndicatorRow, "id" | "unit">;

function discloseRows<T extends repo.MeasurementRow>(
  indicators: readonly UnitOf[],
  rows: readonly T[],
  privacy: Privacy,
): (T & Disclosure)[] {
  const unit = new Map(indicators.map((i) => [i.id, i.unit]));
  // An indicator missing from the list has no known unit: treat it as a count so nothing leaks.
  return rows.map((r) =>
    disclose(r, unit.get(r.indicatorId) ?? "aantal", privacy.threshold, privacy.viewer),
  );
}

/**
 * Measurements of indicators (optionally of some areas) as the viewer may see them. Every read path
 * for display or export (pages, API, CSV, analysis, charts, map, evaluation) goes through this or
 * selectVisibleMeasurements, never through the repository directly.
 */
export async function readMeasurements(
  db: Executor,
  indicators: readonly UnitOf[],
  privacy: Privacy,
  areaCodes?: string[],
): Promise<VisibleMeasurement[]> {
  const rows = await repo.measurementsOf(
    db,
    indicators.map((i) => i.id),
    areaCodes,
  );
  return discloseRows(indicators, rows, privacy);
}

/** A selection for export (indicators, areas, years), with the indicator code, as the viewer may see it. */
export async function selectVisibleMeasurements(
  db: Executor,
  indicators: readonly UnitOf[],
  filter: Omit<repo.MeasurementFilter, "indicatorIds">,
  privacy: Privacy,
): Promise<{ slug: string; measurement: VisibleMeasurement }[]> {
  const rows = await repo.selectMeasurements(db, {
    ...filter,
    indicatorIds: indicators.map((i) => i.id),
  });
  const disclosed = discloseRows(
    indicators,
    rows.map((r) => r.measurement),
    privacy,
  );
  return rows.map((r, i) => ({ slug: r.slug, measurement: disclosed[i] as VisibleMeasurement }));
}
