import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Db } from "../../db/executor.js";
import type { Actor } from "../../platform/actor.js";
import { recordAudit } from "../audit/index.js";
import { type OrganisationDataFile, validateOrganisationDataFile } from "./dataset.js";
import * as repo from "./repository.js";

const dataFile = (dataSetDir: string) => join(dataSetDir, "organisaties", "organisaties.json");

/**
 * Loads the work areas, functions and organisations of the default data set into an empty
 * municipality, in one transaction with an audit entry. Skips when organisations exist; a data set
 * without the file loads nothing.
 */
export async function loadDefaultOrganisations(
  db: Db,
  actor: Actor,
  dataSetDir: string,
): Promise<boolean> {
  const path = dataFile(dataSetDir);
  if (!existsSync(path)) return false;
  const file = JSON.parse(readFileSync(path, "utf8")) as OrganisationDataFile;
  const faults = validateOrganisationDataFile(file);
  if (faults.length > 0)
    throw new Error(`Organisatiegegevens zijn ongeldig:\n${faults.join("\n")}`);
  const m = actor.municipalityCode;
  if ((await repo.countOrganisations(db, m)) > 0) return false;
  await db.transaction(async (tx) => {
    const areaIds = new Map<string, string>();
    for (const [position, w] of file.werkgebieden.entries()) {
      const row = await repo.insertWorkArea(tx, {
        municipalityCode: m,
        code: w.code,
        name: w.naam,
        position,
        source: w.bron,
      });
      areaIds.set(w.code, row.id);
    }
    const functionIds = new Map<string, string>();
    for (const [position, f] of file.functies.entries()) {
      const row = await repo.insertFunction(tx, {
        municipalityCode: m,
        code: f.code,
        name: f.naam,
        workAreaId: areaIds.get(f.werkgebied) as string,
        placement: f.plaats,
        timeSplit: f.tijdsverdeling.map((t) => ({
          percent: t.procent,
          description: t.omschrijving,
        })),
        position,
        source: f.bron,
      });
      functionIds.set(f.code, row.id);
    }
    for (const o of file.organisaties) {
      const row = await repo.insertOrganisation(tx, {
        municipalityCode: m,
        slug: o.code,
        name: o.naam,
        aliases: o.aliassen,
        kind: o.soort,
        description: o.omschrijving,
        website: o.website,
        phone: o.telefoon,
        email: o.email,
        contactSource: o.contactBron,
        sources: o.bronnen,
      });
      await repo.insertOrganisationLinks(tx, {
        places: o.werkgebieden.map((w) => ({
          organisationId: row.id,
          workAreaId: areaIds.get(w.werkgebied) as string,
          placement: w.plaats,
          source: w.bron,
        })),
        functions: o.functies.map((f) => ({
          organisationId: row.id,
          functionId: functionIds.get(f.functie) as string,
          source: f.bron,
        })),
        areas: o.wijken.map((w) => ({ organisationId: row.id, areaCode: w.wijk, source: w.bron })),
      });
    }
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "organisatie",
      entityId: m,
      summary: `${file.organisaties.length} organisaties geladen uit de standaardgegevens`,
      after: {
        werkgebieden: file.werkgebieden.length,
        functies: file.functies.length,
        organisaties: file.organisaties.length,
      },
    });
  });
  return true;
}
