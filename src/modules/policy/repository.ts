import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/executor.js";
import { dutchHeadline, dutchQuery, type SearchWindow } from "../../db/full-text.js";
import { updateById } from "../../db/update-by-id.js";
import {
  type ActivityStatus,
  activities,
  activityGoals,
  activityStatusChanges,
  activityYears,
  partnershipSections,
  partnerships,
  policyDocumentSnapshots,
  policyDocuments,
  policyGoals,
  policyIndicators,
  policySections,
} from "./schema.js";

export type DocumentRow = typeof policyDocuments.$inferSelect;
export type SectionRow = typeof policySections.$inferSelect;
export type GoalRow = typeof policyGoals.$inferSelect;
export type IndicatorRow = typeof policyIndicators.$inferSelect;
export type ActivityRow = typeof activities.$inferSelect;
export type ActivityYearRow = typeof activityYears.$inferSelect;
export type StatusChangeRow = typeof activityStatusChanges.$inferSelect;
export type PartnershipRow = typeof partnerships.$inferSelect;

async function insertOne<T>(rows: Promise<T[]>): Promise<T> {
  const [row] = await rows;
  if (!row) throw new Error("Invoegen mislukt");
  return row;
}

export const insertDocument = (db: Executor, row: typeof policyDocuments.$inferInsert) =>
  insertOne(db.insert(policyDocuments).values(row).returning());
export const insertSection = (db: Executor, row: typeof policySections.$inferInsert) =>
  insertOne(db.insert(policySections).values(row).returning());
export const insertGoal = (db: Executor, row: typeof policyGoals.$inferInsert) =>
  insertOne(db.insert(policyGoals).values(row).returning());
export const insertIndicator = (db: Executor, row: typeof policyIndicators.$inferInsert) =>
  insertOne(db.insert(policyIndicators).values(row).returning());
export const insertActivity = (db: Executor, row: typeof activities.$inferInsert) =>
  insertOne(db.insert(activities).values(row).returning());
export const insertActivityYear = (db: Executor, row: typeof activityYears.$inferInsert) =>
  insertOne(db.insert(activityYears).values(row).returning());
export const insertPartnership = (db: Executor, row: typeof partnerships.$inferInsert) =>
  insertOne(db.insert(partnerships).values(row).returning());

export async function linkActivityGoals(db: Executor, activityId: string, goalIds: string[]) {
  if (goalIds.length > 0)
    await db.insert(activityGoals).values(goalIds.map((goalId) => ({ activityId, goalId })));
}

export async function linkPartnershipSections(
  db: Executor,
  partnershipId: string,
  sectionIds: string[],
) {
  if (sectionIds.length > 0) {
    await db
      .insert(partnershipSections)
      .values(sectionIds.map((sectionId) => ({ partnershipId, sectionId })));
  }
}

export async function insertStatusChange(
  db: Executor,
  row: typeof activityStatusChanges.$inferInsert,
) {
  // now() is when the transaction began, before it waited for the row lock; the clock time puts
  // the history in the order the changes were really made.
  await db.insert(activityStatusChanges).values({ changedAt: sql`clock_timestamp()`, ...row });
}

export async function listDocuments(db: Executor, municipalityCode: string) {
  return db
    .select()
    .from(policyDocuments)
    .where(
      and(
        eq(policyDocuments.municipalityCode, municipalityCode),
        eq(policyDocuments.archived, false),
      ),
    )
    .orderBy(asc(policyDocuments.firstYear), asc(policyDocuments.title));
}

export async function findDocumentBySlug(db: Executor, municipalityCode: string, slug: string) {
  const [row] = await db
    .select()
    .from(policyDocuments)
    .where(
      and(eq(policyDocuments.municipalityCode, municipalityCode), eq(policyDocuments.slug, slug)),
    );
  return row;
}

export async function findDocumentById(db: Executor, id: string) {
  const [row] = await db.select().from(policyDocuments).where(eq(policyDocuments.id, id));
  return row;
}

/**
 * Reads the document and locks its row until the transaction ends. Changes to a document's
 * structure (positions, numbers, slugs, published versions) take this lock first, so they happen
 * one at a time and each sees the one before it.
 */
export async function lockDocument(tx: Executor, id: string) {
  const [row] = await tx
    .select()
    .from(policyDocuments)
    .where(eq(policyDocuments.id, id))
    .for("update");
  return row;
}

