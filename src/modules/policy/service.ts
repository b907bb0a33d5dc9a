import type { Db, Executor } from "../../db/executor.js";
import type { Actor } from "../../platform/actor.js";
import { assertValid, badRequest, notFound } from "../../platform/errors.js";
import { textProblem } from "../../platform/field-rules.js";
import { TEXT_MAX } from "../../platform/schema-types.js";
import { isUuid } from "../../platform/values.js";
import { recordAudit } from "../audit/index.js";
import * as repo from "./repository.js";
import { type Rollup, rollup } from "./rollup.js";
import { ACTIVITY_STATUSES, type ActivityStatus } from "./schema.js";
import { checkStatusChange, STATUS_INFO, statusSummary } from "./status.js";

export const listDocuments = (db: Executor, municipalityCode: string) =>
  repo.listDocuments(db, municipalityCode);

/** A document by its slug (as in URLs) or its id. */
export async function resolveDocument(db: Executor, municipalityCode: string, ref: string) {
  const doc = isUuid(ref)
    ? await repo.findDocumentById(db, ref)
    : await repo.findDocumentBySlug(db, municipalityCode, ref);
  if (!doc || doc.municipalityCode !== municipalityCode)
    throw notFound(`Er is geen beleidsdocument "${ref}".`);
  return doc;
}

export interface SectionNode {
  section: repo.SectionRow;
  children: SectionNode[];
  goals: GoalNode[];
  indicators: repo.IndicatorRow[];
  activities: ActivityView[];
  partnerships: repo.PartnershipRow[];
}

export interface GoalNode {
  goal: repo.GoalRow;
  children: GoalNode[];
  rollup: Rollup | undefined;
}

export interface ActivityView {
  activity: repo.ActivityRow;
  year: repo.ActivityYearRow | undefined;
  goalIds: string[];
}

/** The document as a tree, with the activities' state in the chosen year and each goal's roll-up. */
export async function getDocumentTree(
  db: Executor,
  municipalityCode: string,
  ref: string,
  requestedYear?: number,
) {
  const document = await resolveDocument(db, municipalityCode, ref);
  const content = await repo.loadDocumentContent(db, document.id);
  const year =
    requestedYear !== undefined &&
    requestedYear >= document.firstYear &&
    requestedYear <= document.lastYear
      ? requestedYear
      : document.firstYear;
  const live = <T extends { archived: boolean }>(rows: T[]) => rows.filter((r) => !r.archived);
  const acts: ActivityView[] = live(content.activities).map((activity) => ({
    activity,
    year: content.years.find((y) => y.activityId === activity.id && y.year === year),
    goalIds: content.links.filter((l) => l.activityId === activity.id).map((l) => l.goalId),
  }));
  const goals = live(content.goals);
  const descendants = (goalId: string): string[] => [
    goalId,
    ...goals.filter((g) => g.parentId === goalId).flatMap((g) => descendants(g.id)),
  ];
  const goalNode = (goal: repo.GoalRow): GoalNode => {
    const ids = new Set(descendants(goal.id));
    const linked = acts.filter((a) => a.goalIds.some((g) => ids.has(g)) && a.year);
    return {
      goal,
      children: goals.filter((g) => g.parentId === goal.id).map(goalNode),
      rollup:
        linked.length > 0
          ? rollup(
              linked.map((a) => ({
                id: a.activity.id,
                label: a.activity.text,
                status: (a.year as repo.ActivityYearRow).status,
                weight: a.activity.weight,
                notApplicable: a.activity.notApplicable,
              })),
            )
          : undefined,
    };
  };
  const sections = live(content.sections);
  const sectionNode = (section: repo.SectionRow): SectionNode => ({
    section,
    children: sections.filter((s) => s.parentId === section.id).map(sectionNode),
    goals: goals.filter((g) => g.sectionId === section.id && !g.parentId).map(goalNode),
    indicators: live(content.indicators).filter((i) => i.sectionId === section.id),
    activities: acts.filter((a) => a.activity.sectionId === section.id),
    partnerships: content.partnershipLinks
      .filter((l) => l.sectionId === section.id)
      .map((l) => l.partnership),
  });
  const related = document.accountsForId
    ? await repo.findDocumentById(db, document.accountsForId)
    : undefined;
  return {
    document,
    year,
    years: Array.from(
      { length: document.lastYear - document.firstYear + 1 },
      (_, i) => document.firstYear + i,
    ),
    accountsFor: related,
    sections: sections.filter((s) => !s.parentId).map(sectionNode),
    looseGoals: goals.filter((g) => !g.sectionId && !g.parentId).map(goalNode),
    summary: statusSummary(
      acts.filter((a) => a.year).map((a) => (a.year as repo.ActivityYearRow).status),
    ),
  };
}

