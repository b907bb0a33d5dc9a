import type { Db, Executor } from "../../db/executor.js";
import type { Actor } from "../../platform/actor.js";
import {
  assertValid,
  badRequest,
  conflict,
  type FieldError,
  notFound,
} from "../../platform/errors.js";
import { NOTE_MAX } from "../../platform/schema-types.js";
import { definedOnly, isUuid } from "../../platform/values.js";
import { recordAudit, recordCreated } from "../audit/index.js";
import { getOrganisationSummary, listWorkAreas, type Placement } from "../organisations/index.js";
import { centsProblem, isState, onePerField, type SubsidyInput, subsidyProblems } from "./input.js";
import * as repo from "./repository.js";
import { STATE_LABELS, transitionProblem } from "./rules.js";
import type { SubsidyForm, SubsidyState } from "./schema.js";

// Creating and changing a decision: one transaction per change with its audit entry, the row
// locked while its "before" is read, and the version compared, so a stale form is a 409.

const missing = (id: string) => notFound(`Er is geen subsidie "${id}".`);

/** The decision `id` of the actor's municipality, locked until the transaction ends; else 404. */
export async function lockSubsidy(tx: Executor, actor: Actor, id: string) {
  const found = isUuid(id)
    ? await repo.findSubsidy(tx, actor.municipalityCode, id, true)
    : undefined;
  if (!found) throw missing(id);
  return found;
}

/** A 409 when the editor saw another version than the current one. */
export function assertVersion(current: number, seen: number | undefined) {
  if (seen !== undefined && seen !== current) {
    const message =
      "Deze subsidie is intussen door iemand anders gewijzigd. Laad de pagina opnieuw en voer uw wijziging nog eens in.";
    throw conflict(message, [{ field: "versie", message }]);
  }
}

/** The organisation and work area an input names, resolved within the municipality. */
async function resolveRefs(db: Executor, municipalityCode: string, input: SubsidyInput) {
  const errors: FieldError[] = [];
  let organisationId: string | undefined;
  if (input.organisation !== undefined && input.organisation.trim() !== "") {
    const org = await getOrganisationSummary(db, municipalityCode, input.organisation.trim());
    if (org) organisationId = org.id;
    else errors.push({ field: "organisatie", message: "Kies een bestaande organisatie." });
  }
  let workAreaId: string | null | undefined;
  if (input.workArea === null || input.workArea === "") workAreaId = null;
  else if (input.workArea !== undefined) {
    const ref = input.workArea;
    const area = (await listWorkAreas(db, municipalityCode)).find(
      (w) => w.id === ref || w.code === ref,
    );
    if (area) workAreaId = area.id;
    else errors.push({ field: "werkgebied", message: "Kies een bestaand werkgebied." });
  }
  return { organisationId, workAreaId, errors };
}

const snapshot = (s: repo.SubsidyRow) => ({
  organisatie: s.organisationId,
  jaar: s.year,
  kenmerk: s.reference,
  vorm: s.form,
  status: s.state,
  werkgebied: s.workAreaId,
  plaats: s.placement,
  bedragCent: s.amountCents,
  vastgesteldBedragCent: s.establishedCents,
  vrijwilligersOfOntmoetingsplek: s.volunteerOrMeetingPlace,
  opdracht: s.assignment,
  interneNotitie: s.internalNote,
  versie: s.version,
});

/**
 * A new decision. `formErrors`: what the form's own parsing (amounts) refused, reported together
 * with the service's checks so the error summary lists everything at once.
 */
export async function createSubsidy(
  db: Db,
  actor: Actor,
  input: SubsidyInput,
  formErrors: FieldError[] = [],
) {
  const refs = await resolveRefs(db, actor.municipalityCode, input);
  assertValid(onePerField([...formErrors, ...subsidyProblems(input, true), ...refs.errors]));
  const state = (input.state ?? "aanvraag") as SubsidyState;
  return db.transaction(async (tx) => {
    const row = await repo.insertSubsidy(tx, {
      municipalityCode: actor.municipalityCode,
      organisationId: refs.organisationId as string,
      year: input.year as number,
      reference: input.reference?.trim() || null,
      form: input.form as SubsidyForm,
      state,
      workAreaId: refs.workAreaId ?? null,
      placement: (input.placement || null) as Placement | null,
      amountCents: input.amountCents as number,
      establishedCents: input.establishedCents ?? null,
      volunteerOrMeetingPlace: input.volunteerOrMeetingPlace ?? false,
      assignment: input.assignment?.trim() ?? "",
      internalNote: input.internalNote?.trim() ?? "",
    });
    await repo.insertStateChange(tx, {
      subsidyId: row.id,
      fromState: null,
      toState: state,
      note: "Ingevoerd",
      actorName: actor.publicName,
    });
    await recordCreated(
      tx,
      actor,
      "subsidie",
      row,
      `Subsidie ${row.year} (${STATE_LABELS[state].toLowerCase()}) ingevoerd`,
      snapshot(row),
    );
    return row;
  });
}