/** Everything inside one document, for building its tree in memory (documents hold hundreds of items, not more). */
export async function loadDocumentContent(db: Executor, documentId: string) {
  // Sequential on purpose: this also runs inside transactions, where one connection must not get
  // overlapping queries (node-postgres deprecates it; PGlite queues them anyway).
  const sections = await db
    .select()
    .from(policySections)
    .where(eq(policySections.documentId, documentId))
    .orderBy(asc(policySections.position));
  const goals = await db
    .select()
    .from(policyGoals)
    .where(eq(policyGoals.documentId, documentId))
    .orderBy(asc(policyGoals.position));
  const indicators = await db
    .select()
    .from(policyIndicators)
    .where(eq(policyIndicators.documentId, documentId))
    .orderBy(asc(policyIndicators.position));
  const acts = await db
    .select()
    .from(activities)
    .where(eq(activities.documentId, documentId))
    .orderBy(asc(activities.position));
  const activityIds = acts.map((a) => a.id);
  const years = activityIds.length
    ? await db
        .select()
        .from(activityYears)
        .where(inArray(activityYears.activityId, activityIds))
        .orderBy(asc(activityYears.year))
    : [];
  const links = activityIds.length
    ? await db.select().from(activityGoals).where(inArray(activityGoals.activityId, activityIds))
    : [];
  const sectionIds = sections.map((s) => s.id);
  const partnershipLinks = sectionIds.length
    ? await db
        .select({ partnership: partnerships, sectionId: partnershipSections.sectionId })
        .from(partnershipSections)
        .innerJoin(partnerships, eq(partnerships.id, partnershipSections.partnershipId))
        .where(inArray(partnershipSections.sectionId, sectionIds))
    : [];
  return { sections, goals, indicators, activities: acts, years, links, partnershipLinks };
}

export async function activitiesOfDocumentForYear(db: Executor, documentId: string, year: number) {
  return db
    .select({ activity: activities, year: activityYears, section: policySections })
    .from(activities)
    .innerJoin(activityYears, eq(activityYears.activityId, activities.id))
    .innerJoin(policySections, eq(policySections.id, activities.sectionId))
    .where(
      and(
        eq(activities.documentId, documentId),
        eq(activityYears.year, year),
        eq(activities.archived, false),
      ),
    )
    .orderBy(asc(policySections.position), asc(activities.position));
}

export interface ActivityFilter {
  municipalityCode: string;
  documentId?: string | undefined;
  sectionSlug?: string | undefined;
  year?: number | undefined;
  status?: ActivityStatus | undefined;
}

export async function findActivities(db: Executor, f: ActivityFilter) {
  const conditions = [
    eq(policyDocuments.municipalityCode, f.municipalityCode),
    eq(activities.archived, false),
  ];
  if (f.documentId) conditions.push(eq(activities.documentId, f.documentId));
  if (f.sectionSlug) conditions.push(eq(policySections.slug, f.sectionSlug));
  if (f.year !== undefined) conditions.push(eq(activityYears.year, f.year));
  if (f.status) conditions.push(eq(activityYears.status, f.status));
  return db
    .select({
      activity: activities,
      year: activityYears,
      section: policySections,
      document: policyDocuments,
    })
    .from(activities)
    .innerJoin(policyDocuments, eq(policyDocuments.id, activities.documentId))
    .innerJoin(policySections, eq(policySections.id, activities.sectionId))
    .innerJoin(activityYears, eq(activityYears.activityId, activities.id))
    .where(and(...conditions))
    .orderBy(
      asc(policyDocuments.firstYear),
      asc(policySections.position),
      asc(activities.position),
      asc(activityYears.year),
    );
}

/** With `lock`, the activity-year row stays locked until the transaction ends (the "before" of a change). */
export async function findActivityYear(
  db: Executor,
  activityId: string,
  year: number,
  lock = false,
) {
  const query = db
    .select({ activity: activities, year: activityYears, document: policyDocuments })
    .from(activityYears)
    .innerJoin(activities, eq(activities.id, activityYears.activityId))
    .innerJoin(policyDocuments, eq(policyDocuments.id, activities.documentId))
    .where(and(eq(activityYears.activityId, activityId), eq(activityYears.year, year)));
  const [row] = await (lock ? query.for("update", { of: activityYears }) : query);
  return row;
}

/** With `lock`, the activity row stays locked until the transaction ends (the "before" of a change). */
export async function findActivityById(db: Executor, id: string, lock = false) {
  const query = db
    .select({ activity: activities, document: policyDocuments, section: policySections })
    .from(activities)
    .innerJoin(policyDocuments, eq(policyDocuments.id, activities.documentId))
    .innerJoin(policySections, eq(policySections.id, activities.sectionId))
    .where(eq(activities.id, id));
  const [row] = await (lock ? query.for("update", { of: activities }) : query);
  return row;
}

export async function yearsOfActivity(db: Executor, activityId: string) {
  return db
    .select()
    .from(activityYears)
    .where(eq(activityYears.activityId, activityId))
    .orderBy(asc(activityYears.year));
}

