import type { Db, Executor } from "../../db/executor.js";
import type { Actor } from "../../platform/actor.js";
import { conflict, notFound } from "../../platform/errors.js";
import { recordAudit } from "../audit/index.js";
import { compareYears, type VersionedItem } from "./diff.js";
import { exportDocument } from "./export.js";
import * as repo from "./repository.js";
import { getDocumentTree, resolveDocument } from "./service.js";

/** Orders rows so that each parent comes before its children (positions may have been edited). */
export function parentsFirst<T extends { id: string; parentId: string | null }>(
  rows: readonly T[],
): T[] {
  const ids = new Set(rows.map((r) => r.id));
  const done = new Set<string>();
  const out: T[] = [];
  let pending = [...rows];
  while (pending.length > 0) {
    const ready = pending.filter(
      (r) => !r.parentId || !ids.has(r.parentId) || done.has(r.parentId),
    );
    if (ready.length === 0) throw new Error("Kringverwijzing in de boom van het document");
    for (const r of ready) {
      out.push(r);
      done.add(r.id);
    }
    pending = pending.filter((r) => !done.has(r.id));
  }
  return out;
}

const shiftYear = (text: string, from: number, to: number) =>
  text.includes(String(from)) ? text.replaceAll(String(from), String(to)) : `${text} ${to}`;

/**
 * Copies a plan into the next year: a new concept document with the same sections, goals, indicators
 * and activities, each keeping a link to what it was copied from, so the next year's changes show.
 */
export async function copyToNextYear(db: Db, actor: Actor, ref: string) {
  const source = await resolveDocument(db, actor.municipalityCode, ref);
  if (source.kind === "jaarstukken")
    throw conflict("Jaarstukken verantwoorden een jaar en worden niet gekopieerd.");
  const span = source.lastYear - source.firstYear;
  const firstYear = source.lastYear + 1;
  const slug = source.slug.includes(String(source.firstYear))
    ? source.slug.replaceAll(String(source.firstYear), String(firstYear))
    : `${source.slug}-${firstYear}`;
  return db.transaction(async (tx) => {
    // Two copies of the same document at once: the second waits here and then finds the first.
    await repo.lockDocument(tx, source.id);
    if (await repo.findDocumentBySlug(tx, actor.municipalityCode, slug)) {
      throw conflict(`Er bestaat al een document "${slug}" voor ${firstYear}.`);
    }
    const content = await repo.loadDocumentContent(tx, source.id);
    const doc = await repo.insertDocument(tx, {
      municipalityCode: actor.municipalityCode,
      slug,
      kind: source.kind,
      title: shiftYear(source.title, source.firstYear, firstYear),
      firstYear,
      lastYear: firstYear + span,
      state: "concept",
      intro: source.intro,
      copiedFromId: source.id,
      source: `Kopie van ${source.title}`,
    });
    const sectionIds = new Map<string, string>();
    for (const s of parentsFirst(content.sections.filter((x) => !x.archived))) {
      const row = await repo.insertSection(tx, {
        documentId: doc.id,
        parentId: s.parentId ? (sectionIds.get(s.parentId) ?? null) : null,
        copiedFromId: s.id,
        slug: s.slug,
        kind: s.kind,
        number: s.number,
        title: s.title,
        body: s.body,
        position: s.position,
        source: s.source,
      });
      sectionIds.set(s.id, row.id);
    }
    const goalIds = new Map<string, string>();
    for (const g of parentsFirst(content.goals.filter((x) => !x.archived))) {
      const row = await repo.insertGoal(tx, {
        documentId: doc.id,
        sectionId: g.sectionId ? (sectionIds.get(g.sectionId) ?? null) : null,
        parentId: g.parentId ? (goalIds.get(g.parentId) ?? null) : null,
        copiedFromId: g.id,
        slug: g.slug,
        level: g.level,
        number: g.number,
        text: g.text,
        description: g.description,
        indicatorText: g.indicatorText,
        targetValue: g.targetValue,
        targetYear: g.targetYear,
        owner: g.owner,
        weight: g.weight,
        notApplicable: g.notApplicable,
        position: g.position,
        source: g.source,
      });
      goalIds.set(g.id, row.id);
    }
    for (const i of content.indicators.filter((x) => !x.archived)) {
      await repo.insertIndicator(tx, {
        documentId: doc.id,
        sectionId: i.sectionId ? (sectionIds.get(i.sectionId) ?? null) : null,
        slug: i.slug,
        number: i.number,
        text: i.text,
        namedSource: i.namedSource,
        position: i.position,
        source: i.source,
      });
    }
    for (const a of content.activities.filter((x) => !x.archived && sectionIds.has(x.sectionId))) {
      const row = await repo.insertActivity(tx, {
        documentId: doc.id,
        sectionId: sectionIds.get(a.sectionId) as string,
        copiedFromId: a.id,
        slug: a.slug,
        number: a.number,
        text: a.text,
        weight: a.weight,
        notApplicable: a.notApplicable,
        position: a.position,
        source: a.source,
      });
      await repo.linkActivityGoals(
        tx,
        row.id,
        content.links
          .filter((l) => l.activityId === a.id && goalIds.has(l.goalId))
          .map((l) => goalIds.get(l.goalId) as string),
      );
      const previousYear = content.years.find(
        (y) => y.activityId === a.id && y.year === source.lastYear,
      );
      for (let year = doc.firstYear; year <= doc.lastYear; year++) {
        await repo.insertActivityYear(tx, {
          activityId: row.id,
          year,
          plannedText: a.text,
          carriedFromId: year === doc.firstYear ? (previousYear?.id ?? null) : null,
        });
      }
    }
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "beleidsdocument",
      entityId: doc.id,
      summary: `"${doc.title}" gemaakt als kopie van "${source.title}"`,
      after: {
        slug: doc.slug,
        kopieVan: source.slug,
        eersteJaar: doc.firstYear,
        laatsteJaar: doc.lastYear,
      },
    });
    return doc;
  });
}

