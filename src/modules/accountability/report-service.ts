import type { Db, Executor } from "../../db/executor.js";
import { assertValid, badRequest, conflict, forbidden, notFound } from "../../platform/errors.js";
import { isUuid } from "../../platform/values.js";
import { recordAudit, recordCreated } from "../audit/index.js";
import { getSubsidyForReport, type SubsidyForReport } from "../subsidies/index.js";
import { type Caller, mayWrite, refusal } from "./access.js";
import { inputProblems, type ReportInput, TEXT_FIELDS } from "./fields.js";
import * as repo from "./repository.js";
import { formatForKind, lockedMessage, nextState, REQUIRED_TO_SUBMIT } from "./rules.js";

/** A decision of the caller's own organisation, or 404 / 403 (another organisation's). */
export async function ownSubsidy(
  db: Executor,
  caller: Caller,
  subsidyId: string,
): Promise<SubsidyForReport> {
  const subsidy = isUuid(subsidyId)
    ? await getSubsidyForReport(db, caller.actor.municipalityCode, subsidyId)
    : null;
  if (!subsidy)
    throw badRequest("Kies een subsidie van uw organisatie.", [
      { field: "subsidie", message: "Subsidie: kies een subsidie van uw organisatie." },
    ]);
  if (!mayWrite(caller, subsidy.organisationId))
    throw forbidden("U kunt alleen verantwoorden voor subsidies van uw eigen organisatie.");
  return subsidy;
}

/**
 * The caller's report, locked until the transaction ends, with the decision it accounts for:
 * 404 when there is none in the municipality, 403 when it is another organisation's.
 */
async function lockOwnReport(tx: Executor, caller: Caller, id: string) {
  const found = isUuid(id)
    ? await repo.findOwnedReport(tx, caller.actor.municipalityCode, id, true)
    : undefined;
  if (!found) throw notFound("Deze verantwoording bestaat niet.");
  if (!mayWrite(caller, found.organisationId)) throw refusal(true);
  const subsidy = await getSubsidyForReport(
    tx,
    caller.actor.municipalityCode,
    found.report.subsidyId,
  );
  if (!subsidy) throw notFound("De subsidie van deze verantwoording bestaat niet meer.");
  return { ...found, subsidy };
}

/** The columns a valid input changes (only what it gives). */
function changeOf(input: ReportInput) {
  const change: Partial<repo.NewReportRow> = {};
  for (const f of TEXT_FIELDS) {
    const v = input.texts?.[f.column];
    if (v !== undefined) change[f.column] = v.trim();
  }
  if (input.reach !== undefined) change.reach = input.reach;
  if (input.periodStart !== undefined) change.periodStart = input.periodStart;
  if (input.periodEnd !== undefined) change.periodEnd = input.periodEnd;
  return change;
}

const valuesOf = (input: ReportInput) =>
  (input.values ?? []).map((v) => ({
    subsidyIndicatorId: v.subsidyIndicatorId,
    value: v.value,
    note: v.note?.trim() ?? "",
  }));

export interface NewReport extends ReportInput {
  subsidyId: string;
  /** Which required report this is; without it, the earliest requirement still unanswered. */
  requirementId?: string | undefined;
}

// A partner's steps are shown under its organisation's name: the public name of a partner account
// is the scope of its grant, which is the organisation's id (never a person, never a bare id).

/**
 * A partner starts a report (a concept) for a decision of its own organisation. The format follows
 * the organisation's kind now and stays; the period is the decision's year unless given.
 */
