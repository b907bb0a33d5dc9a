import type { Db, Executor } from "../../db/executor.js";
import type { Actor } from "../../platform/actor.js";
import { toCsv } from "../../platform/csv.js";
import { listAreaSummaries } from "../areas/index.js";
import { recordAudit } from "../audit/index.js";
import {
  groupRows,
  IMPORT_COLUMNS,
  type IndicatorInfo,
  type MeasurementUpsert,
  parseMeasurementCsv,
  type RowError,
} from "./csv-import.js";
import * as repo from "./repository.js";

export interface ImportResult {
  ok: boolean;
  errors: RowError[];
  /** Plausible but doubtful values (a percentage that looks like a fraction): shown, not blocking. */
  warnings: RowError[];
  rows: number;
  inserted: number;
  corrected: number;
  unchanged: number;
  preview: MeasurementUpsert[];
}

const FIELDS = ["value", "target", "estimate"] as const;

async function knownContext(db: Executor, municipalityCode: string) {
  const list = await repo.listIndicators(db, municipalityCode);
  const indicators = new Map<string, IndicatorInfo>(
    list.map((i) => [
      i.slug,
      { id: i.id, unit: i.unit, scaleMin: i.scaleMin, scaleMax: i.scaleMax },
    ]),
  );
  const areas = new Set((await listAreaSummaries(db, municipalityCode)).map((a) => a.code));
  return { indicators, areas };
}

/**
 * Imports measurements from CSV, all or nothing: with any bad row nothing is written and every
 * problem is reported. A period that already has a measurement is corrected, keeping the old values.
 */
export async function importMeasurements(
  db: Db,
  actor: Actor,
  csv: string,
  options: { dryRun?: boolean; fileName?: string } = {},
): Promise<ImportResult> {
  const known = await knownContext(db, actor.municipalityCode);
  const { rows, errors, warnings } = parseMeasurementCsv(csv, known);
  const grouped = groupRows(rows);
  const empty = {
    warnings,
    rows: rows.length,
    inserted: 0,
    corrected: 0,
    unchanged: 0,
    preview: grouped.slice(0, 20),
  };
  if (errors.length > 0) return { ok: false, errors, ...empty };
  if (grouped.length === 0) {
    return {
      ok: false,
      errors: [{ line: 0, message: "Het bestand bevat geen metingen." }],
      ...empty,
    };
  }
  try {
    return await write(db, actor, grouped, rows.length, warnings, options);
  } catch {
    // The preview checks every row, so this is a conflict in the database; report it as a problem
    // with the file's import rather than a 500, and nothing is saved (the transaction rolled back).
    return {
      ok: false,
      errors: [
        {
          line: 0,
          message:
            "De metingen konden niet worden opgeslagen; er is niets geïmporteerd. Probeer het opnieuw.",
        },
      ],
      ...empty,
    };
  }
}

async function write(
  db: Db,
  actor: Actor,
  grouped: MeasurementUpsert[],
  rowCount: number,
  warnings: RowError[],
  options: { dryRun?: boolean; fileName?: string },
): Promise<ImportResult> {
  return db.transaction(async (tx) => {
    const indicatorIds = [...new Set(grouped.map((g) => g.indicatorId))];
    // Under the indicators' locks a concurrent import of the same periods waits, then finds these
    // measurements and corrects them (old values kept) instead of inserting them a second time.
    if (!options.dryRun) await repo.lockIndicators(tx, indicatorIds);
    const existing = new Map(
      (await repo.measurementsOf(tx, indicatorIds)).map((m) => [
        `${m.indicatorId}|${m.areaCode}|${m.year}|${m.quarter}`,
        m,
      ]),
    );
    const inserts: Parameters<typeof repo.insertMeasurements>[1] = [];
    const corrections: Parameters<typeof repo.insertCorrections>[1] = [];
    let unchanged = 0;
    for (const g of grouped) {
      const old = existing.get(`${g.indicatorId}|${g.areaCode}|${g.year}|${g.quarter}`);
      if (!old) {
        inserts.push({
          ...g,
          value: g.value ?? null,
          target: g.target ?? null,
          estimate: g.estimate ?? null,
        });
        continue;
      }
      const change: Record<string, number> = {};
      for (const f of FIELDS) if (g[f] !== undefined && g[f] !== old[f]) change[f] = g[f] as number;
      if (Object.keys(change).length === 0) {
        unchanged += 1;
        continue;
      }
      if (!options.dryRun) {
        await repo.updateMeasurement(tx, old.id, {
          ...change,
          source: g.source,
          releaseState: g.releaseState,
          publishedOn: g.publishedOn ?? old.publishedOn,
        });
      }
      corrections.push({
        measurementId: old.id,
        actorName: actor.publicName,
        before: {
          waarde: old.value,
          streefwaarde: old.target,
          schatting: old.estimate,
          bron: old.source,
        },
        after: { ...change, bron: g.source },
        reason: `Import${options.fileName ? ` ${options.fileName}` : ""}`,
      });
    }
    const result = {
      ok: true,
      errors: [],
      warnings,
      rows: rowCount,
      inserted: inserts.length,
      corrected: corrections.length,
      unchanged,
      preview: grouped.slice(0, 20),
    };
    if (options.dryRun) return result;
    await repo.insertMeasurements(tx, inserts);
    await repo.insertCorrections(tx, corrections);
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "metingen",
      entityId: options.fileName ?? "import",
      summary: `Metingen geïmporteerd${options.fileName ? ` uit ${options.fileName}` : ""}: ${inserts.length} nieuw, ${corrections.length} gecorrigeerd, ${unchanged} ongewijzigd`,
      after: {
        regels: rowCount,
        nieuw: inserts.length,
        gecorrigeerd: corrections.length,
        ongewijzigd: unchanged,
      },
    });
    return result;
  });
}

/** One measurement as a form or the API gives it: a realisation, target or estimate (or several). */
export interface MeasurementInput {
  area: string;
  year: number;
  quarter?: number | undefined;
  realisation?: number | undefined;
  target?: number | undefined;
  estimate?: number | undefined;
  source: string;
  publishedOn?: string | undefined;
  release?: string | undefined;
}

/**
 * Records one measurement through the same checks as a CSV import (one row per kind given), so a
 * value entered by hand can never pass what an import would refuse.
 */
export async function recordMeasurement(
  db: Db,
  actor: Actor,
  indicatorSlug: string,
  input: MeasurementInput,
): Promise<ImportResult> {
  const kinds = (
    [
      ["realisatie", input.realisation],
      ["streefwaarde", input.target],
      ["schatting", input.estimate],
    ] as const
  ).filter(([, v]) => v !== undefined);
  if (kinds.length === 0) {
    return {
      ok: false,
      errors: [{ line: 1, message: "Geef een waarde, streefwaarde of schatting." }],
      warnings: [],
      rows: 0,
      inserted: 0,
      corrected: 0,
      unchanged: 0,
      preview: [],
    };
  }
  const csv = toCsv(
    IMPORT_COLUMNS,
    kinds.map(([kind, value]) => [
      indicatorSlug,
      input.area,
      input.year,
      input.quarter ?? "",
      kind,
      value,
      input.source,
      input.publishedOn ?? "",
      input.release ?? "definitief",
      "",
    ]),
  );
  return importMeasurements(db, actor, csv, { fileName: "api" });
}