async function versionedItems(db: Executor, documentId: string): Promise<VersionedItem[]> {
  const c = await repo.loadDocumentContent(db, documentId);
  const sectionTitle = (id: string | null) => c.sections.find((s) => s.id === id)?.title ?? "";
  return [
    ...c.goals
      .filter((g) => !g.archived)
      .map((g) => ({
        id: g.id,
        copiedFromId: g.copiedFromId,
        kind: "doel" as const,
        text: g.text,
        context: sectionTitle(g.sectionId),
      })),
    ...c.activities
      .filter((a) => !a.archived)
      .map((a) => ({
        id: a.id,
        copiedFromId: a.copiedFromId,
        kind: "activiteit" as const,
        text: a.text,
        context: sectionTitle(a.sectionId),
      })),
  ];
}

/** "Wat is er veranderd": the goals and activities added, dropped or reworded since the document it was copied from. */
export async function getYearChanges(db: Executor, municipalityCode: string, ref: string) {
  const current = await resolveDocument(db, municipalityCode, ref);
  if (!current.copiedFromId)
    throw notFound(
      `"${current.title}" is niet gekopieerd uit een vorig jaar; er is niets te vergelijken.`,
    );
  const previous = await repo.findDocumentById(db, current.copiedFromId);
  if (!previous) throw notFound("Het vorige document bestaat niet meer.");
  const [before, after] = await Promise.all([
    versionedItems(db, previous.id),
    versionedItems(db, current.id),
  ]);
  return { previous, current, changes: compareYears(before, after) };
}

/** Publishes a document: it becomes vastgesteld and its content is frozen as a numbered version. */
export async function publishDocument(db: Db, actor: Actor, ref: string) {
  const { id } = await resolveDocument(db, actor.municipalityCode, ref);
  return db.transaction(async (tx) => {
    // Under the document lock the version number is the next free one and the frozen content and
    // "before" state are those of this moment, not of a concurrent edit.
    const document = await repo.lockDocument(tx, id);
    if (!document) throw notFound(`Er is geen beleidsdocument "${ref}".`);
    const content = exportDocument(await getDocumentTree(tx, actor.municipalityCode, id));
    const version = ((await repo.listSnapshots(tx, document.id)).at(-1)?.version ?? 0) + 1;
    await repo.insertSnapshot(tx, {
      documentId: document.id,
      version,
      actorName: actor.publicName,
      content,
    });
    if (document.state !== "vastgesteld")
      await repo.updateDocument(tx, document.id, { state: "vastgesteld" });
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "beleidsdocument",
      entityId: document.id,
      summary: `"${document.title}" gepubliceerd als versie ${version}`,
      before: { status: document.state },
      after: { status: "vastgesteld", versie: version },
    });
    return version;
  });
}

export async function getSnapshot(
  db: Executor,
  municipalityCode: string,
  ref: string,
  version: number,
) {
  const document = await resolveDocument(db, municipalityCode, ref);
  const snapshot = await repo.findSnapshot(db, document.id, version);
  if (!snapshot) throw notFound(`"${document.title}" heeft geen gepubliceerde versie ${version}.`);
  return { document, snapshot };
}

export const listVersions = async (db: Executor, municipalityCode: string, ref: string) =>
  repo.listSnapshots(db, (await resolveDocument(db, municipalityCode, ref)).id);