export async function statusHistory(db: Executor, activityYearIds: string[]) {
  if (activityYearIds.length === 0) return [];
  return db
    .select()
    .from(activityStatusChanges)
    .where(inArray(activityStatusChanges.activityYearId, activityYearIds))
    .orderBy(asc(activityStatusChanges.changedAt));
}

export const updateActivityYear = updateById(activityYears);

export async function goalsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(policyGoals).where(inArray(policyGoals.id, ids));
}

export interface SearchHit {
  itemType: string;
  itemId: string;
  documentId: string;
  title: string;
  headline: string;
  rank: number;
}

/** Ranked Dutch full-text search; highlights are wrapped in U+E000/U+E001 so the view can escape the text. */
export async function searchPolicyTexts(db: Executor, municipalityCode: string, w: SearchWindow) {
  const tsQuery = dutchQuery(w.query);
  const result = await db.execute(sql`
    select i.item_type as "itemType", i.item_id as "itemId", i.document_id as "documentId", i.title as "title",
           ${dutchHeadline(sql`i.body`, tsQuery, 2)} as "headline",
           ts_rank(to_tsvector('dutch', i.body), ${tsQuery}) as "rank",
           count(*) over () as "total"
      from policy_search_items i
      join policy_documents d on d.id = i.document_id
     where d.municipality_code = ${municipalityCode}
       and not i.archived
       and to_tsvector('dutch', i.body) @@ ${tsQuery}
     order by "rank" desc, i.title
     limit ${w.limit} offset ${w.offset}`);
  const rows = result.rows as unknown as (SearchHit & { total: string | number })[];
  return {
    hits: rows.map((r) => ({ ...r, rank: Number(r.rank) })),
    total: Number(rows[0]?.total ?? 0),
  };
}

export async function countPolicyItems(db: Executor, documentId: string) {
  const [row] = await db
    .execute(sql`
    select (select count(*) from policy_sections where document_id = ${documentId})::int as sections,
           (select count(*) from policy_goals where document_id = ${documentId})::int as goals,
           (select count(*) from activities where document_id = ${documentId})::int as activities`)
    .then((r) => r.rows);
  return row as { sections: number; goals: number; activities: number };
}

export const updateActivity = updateById(activities);

export const updateGoal = updateById(policyGoals);

/** With `lock`, the goal row stays locked until the transaction ends (the "before" of a change). */
export async function findGoal(db: Executor, id: string, lock = false) {
  const query = db
    .select({ goal: policyGoals, document: policyDocuments })
    .from(policyGoals)
    .innerJoin(policyDocuments, eq(policyDocuments.id, policyGoals.documentId))
    .where(eq(policyGoals.id, id));
  const [row] = await (lock ? query.for("update", { of: policyGoals }) : query);
  return row;
}

export async function insertSnapshot(
  db: Executor,
  row: typeof policyDocumentSnapshots.$inferInsert,
) {
  await db.insert(policyDocumentSnapshots).values(row);
}

export async function listSnapshots(db: Executor, documentId: string) {
  return db
    .select({
      id: policyDocumentSnapshots.id,
      version: policyDocumentSnapshots.version,
      publishedAt: policyDocumentSnapshots.publishedAt,
      actorName: policyDocumentSnapshots.actorName,
    })
    .from(policyDocumentSnapshots)
    .where(eq(policyDocumentSnapshots.documentId, documentId))
    .orderBy(asc(policyDocumentSnapshots.version));
}

export async function findSnapshot(db: Executor, documentId: string, version: number) {
  const [row] = await db
    .select()
    .from(policyDocumentSnapshots)
    .where(
      and(
        eq(policyDocumentSnapshots.documentId, documentId),
        eq(policyDocumentSnapshots.version, version),
      ),
    );
  return row;
}

export const updateDocument = updateById(policyDocuments);

export const updateSection = updateById(policySections);

/** With `lock`, the section row stays locked until the transaction ends (the "before" of a change). */
export async function findSectionById(db: Executor, id: string, lock = false) {
  const query = db
    .select({ section: policySections, document: policyDocuments })
    .from(policySections)
    .innerJoin(policyDocuments, eq(policyDocuments.id, policySections.documentId))
    .where(eq(policySections.id, id));
  const [row] = await (lock ? query.for("update", { of: policySections }) : query);
  return row;
}

export async function listPartnerships(db: Executor, municipalityCode: string) {
  const rows = await db
    .select()
    .from(partnerships)
    .where(
      and(eq(partnerships.municipalityCode, municipalityCode), eq(partnerships.archived, false)),
    )
    .orderBy(asc(partnerships.name));
  const ids = rows.map((r) => r.id);
  const links = ids.length
    ? await db
        .select({
          partnershipId: partnershipSections.partnershipId,
          section: policySections,
          document: policyDocuments,
        })
        .from(partnershipSections)
        .innerJoin(policySections, eq(policySections.id, partnershipSections.sectionId))
        .innerJoin(policyDocuments, eq(policyDocuments.id, policySections.documentId))
        .where(inArray(partnershipSections.partnershipId, ids))
    : [];
  return rows.map((p) => ({ ...p, sections: links.filter((l) => l.partnershipId === p.id) }));
}

