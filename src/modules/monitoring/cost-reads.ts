import type { Executor } from "../../db/executor.js";
import { publicPrivacy, readMeasurements } from "./measurement-reads.js";
import * as repo from "./repository.js";

/** One cost indicator (unit euro) with its yearly municipality-level figures, as the public sees them. */
export interface CostSeries {
  slug: string;
  name: string;
  source: string;
  /** Year order; the yearly figure (no quarters), only years with a value. */
  values: { year: number; value: number }[];
}

/**
 * The indicators measured in euro (Wmo maatwerk costs and the like) with their yearly figures for
 * the whole municipality, for another module to show beside its own money (the welfare budget).
 * Through readMeasurements like every read for display, so the privacy rule holds here too.
 */
export async function listCostSeries(
  db: Executor,
  municipalityCode: string,
  privacyThreshold: number,
): Promise<CostSeries[]> {
  const list = (await repo.listIndicators(db, municipalityCode)).filter((i) => i.unit === "euro");
  if (list.length === 0) return [];
  const rows = await readMeasurements(db, list, publicPrivacy(privacyThreshold), [
    municipalityCode,
  ]);
  return list.map((i) => ({
    slug: i.slug,
    name: i.name,
    source: i.source,
    values: rows
      .filter((r) => r.indicatorId === i.id && r.quarter === 0 && r.value !== null)
      .map((r) => ({ year: r.year, value: r.value as number })),
  }));
}
