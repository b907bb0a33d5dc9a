import { randomUUID } from "node:crypto";
import type { Executor } from "../../src/db/executor.js";
import {
  type OrganisationKind,
  organisations,
  workAreas,
} from "../../src/modules/organisations/index.js";

// Rows for partner tests, inserted directly: a test says only what matters to it.

let counter = 0;

/** An organisation of the municipality with a unique slug; returns its id, slug and name. */
export async function insertOrganisation(
  db: Executor,
  municipalityCode: string,
  fields: { name?: string; slug?: string; kind?: OrganisationKind } = {},
): Promise<{ id: string; slug: string; name: string }> {
  counter += 1;
  const name = fields.name ?? `Testorganisatie ${counter}`;
  const slug = fields.slug ?? `testorganisatie-${counter}-${randomUUID().slice(0, 8)}`;
  const [row] = await db
    .insert(organisations)
    .values({ municipalityCode, name, slug, kind: fields.kind ?? "formeel" })
    .returning({ id: organisations.id, slug: organisations.slug, name: organisations.name });
  if (!row) throw new Error("organisation not inserted");
  return row;
}

/** A work area of the municipality with a unique code; returns its id, code and name. */
export async function insertWorkArea(
  db: Executor,
  municipalityCode: string,
  fields: { name?: string; code?: string; position?: number } = {},
): Promise<{ id: string; code: string; name: string }> {
  counter += 1;
  const code = fields.code ?? `wg-${counter}-${randomUUID().slice(0, 8)}`;
  const [row] = await db
    .insert(workAreas)
    .values({
      municipalityCode,
      code,
      name: fields.name ?? `Werkgebied ${counter}`,
      position: fields.position ?? counter,
    })
    .returning({ id: workAreas.id, code: workAreas.code, name: workAreas.name });
  if (!row) throw new Error("work area not inserted");
  return row;
}
