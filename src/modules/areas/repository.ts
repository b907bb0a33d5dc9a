import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/executor.js";
import { dutchDocument, dutchQuery, pageOfHits, type SearchWindow } from "../../db/full-text.js";
import type { NewArea, NewPopulation, NewProjection } from "./dataset.js";
import { type AreaLevel, areaPopulations, areas, populationProjections } from "./schema.js";

export type AreaRow = typeof areas.$inferSelect;
export type PopulationRow = typeof areaPopulations.$inferSelect;
export type ProjectionRow = typeof populationProjections.$inferSelect;

export async function insertAreaDataSet(
  db: Executor,
  data: { areas: NewArea[]; populations: NewPopulation[]; projections: NewProjection[] },
): Promise<void> {
  // Parents before children, so the self-reference holds row by row.
  const order: AreaLevel[] = ["gemeente", "gebied", "wijk", "buurt"];
  for (const level of order) {
    const rows = data.areas.filter((a) => a.level === level);
    if (rows.length > 0) await db.insert(areas).values(rows);
  }
  if (data.populations.length > 0) await db.insert(areaPopulations).values(data.populations);
  if (data.projections.length > 0) await db.insert(populationProjections).values(data.projections);
}

/** With `lock`, the row stays locked until the transaction ends (the "before" of a change). */
export async function findArea(db: Executor, municipalityCode: string, code: string, lock = false) {
  const query = db
    .select()
    .from(areas)
    .where(and(eq(areas.municipalityCode, municipalityCode), eq(areas.code, code)));
  const [row] = await (lock ? query.for("update") : query);
  return row;
}

export async function listAreas(db: Executor, municipalityCode: string, level?: AreaLevel) {
  const condition = level
    ? and(eq(areas.municipalityCode, municipalityCode), eq(areas.level, level))
    : eq(areas.municipalityCode, municipalityCode);
  return db.select().from(areas).where(condition).orderBy(asc(areas.sortOrder), asc(areas.code));
}

export async function populationsFor(db: Executor, codes: string[]): Promise<PopulationRow[]> {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(areaPopulations)
    .where(inArray(areaPopulations.areaCode, codes))
    .orderBy(asc(areaPopulations.year));
}

export async function projectionsFor(db: Executor, code: string): Promise<ProjectionRow[]> {
  return db
    .select()
    .from(populationProjections)
    .where(eq(populationProjections.areaCode, code))
    .orderBy(asc(populationProjections.targetYear));
}

export async function updateParent(
  db: Executor,
  code: string,
  change: { parentCode: string; parentIsAssumption: boolean; parentNote: string | null },
): Promise<void> {
  await db.update(areas).set(change).where(eq(areas.code, code));
}

/**
 * Areas whose name, name in policy or code match the query, in PostgreSQL's Dutch configuration
 * ("Jutphaas" finds "Jutphaas-Wijkersloot"); a code in any case finds its area. Best match first.
 */
export async function searchAreas(db: Executor, municipalityCode: string, w: SearchWindow) {
  const tsQuery = dutchQuery(w.query);
  const document = dutchDocument(sql`${areas.name}`, sql`${areas.code}`, sql`${areas.policyName}`);
  const result = await db.execute(sql`
    select ${areas.code} as "code", ${areas.name} as "name", ${areas.level} as "level",
           count(*) over () as "total"
      from ${areas}
     where ${areas.municipalityCode} = ${municipalityCode}
       and (${document} @@ ${tsQuery} or ${areas.code} = upper(${w.query}))
     order by ts_rank(${document}, ${tsQuery}) desc, ${areas.sortOrder}, ${areas.code}
     limit ${w.limit} offset ${w.offset}`);
  return pageOfHits<{ code: string; name: string; level: AreaLevel; total: string | number }>(
    result.rows,
  );
}
