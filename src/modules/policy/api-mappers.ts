import type * as repo from "./repository.js";

export const toDocument = (d: repo.DocumentRow) => ({
  id: d.id,
  code: d.slug,
  soort: d.kind,
  titel: d.title,
  eersteJaar: d.firstYear,
  laatsteJaar: d.lastYear,
  status: d.state,
  officieleVindplaats: d.officialReference,
  verantwoordt: d.accountsForId,
  bron: d.source,
});
export const toGoal = (g: repo.GoalRow) => ({
  id: g.id,
  document: g.documentId,
  onderdeel: g.sectionId,
  ouder: g.parentId,
  niveau: g.level,
  nummer: g.number,
  tekst: g.text,
  toelichting: g.description,
  bron: g.source,
});