/** With `lock`, the row stays locked until the transaction ends (the "before" of a change). */
export async function findPartnership(db: Executor, id: string, lock = false) {
  const query = db.select().from(partnerships).where(eq(partnerships.id, id));
  const [row] = await (lock ? query.for("update") : query);
  return row;
}

export async function updatePartnership(
  db: Executor,
  id: string,
  change: Partial<typeof partnerships.$inferInsert>,
) {
  await db.update(partnerships).set(change).where(eq(partnerships.id, id));
}

/** With `lock`, the indicator row stays locked until the transaction ends (the "before" of a change). */
export async function findIndicator(db: Executor, id: string, lock = false) {
  const query = db
    .select({ indicator: policyIndicators, document: policyDocuments })
    .from(policyIndicators)
    .innerJoin(policyDocuments, eq(policyDocuments.id, policyIndicators.documentId))
    .where(eq(policyIndicators.id, id));
  const [row] = await (lock ? query.for("update", { of: policyIndicators }) : query);
  return row;
}

export async function updateIndicator(
  db: Executor,
  id: string,
  change: Partial<typeof policyIndicators.$inferInsert>,
) {
  await db.update(policyIndicators).set(change).where(eq(policyIndicators.id, id));
}

export async function replaceActivityGoals(db: Executor, activityId: string, goalIds: string[]) {
  await db.delete(activityGoals).where(eq(activityGoals.activityId, activityId));
  await linkActivityGoals(db, activityId, goalIds);
}

/** Every goal and document indicator, keyed "document/doel:slug" and "document/indicator:slug". */
export async function policyTargets(db: Executor, municipalityCode: string) {
  const goals = await db
    .select({ id: policyGoals.id, slug: policyGoals.slug, document: policyDocuments.slug })
    .from(policyGoals)
    .innerJoin(policyDocuments, eq(policyDocuments.id, policyGoals.documentId))
    .where(eq(policyDocuments.municipalityCode, municipalityCode));
  const inds = await db
    .select({
      id: policyIndicators.id,
      slug: policyIndicators.slug,
      document: policyDocuments.slug,
    })
    .from(policyIndicators)
    .innerJoin(policyDocuments, eq(policyDocuments.id, policyIndicators.documentId))
    .where(eq(policyDocuments.municipalityCode, municipalityCode));
  const map = new Map<string, { kind: "doel" | "indicator"; id: string }>();
  for (const g of goals) map.set(`${g.document}/doel:${g.slug}`, { kind: "doel", id: g.id });
  for (const i of inds)
    map.set(`${i.document}/indicator:${i.slug}`, { kind: "indicator", id: i.id });
  return map;
}

/** Goals and document indicators by id, with their document, for showing what an indicator serves. */
export async function policyItemsByIds(db: Executor, goalIds: string[], indicatorIds: string[]) {
  const goals = goalIds.length
    ? await db
        .select({ goal: policyGoals, document: policyDocuments, section: policySections })
        .from(policyGoals)
        .innerJoin(policyDocuments, eq(policyDocuments.id, policyGoals.documentId))
        .leftJoin(policySections, eq(policySections.id, policyGoals.sectionId))
        .where(inArray(policyGoals.id, goalIds))
    : [];
  const inds = indicatorIds.length
    ? await db
        .select({ indicator: policyIndicators, document: policyDocuments, section: policySections })
        .from(policyIndicators)
        .innerJoin(policyDocuments, eq(policyDocuments.id, policyIndicators.documentId))
        .leftJoin(policySections, eq(policySections.id, policyIndicators.sectionId))
        .where(inArray(policyIndicators.id, indicatorIds))
    : [];
  return { goals, indicators: inds };
}

/**
 * The goals and results other modules may link to (a subsidy serves them): every goal not
 * archived, of a document not archived, with its document, in document and plan order.
 */
export const listGoalChoices = (db: Executor, municipalityCode: string) =>
  db
    .select({
      id: policyGoals.id,
      level: policyGoals.level,
      number: policyGoals.number,
      text: policyGoals.text,
      documentSlug: policyDocuments.slug,
      documentTitle: policyDocuments.title,
    })
    .from(policyGoals)
    .innerJoin(policyDocuments, eq(policyDocuments.id, policyGoals.documentId))
    .where(
      and(
        eq(policyDocuments.municipalityCode, municipalityCode),
        eq(policyDocuments.archived, false),
        eq(policyGoals.archived, false),
      ),
    )
    .orderBy(asc(policyDocuments.firstYear), asc(policyDocuments.title), asc(policyGoals.position));
