import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Db, Executor } from "../../db/executor.js";
import type { Actor } from "../../platform/actor.js";
import { assertValid, type FieldError, notFound } from "../../platform/errors.js";
import { recordAudit } from "../audit/index.js";
import { parseAreaDataSet } from "./dataset.js";
import { latest, type PopulationPoint, populationSeries } from "./population.js";
import * as repo from "./repository.js";
import type { AreaLevel } from "./schema.js";

export interface AreaRef {
  code: string;
  name: string;
  level: AreaLevel;
}

export interface AreaSummary extends AreaRef {
  parent: AreaRef | null;
  parentIsAssumption: boolean;
  parentNote: string | null;
  namedInPolicy: boolean;
  policyName: string | null;
  source: string;
  population: PopulationPoint | undefined;
}

const ref = (a: repo.AreaRow): AreaRef => ({ code: a.code, name: a.name, level: a.level });

/** Loads the default area data set into an empty database; does nothing when the municipality exists. */
export async function loadDefaultAreas(db: Db, actor: Actor, dataSetDir: string): Promise<boolean> {
  if (await repo.findArea(db, actor.municipalityCode, actor.municipalityCode)) return false;
  const read = (name: string) => readFileSync(join(dataSetDir, name), "utf8");
  const data = parseAreaDataSet(actor.municipalityCode, {
    kwbCsv: read("cbs_kwb2024_wijken.csv"),
    boundariesGeoJson: read("cbs_wijken_2024.geojson"),
    gebiedenCsv: read("gebieden.csv"),
    wijkIndelingCsv: read("wijk_indeling.csv"),
    projectionsCsv: read("bevolkingsprognose.csv"),
  });
  await db.transaction(async (tx) => {
    await repo.insertAreaDataSet(tx, data);
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "gebiedsindeling",
      entityId: actor.municipalityCode,
      summary: `Standaardgegevens geladen: ${data.areas.length} gebieden en wijken, ${data.populations.length} inwonertallen`,
      after: {
        gebieden: data.areas.map((a) => ({
          code: a.code,
          niveau: a.level,
          ouder: a.parentCode ?? null,
        })),
      },
    });
  });
  return true;
}

/** Every area of the municipality with its parent and latest population. */
async function summarise(db: Executor, municipalityCode: string) {
  const all = await repo.listAreas(db, municipalityCode);
  const byCode = new Map(all.map((a) => [a.code, a]));
  const rows = await repo.populationsFor(
    db,
    all.map((a) => a.code),
  );
  const childrenOf = (code: string) => all.filter((a) => a.parentCode === code).map((a) => a.code);
  const seriesOf = (code: string) => populationSeries(code, childrenOf(code), rows);
  const summary = (a: repo.AreaRow): AreaSummary => {
    const parent = a.parentCode ? byCode.get(a.parentCode) : undefined;
    return {
      ...ref(a),
      parent: parent ? ref(parent) : null,
      parentIsAssumption: a.parentIsAssumption,
      parentNote: a.parentNote,
      namedInPolicy: a.namedInPolicy,
      policyName: a.policyName,
      source: a.source,
      population: latest(seriesOf(a.code)),
    };
  };
  return { all, byCode, summary, seriesOf, childrenOf };
}

/** The wijken with their boundaries, highlighting those in (or equal to) the given area. */
function wijkFeatures(all: repo.AreaRow[], area: repo.AreaRow) {
  const wijken = all.filter((a) => a.level === "wijk");
  const inArea = new Set(
    area.level === "wijk"
      ? [area.code]
      : wijken.filter((w) => w.parentCode === area.code).map((w) => w.code),
  );
  return wijken.map((w) => ({
    code: w.code,
    name: w.name,
    geometry: w.geometry,
    highlighted: area.level === "gemeente" || inArea.has(w.code),
  }));
}

/** Every area with its summary, plus the wijk map of the whole municipality, from one read. */
export async function getAreasOverview(db: Executor, municipalityCode: string) {
  const { all, byCode, summary } = await summarise(db, municipalityCode);
  const municipality = byCode.get(municipalityCode);
  return {
    areas: all.map(summary),
    mapFeatures: municipality ? wijkFeatures(all, municipality) : [],
  };
}