/** Changes the fields given; the state only changes through changeSubsidyState. */
export async function editSubsidy(
  db: Db,
  actor: Actor,
  id: string,
  input: SubsidyInput,
  formErrors: FieldError[] = [],
) {
  const refs = await resolveRefs(db, actor.municipalityCode, input);
  assertValid(
    onePerField([
      ...formErrors,
      ...subsidyProblems({ ...input, state: undefined }, false),
      ...refs.errors,
    ]),
  );
  return db.transaction(async (tx) => {
    const { subsidy: before } = await lockSubsidy(tx, actor, id);
    assertVersion(before.version, input.version);
    if (input.establishedCents === null && before.state === "vastgesteld") {
      throw badRequest("Een vastgestelde subsidie houdt haar vastgestelde bedrag.", [
        {
          field: "vastgesteldBedrag",
          message: "Vastgesteld bedrag is verplicht voor een vastgestelde subsidie.",
        },
      ]);
    }
    const change = definedOnly({
      organisationId: refs.organisationId,
      year: input.year,
      reference: input.reference === undefined ? undefined : input.reference?.trim() || null,
      form: input.form as SubsidyForm | undefined,
      workAreaId: refs.workAreaId,
      placement:
        input.placement === undefined ? undefined : ((input.placement || null) as Placement | null),
      amountCents: input.amountCents,
      establishedCents: input.establishedCents,
      volunteerOrMeetingPlace: input.volunteerOrMeetingPlace,
      assignment: input.assignment?.trim(),
      internalNote: input.internalNote?.trim(),
    });
    const version = before.version + 1;
    await repo.updateSubsidy(tx, before.id, { ...change, version });
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "subsidie",
      entityId: before.id,
      summary: `Subsidie ${before.year} gewijzigd`,
      before: snapshot(before),
      after: snapshot({ ...before, ...change, version }),
    });
    return { ...before, ...change, version };
  });
}

export interface StateChangeInput {
  to?: string | undefined;
  note?: string | undefined;
  /** Given with vaststellen: the established amount, set in the same change. */
  establishedCents?: number | undefined;
  version?: number | undefined;
}

/** Moves a decision to another state under the transition rule, with its history line and audit. */
export async function changeSubsidyState(
  db: Db,
  actor: Actor,
  id: string,
  input: StateChangeInput,
  formErrors: FieldError[] = [],
) {
  const to = input.to ?? "";
  assertValid(
    onePerField([
      ...formErrors,
      ...(isState(to)
        ? []
        : [
            {
              field: "status",
              message: "Kies de nieuwe status: verleend, vastgesteld of ingetrokken.",
            },
          ]),
      ...((input.note ?? "").length > NOTE_MAX
        ? [
            {
              field: "toelichting",
              message: `Toelichting is te lang: hoogstens ${NOTE_MAX} tekens.`,
            },
          ]
        : []),
      ...[centsProblem(input.establishedCents, "vastgesteldBedrag", "Vastgesteld bedrag")].filter(
        (e): e is FieldError => e !== undefined,
      ),
    ]),
  );
  const target = to as SubsidyState;
  return db.transaction(async (tx) => {
    const { subsidy: before } = await lockSubsidy(tx, actor, id);
    assertVersion(before.version, input.version);
    const established = input.establishedCents ?? before.establishedCents;
    const problem = transitionProblem(before.state, target, established);
    if (problem) {
      // A missing amount is the caller's to fill in (400); a move the current state forbids is a
      // conflict with the decision as it now is (409).
      throw problem.field === "status"
        ? conflict(problem.message, [problem])
        : badRequest(problem.message, [problem]);
    }
    const version = before.version + 1;
    const change = {
      state: target,
      version,
      ...(input.establishedCents === undefined ? {} : { establishedCents: input.establishedCents }),
    };
    await repo.updateSubsidy(tx, before.id, change);
    await repo.insertStateChange(tx, {
      subsidyId: before.id,
      fromState: before.state,
      toState: target,
      note: input.note?.trim() || null,
      actorName: actor.publicName,
    });
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "subsidie",
      entityId: before.id,
      summary: `Subsidie ${before.year}: ${STATE_LABELS[before.state].toLowerCase()} → ${STATE_LABELS[target].toLowerCase()}`,
      before: { status: before.state, vastgesteldBedragCent: before.establishedCents },
      after: {
        status: target,
        vastgesteldBedragCent: established,
        toelichting: input.note ?? null,
      },
    });
    return { ...before, ...change };
  });
}
