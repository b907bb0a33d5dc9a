import type { Db } from "../../db/executor.js";
import type { Actor } from "../../platform/actor.js";
import {
  assertValid,
  badRequest,
  conflict,
  type FieldError,
  notFound,
} from "../../platform/errors.js";
import { definedOnly, isUuid } from "../../platform/values.js";
import { recordAudit } from "../audit/index.js";
import * as repo from "./repository.js";
import { DOCUMENT_STATES, type DocumentState } from "./schema.js";

export interface ActivityEdit {
  /** Replaces the goals the activity serves; ids of goals in the same document. */
  goalIds?: string[] | undefined;
  text?: string | undefined;
  weight?: number | undefined;
  notApplicable?: boolean | undefined;
  archived?: boolean | undefined;
}

function checkCommon(input: {
  text?: string | undefined;
  weight?: number | undefined;
}): FieldError[] {
  const errors: FieldError[] = [];
  if (input.text !== undefined && (input.text.trim().length === 0 || input.text.length > 5000)) {
    errors.push({ field: "tekst", message: "Tekst is verplicht (hoogstens 5000 tekens)." });
  }
  if (
    input.weight !== undefined &&
    (!Number.isFinite(input.weight) || input.weight < 0 || input.weight > 1000)
  ) {
    errors.push({
      field: "gewicht",
      message: "Gewicht moet een getal van 0 tot en met 1000 zijn.",
    });
  }
  return errors;
}

/** Edits an activity's text, weight in roll-ups, applicability or archived state. */
export async function editActivity(db: Db, actor: Actor, id: string, input: ActivityEdit) {
  assertValid(checkCommon(input));
  return db.transaction(async (tx) => {
    // Locked until commit, so the audit "before" is what the previous edit left.
    const found = isUuid(id) ? await repo.findActivityById(tx, id, true) : undefined;
    if (!found || found.document.municipalityCode !== actor.municipalityCode)
      throw notFound(`Er is geen activiteit "${id}".`);
    const a = found.activity;
    const change = {
      ...(input.text !== undefined ? { text: input.text.trim() } : {}),
      ...(input.weight !== undefined ? { weight: input.weight } : {}),
      ...(input.notApplicable !== undefined ? { notApplicable: input.notApplicable } : {}),
      ...(input.archived !== undefined ? { archived: input.archived } : {}),
    };
    const content = await repo.loadDocumentContent(tx, found.document.id);
    const goalsBefore = content.links.filter((l) => l.activityId === id).map((l) => l.goalId);
    if (input.goalIds !== undefined) {
      const unknown = input.goalIds.filter((g) => !content.goals.some((x) => x.id === g));
      if (unknown.length > 0) {
        throw badRequest("Een activiteit kan alleen doelen uit hetzelfde document dienen.", [
          { field: "doelen", message: "Kies doelen uit dit document." },
        ]);
      }
      await repo.replaceActivityGoals(tx, id, [...new Set(input.goalIds)]);
    }
    if (Object.keys(change).length > 0) await repo.updateActivity(tx, id, change);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "activiteit",
      entityId: id,
      summary: `Activiteit "${a.text.slice(0, 60)}" gewijzigd`,
      before: {
        tekst: a.text,
        gewicht: a.weight,
        nietVanToepassing: a.notApplicable,
        gearchiveerd: a.archived,
        doelen: goalsBefore,
      },
      after: {
        tekst: change.text ?? a.text,
        gewicht: change.weight ?? a.weight,
        nietVanToepassing: change.notApplicable ?? a.notApplicable,
        gearchiveerd: change.archived ?? a.archived,
        doelen: input.goalIds ?? goalsBefore,
      },
    });
  });
}

/**
 * Carries an activity over to the year after its latest year in one action: the plan is copied, the
 * status starts as gepland and the new year keeps a link to the year it came from.
 */
export async function carryOverActivity(db: Db, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    // Locked until commit: a second carry-over waits and then sees the year this one added.
    const found = isUuid(id) ? await repo.findActivityById(tx, id, true) : undefined;
    if (!found || found.document.municipalityCode !== actor.municipalityCode)
      throw notFound(`Er is geen activiteit "${id}".`);
    const years = await repo.yearsOfActivity(tx, id);
    const last = years.at(-1);
    if (!last) throw conflict("Deze activiteit heeft nog geen jaar om door te schuiven.");
    if (last.status === "gerealiseerd") {
      throw conflict(`De activiteit is in ${last.year} gerealiseerd; doorschuiven is niet nodig.`);
    }
    const next = await repo.insertActivityYear(tx, {
      activityId: id,
      year: last.year + 1,
      plannedText: last.plannedText,
      carriedFromId: last.id,
    });
    await repo.insertStatusChange(tx, {
      activityYearId: next.id,
      actorId: actor.accountId,
      actorName: actor.publicName,
      fromStatus: null,
      toStatus: "gepland",
      explanation: `Doorgeschoven uit ${last.year} (status daar: ${last.status.replaceAll("_", " ")})`,
    });
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "activiteit",
      entityId: `${id}/${next.year}`,
      summary: `Activiteit "${found.activity.text.slice(0, 60)}" doorgeschoven van ${last.year} naar ${next.year}`,
      after: { jaar: next.year, gepland: next.plannedText, doorgeschovenUit: last.year },
    });
    return next;
  });
}

