import type { Db, Executor } from "../../db/executor.js";
import type { Actor } from "../../platform/actor.js";
import { assertValid, conflict, type FieldError, notFound } from "../../platform/errors.js";
import { problems, textProblem } from "../../platform/field-rules.js";
import { notify } from "../../platform/notifications/index.js";
import { NOTE_MAX, STATEMENT_MAX } from "../../platform/schema-types.js";
import { isUuid } from "../../platform/values.js";
import { listPartnerAccountIds } from "../accounts/index.js";
import { recordAudit } from "../audit/index.js";
import { recordReportedMeasurement } from "../monitoring/index.js";
import { getSubsidyForReport } from "../subsidies/index.js";
import { isDay } from "./fields.js";
import * as repo from "./repository.js";
import { measurementYear, nextState, periodLabel, refusedStepMessage } from "./rules.js";
import type { ReviewDecision } from "./schema.js";

export interface ReviewInput {
  decision?: string | undefined;
  comment?: string | undefined;
  /** Informal reports: the joint progress talk in which the report was discussed. */
  progressTalkOn?: string | undefined;
  progressTalkNotes?: string | undefined;
}

const COMMENT = { field: "toelichting", label: "Toelichting", max: STATEMENT_MAX };
const TALK_NOTES = {
  field: "voortgangsgesprekNotities",
  label: "Verslag van het voortgangsgesprek",
  max: NOTE_MAX * 2,
};

/** The checks on a decision: a known one, a comment when asking for more, a real talk date. */
export function reviewProblems(input: ReviewInput, format: string): FieldError[] {
  const errors: FieldError[] = [];
  const decision = input.decision;
  if (decision !== "akkoord" && decision !== "aanvulling_nodig")
    errors.push({ field: "besluit", message: "Besluit: kies akkoord of aanvulling nodig." });
  if (decision === "aanvulling_nodig" && (input.comment ?? "").trim() === "")
    errors.push({
      field: COMMENT.field,
      message:
        "Toelichting is verplicht bij aanvulling nodig: schrijf wat de partner moet aanvullen.",
    });
  errors.push(
    ...problems(
      textProblem(input.comment, COMMENT),
      textProblem(input.progressTalkNotes, TALK_NOTES),
    ),
  );
  const talk = input.progressTalkOn?.trim();
  if (talk && !isDay(talk))
    errors.push({
      field: "voortgangsgesprekOp",
      message: "Datum van het voortgangsgesprek: geef een datum als JJJJ-MM-DD.",
    });
  if (format === "informeel" && decision === "akkoord" && !talk)
    errors.push({
      field: "voortgangsgesprekOp",
      message:
        "Datum van het voortgangsgesprek is verplicht: een informele verantwoording wordt in een gezamenlijk voortgangsgesprek besproken.",
    });
  return errors;
}

/** Every active partner account of the organisation hears about the decision, in this transaction. */
async function notifyPartners(
  tx: Executor,
  municipalityCode: string,
  organisationId: string,
  message: { subject: string; body: string; link: string },
) {
  for (const accountId of await listPartnerAccountIds(tx, organisationId))
    await notify(tx, { municipalityCode, accountId, ...message });
}

/**
 * Staff decide on a submitted report: akkoord publishes and locks it, and turns its indicator values
 * into measurements of the monitor (same transaction: approved with its measurements or not at
 * all); aanvulling nodig sends it back to the partner with the comment. Either way every partner
 * account of the organisation is notified, and the step is in report_events and the audit trail.
 */
export async function reviewReport(db: Db, actor: Actor, id: string, input: ReviewInput) {
  return db.transaction(async (tx) => {
    const found = isUuid(id)
      ? await repo.findOwnedReport(tx, actor.municipalityCode, id, true)
      : undefined;
    if (!found) throw notFound("Deze verantwoording bestaat niet.");
    const { report } = found;
    assertValid(reviewProblems(input, report.format));
    const decision = input.decision as ReviewDecision;
    const next = nextState(report.state, decision);
    if (!next) throw conflict(refusedStepMessage(report.state, decision));
    const subsidy = await getSubsidyForReport(tx, actor.municipalityCode, report.subsidyId);
    if (!subsidy) throw notFound("De subsidie van deze verantwoording bestaat niet meer.");
    const comment = input.comment?.trim() ?? "";
    const period = periodLabel(report.periodStart, report.periodEnd);
    const talk = input.progressTalkOn?.trim()
      ? {
          progressTalkOn: input.progressTalkOn.trim(),
          progressTalkNotes: input.progressTalkNotes?.trim() ?? "",
        }
      : {};
    await repo.updateReport(tx, report.id, {
      state: next,
      reviewedAt: new Date(),
      version: report.version + 1,
      ...talk,
    });
    await repo.insertEvent(tx, {
      reportId: report.id,
      toState: next,
      comment,
      actorName: actor.publicName,
    });
    const measurements: { indicator: string; value: number }[] = [];
    if (next === "akkoord") {
      const agreed = new Map(subsidy.indicators.map((i) => [i.id, i]));
      const source = `Verantwoording ${found.organisationName} ${period}`;
      for (const v of await repo.listIndicatorValues(tx, report.id)) {
        const indicator = agreed.get(v.subsidyIndicatorId);
        if (!indicator) continue;
        await recordReportedMeasurement(tx, actor, {
          indicatorId: indicator.indicatorId,
          areaCode: actor.municipalityCode,
          year: measurementYear(report.periodEnd),
          value: v.value,
          source,
        });
        measurements.push({ indicator: indicator.name, value: v.value });
      }
    }
    const title = `Verantwoording ${found.organisationName} ${period}`;
    await notifyPartners(tx, actor.municipalityCode, found.organisationId, {
      subject: next === "akkoord" ? `${title}: akkoord` : `${title}: aanvulling nodig`,
      body:
        next === "akkoord"
          ? `De gemeente heeft de verantwoording over ${period} goedgekeurd. Zij is nu openbaar.${comment ? `\n\nToelichting: ${comment}` : ""}`
          : `De gemeente vraagt om een aanvulling op de verantwoording over ${period}:\n\n${comment}\n\nPas de verantwoording aan en dien haar opnieuw in.`,
      link: `/verantwoordingen/${report.id}`,
    });
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "verantwoording",
      entityId: report.id,
      summary: `${title} beoordeeld: ${next === "akkoord" ? "akkoord" : "aanvulling nodig"}`,
      before: { status: report.state },
      after: { status: next, toelichting: comment, ...talk, metingen: measurements },
    });
    return { ...report, state: next, version: report.version + 1 };
  });
}
