import type { Db, Tx } from "../../db/executor.js";
import type { Actor } from "../../platform/actor.js";
import { assertValid, conflict, notFound } from "../../platform/errors.js";
import { choiceProblem, problems, textProblem } from "../../platform/field-rules.js";
import { BODY_MAX, STATEMENT_MAX, TITLE_MAX } from "../../platform/schema-types.js";
import { isCode, slugify } from "../../platform/values.js";
import { recordAudit, recordCreated } from "../audit/index.js";
import { DOCUMENT_YEAR_RANGE } from "./limits.js";
import { type Direction, neighbour } from "./order.js";
import * as repo from "./repository.js";
import {
  DOCUMENT_KINDS,
  DOCUMENT_STATES,
  type DocumentKind,
  type DocumentState,
  GOAL_LEVELS,
  type GoalLevel,
  SECTION_KINDS,
  type SectionKind,
} from "./schema.js";
import { resolveDocument } from "./service.js";

type DocumentContent = Awaited<ReturnType<typeof repo.loadDocumentContent>>;

/**
 * An addition to a document: slugs, numbers and positions are derived from what the document holds,
 * so the document row is locked and its content read in the same transaction (one addition at a
 * time).
 */
async function addToDocument<T>(
  db: Db,
  actor: Actor,
  documentRef: string,
  add: (tx: Tx, doc: repo.DocumentRow, content: DocumentContent) => Promise<T>,
): Promise<T> {
  const doc = await resolveDocument(db, actor.municipalityCode, documentRef);
  return db.transaction(async (tx) => {
    await repo.lockDocument(tx, doc.id);
    return add(tx, doc, await repo.loadDocumentContent(tx, doc.id));
  });
}

/** The section a new item goes into, by id or slug; none asked for is none. */
function sectionIn(content: DocumentContent, ref: string | undefined) {
  if (!ref) return undefined;
  const section = content.sections.find((s) => s.id === ref || s.slug === ref);
  if (!section) throw notFound(`Het document heeft geen onderdeel "${ref}".`);
  return section;
}

export interface NewDocument {
  kind: string;
  title: string;
  firstYear: number;
  lastYear: number;
  state?: string | undefined;
  officialReference?: string | undefined;
  intro?: string | undefined;
  slug?: string | undefined;
}

export async function createDocument(db: Db, actor: Actor, input: NewDocument) {
  const errors = problems(
    choiceProblem(input.kind, {
      field: "soort",
      label: "Soort",
      allowed: DOCUMENT_KINDS,
      required: true,
    }),
    textProblem(input.title, { field: "titel", label: "Titel", max: TITLE_MAX, required: true }),
  );
  const { min, max, span } = DOCUMENT_YEAR_RANGE;
  if (!Number.isInteger(input.firstYear) || input.firstYear < min || input.firstYear > max) {
    errors.push({
      field: "eersteJaar",
      message: `Eerste jaar moet een jaartal van ${min} tot en met ${max} zijn.`,
    });
  }
  if (
    !Number.isInteger(input.lastYear) ||
    input.lastYear < input.firstYear ||
    input.lastYear - input.firstYear > span
  ) {
    errors.push({
      field: "laatsteJaar",
      message: `Laatste jaar moet gelijk aan of na het eerste jaar liggen (hoogstens ${span} jaar later).`,
    });
  }
  for (const problem of problems(
    textProblem(input.officialReference, {
      field: "vindplaats",
      label: "Vindplaats",
      max: TITLE_MAX,
    }),
    textProblem(input.intro, { field: "inleiding", label: "Inleiding", max: BODY_MAX }),
  ))
    errors.push(problem);
  if (input.state !== undefined)
    errors.push(
      ...problems(
        choiceProblem(input.state, {
          field: "status",
          label: "Status",
          allowed: DOCUMENT_STATES,
          required: true,
        }),
      ),
    );
  const slug = input.slug?.trim() || slugify(input.title ?? "");
  if (!isCode(slug))
    errors.push({
      field: "code",
      message: "Code mag alleen kleine letters, cijfers en streepjes bevatten.",
    });
  assertValid(errors);
  return db.transaction(async (tx) => {
    if (await repo.findDocumentBySlug(tx, actor.municipalityCode, slug)) {
      throw conflict(`Er is al een document met code "${slug}".`, [
        { field: "code", message: "Deze code is al in gebruik." },
      ]);
    }
    const doc = await repo.insertDocument(tx, {
      municipalityCode: actor.municipalityCode,
      slug,
      kind: input.kind as DocumentKind,
      title: input.title.trim(),
      firstYear: input.firstYear,
      lastYear: input.lastYear,
      state: (input.state as DocumentState | undefined) ?? "concept",
      officialReference: input.officialReference?.trim() || null,
      intro: input.intro?.trim() ?? "",
    });
    await recordCreated(
      tx,
      actor,
      "beleidsdocument",
      doc,
      `Beleidsdocument "${doc.title}" aangemaakt`,
    );
    return doc;
  });
}

