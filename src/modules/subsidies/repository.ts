import { and, asc, count, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/executor.js";
import { updateById } from "../../db/update-by-id.js";
import { indicators } from "../monitoring/index.js";
import { organisations, workAreas } from "../organisations/index.js";
import { PUBLIC_STATES } from "./rules.js";
import {
  budgetPlans,
  type SubsidyState,
  subsidies,
  subsidyGoals,
  subsidyIndicators,
  subsidyReportRequirements,
  subsidyStateChanges,
} from "./schema.js";

export type SubsidyRow = typeof subsidies.$inferSelect;
export type BudgetPlanRow = typeof budgetPlans.$inferSelect;

/** A decision with the names a list or page shows beside it. */
const listed = {
  subsidy: subsidies,
  organisationName: organisations.name,
  organisationSlug: organisations.slug,
  organisationKind: organisations.kind,
  workAreaName: workAreas.name,
  workAreaCode: workAreas.code,
};
export type ListedSubsidy = {
  subsidy: SubsidyRow;
  organisationName: string;
  organisationSlug: string;
  organisationKind: (typeof organisations.$inferSelect)["kind"];
  workAreaName: string | null;
  workAreaCode: string | null;
};

export interface SubsidyFilter {
  municipalityCode: string;
  year?: number | undefined;
  states?: readonly SubsidyState[] | undefined;
  workAreaId?: string | undefined;
  organisationId?: string | undefined;
  /**
   * Who may see what: only public states, except the decisions of these organisations (a partner's
   * own). Absent: every state (staff).
   */
  visibleTo?: { organisationIds: readonly string[] } | undefined;
}

export const SORTS = ["organisatie", "jaar", "bedrag", "status"] as const;
export type Sort = (typeof SORTS)[number];

function where(f: SubsidyFilter): SQL | undefined {
  const visible = f.visibleTo
    ? f.visibleTo.organisationIds.length > 0
      ? or(
          inArray(subsidies.state, [...PUBLIC_STATES]),
          inArray(subsidies.organisationId, [...f.visibleTo.organisationIds]),
        )
      : inArray(subsidies.state, [...PUBLIC_STATES])
    : undefined;
  return and(
    eq(subsidies.municipalityCode, f.municipalityCode),
    f.year === undefined ? undefined : eq(subsidies.year, f.year),
    f.states && f.states.length > 0 ? inArray(subsidies.state, [...f.states]) : undefined,
    f.workAreaId === undefined ? undefined : eq(subsidies.workAreaId, f.workAreaId),
    f.organisationId === undefined ? undefined : eq(subsidies.organisationId, f.organisationId),
    visible,
  );
}

const ORDER: Record<Sort, SQL[]> = {
  organisatie: [asc(sql`lower(${organisations.name})`), desc(subsidies.year)],
  jaar: [desc(subsidies.year), asc(sql`lower(${organisations.name})`)],
  bedrag: [desc(subsidies.amountCents), asc(sql`lower(${organisations.name})`)],
  // In the order of the life of a decision, not alphabetically.
  status: [
    asc(
      sql`array_position(array['aanvraag','verleend','vastgesteld','ingetrokken'], ${subsidies.state})`,
    ),
    desc(subsidies.year),
    asc(sql`lower(${organisations.name})`),
  ],
};

/** A page of decisions matching `f`, and how many match in all. */
export async function findSubsidies(
  db: Executor,
  f: SubsidyFilter,
  sort: Sort,
  page: { limit: number; offset: number } | undefined,
): Promise<{ rows: ListedSubsidy[]; total: number }> {
  const base = db
    .select(listed)
    .from(subsidies)
    .innerJoin(organisations, eq(organisations.id, subsidies.organisationId))
    .leftJoin(workAreas, eq(workAreas.id, subsidies.workAreaId))
    .where(where(f))
    .orderBy(...ORDER[sort], asc(subsidies.id));
  const rows = await (page ? base.limit(page.limit).offset(page.offset) : base);
  const [total] = await db.select({ n: count() }).from(subsidies).where(where(f));
  return { rows, total: total?.n ?? 0 };
}

/** One decision with its names; with `lock` the subsidy row stays locked until the transaction ends. */
export async function findSubsidy(
  db: Executor,
  municipalityCode: string,
  id: string,
  lock = false,
): Promise<ListedSubsidy | undefined> {
  const query = db
    .select(listed)
    .from(subsidies)
    .innerJoin(organisations, eq(organisations.id, subsidies.organisationId))
    .leftJoin(workAreas, eq(workAreas.id, subsidies.workAreaId))
    .where(and(eq(subsidies.municipalityCode, municipalityCode), eq(subsidies.id, id)));
  const [row] = await (lock ? query.for("update", { of: subsidies }) : query);
  return row;
}

export async function insertSubsidy(db: Executor, row: typeof subsidies.$inferInsert) {
  const [inserted] = await db.insert(subsidies).values(row).returning();
  if (!inserted) throw new Error("subsidy not inserted");
  return inserted;
}

export const updateSubsidy = updateById(subsidies);

export async function insertStateChange(
  db: Executor,
  row: Omit<typeof subsidyStateChanges.$inferInsert, "changedAt">,
) {
  // clock_timestamp: the moment of the change itself, after any wait for the row lock (ADR 9).
  await db.insert(subsidyStateChanges).values({ ...row, changedAt: sql`clock_timestamp()` });
}

export const listStateChanges = (db: Executor, subsidyId: string) =>
  db
    .select()
    .from(subsidyStateChanges)
    .where(eq(subsidyStateChanges.subsidyId, subsidyId))
    .orderBy(asc(subsidyStateChanges.changedAt));

export const listGoalIds = async (db: Executor, subsidyId: string) =>
  (
    await db
      .select({ goalId: subsidyGoals.goalId })
      .from(subsidyGoals)
      .where(eq(subsidyGoals.subsidyId, subsidyId))
  ).map((r) => r.goalId);

/** Adds the goal unless it is there already; whether it was added. */
export async function insertGoal(db: Executor, subsidyId: string, goalId: string) {
  const rows = await db
    .insert(subsidyGoals)
    .values({ subsidyId, goalId })
    .onConflictDoNothing()
    .returning();
  return rows.length > 0;
}

export async function deleteGoal(db: Executor, subsidyId: string, goalId: string) {
  const rows = await db
    .delete(subsidyGoals)
    .where(and(eq(subsidyGoals.subsidyId, subsidyId), eq(subsidyGoals.goalId, goalId)))
    .returning();
  return rows.length > 0;
}

export async function insertIndicator(db: Executor, row: typeof subsidyIndicators.$inferInsert) {
  const [inserted] = await db
    .insert(subsidyIndicators)
    .values(row)
    .onConflictDoNothing()
    .returning();
  return inserted;
}

export async function deleteIndicator(db: Executor, subsidyId: string, id: string) {
  const [deleted] = await db
    .delete(subsidyIndicators)
    .where(and(eq(subsidyIndicators.subsidyId, subsidyId), eq(subsidyIndicators.id, id)))
    .returning();
  return deleted;
}

export async function insertRequirement(
  db: Executor,
  row: typeof subsidyReportRequirements.$inferInsert,
) {
  const [inserted] = await db.insert(subsidyReportRequirements).values(row).returning();
  if (!inserted) throw new Error("requirement not inserted");
  return inserted;
}

export async function deleteRequirement(db: Executor, subsidyId: string, id: string) {
  const [deleted] = await db
    .delete(subsidyReportRequirements)
    .where(
      and(eq(subsidyReportRequirements.subsidyId, subsidyId), eq(subsidyReportRequirements.id, id)),
    )
    .returning();
  return deleted;
}

/** A monitoring indicator of the municipality that is not archived, or undefined. */
export async function findIndicatorChoice(db: Executor, municipalityCode: string, id: string) {
  const [row] = await db
    .select({ id: indicators.id, name: indicators.name, unit: indicators.unit })
    .from(indicators)
    .where(
      and(
        eq(indicators.municipalityCode, municipalityCode),
        eq(indicators.id, id),
        eq(indicators.archived, false),
      ),
    );
  return row;
}

export const listIndicatorChoices = (db: Executor, municipalityCode: string) =>
  db
    .select({ id: indicators.id, name: indicators.name, unit: indicators.unit })
    .from(indicators)
    .where(and(eq(indicators.municipalityCode, municipalityCode), eq(indicators.archived, false)))
    .orderBy(asc(indicators.name));

/** The distinct years that have decisions (newest first), for a year filter. */
export async function subsidyYears(db: Executor, municipalityCode: string, publicOnly: boolean) {
  const rows = await db
    .selectDistinct({ year: subsidies.year })
    .from(subsidies)
    .where(
      and(
        eq(subsidies.municipalityCode, municipalityCode),
        publicOnly ? inArray(subsidies.state, [...PUBLIC_STATES]) : undefined,
      ),
    )
    .orderBy(desc(subsidies.year));
  return rows.map((r) => r.year);
}

/** A decision's figures for the budget: every decision of the year, any state. */
export const budgetDecisions = (db: Executor, municipalityCode: string, year: number) =>
  db
    .select({
      id: subsidies.id,
      reference: subsidies.reference,
      organisationName: organisations.name,
      organisationSlug: organisations.slug,
      organisationKind: organisations.kind,
      workAreaId: subsidies.workAreaId,
      state: subsidies.state,
      amountCents: subsidies.amountCents,
      establishedCents: subsidies.establishedCents,
      volunteerOrMeetingPlace: subsidies.volunteerOrMeetingPlace,
    })
    .from(subsidies)
    .innerJoin(organisations, eq(organisations.id, subsidies.organisationId))
    .where(and(eq(subsidies.municipalityCode, municipalityCode), eq(subsidies.year, year)))
    .orderBy(asc(sql`lower(${organisations.name})`), asc(subsidies.id));

export const listBudgetPlans = (
  db: Executor,
  municipalityCode: string,
  year: number,
  lock = false,
) => {
  const query = db
    .select()
    .from(budgetPlans)
    .where(and(eq(budgetPlans.municipalityCode, municipalityCode), eq(budgetPlans.year, year)));
  return lock ? query.for("update") : query;
};

export async function insertBudgetPlan(db: Executor, row: typeof budgetPlans.$inferInsert) {
  const [inserted] = await db.insert(budgetPlans).values(row).returning();
  if (!inserted) throw new Error("budget plan not inserted");
  return inserted;
}

export const updateBudgetPlan = updateById(budgetPlans);

export async function budgetYears(db: Executor, municipalityCode: string) {
  const rows = await db
    .selectDistinct({ year: budgetPlans.year })
    .from(budgetPlans)
    .where(eq(budgetPlans.municipalityCode, municipalityCode));
  return rows.map((r) => r.year);
}

export async function deleteBudgetPlan(db: Executor, id: string) {
  await db.delete(budgetPlans).where(eq(budgetPlans.id, id));
}
