import type { Db, Executor } from "../../db/executor.js";
import type { Actor } from "../../platform/actor.js";
import { assertValid, conflict, type FieldError, notFound } from "../../platform/errors.js";
import { problems, textProblem } from "../../platform/field-rules.js";
import { NAME_MAX, NOTE_MAX, TEXT_MAX, TITLE_MAX } from "../../platform/schema-types.js";
import { definedOnly, slugify } from "../../platform/values.js";
import { recordCreated } from "../audit/index.js";
import { MEMBERS_MAX, MEMBERS_NOTE_MAX } from "./limits.js";
import { syncMembers } from "./partnership-member-service.js";
import * as repo from "./repository.js";
import { documentOwner, editOwned } from "./write.js";

const nameRule = { field: "naam", label: "Naam", max: NAME_MAX, required: true };
const indicatorRule = { field: "tekst", label: "Tekst", max: NOTE_MAX, required: true };

export interface PartnershipInput {
  name?: string | undefined;
  kind?: string | undefined;
  description?: string | undefined;
  members?: string[] | undefined;
  membersNote?: string | null | undefined;
  archived?: boolean | undefined;
}

function check(input: PartnershipInput, creating: boolean): FieldError[] {
  const errors: FieldError[] = problems(
    creating || input.name !== undefined ? textProblem(input.name, nameRule) : undefined,
    textProblem(input.kind, { field: "soort", label: "Soort", max: NAME_MAX }),
    textProblem(input.description, { field: "toelichting", label: "Toelichting", max: TEXT_MAX }),
    textProblem(input.membersNote, {
      field: "ledenToelichting",
      label: "Toelichting bij de leden",
      max: MEMBERS_NOTE_MAX,
    }),
  );
  if (
    input.members &&
    (input.members.length > MEMBERS_MAX ||
      input.members.some((m) => !m.trim() || m.length > NAME_MAX))
  ) {
    errors.push({
      field: "leden",
      message: `Leden: hoogstens ${MEMBERS_MAX} namen, elk 1 tot ${NAME_MAX} tekens.`,
    });
  }
  return errors;
}

/** "Gemeente A, Gemeente B" or one per line → a clean list of members. */
export const parseMembers = (text: string | undefined) =>
  (text ?? "")
    .split(/[\n,;]/)
    .map((m) => m.trim())
    .filter(Boolean);

export const listPartnerships = (db: Executor, municipalityCode: string) =>
  repo.listPartnerships(db, municipalityCode);

export async function getPartnership(db: Executor, municipalityCode: string, id: string) {
  const all = await repo.listPartnerships(db, municipalityCode);
  const found = all.find((p) => p.id === id || p.slug === id);
  if (!found) throw notFound(`Er is geen samenwerkingsverband "${id}".`);
  return found;
}

export async function createPartnership(db: Db, actor: Actor, input: PartnershipInput) {
  assertValid(check(input, true));
  const slug = slugify(input.name ?? "");
  return db.transaction(async (tx) => {
    const existing = await repo.listPartnerships(tx, actor.municipalityCode);
    if (existing.some((p) => p.slug === slug)) {
      throw conflict(`Er is al een samenwerkingsverband "${input.name}".`, [
        { field: "naam", message: "Deze naam is al in gebruik." },
      ]);
    }
    const row = await repo.insertPartnership(tx, {
      municipalityCode: actor.municipalityCode,
      slug,
      name: (input.name ?? "").trim(),
      kind: input.kind?.trim() ?? "",
      description: input.description?.trim() ?? "",
      members: input.members ?? [],
      membersNote: input.membersNote?.trim() || null,
      source: `Toegevoegd door ${actor.publicName}`,
    });
    await syncMembers(tx, actor.municipalityCode, row.id, row.members);
    await recordCreated(
      tx,
      actor,
      "samenwerkingsverband",
      row,
      `Samenwerkingsverband "${row.name}" aangemaakt`,
    );
    return row;
  });
}

export async function editPartnership(db: Db, actor: Actor, id: string, input: PartnershipInput) {
  assertValid(check(input, false));
  return editOwned(db, actor, id, {
    // Locked until commit, so the audit "before" is what the previous edit left.
    find: (tx, i) => repo.findPartnership(tx, i, true),
    ownerOf: (p) => p.municipalityCode,
    missing: `Er is geen samenwerkingsverband "${id}".`,
    change: async (p, tx) => {
      // The member rows (with their links to organisations) follow the names in the same transaction.
      if (input.members) await syncMembers(tx, actor.municipalityCode, p.id, input.members);
      return definedOnly({
        name: input.name?.trim(),
        kind: input.kind?.trim(),
        description: input.description?.trim(),
        members: input.members,
        membersNote:
          input.membersNote === undefined ? undefined : input.membersNote?.trim() || null,
        archived: input.archived,
      });
    },
    update: repo.updatePartnership,
    audit: (found) => ({
      entityType: "samenwerkingsverband",
      summary: `Samenwerkingsverband "${found.name}" gewijzigd`,
      before: found,
    }),
  });
}

export interface IndicatorInput {
  text?: string | undefined;
  namedSource?: string | null | undefined;
  archived?: boolean | undefined;
}

export async function editPolicyIndicator(db: Db, actor: Actor, id: string, input: IndicatorInput) {
  assertValid(
    problems(
      input.text === undefined ? undefined : textProblem(input.text, indicatorRule),
      textProblem(input.namedSource, { field: "bron", label: "Bron", max: TITLE_MAX }),
    ),
  );
  return editOwned(db, actor, id, {
    find: (tx, i) => repo.findIndicator(tx, i, true),
    ownerOf: documentOwner,
    missing: `Er is geen indicator "${id}".`,
    change: () =>
      definedOnly({
        text: input.text?.trim(),
        namedSource:
          input.namedSource === undefined ? undefined : input.namedSource?.trim() || null,
        archived: input.archived,
      }),
    update: repo.updateIndicator,
    audit: ({ indicator }) => ({
      entityType: "beleidsindicator",
      summary: `Indicator "${indicator.text.slice(0, 60)}" gewijzigd`,
      before: {
        tekst: indicator.text,
        bron: indicator.namedSource,
        gearchiveerd: indicator.archived,
      },
    }),
  });
}

export async function addPolicyIndicator(
  db: Db,
  actor: Actor,
  documentId: string,
  sectionId: string,
  input: IndicatorInput,
) {
  assertValid(
    problems(
      textProblem(input.text, indicatorRule),
      textProblem(input.namedSource, { field: "bron", label: "Bron", max: TITLE_MAX }),
    ),
  );
  return db.transaction(async (tx) => {
    // Number, slug and position are derived from the indicators there are: one addition at a time.
    if (!(await repo.lockDocument(tx, documentId)))
      throw notFound(`Er is geen beleidsdocument "${documentId}".`);
    const content = await repo.loadDocumentContent(tx, documentId);
    const slugs = new Set(content.indicators.map((i) => i.slug));
    let n = content.indicators.length + 1;
    while (slugs.has(`indicator-${n}`)) n += 1;
    const row = await repo.insertIndicator(tx, {
      documentId,
      sectionId,
      slug: `indicator-${n}`,
      number: String(content.indicators.filter((i) => i.sectionId === sectionId).length + 1),
      text: (input.text ?? "").trim(),
      namedSource: input.namedSource?.trim() || null,
      position: content.indicators.length,
      source: `Toegevoegd door ${actor.publicName}`,
    });
    await recordCreated(tx, actor, "beleidsindicator", row, `Indicator toegevoegd`);
    return row;
  });
}