export interface NewSection {
  document: string;
  kind: string;
  title: string;
  body?: string | undefined;
  parent?: string | undefined;
}

export async function createSection(db: Db, actor: Actor, input: NewSection) {
  assertValid(
    problems(
      choiceProblem(input.kind, {
        field: "soort",
        label: "Soort onderdeel",
        allowed: SECTION_KINDS,
        required: true,
      }),
      textProblem(input.title, { field: "titel", label: "Titel", max: TITLE_MAX, required: true }),
    ),
  );
  return addToDocument(db, actor, input.document, async (tx, doc, content) => {
    const parent = sectionIn(content, input.parent);
    let slug = slugify(input.title);
    for (let n = 2; content.sections.some((s) => s.slug === slug); n++)
      slug = `${slugify(input.title)}-${n}`;
    const row = await repo.insertSection(tx, {
      documentId: doc.id,
      parentId: parent?.id ?? null,
      slug,
      kind: input.kind as SectionKind,
      title: input.title.trim(),
      body: input.body?.trim() ?? "",
      position: content.sections.length,
      source: `Toegevoegd door ${actor.publicName}`,
    });
    await recordCreated(
      tx,
      actor,
      "onderdeel",
      row,
      `Onderdeel "${row.title}" toegevoegd aan "${doc.title}"`,
    );
    return row;
  });
}

export interface NewGoal {
  document: string;
  level: string;
  text: string;
  section?: string | undefined;
  parent?: string | undefined;
  number?: string | undefined;
}

export async function createGoal(db: Db, actor: Actor, input: NewGoal) {
  assertValid(
    problems(
      choiceProblem(input.level, {
        field: "niveau",
        label: "Niveau",
        allowed: GOAL_LEVELS,
        required: true,
      }),
      textProblem(input.text, {
        field: "tekst",
        label: "Tekst",
        max: STATEMENT_MAX,
        required: true,
      }),
    ),
  );
  return addToDocument(db, actor, input.document, async (tx, doc, content) => {
    const section = sectionIn(content, input.section);
    const parent = input.parent ? content.goals.find((g) => g.id === input.parent) : undefined;
    if (input.parent && !parent) throw notFound(`Het document heeft geen doel "${input.parent}".`);
    const slugs = new Set(content.goals.map((g) => g.slug));
    let n = content.goals.length + 1;
    while (slugs.has(`doel-${n}`)) n += 1;
    const row = await repo.insertGoal(tx, {
      documentId: doc.id,
      sectionId: section?.id ?? parent?.sectionId ?? null,
      parentId: parent?.id ?? null,
      slug: `doel-${n}`,
      level: input.level as GoalLevel,
      number: input.number?.trim() || null,
      text: input.text.trim(),
      position: content.goals.length,
      source: `Toegevoegd door ${actor.publicName}`,
    });
    await recordCreated(tx, actor, "doel", row, `Doel toegevoegd aan "${doc.title}"`);
    return row;
  });
}

export interface NewActivity {
  document: string;
  section: string;
  text: string;
  goals?: string[] | undefined;
}

