import type { Executor } from "../../db/executor.js";
import { IMPORT_COLUMNS } from "./csv-import.js";
import * as repo from "./repository.js";
import type { Unit } from "./schema.js";

export interface IndicatorCode {
  slug: string;
  name: string;
  unit: Unit;
  scaleMin: number | null;
  scaleMax: number | null;
}

/** The codes and units a person filling in an import needs, in the order of the monitor. */
export async function indicatorCodes(db: Executor, municipalityCode: string) {
  return (await repo.listIndicators(db, municipalityCode)).map(
    (i): IndicatorCode => ({
      slug: i.slug,
      name: i.name,
      unit: i.unit,
      scaleMin: i.scaleMin,
      scaleMax: i.scaleMax,
    }),
  );
}

/** A value that passes the import's unit and plausibility checks, written the Dutch way. */
export function exampleValue(c: Pick<IndicatorCode, "unit" | "scaleMin" | "scaleMax">): string {
  switch (c.unit) {
    case "percentage":
      return "47,5";
    case "aantal":
      return "120";
    case "euro":
      return "1000";
    default: {
      const min = c.scaleMin ?? 1;
      const max = c.scaleMax ?? 10;
      return String((min + max) / 2).replace(".", ",");
    }
  }
}

/**
 * Example rows in the import format: a realisation for last year and a target for a later year, so
 * the template shows both kinds and itself passes the preview. The municipality's own code comes
 * first when it is known, as most figures are municipal.
 */
export function templateRows(
  c: IndicatorCode,
  areaCodes: readonly string[],
  currentYear: number,
): string[][] {
  const area = areaCodes.find((a) => a.startsWith("GM")) ?? areaCodes[0] ?? "GM0000";
  const value = exampleValue(c);
  const row = (year: number, kind: string, source: string, state: string): string[] => {
    const cells: Record<(typeof IMPORT_COLUMNS)[number], string> = {
      indicator: c.slug,
      gebied: area,
      jaar: String(year),
      kwartaal: "",
      soort: kind,
      waarde: value,
      bron: source,
      publicatiedatum: "",
      status: state,
      toelichting: `Voorbeeld; eenheid: ${c.unit}`,
    };
    return IMPORT_COLUMNS.map((k) => cells[k]);
  };
  return [
    row(currentYear - 1, "realisatie", "Naam van de bron", "definitief"),
    row(currentYear + 2, "streefwaarde", "Naam van het beleidsstuk", ""),
  ];
}
