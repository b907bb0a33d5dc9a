import type { Db, Executor } from "../../db/executor.js";
import type { Actor } from "../../platform/actor.js";
import { assertValid, conflict, type FieldError, notFound } from "../../platform/errors.js";
import { definedOnly, isUuid, slugify } from "../../platform/values.js";
import { recordAudit } from "../audit/index.js";
import * as repo from "./repository.js";

export interface PartnershipInput {
  name?: string | undefined;
  kind?: string | undefined;
  description?: string | undefined;
  members?: string[] | undefined;
  membersNote?: string | null | undefined;
  archived?: boolean | undefined;
}

function check(input: PartnershipInput, creating: boolean): FieldError[] {
  const errors: FieldError[] = [];
  if ((creating || input.name !== undefined) && (!input.name?.trim() || input.name.length > 200)) {
    errors.push({ field: "naam", message: "Naam is verplicht (hoogstens 200 tekens)." });
  }
  if (input.description !== undefined && input.description.length > 10000) {
    errors.push({ field: "toelichting", message: "Toelichting mag hoogstens 10.000 tekens zijn." });
  }
  if (
    input.members &&
    (input.members.length > 100 || input.members.some((m) => !m.trim() || m.length > 200))
  ) {
    errors.push({ field: "leden", message: "Leden: hoogstens 100 namen, elk 1 tot 200 tekens." });
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
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "samenwerkingsverband",
      entityId: row.id,
      summary: `Samenwerkingsverband "${row.name}" aangemaakt`,
      after: row,
    });
    return row;
  });
}

export async function editPartnership(db: Db, actor: Actor, id: string, input: PartnershipInput) {
  assertValid(check(input, false));
  return db.transaction(async (tx) => {
    // Locked until commit, so the audit "before" is what the previous edit left.
    const found = isUuid(id) ? await repo.findPartnership(tx, id, true) : undefined;
    if (!found || found.municipalityCode !== actor.municipalityCode)
      throw notFound(`Er is geen samenwerkingsverband "${id}".`);
    const change = definedOnly({
      name: input.name?.trim(),
      kind: input.kind?.trim(),
      description: input.description?.trim(),
      members: input.members,
      membersNote: input.membersNote === undefined ? undefined : input.membersNote?.trim() || null,
      archived: input.archived,
    });
    await repo.updatePartnership(tx, id, change);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "samenwerkingsverband",
      entityId: id,
      summary: `Samenwerkingsverband "${found.name}" gewijzigd`,
      before: found,
      after: change,
    });
  });
}

export interface IndicatorInput {
  text?: string | undefined;
  namedSource?: string | null | undefined;
  archived?: boolean | undefined;
}

export async function editPolicyIndicator(db: Db, actor: Actor, id: string, input: IndicatorInput) {
  const errors: FieldError[] = [];
  if (input.text !== undefined && (!input.text.trim() || input.text.length > 2000)) {
    errors.push({ field: "tekst", message: "Tekst is verplicht (hoogstens 2000 tekens)." });
  }
  assertValid(errors);
  return db.transaction(async (tx) => {
    const found = isUuid(id) ? await repo.findIndicator(tx, id, true) : undefined;
    if (!found || found.document.municipalityCode !== actor.municipalityCode)
      throw notFound(`Er is geen indicator "${id}".`);
    const change = definedOnly({
      text: input.text?.trim(),
      namedSource: input.namedSource === undefined ? undefined : input.namedSource?.trim() || null,
      archived: input.archived,
    });
    await repo.updateIndicator(tx, id, change);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "beleidsindicator",
      entityId: id,
      summary: `Indicator "${found.indicator.text.slice(0, 60)}" gewijzigd`,
      before: {
        tekst: found.indicator.text,
        bron: found.indicator.namedSource,
        gearchiveerd: found.indicator.archived,
      },
      after: change,
    });
  });
}

export async function addPolicyIndicator(
  db: Db,
  actor: Actor,
  documentId: string,
  sectionId: string,
  input: IndicatorInput,
) {
  const errors: FieldError[] = [];
  if (!input.text?.trim() || input.text.length > 2000)
    errors.push({ field: "tekst", message: "Tekst is verplicht (hoogstens 2000 tekens)." });
  assertValid(errors);
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
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "beleidsindicator",
      entityId: row.id,
      summary: `Indicator toegevoegd`,
      after: row,
    });
    return row;
  });
}