export async function createActivity(db: Db, actor: Actor, input: NewActivity) {
  assertValid(
    problems(
      textProblem(input.text, {
        field: "tekst",
        label: "Tekst",
        max: STATEMENT_MAX,
        required: true,
      }),
      input.section
        ? undefined
        : { field: "onderdeel", message: "Kies het onderdeel waar de activiteit bij hoort." },
    ),
  );
  return addToDocument(db, actor, input.document, async (tx, doc, content) => {
    const section = sectionIn(content, input.section);
    if (!section) throw notFound("Kies het onderdeel waar de activiteit bij hoort.");
    const goalIds = input.goals ?? [];
    const unknown = goalIds.filter((g) => !content.goals.some((x) => x.id === g));
    if (unknown.length > 0)
      throw notFound(`Onbekende doelen in dit document: ${unknown.join(", ")}.`);
    const inSection = content.activities.filter((a) => a.sectionId === section.id);
    const slugs = new Set(content.activities.map((a) => a.slug));
    const numbers = new Set(inSection.map((a) => a.number));
    let n = inSection.length + 1;
    while (slugs.has(`${section.slug}-${n}`) || numbers.has(String(n))) n += 1;
    const row = await repo.insertActivity(tx, {
      documentId: doc.id,
      sectionId: section.id,
      slug: `${section.slug}-${n}`,
      number: String(n),
      text: input.text.trim(),
      position: content.activities.length,
      source: `Toegevoegd door ${actor.publicName}`,
    });
    await repo.linkActivityGoals(tx, row.id, goalIds);
    for (let year = doc.firstYear; year <= doc.lastYear; year++) {
      await repo.insertActivityYear(tx, { activityId: row.id, year, plannedText: row.text });
    }
    await recordCreated(
      tx,
      actor,
      "activiteit",
      row,
      `Activiteit toegevoegd aan "${section.title}"`,
      { ...row, doelen: goalIds },
    );
    return row;
  });
}

type Movable = "activiteit" | "doel" | "onderdeel";

/** Moves an activity, goal or section one place up or down among its siblings (swaps positions). */
export async function moveItem(
  db: Db,
  actor: Actor,
  kind: Movable,
  id: string,
  direction: Direction,
) {
  return db.transaction(async (tx) => {
    const owner =
      kind === "activiteit"
        ? (await repo.findActivityById(tx, id))?.document
        : kind === "doel"
          ? (await repo.findGoal(tx, id))?.document
          : (await repo.findSectionById(tx, id))?.document;
    if (!owner || owner.municipalityCode !== actor.municipalityCode)
      throw notFound(`Er is geen ${kind} "${id}".`);
    // Positions are swapped from what is read: one move per document at a time.
    await repo.lockDocument(tx, owner.id);
    const content = await repo.loadDocumentContent(tx, owner.id);
    let self: { id: string; position: number } | undefined;
    let siblings: { id: string; position: number }[] = [];
    if (kind === "activiteit") {
      const a = content.activities.find((x) => x.id === id);
      self = a;
      siblings = content.activities.filter((x) => x.sectionId === a?.sectionId && !x.archived);
    } else if (kind === "doel") {
      const g = content.goals.find((x) => x.id === id);
      self = g;
      siblings = content.goals.filter(
        (x) => x.sectionId === g?.sectionId && x.parentId === g?.parentId && !x.archived,
      );
    } else {
      const sec = content.sections.find((x) => x.id === id);
      self = sec;
      siblings = content.sections.filter((x) => x.parentId === sec?.parentId && !x.archived);
    }
    const other = self ? neighbour(siblings, id, direction) : undefined;
    if (!self || !other) return false;
    const update =
      kind === "activiteit"
        ? repo.updateActivity
        : kind === "doel"
          ? repo.updateGoal
          : repo.updateSection;
    await update(tx, id, { position: other.position });
    await update(tx, other.id, { position: self.position });
    await recordAudit(tx, actor, {
      action: "update",
      entityType: kind,
      entityId: id,
      summary: `${kind[0]?.toUpperCase()}${kind.slice(1)} ${direction} verplaatst in "${owner.title}"`,
      before: { positie: self.position },
      after: { positie: other.position },
    });
    return true;
  });
}