export async function createReport(db: Db, caller: Caller, input: NewReport) {
  const subsidy = await ownSubsidy(db, caller, input.subsidyId);
  if (subsidy.state !== "verleend" && subsidy.state !== "vastgesteld")
    throw conflict(
      subsidy.state === "ingetrokken"
        ? "Deze subsidie is ingetrokken; er valt niets te verantwoorden."
        : "Deze subsidie is nog niet verleend; verantwoorden kan zodra zij verleend is.",
    );
  const format = formatForKind(subsidy.organisationKind);
  const period = {
    start: input.periodStart ?? `${subsidy.year}-01-01`,
    end: input.periodEnd ?? `${subsidy.year}-12-31`,
  };
  assertValid(inputProblems(input, format, subsidy.indicators, period));
  if (input.requirementId && !subsidy.requirements.some((r) => r.id === input.requirementId))
    throw badRequest("Kies een verplichting van deze subsidie.", [
      { field: "verplichting", message: "Verplichting: kies een verplichting van deze subsidie." },
    ]);
  return db.transaction(async (tx) => {
    const answered = await repo.statesByRequirement(
      tx,
      subsidy.requirements.map((r) => r.id),
    );
    if (input.requirementId && answered.has(input.requirementId))
      throw conflict("Voor deze verplichting is al een verantwoording; werk die bij.", [
        { field: "verplichting", message: "Voor deze verplichting is al een verantwoording." },
      ]);
    const requirementId =
      input.requirementId ?? subsidy.requirements.find((r) => !answered.has(r.id))?.id ?? null;
    const row = await repo.insertReport(tx, {
      municipalityCode: caller.actor.municipalityCode,
      subsidyId: subsidy.id,
      requirementId,
      format,
      ...changeOf(input),
      periodStart: period.start,
      periodEnd: period.end,
    });
    await repo.replaceIndicatorValues(tx, row.id, valuesOf(input));
    await repo.insertEvent(tx, {
      reportId: row.id,
      toState: "concept",
      comment: "",
      actorName: subsidy.organisationName,
    });
    await recordCreated(
      tx,
      caller.actor,
      "verantwoording",
      row,
      `Verantwoording ${subsidy.organisationName} ${subsidy.year} aangemaakt (concept)`,
    );
    return row;
  });
}

const staleMessage = (given: number, current: number) =>
  `Deze verantwoording is intussen gewijzigd (versie ${current}; u bewerkte versie ${given}). Laad haar opnieuw en breng uw wijziging opnieuw aan.`;

/**
 * A partner changes its concept or a report sent back for more (409 for any other state, and for
 * a version that is not the current one: someone else saved in between).
 */
export async function editReport(
  db: Db,
  caller: Caller,
  id: string,
  version: number,
  input: ReportInput,
) {
  return db.transaction(async (tx) => {
    const { report, subsidy } = await lockOwnReport(tx, caller, id);
    const locked = lockedMessage(report.state);
    if (locked) throw conflict(locked);
    if (version !== report.version) throw conflict(staleMessage(version, report.version));
    const period = {
      start: input.periodStart ?? report.periodStart,
      end: input.periodEnd ?? report.periodEnd,
    };
    assertValid(inputProblems(input, report.format, subsidy.indicators, period));
    const change = changeOf(input);
    await repo.updateReport(tx, report.id, { ...change, version: report.version + 1 });
    if (input.values !== undefined)
      await repo.replaceIndicatorValues(tx, report.id, valuesOf(input));
    await recordAudit(tx, caller.actor, {
      action: "update",
      entityType: "verantwoording",
      entityId: report.id,
      summary: `Verantwoording ${subsidy.organisationName} ${subsidy.year} gewijzigd`,
      before: report,
      after: { ...change, ...(input.values ? { indicatorwaarden: valuesOf(input) } : {}) },
    });
    return { ...report, ...change, version: report.version + 1 };
  });
}

/** The partner sends the report for review: it needs its narrative and the format's texts. */
export async function submitReport(db: Db, caller: Caller, id: string) {
  return db.transaction(async (tx) => {
    const { report, subsidy } = await lockOwnReport(tx, caller, id);
    const next = nextState(report.state, "indienen");
    if (!next)
      throw conflict(lockedMessage(report.state) ?? "Deze verantwoording is al ingediend.");
    const missing = REQUIRED_TO_SUBMIT[report.format].filter(({ field }) => {
      const column = TEXT_FIELDS.find((f) => f.key === field)?.column;
      return !column || report[column].trim() === "";
    });
    assertValid(
      missing.map(({ field, label }) => ({
        field,
        message: `${label} is verplicht om in te dienen.`,
      })),
    );
    await repo.updateReport(tx, report.id, {
      state: next,
      submittedAt: new Date(),
      version: report.version + 1,
    });
    await repo.insertEvent(tx, {
      reportId: report.id,
      toState: next,
      comment: "",
      actorName: subsidy.organisationName,
    });
    await recordAudit(tx, caller.actor, {
      action: "update",
      entityType: "verantwoording",
      entityId: report.id,
      summary: `Verantwoording ${subsidy.organisationName} ${subsidy.year} ingediend`,
      before: { status: report.state },
      after: { status: next },
    });
    return { ...report, state: next, version: report.version + 1 };
  });
}

export { lockOwnReport };
