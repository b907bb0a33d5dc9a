import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/executor.js";
import { dutchDocument, dutchQuery, pageOfHits, type SearchWindow } from "../../db/full-text.js";
import { updateById } from "../../db/update-by-id.js";
import { isUuid } from "../../platform/values.js";
import {
  organisationAreas,
  organisationFunctions,
  organisationProfileChanges,
  organisations,
  organisationWorkAreas,
  type ProfileChangeState,
  welfareFunctions,
  workAreas,
} from "./schema.js";

export type OrganisationRow = typeof organisations.$inferSelect;
export type WorkAreaRow = typeof workAreas.$inferSelect;
export type FunctionRow = typeof welfareFunctions.$inferSelect;
export type ProfileChangeRow = typeof organisationProfileChanges.$inferSelect;

/** With `lock`, the row stays locked until the transaction ends (the "before" of a change). */
export async function findOrganisation(
  db: Executor,
  municipalityCode: string,
  idOrSlug: string,
  lock = false,
): Promise<OrganisationRow | undefined> {
  const query = db
    .select()
    .from(organisations)
    .where(
      and(
        eq(organisations.municipalityCode, municipalityCode),
        isUuid(idOrSlug)
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

export const listFunctionRows = (db: Executor, municipalityCode: string) =>
  db
    .select()
    .from(welfareFunctions)
    .where(eq(welfareFunctions.municipalityCode, municipalityCode))
    .orderBy(asc(welfareFunctions.position));

export const countOrganisations = async (db: Executor, municipalityCode: string) =>
  (await db.$count(organisations, eq(organisations.municipalityCode, municipalityCode))) as number;

/** Work-area places, functions and wijken of the given organisations (all when ids is undefined). */
export async function organisationLinks(db: Executor, municipalityCode: string, ids?: string[]) {
  if (ids && ids.length === 0) return { places: [], functions: [], areas: [] };
  const own = ids
    ? inArray(organisations.id, ids)
    : eq(organisations.municipalityCode, municipalityCode);
  const places = await db
    .select({
      organisationId: organisationWorkAreas.organisationId,
      workAreaId: organisationWorkAreas.workAreaId,
      placement: organisationWorkAreas.placement,
      source: organisationWorkAreas.source,
    })
    .from(organisationWorkAreas)
    .innerJoin(organisations, eq(organisations.id, organisationWorkAreas.organisationId))
    .where(own);
  const functions = await db
    .select({
      organisationId: organisationFunctions.organisationId,
      functionId: organisationFunctions.functionId,
      source: organisationFunctions.source,
    })
    .from(organisationFunctions)
    .innerJoin(organisations, eq(organisations.id, organisationFunctions.organisationId))
    .where(own);
  const areas = await db
    .select({
      organisationId: organisationAreas.organisationId,
      areaCode: organisationAreas.areaCode,
      source: organisationAreas.source,
    })
    .from(organisationAreas)
    .innerJoin(organisations, eq(organisations.id, organisationAreas.organisationId))
    .where(own);
  return { places, functions, areas };
}

/** The organisations a source places in a wijk, by name. */
export const organisationsInArea = (db: Executor, municipalityCode: string, areaCode: string) =>
  db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      kind: organisations.kind,
    })
    .from(organisationAreas)
    .innerJoin(organisations, eq(organisations.id, organisationAreas.organisationId))
    .where(
      and(
        eq(organisations.municipalityCode, municipalityCode),
        eq(organisationAreas.areaCode, areaCode),
      ),
    )
    .orderBy(asc(sql`lower(${organisations.name})`));

/** Organisations whose name, aliases or description match, best first (Dutch stemming). */
export async function searchOrganisations(db: Executor, municipalityCode: string, w: SearchWindow) {
  const tsQuery = dutchQuery(w.query);
  const aliases = sql`(select string_agg(a, ' ') from jsonb_array_elements_text(${organisations.aliases}) a)`;
  const document = dutchDocument(
    sql`${organisations.name}`,
    aliases,
    sql`${organisations.description}`,
  );
  // Names are also matched as typed ("Santé" in "SantéPartners"): stemming splits no compounds.
  const like = `%${w.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const result = await db.execute(sql`
    select ${organisations.id} as "id", ${organisations.slug} as "slug", ${organisations.name} as "name",
           ${organisations.aliases} as "aliases", count(*) over () as "total"
      from ${organisations}
     where ${organisations.municipalityCode} = ${municipalityCode}
       and (${document} @@ ${tsQuery} or ${organisations.name} ilike ${like} or ${aliases} ilike ${like})
     order by ts_rank(${document}, ${tsQuery}) desc, lower(${organisations.name})
     limit ${w.limit} offset ${w.offset}`);
  return pageOfHits<{
    id: string;
    slug: string;
    name: string;
    aliases: string[];
    total: string | number;
  }>(result.rows);
}

export const insertWorkArea = async (db: Executor, row: typeof workAreas.$inferInsert) =>
  (await db.insert(workAreas).values(row).returning())[0] as WorkAreaRow;
export const insertFunction = async (db: Executor, row: typeof welfareFunctions.$inferInsert) =>
  (await db.insert(welfareFunctions).values(row).returning())[0] as FunctionRow;
export const insertOrganisation = async (db: Executor, row: typeof organisations.$inferInsert) =>
  (await db.insert(organisations).values(row).returning())[0] as OrganisationRow;

export async function insertOrganisationLinks(
  db: Executor,
  links: {
    places: (typeof organisationWorkAreas.$inferInsert)[];
    functions: (typeof organisationFunctions.$inferInsert)[];
    areas: (typeof organisationAreas.$inferInsert)[];
  },
) {
  if (links.places.length) await db.insert(organisationWorkAreas).values(links.places);
  if (links.functions.length) await db.insert(organisationFunctions).values(links.functions);
  if (links.areas.length) await db.insert(organisationAreas).values(links.areas);
}

export const updateOrganisation = updateById(organisations);

export const insertProfileChange = async (
  db: Executor,
  row: typeof organisationProfileChanges.$inferInsert,
) => (await db.insert(organisationProfileChanges).values(row).returning())[0] as ProfileChangeRow;

export async function findProfileChange(db: Executor, id: string, lock = false) {
  const query = db
    .select()
    .from(organisationProfileChanges)
    .where(eq(organisationProfileChanges.id, id));
  const [row] = await (lock ? query.for("update") : query);
  return row;
}

/** Proposed changes, newest first: of one organisation, or every open one of the municipality. */
export async function listProfileChanges(
  db: Executor,
  municipalityCode: string,
  filter: { organisationId?: string; state?: ProfileChangeState },
) {
  return db
    .select({ change: organisationProfileChanges, organisation: organisations })
    .from(organisationProfileChanges)
    .innerJoin(organisations, eq(organisations.id, organisationProfileChanges.organisationId))
    .where(
      and(
        eq(organisations.municipalityCode, municipalityCode),
        filter.organisationId
          ? eq(organisationProfileChanges.organisationId, filter.organisationId)
          : undefined,
        filter.state ? eq(organisationProfileChanges.state, filter.state) : undefined,
      ),
    )
    .orderBy(desc(organisationProfileChanges.createdAt))
    .limit(200);
}

export async function reviewProfileChange(
  db: Executor,
  id: string,
  change: { state: ProfileChangeState; reviewNote: string | null; reviewedByName: string },
) {
  await db
    .update(organisationProfileChanges)
    .set({ ...change, reviewedAt: new Date() })
    .where(eq(organisationProfileChanges.id, id));
}
