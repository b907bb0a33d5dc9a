import type { Executor } from "../../db/executor.js";
import { AppError } from "../../platform/errors.js";
import { getDocumentTree, type SectionNode, statusSummary } from "../policy/index.js";
import { type Change, change, type Point, type TargetStatus, targetStatus } from "./analysis.js";
import { type Privacy, readMeasurements } from "./measurement-reads.js";
import * as repo from "./repository.js";
import { toPoint } from "./service.js";

export interface EvaluatedIndicator {
  indicator: repo.IndicatorRow;
  /** The document's own wording of the indicator, when the link runs through it. */
  documentText: string | undefined;
  first: Point | undefined;
  latest: Point | undefined;
  change: Change | undefined;
  status: TargetStatus;
  basis: string;
}

export interface EvaluatedPillar {
  section: SectionNode["section"];
  goals: string[];
  results: string[];
  indicators: EvaluatedIndicator[];
  /** Document indicators no measured indicator is linked to yet. */
  unmeasured: string[];
  activities: ReturnType<typeof statusSummary>;
}

function sectionActivities(node: SectionNode): SectionNode["activities"] {
  return [...node.activities, ...node.children.flatMap(sectionActivities)];
}

/**
 * An evaluation reports on a year the document covers; outside it the report would be empty and
 * look like a framework without results, so the year is refused with what the document does cover.
 */
export function yearOutsideDocument(
  year: number,
  document: { title: string; firstYear: number; lastYear: number },
): string | undefined {
  if (year >= document.firstYear && year <= document.lastYear) return undefined;
  const period =
    document.firstYear === document.lastYear
      ? `alleen ${document.firstYear}`
      : `${document.firstYear} tot en met ${document.lastYear}`;
  return `${document.title} gaat over ${period}; voor ${year} is er geen evaluatie.`;
}

/**
 * The biennial evaluation of a framework (seed 002 §3.2): per pillar its goals and results, the
 * indicators with first and latest value up to the evaluation year, change and status, and the
 * status summary of the activities.
 */
export async function evaluation(
  db: Executor,
  municipalityCode: string,
  documentRef: string,
  year: number,
  privacy: Privacy,
) {
  const tree = await getDocumentTree(db, municipalityCode, documentRef, year);
  const outside = yearOutsideDocument(year, tree.document);
  if (outside) throw new AppError(404, "Geen evaluatie voor dit jaar", outside);
  const pillars = tree.sections.some((s) => s.section.kind === "pijler")
    ? tree.sections.filter((s) => s.section.kind === "pijler")
    : tree.sections;
  const indicatorList = await repo.listIndicators(db, municipalityCode);
  const links = await repo.linksOf(
    db,
    indicatorList.map((i) => i.id),
  );
  const rows = (await readMeasurements(db, indicatorList, privacy, [municipalityCode])).filter(
    (r) => r.year <= year,
  );
  const evaluated: EvaluatedPillar[] = pillars.map((node) => {
    const goalIds = new Set<string>();
    const walk = (goals: SectionNode["goals"]) => {
      for (const g of goals) {
        goalIds.add(g.goal.id);
        walk(g.children);
      }
    };
    walk(node.goals);
    const policyIndicatorText = new Map(node.indicators.map((i) => [i.id, i.text]));
    const linked = indicatorList
      .map((indicator) => {
        const mine = links.filter((l) => l.indicatorId === indicator.id);
        const viaDocument = mine.find(
          (l) => l.policyIndicatorId && policyIndicatorText.has(l.policyIndicatorId),
        );
        const viaGoal = mine.some((l) => l.goalId && goalIds.has(l.goalId));
        if (!viaDocument && !viaGoal) return undefined;
        const series = rows
          .filter((r) => r.indicatorId === indicator.id)
          .map(toPoint)
          .filter((p): p is Point => !!p);
        const first = series[0];
        const latest = series.at(-1);
        const target = indicator.targetValue ?? undefined;
        const s = targetStatus({
          series,
          target,
          targetYear: indicator.targetYear ?? undefined,
          direction: indicator.direction,
        });
        return {
          indicator,
          documentText: viaDocument?.policyIndicatorId
            ? policyIndicatorText.get(viaDocument.policyIndicatorId)
            : undefined,
          first,
          latest,
          change: first && latest && first !== latest ? change(first, latest) : undefined,
          status: s.status,
          basis: s.basis,
        };
      })
      .filter((x): x is EvaluatedIndicator => x !== undefined);
    const measuredTexts = new Set(linked.map((l) => l.documentText).filter(Boolean));
    return {
      section: node.section,
      goals: node.goals
        .filter((g) => g.goal.level === "beleidsdoelstelling")
        .map((g) => g.goal.text),
      results: node.goals.filter((g) => g.goal.level === "resultaat").map((g) => g.goal.text),
      indicators: linked,
      unmeasured: node.indicators.map((i) => i.text).filter((t) => !measuredTexts.has(t)),
      activities: statusSummary(
        sectionActivities(node)
          .filter((a) => a.year)
          .map((a) => a.year?.status ?? "gepland"),
      ),
    };
  });
  return { document: tree.document, year, pillars: evaluated };
}

export type Evaluation = Awaited<ReturnType<typeof evaluation>>;
