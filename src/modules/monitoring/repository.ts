import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import type { Executor } from "../../db/executor.js";
import { updateById } from "../../db/update-by-id.js";
import { indicatorLinks, indicators, measurementCorrections, measurements } from "./schema.js";

export type IndicatorRow = typeof indicators.$inferSelect;
export type MeasurementRow = typeof measurements.$inferSelect;

export async function insertIndicator(db: Executor, row: typeof indicators.$inferInsert) {
  const [created] = await db.insert(indicators).values(row).returning();
  if (!created) throw new Error("Indicator niet aangemaakt");
  return created;
}

export const updateIndicator = updateById(indicators);

/**
 * Locks the indicators' rows until the transaction ends, in id order so two writers never wait
 * for each other crosswise. Measurements of an indicator are written under its lock: a concurrent
 * import waits and then sees what the first one stored. Returns the locked rows.
 */
export async function lockIndicators(tx: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(indicators)
    .where(inArray(indicators.id, ids))
    .orderBy(asc(indicators.id))
    .for("update");
}

export async function insertLinks(db: Executor, rows: (typeof indicatorLinks.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(indicatorLinks).values(rows);
}

export async function listIndicators(db: Executor, municipalityCode: string) {
  return db
    .select()
    .from(indicators)
    .where(and(eq(indicators.municipalityCode, municipalityCode), eq(indicators.archived, false)))
    .orderBy(asc(indicators.name));
}

export async function linksOf(db: Executor, indicatorIds: string[]) {
  if (indicatorIds.length === 0) return [];
  return db.select().from(indicatorLinks).where(inArray(indicatorLinks.indicatorId, indicatorIds));
}

export async function measurementsOf(db: Executor, indicatorIds: string[], areaCodes?: string[]) {
  if (indicatorIds.length === 0) return [];
  const conditions = [inArray(measurements.indicatorId, indicatorIds)];
  if (areaCodes) conditions.push(inArray(measurements.areaCode, areaCodes));
  return db
    .select()
    .from(measurements)
    .where(and(...conditions))
    .orderBy(asc(measurements.year), asc(measurements.quarter));
}

export async function insertMeasurements(db: Executor, rows: (typeof measurements.$inferInsert)[]) {
  // Chunks keep each statement well below PostgreSQL's 65,535 parameter limit.
  for (let i = 0; i < rows.length; i += 1000)
    await db.insert(measurements).values(rows.slice(i, i + 1000));
}

export const updateMeasurement = updateById(measurements);

export async function insertCorrections(
  db: Executor,
  rows: (typeof measurementCorrections.$inferInsert)[],
) {
  for (let i = 0; i < rows.length; i += 1000)
    await db.insert(measurementCorrections).values(rows.slice(i, i + 1000));
}

export async function correctionsOf(db: Executor, measurementIds: string[]) {
  if (measurementIds.length === 0) return [];
  return db
    .select()
    .from(measurementCorrections)
    .where(inArray(measurementCorrections.measurementId, measurementIds))
    .orderBy(asc(measurementCorrections.changedAt));
}

export interface MeasurementFilter {
  indicatorIds: string[];
  areaCodes?: string[] | undefined;
  fromYear?: number | undefined;
  toYear?: number | undefined;
}

/** Measurements of a selection, with the indicator code, ordered for export. */
export async function selectMeasurements(db: Executor, f: MeasurementFilter) {
  if (f.indicatorIds.length === 0) return [];
  const conditions = [inArray(measurements.indicatorId, f.indicatorIds)];
  if (f.areaCodes && f.areaCodes.length > 0)
    conditions.push(inArray(measurements.areaCode, f.areaCodes));
  if (f.fromYear !== undefined) conditions.push(gte(measurements.year, f.fromYear));
  if (f.toYear !== undefined) conditions.push(lte(measurements.year, f.toYear));
  return db
    .select({ measurement: measurements, slug: indicators.slug })
    .from(measurements)
    .innerJoin(indicators, eq(indicators.id, measurements.indicatorId))
    .where(and(...conditions))
    .orderBy(
      asc(indicators.slug),
      asc(measurements.areaCode),
      asc(measurements.year),
      asc(measurements.quarter),
    );
}
