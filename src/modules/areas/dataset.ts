import { parseCsvRecords } from "../../platform/csv.js";
import type { areaPopulations, areas, populationProjections } from "./schema.js";

export type NewArea = typeof areas.$inferInsert;
export type NewPopulation = typeof areaPopulations.$inferInsert;
export type NewProjection = Omit<typeof populationProjections.$inferInsert, "id">;

export interface AreaDataSetFiles {
  /** CBS Kerncijfers wijken en buurten: one row for the gemeente, one per wijk. */
  kwbCsv: string;
  /** CBS/PDOK wijk boundaries (GeoJSON FeatureCollection with statcode). */
  boundariesGeoJson: string;
  gebiedenCsv: string;
  wijkIndelingCsv: string;
  projectionsCsv: string;
}

export interface AreaDataSet {
  areas: NewArea[];
  populations: NewPopulation[];
  projections: NewProjection[];
}

const KWB_SOURCE = "CBS Kerncijfers wijken en buurten 2024 (tabel 85984NED)";
const BOUNDARY_SOURCE = "© CBS, PDOK: wijkgrenzen 2024 (gegeneraliseerd)";

function integer(value: string | undefined, what: string): number {
  if (value === undefined || !/^-?\d+$/.test(value.trim()))
    throw new Error(`${what}: "${value}" is geen geheel getal`);
  return Number(value);
}

const yes = (value: string | undefined) =>
  ["ja", "true", "1"].includes((value ?? "").trim().toLowerCase());

interface Feature {
  properties: { statcode?: string };
  geometry: unknown;
}

/**
 * Turns the data-set files into area records. Pure: the caller reads the files. Throws with a
 * Dutch message naming the file and row when the files contradict each other.
 */
export function parseAreaDataSet(municipalityCode: string, files: AreaDataSetFiles): AreaDataSet {
  const kwb = parseCsvRecords(files.kwbCsv);
  const gemeente = kwb.find((r) => r.regio_code === municipalityCode);
  if (!gemeente) throw new Error(`Kerncijfers: gemeente ${municipalityCode} ontbreekt`);
  const year = integer(gemeente.peiljaar, "Kerncijfers peiljaar");

  const boundaries = new Map<string, unknown>();
  for (const f of (JSON.parse(files.boundariesGeoJson) as { features: Feature[] }).features) {
    if (f.properties.statcode) boundaries.set(f.properties.statcode, f.geometry);
  }

  const result: AreaDataSet = { areas: [], populations: [], projections: [] };
  result.areas.push({
    code: municipalityCode,
    municipalityCode,
    level: "gemeente",
    name: gemeente.naam ?? municipalityCode,
    source: KWB_SOURCE,
    sortOrder: 0,
  });
  result.populations.push({
    areaCode: municipalityCode,
    year,
    population: integer(gemeente.aantal_inwoners, "Kerncijfers inwoners gemeente"),
    source: `${KWB_SOURCE}, 1 januari ${year}`,
  });

  const gebiedCodes = new Set<string>();
  for (const g of parseCsvRecords(files.gebiedenCsv)) {
    const code = g.gebied_code ?? "";
    gebiedCodes.add(code);
    result.areas.push({
      code,
      municipalityCode,
      level: "gebied",
      name: g.naam ?? code,
      parentCode: municipalityCode,
      source: g.bron ?? "",
      sortOrder: integer(g.volgorde, `gebieden.csv ${code} volgorde`),
    });
  }

  const indeling = new Map(
    parseCsvRecords(files.wijkIndelingCsv).map((r) => [r.wijk_code ?? "", r]),
  );
  const wijken = kwb.filter(
    (r) => r.soort_regio === "Wijk" && r.gemeente_code === municipalityCode,
  );
  wijken.forEach((w, index) => {
    const code = w.regio_code ?? "";
    const place = indeling.get(code);
    if (!place) throw new Error(`wijk_indeling.csv: wijk ${code} ontbreekt`);
    if (!gebiedCodes.has(place.gebied_code ?? "")) {
      throw new Error(
        `wijk_indeling.csv: wijk ${code} verwijst naar onbekend gebied "${place.gebied_code}"`,
      );
    }
    const policyName = place.naam_in_beleid?.trim() || null;
    result.areas.push({
      code,
      municipalityCode,
      level: "wijk",
      name: w.naam ?? code,
      parentCode: place.gebied_code ?? null,
      parentIsAssumption: yes(place.gebied_is_aanname),
      parentNote: place.toelichting?.trim() || null,
      namedInPolicy: policyName !== null,
      policyName,
      source: boundaries.has(code) ? `${KWB_SOURCE}; ${BOUNDARY_SOURCE}` : KWB_SOURCE,
      geometry: boundaries.get(code) ?? null,
      sortOrder: index + 1,
    });
    result.populations.push({
      areaCode: code,
      year,
      population: integer(w.aantal_inwoners, `Kerncijfers inwoners ${code}`),
      source: `${KWB_SOURCE}, 1 januari ${year}`,
    });
  });
  for (const code of indeling.keys()) {
    if (!wijken.some((w) => w.regio_code === code))
      throw new Error(`wijk_indeling.csv: onbekende wijk ${code}`);
  }

  const known = new Set(result.areas.map((a) => a.code));
  for (const p of parseCsvRecords(files.projectionsCsv)) {
    const areaCode = p.gebied_code ?? "";
    if (!known.has(areaCode))
      throw new Error(`bevolkingsprognose.csv: onbekend gebied ${areaCode}`);
    result.projections.push({
      areaCode,
      source: p.bron ?? "",
      targetYear: integer(p.doeljaar, "bevolkingsprognose.csv doeljaar"),
      growth: integer(p.groei, "bevolkingsprognose.csv groei"),
      note: p.toelichting?.trim() || null,
    });
  }
  return result;
}
