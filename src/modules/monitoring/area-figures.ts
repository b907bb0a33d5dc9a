import type { Executor } from "../../db/executor.js";
import { type Privacy, readMeasurements } from "./measurement-reads.js";
import * as repo from "./repository.js";
import * as searchRepo from "./search-repository.js";

export interface AreaFigure {
  indicator: { slug: string; name: string; unit: string };
  year: number;
  /** 0 for the whole year, 1-4 for a quarter. */
  quarter: number;
  /** Undefined when the value was removed for this viewer (privacy). */
  value: number | undefined;
  /** A small count (privacy.ts): shown marked "niet openbaar" to staff. */
  isPublic: boolean;
  suppressed: boolean;
  /** The municipality's figure of the same period, if there is one (never a small count). */
  municipalityValue: number | undefined;
}

/**
 * Every indicator with a figure for the area: the latest period's value (as the viewer may see it,
 * so the small-count rule applies as on the monitor) beside the municipality's figure of that period.
 */
export async function areaFigures(
  db: Executor,
  municipalityCode: string,
  areaCode: string,
  privacy: Privacy,
): Promise<AreaFigure[]> {
  const list = await repo.listIndicators(db, municipalityCode);
  const rows = await readMeasurements(db, list, privacy, [areaCode, municipalityCode]);
  return list.flatMap((indicator) => {
    const own = rows.filter((r) => r.indicatorId === indicator.id);
    // A withheld value keeps its row, so the indicator is listed as "niet getoond" instead of vanishing.
    const latest = own
      .filter((r) => r.areaCode === areaCode && (r.value !== null || r.withheld.includes("value")))
      .at(-1);
    if (!latest) return [];
    const municipality = own.find(
      (r) =>
        r.areaCode === municipalityCode && r.year === latest.year && r.quarter === latest.quarter,
    );
    return [
      {
        indicator: { slug: indicator.slug, name: indicator.name, unit: indicator.unit },
        year: latest.year,
        quarter: latest.quarter,
        value: latest.value ?? undefined,
        isPublic: !latest.nonPublic.includes("value"),
        suppressed: latest.withheld.includes("value"),
        municipalityValue: municipality?.value ?? undefined,
      },
    ];
  });
}

/** Indicators whose name, definition or code match the query, in PostgreSQL's Dutch configuration. */
export const searchIndicators = searchRepo.searchIndicators;

/** Indicator names, for "Bedoelde u ...?". */
export async function indicatorNames(db: Executor, municipalityCode: string) {
  return (await repo.listIndicators(db, municipalityCode)).map((i) => i.name);
}
