import { and, asc, eq, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/executor.js";
import { organisations, workAreas } from "./schema.js";

export type OrganisationRow = typeof organisations.$inferSelect;
export type WorkAreaRow = typeof workAreas.$inferSelect;

/** With `lock`, the row stays locked until the transaction ends (the "before" of a change). */
export async function findOrganisation(
  db: Executor,
  municipalityCode: string,
  idOrSlug: string,
  lock = false,
): Promise<OrganisationRow | undefined> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
  const query = db
    .select()
    .from(organisations)
    .where(
      and(
        eq(organisations.municipalityCode, municipalityCode),
        isUuid
          ? or(eq(organisations.id, idOrSlug), eq(organisations.slug, idOrSlug))
          : eq(organisations.slug, idOrSlug),
      ),
    );
  const [row] = await (lock ? query.for("update") : query);
  return row;
}

export const listOrganisationRows = (db: Executor, municipalityCode: string) =>
  db
    .select()
    .from(organisations)
    .where(eq(organisations.municipalityCode, municipalityCode))
    .orderBy(asc(sql`lower(${organisations.name})`));

export const listWorkAreaRows = (db: Executor, municipalityCode: string) =>
  db
    .select()
    .from(workAreas)
    .where(eq(workAreas.municipalityCode, municipalityCode))
    .orderBy(asc(workAreas.position));
