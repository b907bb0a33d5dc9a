import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Db, Executor } from "../../db/executor.js";
import type { Actor } from "../../platform/actor.js";
import {
  loadSourceCatalog,
  type SourceCatalog,
  sourceLabel,
} from "../../platform/source-catalog.js";
import { recordAudit } from "../audit/index.js";
import { type PolicyDataFile, validatePolicyDataFile } from "./dataset.js";
import { syncMembers } from "./partnership-member-service.js";
import * as repo from "./repository.js";

export function readPolicyDataFiles(dataSetDir: string): { name: string; file: PolicyDataFile }[] {
  const dir = join(dataSetDir, "beleid");
  const index = JSON.parse(readFileSync(join(dir, "index.json"), "utf8")) as {
    documenten: string[];
  };
  return index.documenten.map((name) => ({
    name,
    file: JSON.parse(readFileSync(join(dir, name), "utf8")) as PolicyDataFile,
  }));
}

async function loadOne(tx: Executor, actor: Actor, file: PolicyDataFile, catalog: SourceCatalog) {
  const d = file.document;
  const accountsFor = d.accountsFor
    ? await repo.findDocumentBySlug(tx, actor.municipalityCode, d.accountsFor)
    : undefined;
  if (d.accountsFor && !accountsFor)
    throw new Error(`Document ${d.key} verantwoordt onbekend document ${d.accountsFor}`);
  const doc = await repo.insertDocument(tx, {
    municipalityCode: actor.municipalityCode,
    slug: d.key,
    kind: d.kind,
    title: d.title,
    firstYear: d.firstYear,
    lastYear: d.lastYear,
    state: d.state,
    officialReference: d.reference,
    intro: d.body,
    accountsForId: accountsFor?.id ?? null,
    source: d.source,
  });
  const sectionIds = new Map<string, string>();
  for (const [position, s] of file.sections.entries()) {
    const row = await repo.insertSection(tx, {
      documentId: doc.id,
      parentId: s.parent ? sectionIds.get(s.parent) : null,
      slug: s.key,
      kind: s.kind,
      number: s.number ?? null,
      title: s.title,
      body: s.body,
      position,
      source: s.source,
    });
    sectionIds.set(s.key, row.id);
  }
  const budgetGoals = accountsFor ? await repo.loadDocumentContent(tx, accountsFor.id) : undefined;
  const goalIds = new Map<string, string>();
  for (const [position, g] of file.goals.entries()) {
    const accounted = g.accountsFor
      ? budgetGoals?.goals.find((b) => b.slug === g.accountsFor)
      : undefined;
    const row = await repo.insertGoal(tx, {
      documentId: doc.id,
      sectionId: g.section ? sectionIds.get(g.section) : null,
      parentId: g.parent ? goalIds.get(g.parent) : null,
      accountsForId: accounted?.id ?? null,
      slug: g.key,
      level: g.level,
      number: g.number ?? null,
      text: g.text,
      description: g.description ?? "",
      position,
      source: g.source,
    });
    goalIds.set(g.key, row.id);
  }
  for (const [position, i] of (file.indicators ?? []).entries()) {
    await repo.insertIndicator(tx, {
      documentId: doc.id,
      sectionId: i.section ? sectionIds.get(i.section) : null,
      slug: i.key,
      number: i.number ?? null,
      text: i.text,
      namedSource: i.namedSource,
      position,
      source: i.source,
    });
  }
  for (const [position, a] of (file.activities ?? []).entries()) {
    const activity = await repo.insertActivity(tx, {
      documentId: doc.id,
      sectionId: sectionIds.get(a.section) as string,
      slug: a.key,
      number: a.number === undefined ? null : String(a.number),
      text: a.text,
      position,
      source: a.source,
    });
    await repo.linkActivityGoals(
      tx,
      activity.id,
      (a.goals ?? []).map((g) => goalIds.get(g) as string),
    );
    for (let year = d.firstYear; year <= d.lastYear; year++) {
      await repo.insertActivityYear(tx, { activityId: activity.id, year, plannedText: a.text });
    }
  }
  for (const r of file.realisations ?? []) {
    const activity = budgetGoals?.activities.find((a) => a.slug === r.activity);
    const activityYear = activity
      ? budgetGoals?.years.find((y) => y.activityId === activity.id && y.year === r.year)
      : undefined;
    if (!activityYear)
      throw new Error(
        `Realisatie ${r.activity} ${r.year}: activiteit niet gevonden in ${d.accountsFor}`,
      );
    await repo.updateActivityYear(tx, activityYear.id, {
      realisationText: r.text,
      realisationDocumentId: doc.id,
      realisationSource: r.source,
      status: r.status,
      statusExplanation: r.statusReason,
      elsewhere: r.elsewhere,
    });
    await repo.insertStatusChange(tx, {
      activityYearId: activityYear.id,
      actorId: actor.accountId,
      actorName: actor.publicName,
      fromStatus: activityYear.status,
      toStatus: r.status,
      // The history is public: it names the document as people know it, not the internal file.
      explanation: `${r.statusReason} (gelezen uit ${sourceLabel(r.source, catalog)})`,
    });
  }
  for (const p of file.partnerships ?? []) {
    const row = await repo.insertPartnership(tx, {
      municipalityCode: actor.municipalityCode,
      slug: p.key,
      name: p.name,
      kind: p.kind,
      description: p.description,
      members: p.members,
      membersNote: p.membersNote ?? null,
      source: p.source,
    });
    await syncMembers(tx, actor.municipalityCode, row.id, p.members);
    await repo.linkPartnershipSections(
      tx,
      row.id,
      p.sections.map((s) => sectionIds.get(s) as string),
    );
  }
  return doc;
}

/** Loads the policy documents of the default data set, each in its own transaction with an audit entry. */
export async function loadDefaultPolicy(
  db: Db,
  actor: Actor,
  dataSetDir: string,
): Promise<boolean> {
  const files = readPolicyDataFiles(dataSetDir);
  const problems = files.flatMap(({ name, file }) => validatePolicyDataFile(file, name));
  if (problems.length > 0)
    throw new Error(`Beleidsgegevens zijn ongeldig:\n${problems.join("\n")}`);
  const catalog = loadSourceCatalog(dataSetDir);
  let loaded = false;
  for (const { file } of files) {
    if (await repo.findDocumentBySlug(db, actor.municipalityCode, file.document.key)) continue;
    await db.transaction(async (tx) => {
      const doc = await loadOne(tx, actor, file, catalog);
      await recordAudit(tx, actor, {
        action: "create",
        entityType: "beleidsdocument",
        entityId: doc.id,
        summary: `Beleidsdocument "${doc.title}" geladen uit de standaardgegevens`,
        after: {
          slug: doc.slug,
          onderdelen: file.sections.length,
          doelen: file.goals.length,
          activiteiten: file.activities?.length ?? 0,
          realisaties: file.realisations?.length ?? 0,
        },
      });
    });
    loaded = true;
  }
  return loaded;
}