export async function listAreaSummaries(db: Executor, municipalityCode: string, level?: AreaLevel) {
  const { all, summary } = await summarise(db, municipalityCode);
  return all.filter((a) => !level || a.level === level).map(summary);
}

export async function getAreaDetail(db: Executor, municipalityCode: string, requestedCode: string) {
  // CBS codes are upper case, but people type "wk035601": any case finds the area.
  const code = requestedCode.toUpperCase();
  const { all, byCode, summary, seriesOf, childrenOf } = await summarise(db, municipalityCode);
  const area = byCode.get(code);
  if (!area) throw notFound(`Er is geen gebied met code "${code}".`);
  const ancestors: AreaRef[] = [];
  for (let p = area.parentCode ? byCode.get(area.parentCode) : undefined; p; ) {
    ancestors.unshift(ref(p));
    p = p.parentCode ? byCode.get(p.parentCode) : undefined;
  }
  const children = childrenOf(code).map((c) => summary(byCode.get(c) as repo.AreaRow));
  const mapFeatures = wijkFeatures(all, area);
  const projections = await repo.projectionsFor(db, code);
  // Prognoses are often made for the municipality only: a wijk then shows its nearest ancestor's,
  // named as such, rather than none.
  let projectionOf: { area: AreaRef; projections: repo.ProjectionRow[] } | undefined;
  for (const ancestor of projections.length === 0 ? [...ancestors].reverse() : []) {
    const found = await repo.projectionsFor(db, ancestor.code);
    if (found.length > 0) {
      projectionOf = { area: ancestor, projections: found };
      break;
    }
  }
  return {
    area: summary(area),
    ancestors,
    children,
    populationByYear: seriesOf(code),
    projections,
    /** The nearest ancestor's prognoses, when the area has none of its own. */
    ancestorProjections: projectionOf,
    mapFeatures,
    gebiedOptions: all.filter((a) => a.level === "gebied").map(ref),
  };
}

export interface ChangeParentInput {
  gebied: string;
  note?: string | undefined;
}

/** Moves a wijk to another gebied; the new place is recorded as the user's decision, no longer an assumption. */
export async function changeWijkGebied(
  db: Db,
  actor: Actor,
  code: string,
  input: ChangeParentInput,
) {
  return db.transaction(async (tx) => {
    // Locked until commit, so the audit "before" is what the previous change left.
    const area = await repo.findArea(tx, actor.municipalityCode, code, true);
    if (!area) throw notFound(`Er is geen gebied met code "${code}".`);
    const errors: FieldError[] = [];
    if (area.level !== "wijk") {
      errors.push({
        field: "gebied",
        message: "Alleen van een wijk kan het gebied gewijzigd worden.",
      });
    }
    const gebied = await repo.findArea(tx, actor.municipalityCode, input.gebied);
    if (gebied?.level !== "gebied") {
      errors.push({
        field: "gebied",
        message: `"${input.gebied}" is geen gebied van deze gemeente.`,
      });
    }
    const note = input.note?.trim() || null;
    if (note && note.length > 500)
      errors.push({ field: "toelichting", message: "Toelichting mag hoogstens 500 tekens zijn." });
    assertValid(errors);
    const change = { parentCode: input.gebied, parentIsAssumption: false, parentNote: note };
    await repo.updateParent(tx, code, change);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "gebied",
      entityId: code,
      summary: `Wijk ${area.name} ingedeeld bij gebied ${gebied?.name ?? input.gebied}`,
      before: {
        ouder: area.parentCode,
        ouderIsAanname: area.parentIsAssumption,
        toelichting: area.parentNote,
      },
      after: { ouder: change.parentCode, ouderIsAanname: false, toelichting: note },
    });
  });
}

/** Areas matching a search query (names, names in policy, codes), best match first. */
export const searchAreas = repo.searchAreas;

/** Area names and names in policy, for "Bedoelde u ...?". */
export async function areaNames(db: Executor, municipalityCode: string): Promise<string[]> {
  return (await repo.listAreas(db, municipalityCode)).flatMap((a) =>
    a.policyName ? [a.name, a.policyName] : [a.name],
  );
}
