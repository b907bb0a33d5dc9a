import { toDocument, toGoal } from "./api-mappers.js";
import type { DocumentTree } from "./service.js";

/** The whole document as plain JSON: the export format. */
export function exportDocument(tree: DocumentTree) {
  type S = (typeof tree.sections)[number];
  type G = S["goals"][number];
  const goal = (g: G): Record<string, unknown> => ({
    ...toGoal(g.goal),
    onderliggend: g.children.map(goal),
  });
  const section = (s: S): Record<string, unknown> => ({
    id: s.section.id,
    code: s.section.slug,
    soort: s.section.kind,
    nummer: s.section.number,
    titel: s.section.title,
    tekst: s.section.body,
    bron: s.section.source,
    doelen: s.goals.map(goal),
    indicatoren: s.indicators.map((i) => ({
      id: i.id,
      nummer: i.number,
      tekst: i.text,
      genoemdeBron: i.namedSource,
      bron: i.source,
    })),
    activiteiten: s.activities.map((a) => ({
      id: a.activity.id,
      nummer: a.activity.number,
      tekst: a.activity.text,
      doelen: a.goalIds,
      jaar: a.year
        ? {
            jaar: a.year.year,
            status: a.year.status,
            toelichting: a.year.statusExplanation,
            realisatie: a.year.realisationText,
          }
        : null,
      bron: a.activity.source,
    })),
    samenwerkingen: s.partnerships.map((p) => ({
      naam: p.name,
      leden: p.members,
      toelichting: p.description,
      bron: p.source,
    })),
    onderdelen: s.children.map(section),
  });
  return {
    ...toDocument(tree.document),
    inleiding: tree.document.intro,
    doelen: tree.looseGoals.map(goal),
    onderdelen: tree.sections.map(section),
  };
}
