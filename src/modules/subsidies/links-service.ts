import type { Db, Executor } from "../../db/executor.js";
import type { Actor } from "../../platform/actor.js";
import { assertValid, conflict, notFound } from "../../platform/errors.js";
import { rangeProblem } from "../../platform/field-rules.js";
import { MEASURE_MAX } from "../../platform/schema-types.js";
import { isUuid } from "../../platform/values.js";
import { recordAudit, recordCreated } from "../audit/index.js";
import { listGoalChoices } from "../policy/index.js";
import { type RequirementInput, requirementProblems } from "./input.js";
import * as repo from "./repository.js";
import type { ReportKind } from "./schema.js";
import { assertVersion, lockSubsidy } from "./service.js";

// What a decision serves and asks back: its policy goals, agreed indicators with targets, and
// required reports. Each addition or removal is one transaction under the decision's row lock,
// with its audit entry, and counts as a change of the decision (its version goes up).

/** Runs `change` with the decision locked and its version checked, then raises the version. */
async function withDecision<T>(
  db: Db,
  actor: Actor,
  id: string,
  version: number | undefined,
  change: (tx: Executor, subsidy: repo.SubsidyRow) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const { subsidy } = await lockSubsidy(tx, actor, id);
    assertVersion(subsidy.version, version);
    const result = await change(tx, subsidy);
    await repo.updateSubsidy(tx, subsidy.id, { version: subsidy.version + 1 });
    return result;
  });
}

export async function addSubsidyGoal(
  db: Db,
  actor: Actor,
  id: string,
  goalId: string | undefined,
  version?: number,
) {
  const goal = goalId && isUuid(goalId) ? goalId : undefined;
  const known = goal
    ? (await listGoalChoices(db, actor.municipalityCode)).find((g) => g.id === goal)
    : undefined;
  if (!known) {
    assertValid([{ field: "doel", message: "Kies een bestaand doel of resultaat." }]);
    return;
  }
  await withDecision(db, actor, id, version, async (tx, s) => {
    if (!(await repo.insertGoal(tx, s.id, known.id)))
      throw conflict("Dit doel staat al bij de subsidie.", [
        { field: "doel", message: "Dit doel staat al bij de subsidie." },
      ]);
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "subsidiedoel",
      entityId: `${s.id}/${known.id}`,
      summary: `Doel "${known.text.slice(0, 60)}" bij subsidie ${s.year} gezet`,
      after: { subsidie: s.id, doel: known.id },
    });
  });
}

export async function removeSubsidyGoal(
  db: Db,
  actor: Actor,
  id: string,
  goalId: string | undefined,
  version?: number,
) {
  await withDecision(db, actor, id, version, async (tx, s) => {
    if (!goalId || !isUuid(goalId) || !(await repo.deleteGoal(tx, s.id, goalId)))
      throw notFound("Dit doel staat niet bij de subsidie.");
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "subsidiedoel",
      entityId: `${s.id}/${goalId}`,
      summary: `Doel bij subsidie ${s.year} weggehaald`,
      before: { subsidie: s.id, doel: goalId },
    });
  });
}

export interface IndicatorAgreement {
  indicatorId?: string | undefined;
  target?: number | null | undefined;
}

export async function addSubsidyIndicator(
  db: Db,
  actor: Actor,
  id: string,
  input: IndicatorAgreement,
  version?: number,
  formErrors: { field: string; message: string }[] = [],
) {
  const indicator =
    input.indicatorId && isUuid(input.indicatorId)
      ? await repo.findIndicatorChoice(db, actor.municipalityCode, input.indicatorId)
      : undefined;
  assertValid([
    ...formErrors,
    ...(indicator ? [] : [{ field: "indicator", message: "Kies een bestaande indicator." }]),
    ...[
      rangeProblem(input.target ?? undefined, {
        field: "streefwaarde",
        label: "Streefwaarde",
        min: -MEASURE_MAX,
        max: MEASURE_MAX,
      }),
    ].filter((e) => e !== undefined),
  ]);
  const chosen = indicator as NonNullable<typeof indicator>;
  return withDecision(db, actor, id, version, async (tx, s) => {
    const row = await repo.insertIndicator(tx, {
      subsidyId: s.id,
      indicatorId: chosen.id,
      target: input.target ?? null,
    });
    if (!row)
      throw conflict("Deze indicator is al afgesproken bij de subsidie.", [
        { field: "indicator", message: "Deze indicator is al afgesproken bij de subsidie." },
      ]);
    await recordCreated(
      tx,
      actor,
      "subsidie-indicator",
      row,
      `Indicator "${chosen.name.slice(0, 60)}" afgesproken bij subsidie ${s.year}`,
    );
    return row;
  });
}

export async function removeSubsidyIndicator(
  db: Db,
  actor: Actor,
  id: string,
  agreementId: string | undefined,
  version?: number,
) {
  await withDecision(db, actor, id, version, async (tx, s) => {
    const removed =
      agreementId && isUuid(agreementId)
        ? await repo.deleteIndicator(tx, s.id, agreementId)
        : undefined;
    if (!removed) throw notFound("Deze indicator is niet afgesproken bij de subsidie.");
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "subsidie-indicator",
      entityId: removed.id,
      summary: `Afgesproken indicator bij subsidie ${s.year} weggehaald`,
      before: removed,
    });
  });
}

export async function addReportRequirement(
  db: Db,
  actor: Actor,
  id: string,
  input: RequirementInput,
  version?: number,
) {
  assertValid(requirementProblems(input));
  return withDecision(db, actor, id, version, async (tx, s) => {
    const row = await repo.insertRequirement(tx, {
      subsidyId: s.id,
      kind: input.kind as ReportKind,
      dueOn: input.dueOn as string,
      description: input.description?.trim() ?? "",
    });
    await recordCreated(
      tx,
      actor,
      "subsidie-verantwoording",
      row,
      `${row.kind} uiterlijk ${row.dueOn} gevraagd bij subsidie ${s.year}`,
    );
    return row;
  });
}

export async function removeReportRequirement(
  db: Db,
  actor: Actor,
  id: string,
  requirementId: string | undefined,
  version?: number,
) {
  await withDecision(db, actor, id, version, async (tx, s) => {
    const removed =
      requirementId && isUuid(requirementId)
        ? await repo.deleteRequirement(tx, s.id, requirementId)
        : undefined;
    if (!removed) throw notFound("Deze verantwoordingseis staat niet bij de subsidie.");
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "subsidie-verantwoording",
      entityId: removed.id,
      summary: `Verantwoordingseis bij subsidie ${s.year} weggehaald`,
      before: removed,
    });
  });
}