export type DocumentTree = Awaited<ReturnType<typeof getDocumentTree>>;

/** Every goal of one document (code or id) or of all documents, parents before their children. */
export async function listGoals(db: Executor, municipalityCode: string, documentRef?: string) {
  const docs = documentRef
    ? [await resolveDocument(db, municipalityCode, documentRef)]
    : await listDocuments(db, municipalityCode);
  const goals: repo.GoalRow[] = [];
  const walk = (nodes: GoalNode[]) => {
    for (const n of nodes) {
      goals.push(n.goal);
      walk(n.children);
    }
  };
  const walkSections = (sections: SectionNode[]) => {
    for (const s of sections) {
      walk(s.goals);
      walkSections(s.children);
    }
  };
  for (const d of docs) {
    const tree = await getDocumentTree(db, municipalityCode, d.id);
    walk(tree.looseGoals);
    walkSections(tree.sections);
  }
  return goals;
}

export function findSection(nodes: SectionNode[], slug: string): SectionNode | undefined {
  for (const n of nodes) {
    if (n.section.slug === slug) return n;
    const inner = findSection(n.children, slug);
    if (inner) return inner;
  }
  return undefined;
}

/** The annual report: per activity of the budget it accounts for, the plan beside what was done. */
export async function getAnnualReport(db: Executor, municipalityCode: string, ref: string) {
  const report = await resolveDocument(db, municipalityCode, ref);
  if (report.kind !== "jaarstukken" || !report.accountsForId) {
    throw notFound(`"${report.title}" is geen jaarverslag bij een begroting.`);
  }
  const budget = await repo.findDocumentById(db, report.accountsForId);
  const rows = (
    await repo.activitiesOfDocumentForYear(db, report.accountsForId, report.firstYear)
  ).filter((r) => r.year.realisationDocumentId === report.id);
  const content = await repo.loadDocumentContent(db, report.id);
  return {
    report,
    budget,
    goals: content.goals.filter((g) => !g.archived),
    rows,
    summary: statusSummary(rows.map((r) => r.year.status)),
  };
}

export interface ActivityQuery {
  document?: string | undefined;
  section?: string | undefined;
  year?: number | undefined;
  status?: string | undefined;
}

export async function findActivities(db: Executor, municipalityCode: string, q: ActivityQuery) {
  if (q.status && !(ACTIVITY_STATUSES as readonly string[]).includes(q.status)) {
    throw badRequest(`Onbekende status "${q.status}". Kies uit: ${ACTIVITY_STATUSES.join(", ")}.`);
  }
  const document = q.document ? await resolveDocument(db, municipalityCode, q.document) : undefined;
  return repo.findActivities(db, {
    municipalityCode,
    documentId: document?.id,
    sectionSlug: q.section,
    year: q.year,
    status: q.status as ActivityStatus | undefined,
  });
}

export async function getActivity(db: Executor, municipalityCode: string, id: string) {
  const found = isUuid(id) ? await repo.findActivityById(db, id) : undefined;
  if (!found || found.document.municipalityCode !== municipalityCode)
    throw notFound(`Er is geen activiteit "${id}".`);
  const years = await repo.yearsOfActivity(db, found.activity.id);
  const content = await repo.loadDocumentContent(db, found.document.id);
  const goals = content.goals.filter((g) => !g.archived);
  const goalIds = content.links
    .filter((l) => l.activityId === found.activity.id)
    .map((l) => l.goalId);
  const history = await repo.statusHistory(
    db,
    years.map((y) => y.id),
  );
  return { ...found, years, history, goals, goalIds };
}

