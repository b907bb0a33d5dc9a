import type { Executor } from "../../db/executor.js";
import { type FieldError, notFound } from "../../platform/errors.js";
import { isUuid } from "../../platform/values.js";
import {
  getOrganisationSummary,
  listOrganisationChoices,
  listWorkAreas,
} from "../organisations/index.js";
import { listGoalChoices, policyItemsByIds } from "../policy/index.js";
import { YEAR_RANGE } from "./input.js";
import { listAgreedIndicators, listRequirements } from "./report-reads.js";
import * as repo from "./repository.js";
import { maySee, type SubsidyViewer } from "./rules.js";
import { SUBSIDY_STATES, type SubsidyState } from "./schema.js";

/** What a list asks for, as typed in a query string (codes and slugs, not ids). */
export interface ListQuery {
  jaar?: string | number | undefined;
  status?: string | undefined;
  /** Code or id of a work area. */
  werkgebied?: string | undefined;
  /** Slug or id of an organisation. */
  organisatie?: string | undefined;
}

export interface ResolvedFilter {
  year?: number | undefined;
  states?: SubsidyState[] | undefined;
  workAreaId?: string | undefined;
  organisationId?: string | undefined;
}

/** The filter a query names, with a Dutch message for every value that names nothing. */
export async function resolveFilter(
  db: Executor,
  municipalityCode: string,
  q: ListQuery,
): Promise<{ filter: ResolvedFilter; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  const filter: ResolvedFilter = {};
  if (q.jaar !== undefined && q.jaar !== "") {
    const year = Number(q.jaar);
    if (Number.isInteger(year) && year >= YEAR_RANGE.min && year <= YEAR_RANGE.max)
      filter.year = year;
    else errors.push({ field: "jaar", message: "Jaar moet een jaartal zijn, bijvoorbeeld 2025." });
  }
  if (q.status) {
    if ((SUBSIDY_STATES as readonly string[]).includes(q.status))
      filter.states = [q.status as SubsidyState];
    else
      errors.push({
        field: "status",
        message: `Status moet een van deze zijn: ${SUBSIDY_STATES.join(", ")}.`,
      });
  }
  if (q.werkgebied) {
    const ref = q.werkgebied;
    const area = (await listWorkAreas(db, municipalityCode)).find(
      (w) => w.code === ref || w.id === ref,
    );
    if (area) filter.workAreaId = area.id;
    else errors.push({ field: "werkgebied", message: "Kies een bestaand werkgebied." });
  }
  if (q.organisatie) {
    const org = await getOrganisationSummary(db, municipalityCode, q.organisatie);
    if (org) filter.organisationId = org.id;
    else errors.push({ field: "organisatie", message: "Kies een bestaande organisatie." });
  }
  return { filter, errors };
}

/** One page of the decisions the viewer may see under the filter. */
export async function browseSubsidies(
  db: Executor,
  municipalityCode: string,
  viewer: SubsidyViewer,
  filter: ResolvedFilter,
  options: { sort?: repo.Sort; page?: number; pageSize?: number } = {},
) {
  const pageSize = options.pageSize ?? 25;
  // Beyond any real list, and an offset PostgreSQL can still hold.
  const page = Math.min(Math.max(1, options.page ?? 1), 100_000);
  const found = await repo.findSubsidies(
    db,
    {
      municipalityCode,
      ...filter,
      visibleTo: viewer.staff ? undefined : { organisationIds: viewer.organisationIds },
    },
    options.sort ?? "organisatie",
    { limit: pageSize, offset: (page - 1) * pageSize },
  );
  const pages = Math.max(1, Math.ceil(found.total / pageSize));
  return { rows: found.rows, total: found.total, page, pages, pageSize };
}

/** Every decision the viewer may see under the filter, for an export. */
export async function allSubsidies(
  db: Executor,
  municipalityCode: string,
  viewer: SubsidyViewer,
  filter: ResolvedFilter,
) {
  return (
    await repo.findSubsidies(
      db,
      {
        municipalityCode,
        ...filter,
        visibleTo: viewer.staff ? undefined : { organisationIds: viewer.organisationIds },
      },
      "organisatie",
      undefined,
    )
  ).rows;
}

/**
 * One decision as the viewer may see it, with goals, indicators and requirements; the history
 * only for staff. A decision the viewer may not see is as absent as one that does not exist (404).
 */
export async function subsidyDetail(
  db: Executor,
  municipalityCode: string,
  viewer: SubsidyViewer,
  id: string,
) {
  const found = isUuid(id) ? await repo.findSubsidy(db, municipalityCode, id) : undefined;
  if (!found || !maySee(viewer, found.subsidy))
    throw notFound(`Er is geen subsidie "${id}" die u mag zien.`);
  const goalIds = await repo.listGoalIds(db, found.subsidy.id);
  const goals = (await policyItemsByIds(db, goalIds, [])).goals;
  return {
    ...found,
    goals,
    indicators: await listAgreedIndicators(db, found.subsidy.id),
    requirements: await listRequirements(db, found.subsidy.id),
    history: viewer.staff ? await repo.listStateChanges(db, found.subsidy.id) : [],
  };
}

export type SubsidyDetail = Awaited<ReturnType<typeof subsidyDetail>>;

/** The choices of the staff forms: organisations, work areas, goals and indicators. */
export async function formChoices(db: Executor, municipalityCode: string) {
  return {
    organisations: await listOrganisationChoices(db, municipalityCode),
    workAreas: await listWorkAreas(db, municipalityCode),
    goals: await listGoalChoices(db, municipalityCode),
    indicators: await repo.listIndicatorChoices(db, municipalityCode),
  };
}

export type FormChoices = Awaited<ReturnType<typeof formChoices>>;

export const yearChoices = (db: Executor, municipalityCode: string, publicOnly: boolean) =>
  repo.subsidyYears(db, municipalityCode, publicOnly);
