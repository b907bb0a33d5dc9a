import type { Executor } from "../../db/executor.js";
import type { Actor } from "../../platform/actor.js";
import { notFound } from "../../platform/errors.js";
import { recordAudit } from "../audit/index.js";
import * as repo from "./repository.js";

/** A yearly value another module reports for an indicator (an approved accountability report). */
export interface ReportedMeasurement {
  indicatorId: string;
  areaCode: string;
  year: number;
  value: number;
  source: string;
}

/**
 * Writes a reported value as the realisation of its year, in the caller's transaction, so it is
 * stored together with what approved it or not at all. The indicator is locked first, like an
 * import (ADR 9): a value that already exists for the year is corrected with the old one kept in
 * measurement_corrections; the same value again changes nothing.
 */
export async function recordReportedMeasurement(
  tx: Executor,
  actor: Actor,
  input: ReportedMeasurement,
): Promise<"inserted" | "corrected" | "unchanged"> {
  const [indicator] = await repo.lockIndicators(tx, [input.indicatorId]);
  if (!indicator || indicator.municipalityCode !== actor.municipalityCode)
    throw notFound(`Er is geen indicator "${input.indicatorId}".`);
  const old = (await repo.measurementsOf(tx, [indicator.id], [input.areaCode])).find(
    (m) => m.year === input.year && m.quarter === 0,
  );
  if (old && old.value === input.value) return "unchanged";
  if (!old) {
    await repo.insertMeasurements(tx, [
      {
        indicatorId: indicator.id,
        areaCode: input.areaCode,
        year: input.year,
        value: input.value,
        source: input.source,
      },
    ]);
  } else {
    await repo.updateMeasurement(tx, old.id, { value: input.value, source: input.source });
    await repo.insertCorrections(tx, [
      {
        measurementId: old.id,
        actorName: actor.publicName,
        before: { waarde: old.value, bron: old.source },
        after: { value: input.value, bron: input.source },
        reason: input.source,
      },
    ]);
  }
  await recordAudit(tx, actor, {
    action: old ? "update" : "create",
    entityType: "metingen",
    entityId: indicator.id,
    summary: `Meting ${indicator.name} ${input.year} (${input.areaCode}) uit ${input.source}`,
    before: old ? { waarde: old.value, bron: old.source } : undefined,
    after: { waarde: input.value, bron: input.source },
  });
  return old ? "corrected" : "inserted";
}
