import type { Db, Executor } from "../../db/executor.js";
import type { Actor } from "../../platform/actor.js";
import { assertValid, badRequest, conflict, type FieldError } from "../../platform/errors.js";
import { problems, rangeProblem, textProblem } from "../../platform/field-rules.js";
import { BODY_MAX, NAME_MAX, STATEMENT_MAX, TITLE_MAX } from "../../platform/schema-types.js";
import { definedOnly, isUuid } from "../../platform/values.js";
import { recordAudit } from "../audit/index.js";
import { TARGET_YEAR_RANGE, WEIGHT_RANGE } from "./limits.js";
import * as repo from "./repository.js";
import { DOCUMENT_STATES, type DocumentState } from "./schema.js";
import { documentOwner, editOwned, findOwned } from "./write.js";

const titleRule = { field: "titel", label: "Titel", max: TITLE_MAX, required: true };

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
  return problems(
    input.text === undefined
      ? undefined
      : textProblem(input.text, {
          field: "tekst",
          label: "Tekst",
          max: STATEMENT_MAX,
          required: true,
        }),
    rangeProblem(input.weight, { field: "gewicht", label: "Gewicht", ...WEIGHT_RANGE }),
  );
}

const findActivity = (tx: Executor, actor: Actor, id: string) =>
  findOwned(
    actor,
    id,
    (i) => repo.findActivityById(tx, i, true),
    documentOwner,
    `Er is geen activiteit "${id}".`,
  );

/** Edits an activity's text, weight in roll-ups, applicability or archived state. */
export async function editActivity(db: Db, actor: Actor, id: string, input: ActivityEdit) {
  assertValid(checkCommon(input));
  return db.transaction(async (tx) => {
    // Locked until commit, so the audit "before" is what the previous edit left.
    const found = await findActivity(tx, actor, id);
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
    const found = await findActivity(tx, actor, id);
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
  assertValid([
    ...checkCommon(input),
    ...problems(
      rangeProblem(input.targetYear ?? undefined, {
        field: "streefjaar",
        label: "Streefjaar",
        ...TARGET_YEAR_RANGE,
      }),
      textProblem(input.targetValue, {
        field: "streefwaarde",
        label: "Streefwaarde",
        max: NAME_MAX,
      }),
      textProblem(input.owner, { field: "eigenaar", label: "Eigenaar", max: NAME_MAX }),
    ),
  ]);
  return editOwned(db, actor, id, {
    find: (tx, i) => repo.findGoal(tx, i, true),
    ownerOf: documentOwner,
    missing: `Er is geen doel "${id}".`,
    change: () =>
      definedOnly({
        text: input.text?.trim(),
        weight: input.weight,
        notApplicable: input.notApplicable,
        targetValue: input.targetValue,
        targetYear: input.targetYear,
        owner: input.owner,
        archived: input.archived,
      }),
    update: repo.updateGoal,
    audit: ({ goal: g }) => ({
      entityType: "doel",
      summary: `Doel "${g.text.slice(0, 60)}" gewijzigd`,
      before: {
        tekst: g.text,
        gewicht: g.weight,
        streefwaarde: g.targetValue,
        streefjaar: g.targetYear,
        eigenaar: g.owner,
        gearchiveerd: g.archived,
      },
    }),
  });
}

export interface SectionEdit {
  title?: string | undefined;
  body?: string | undefined;
  archived?: boolean | undefined;
}

export async function editSection(db: Db, actor: Actor, id: string, input: SectionEdit) {
  assertValid(
    problems(
      input.title === undefined ? undefined : textProblem(input.title, titleRule),
      textProblem(input.body, { field: "tekst", label: "Inleidende tekst", max: BODY_MAX }),
    ),
  );
  return editOwned(db, actor, id, {
    find: (tx, i) => repo.findSectionById(tx, i, true),
    ownerOf: documentOwner,
    missing: `Er is geen onderdeel "${id}".`,
    change: () =>
      definedOnly({
        title: input.title?.trim(),
        body: input.body?.trim(),
        archived: input.archived,
      }),
    update: repo.updateSection,
    audit: ({ section: s }) => ({
      entityType: "onderdeel",
      summary: `Onderdeel "${s.title}" gewijzigd`,
      before: { titel: s.title, tekst: s.body, gearchiveerd: s.archived },
    }),
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
  const errors: FieldError[] = problems(
    input.title === undefined ? undefined : textProblem(input.title, titleRule),
    textProblem(input.officialReference, {
      field: "vindplaats",
      label: "Vindplaats",
      max: TITLE_MAX,
    }),
  );
  if (input.state !== undefined && !(DOCUMENT_STATES as readonly string[]).includes(input.state)) {
    errors.push({
      field: "status",
      message: `Status moet een van deze zijn: ${DOCUMENT_STATES.join(", ")}.`,
    });
  }
  assertValid(errors);
  return editOwned(db, actor, id, {
    find: (tx, i) => repo.lockDocument(tx, i),
    ownerOf: (d) => d.municipalityCode,
    missing: `Er is geen beleidsdocument "${id}".`,
    change: async (_doc, tx) => {
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
      return definedOnly({
        succeedsId,
        title: input.title?.trim(),
        state: input.state as DocumentState | undefined,
        officialReference:
          input.officialReference === undefined
            ? undefined
            : input.officialReference?.trim() || null,
        archived: input.archived,
      });
    },
    update: repo.updateDocument,
    audit: (doc) => ({
      entityType: "beleidsdocument",
      summary: `Beleidsdocument "${doc.title}" gewijzigd`,
      before: {
        titel: doc.title,
        status: doc.state,
        vindplaats: doc.officialReference,
        gearchiveerd: doc.archived,
        vervangt: doc.succeedsId,
      },
    }),
  });
}
