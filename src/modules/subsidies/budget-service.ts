import type { Db, Executor } from "../../db/executor.js";
import type { Actor } from "../../platform/actor.js";
import { assertValid, conflict, type FieldError } from "../../platform/errors.js";
import { rangeProblem } from "../../platform/field-rules.js";
import { formatEuro } from "../../platform/money.js";
import { recordAudit, recordCreated } from "../audit/index.js";
import { listCostSeries } from "../monitoring/index.js";
import { listWorkAreas } from "../organisations/index.js";
import { budgetOverview } from "./budget.js";
import { centsProblem, YEAR_RANGE } from "./input.js";
import * as repo from "./repository.js";

/** The welfare budget of a year: plans, decisions and the overview worked out from them. */
export async function budgetForYear(db: Executor, municipalityCode: string, year: number) {
  const workAreas = await listWorkAreas(db, municipalityCode);
  const plans = await repo.listBudgetPlans(db, municipalityCode, year);
  const decisions = await repo.budgetDecisions(db, municipalityCode, year);
  return {
    year,
    workAreas,
    plans,
    overview: budgetOverview(workAreas, plans, decisions),
    /** Slugs and references for linking the per-decision table; by id. */
    decisionLinks: new Map(
      decisions.map((d) => [d.id, { slug: d.organisationSlug, reference: d.reference }]),
    ),
  };
}

export type BudgetYear = Awaited<ReturnType<typeof budgetForYear>>;

/**
 * The years to choose from: every year with a plan or a decision, and the current one, newest
 * first; the year shown by default is the newest with anything entered, else the current year.
 */
export async function budgetYearChoices(db: Executor, municipalityCode: string, now = new Date()) {
  const years = new Set([
    ...(await repo.budgetYears(db, municipalityCode)),
    ...(await repo.subsidyYears(db, municipalityCode, false)),
    now.getUTCFullYear(),
  ]);
  return [...years].sort((a, b) => b - a);
}

/** The Wmo maatwerk costs and other euro indicators of monitoring, shown beside the budget. */
export const costSeries = (db: Executor, municipalityCode: string, privacyThreshold: number) =>
  listCostSeries(db, municipalityCode, privacyThreshold);

export interface PlanEntry {
  workAreaId: string;
  /** null: no plan for this work area (an existing one is removed). */
  plannedCents: number | null;
  /** The version the editor saw, for an existing plan. */
  version?: number | undefined;
}

/**
 * Saves the planned amounts of a year, all or nothing: one transaction, the year's plans locked,
 * a version that changed since the form was opened is a 409, and one audit entry per changed plan.
 */
export async function saveBudgetPlans(
  db: Db,
  actor: Actor,
  year: number | undefined,
  entries: readonly PlanEntry[],
  formErrors: FieldError[] = [],
) {
  const areas = await listWorkAreas(db, actor.municipalityCode);
  const errors: FieldError[] = [
    ...formErrors,
    ...[
      year === undefined
        ? { field: "jaar", message: "Jaar is verplicht." }
        : rangeProblem(year, { field: "jaar", label: "Jaar", ...YEAR_RANGE }),
      ...entries.map((e) =>
        centsProblem(e.plannedCents, `gepland-${e.workAreaId}`, "Gepland bedrag"),
      ),
    ].filter((e): e is FieldError => e !== undefined),
  ];
  for (const e of entries) {
    if (!areas.some((a) => a.id === e.workAreaId))
      errors.push({ field: "werkgebied", message: "Kies een bestaand werkgebied." });
  }
  assertValid(errors);
  const y = year as number;
  return db.transaction(async (tx) => {
    const plans = await repo.listBudgetPlans(tx, actor.municipalityCode, y, true);
    let changed = 0;
    for (const entry of entries) {
      const area = areas.find((a) => a.id === entry.workAreaId) as { name: string };
      const existing = plans.find((p) => p.workAreaId === entry.workAreaId);
      if (existing && entry.version !== undefined && entry.version !== existing.version) {
        throw conflict(
          `De begroting ${y} is intussen door iemand anders gewijzigd. Laad de pagina opnieuw en voer uw wijziging nog eens in.`,
        );
      }
      if (existing && entry.plannedCents === null) {
        await repo.deleteBudgetPlan(tx, existing.id);
        await recordAudit(tx, actor, {
          action: "delete",
          entityType: "begrotingspost",
          entityId: existing.id,
          summary: `Gepland bedrag ${y} voor ${area.name} weggehaald`,
          before: existing,
        });
        changed += 1;
      } else if (
        existing &&
        entry.plannedCents !== null &&
        entry.plannedCents !== existing.plannedCents
      ) {
        await repo.updateBudgetPlan(tx, existing.id, {
          plannedCents: entry.plannedCents,
          version: existing.version + 1,
        });
        await recordAudit(tx, actor, {
          action: "update",
          entityType: "begrotingspost",
          entityId: existing.id,
          summary: `Gepland bedrag ${y} voor ${area.name}: ${formatEuro(existing.plannedCents)} → ${formatEuro(entry.plannedCents)}`,
          before: { geplandCent: existing.plannedCents },
          after: { geplandCent: entry.plannedCents },
        });
        changed += 1;
      } else if (!existing && entry.plannedCents !== null) {
        const row = await repo.insertBudgetPlan(tx, {
          municipalityCode: actor.municipalityCode,
          year: y,
          workAreaId: entry.workAreaId,
          plannedCents: entry.plannedCents,
        });
        await recordCreated(
          tx,
          actor,
          "begrotingspost",
          row,
          `Gepland bedrag ${y} voor ${area.name}: ${formatEuro(row.plannedCents)}`,
        );
        changed += 1;
      }
    }
    return { changed };
  });
}
