import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Db } from "../../db/executor.js";
import type { Actor } from "../../platform/actor.js";
import { parseCsvRecords } from "../../platform/csv.js";
import { recordAudit } from "../audit/index.js";
import { findPolicyTargets } from "../policy/index.js";
import { parseDutchNumber } from "./csv-import.js";
import { importMeasurements } from "./import-service.js";
import * as repo from "./repository.js";
import { DIRECTIONS, FREQUENCIES, INDICATOR_ROLES, UNITS } from "./schema.js";

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new Error(`indicatoren.csv: ${what} "${value}" is onbekend`);
  return value as T;
}

/**
 * Loads the default indicators (indicatoren.csv, with links to goals and document indicators) and then
 * every metingen_*.csv through the same import users have. Skips when the municipality has indicators.
 */
export async function loadDefaultMonitoring(
  db: Db,
  actor: Actor,
  dataSetDir: string,
): Promise<boolean> {
  const dir = join(dataSetDir, "monitoring");
  if ((await repo.listIndicators(db, actor.municipalityCode)).length > 0) return false;
  const records = parseCsvRecords(readFileSync(join(dir, "indicatoren.csv"), "utf8"));
  const targets = await findPolicyTargets(db, actor.municipalityCode);
  await db.transaction(async (tx) => {
    for (const r of records) {
      const num = (v: string | undefined) => (v ? parseDutchNumber(v) : undefined) ?? null;
      const indicator = await repo.insertIndicator(tx, {
        municipalityCode: actor.municipalityCode,
        slug: r.code ?? "",
        name: r.naam ?? "",
        definition: r.definitie ?? "",
        unit: oneOf(r.eenheid ?? "", UNITS, "eenheid"),
        scaleMin: num(r.schaal_min),
        scaleMax: num(r.schaal_max),
        direction: oneOf(r.richting ?? "", DIRECTIONS, "richting"),
        source: r.bron ?? "",
        frequency: oneOf(r.frequentie ?? "", FREQUENCIES, "frequentie"),
        role: oneOf(r.rol ?? "", INDICATOR_ROLES, "rol"),
        targetValue: num(r.streefwaarde),
        targetYear: r.streefjaar ? Number(r.streefjaar) : null,
        story: r.verhaal ?? "",
      });
      const links = (r.koppeling ?? "")
        .split("|")
        .filter(Boolean)
        .map((ref) => {
          const target = targets.get(ref);
          if (!target)
            throw new Error(
              `indicatoren.csv: ${r.code} verwijst naar onbekend beleidsitem "${ref}"`,
            );
          return target.kind === "doel"
            ? { indicatorId: indicator.id, goalId: target.id }
            : { indicatorId: indicator.id, policyIndicatorId: target.id };
        });
      await repo.insertLinks(tx, links);
    }
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "indicator",
      entityId: actor.municipalityCode,
      summary: `${records.length} indicatoren geladen uit de standaardgegevens`,
      after: { indicatoren: records.map((r) => r.code) },
    });
  });
  for (const file of readdirSync(dir)
    .filter((f) => /^metingen_.*\.csv$/.test(f))
    .sort()) {
    const result = await importMeasurements(db, actor, readFileSync(join(dir, file), "utf8"), {
      fileName: file,
    });
    if (!result.ok) {
      throw new Error(
        `${file}: ${result.errors.map((e) => `regel ${e.line}: ${e.message}`).join("; ")}`,
      );
    }
  }
  return true;
}