export interface GoalEdit {
  text?: string | undefined;
  weight?: number | undefined;
  notApplicable?: boolean | undefined;
  targetValue?: string | null | undefined;
  targetYear?: number | null | undefined;
  owner?: string | null | undefined;
  archived?: boolean | undefined;
}

/** Edits a goal, including its optional SMART fields (target value and year, owner). */
export async function editGoal(db: Db, actor: Actor, id: string, input: GoalEdit) {
  const errors = checkCommon(input);
  if (
    input.targetYear !== undefined &&
    input.targetYear !== null &&
    (input.targetYear < 2000 || input.targetYear > 2100)
  ) {
    errors.push({ field: "streefjaar", message: "Streefjaar moet tussen 2000 en 2100 liggen." });
  }
  assertValid(errors);
  return db.transaction(async (tx) => {
    const found = isUuid(id) ? await repo.findGoal(tx, id, true) : undefined;
    if (!found || found.document.municipalityCode !== actor.municipalityCode)
      throw notFound(`Er is geen doel "${id}".`);
    const g = found.goal;
    const change = definedOnly({
      text: input.text?.trim(),
      weight: input.weight,
      notApplicable: input.notApplicable,
      targetValue: input.targetValue,
      targetYear: input.targetYear,
      owner: input.owner,
      archived: input.archived,
    });
    await repo.updateGoal(tx, id, change);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "doel",
      entityId: id,
      summary: `Doel "${g.text.slice(0, 60)}" gewijzigd`,
      before: {
        tekst: g.text,
        gewicht: g.weight,
        streefwaarde: g.targetValue,
        streefjaar: g.targetYear,
        eigenaar: g.owner,
        gearchiveerd: g.archived,
      },
      after: change,
    });
  });
}

export interface SectionEdit {
  title?: string | undefined;
  body?: string | undefined;
  archived?: boolean | undefined;
}

export async function editSection(db: Db, actor: Actor, id: string, input: SectionEdit) {
  const errors: FieldError[] = [];
  if (input.title !== undefined && (!input.title.trim() || input.title.length > 300)) {
    errors.push({ field: "titel", message: "Titel is verplicht (hoogstens 300 tekens)." });
  }
  if (input.body !== undefined && input.body.length > 20000)
    errors.push({ field: "tekst", message: "Tekst mag hoogstens 20.000 tekens zijn." });
  assertValid(errors);
  return db.transaction(async (tx) => {
    const found = isUuid(id) ? await repo.findSectionById(tx, id, true) : undefined;
    if (!found || found.document.municipalityCode !== actor.municipalityCode)
      throw notFound(`Er is geen onderdeel "${id}".`);
    const s = found.section;
    const change = definedOnly({
      title: input.title?.trim(),
      body: input.body?.trim(),
      archived: input.archived,
    });
    await repo.updateSection(tx, id, change);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "onderdeel",
      entityId: id,
      summary: `Onderdeel "${s.title}" gewijzigd`,
      before: { titel: s.title, tekst: s.body, gearchiveerd: s.archived },
      after: change,
    });
    return found;
  });
}

export interface DocumentEdit {
  title?: string | undefined;
  state?: string | undefined;
  officialReference?: string | null | undefined;
  archived?: boolean | undefined;
  /** Code or id of the document this one replaces; null to clear. */
  succeeds?: string | null | undefined;
}

export async function editDocument(db: Db, actor: Actor, id: string, input: DocumentEdit) {
  const errors: FieldError[] = [];
  if (input.title !== undefined && (!input.title.trim() || input.title.length > 300)) {
    errors.push({ field: "titel", message: "Titel is verplicht (hoogstens 300 tekens)." });
  }
  if (input.state !== undefined && !(DOCUMENT_STATES as readonly string[]).includes(input.state)) {
    errors.push({
      field: "status",
      message: `Status moet een van deze zijn: ${DOCUMENT_STATES.join(", ")}.`,
    });
  }
  assertValid(errors);
  return db.transaction(async (tx) => {
    const doc = isUuid(id) ? await repo.lockDocument(tx, id) : undefined;
    if (!doc || doc.municipalityCode !== actor.municipalityCode)
      throw notFound(`Er is geen beleidsdocument "${id}".`);
    let succeedsId: string | null | undefined;
    if (input.succeeds === null || input.succeeds === "") succeedsId = null;
    else if (input.succeeds !== undefined) {
      const other =
        (await repo.findDocumentBySlug(tx, actor.municipalityCode, input.succeeds)) ??
        (isUuid(input.succeeds) ? await repo.findDocumentById(tx, input.succeeds) : undefined);
      if (!other || other.municipalityCode !== actor.municipalityCode || other.id === id) {
        throw badRequest(`"${input.succeeds}" is geen ander beleidsdocument van deze gemeente.`, [
          { field: "vervangt", message: "Kies een ander bestaand document." },
        ]);
      }
      succeedsId = other.id;
    }
    const change = definedOnly({
      succeedsId,
      title: input.title?.trim(),
      state: input.state as DocumentState | undefined,
      officialReference:
        input.officialReference === undefined ? undefined : input.officialReference?.trim() || null,
      archived: input.archived,
    });
    await repo.updateDocument(tx, id, change);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "beleidsdocument",
      entityId: id,
      summary: `Beleidsdocument "${doc.title}" gewijzigd`,
      before: {
        titel: doc.title,
        status: doc.state,
        vindplaats: doc.officialReference,
        gearchiveerd: doc.archived,
        vervangt: doc.succeedsId,
      },
      after: change,
    });
  });
}