export interface StatusChange {
  status: string;
  explanation?: string | undefined;
  elsewhere?: string | undefined;
  /** "Wat hebben we daarvoor gedaan?"; unchanged when undefined. */
  realisation?: string | undefined;
}

/** Sets an activity's status for a year; keeps the change in its history and the audit trail. */
export async function changeActivityStatus(
  db: Db,
  actor: Actor,
  activityId: string,
  year: number,
  input: StatusChange,
) {
  if (!(ACTIVITY_STATUSES as readonly string[]).includes(input.status)) {
    throw badRequest(`Onbekende status "${input.status}".`, [
      {
        field: "status",
        message: `Kies een status uit de lijst (${ACTIVITY_STATUSES.join(", ")}).`,
      },
    ]);
  }
  const to = input.status as ActivityStatus;
  return db.transaction(async (tx) => {
    // Locked until commit: a concurrent change waits and then reads this one's result as its
    // "before", so history and audit form one unbroken chain.
    const found = isUuid(activityId)
      ? await repo.findActivityYear(tx, activityId, year, true)
      : undefined;
    if (!found || found.document.municipalityCode !== actor.municipalityCode) {
      throw notFound(`Activiteit "${activityId}" heeft geen jaar ${year}.`);
    }
    const from = found.year.status;
    assertValid(
      checkStatusChange({ from, to, explanation: input.explanation, elsewhere: input.elsewhere }),
    );
    const explanation = input.explanation?.trim() || null;
    const elsewhere = to === "ondergebracht_elders" ? input.elsewhere?.trim() || null : null;
    const realisation =
      input.realisation === undefined ? undefined : input.realisation.trim() || null;
    const tooLong = textProblem(realisation, {
      field: "realisatie",
      label: "Realisatie",
      max: TEXT_MAX,
    });
    if (tooLong) throw badRequest(tooLong.message, [tooLong]);
    await repo.updateActivityYear(tx, found.year.id, {
      status: to,
      statusExplanation: explanation,
      elsewhere,
      ...(realisation === undefined ? {} : { realisationText: realisation }),
    });
    await repo.insertStatusChange(tx, {
      activityYearId: found.year.id,
      actorId: actor.accountId,
      actorName: actor.publicName,
      fromStatus: from,
      toStatus: to,
      explanation,
    });
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "activiteit",
      entityId: `${found.activity.id}/${year}`,
      summary: `Status ${year} van "${found.activity.text.slice(0, 60)}" van ${STATUS_INFO[from].label.toLowerCase()} naar ${STATUS_INFO[to].label.toLowerCase()}`,
      before: {
        status: from,
        toelichting: found.year.statusExplanation,
        elders: found.year.elsewhere,
        realisatie: found.year.realisationText,
      },
      after: {
        status: to,
        toelichting: explanation,
        elders: elsewhere,
        realisatie: realisation === undefined ? found.year.realisationText : realisation,
      },
    });
    return { from, to };
  });
}

export const SEARCH_PAGE_SIZE = 20;

export async function searchPolicy(
  db: Executor,
  municipalityCode: string,
  query: string,
  page = 1,
) {
  const q = query.trim();
  if (q.length === 0) return { query: q, hits: [], total: 0, page: 1, pages: 1 };
  if (q.length > 200)
    throw badRequest("De zoekvraag mag hoogstens 200 tekens zijn.", [
      { field: "q", message: "Zoekvraag is te lang (max. 200 tekens)." },
    ]);
  const safePage = Math.max(1, page);
  const { hits, total } = await repo.searchPolicyTexts(db, municipalityCode, {
    query: q,
    limit: SEARCH_PAGE_SIZE,
    offset: (safePage - 1) * SEARCH_PAGE_SIZE,
  });
  const documents = new Map((await repo.listDocuments(db, municipalityCode)).map((d) => [d.id, d]));
  return {
    query: q,
    hits: hits.map((h) => ({ ...h, document: documents.get(h.documentId) })),
    total,
    page: safePage,
    pages: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)),
  };
}
