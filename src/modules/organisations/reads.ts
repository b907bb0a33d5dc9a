import type { Executor } from "../../db/executor.js";
import * as repo from "./repository.js";
import type { OrganisationKind } from "./schema.js";

/** What another module needs to name or pick an organisation: never more than its public identity. */
export interface OrganisationSummary {
  id: string;
  slug: string;
  name: string;
  kind: OrganisationKind;
}

const summary = (row: repo.OrganisationRow): OrganisationSummary => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  kind: row.kind,
});

/** Every organisation of the municipality, by name: the choices of a select field. */
export async function listOrganisationChoices(
  db: Executor,
  municipalityCode: string,
): Promise<OrganisationSummary[]> {
  return (await repo.listOrganisationRows(db, municipalityCode)).map(summary);
}

/** One organisation by id or slug, or null. */
export async function getOrganisationSummary(
  db: Executor,
  municipalityCode: string,
  idOrSlug: string,
): Promise<OrganisationSummary | null> {
  const row = await repo.findOrganisation(db, municipalityCode, idOrSlug);
  return row ? summary(row) : null;
}

/** The municipality's work areas in the order of its plan. */
export async function listWorkAreas(
  db: Executor,
  municipalityCode: string,
): Promise<{ id: string; code: string; name: string }[]> {
  return (await repo.listWorkAreaRows(db, municipalityCode)).map(({ id, code, name }) => ({
    id,
    code,
    name,
  }));
}

/** Every organisation with all its names: what free-text names elsewhere are matched against. */
export async function listOrganisationNames(
  db: Executor,
  municipalityCode: string,
): Promise<{ id: string; slug: string; name: string; aliases: string[] }[]> {
  return (await repo.listOrganisationRows(db, municipalityCode)).map((o) => ({
    id: o.id,
    slug: o.slug,
    name: o.name,
    aliases: o.aliases,
  }));
}
