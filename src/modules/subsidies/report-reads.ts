import { and, asc, eq, inArray, lt } from "drizzle-orm";
import type { Executor } from "../../db/executor.js";
import { isUuid } from "../../platform/values.js";
import { indicators } from "../monitoring/index.js";
import { type OrganisationKind, organisations, workAreas } from "../organisations/index.js";
import {
  type ReportKind,
  type SubsidyForm,
  type SubsidyState,
  subsidies,
  subsidyIndicators,
  subsidyReportRequirements,
} from "./schema.js";

// The reads the accountability module builds its reports on. They give what a partner may see
// about its own decisions — never the internal note — so a caller can show them to the partner.

export interface ReportIndicator {
  /** subsidy_indicators.id: the agreement, which a reported value refers to. */
  id: string;
  /** The monitoring indicator. */
  indicatorId: string;
  name: string;
  unit: string;
  target: number | null;
}

export interface ReportRequirement {
  id: string;
  kind: ReportKind;
  /** ISO date, YYYY-MM-DD. */
  dueOn: string;
  description: string;
}

export interface SubsidyForReport {
  id: string;
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  year: number;
  state: SubsidyState;
  assignment: string;
  indicators: ReportIndicator[];
  requirements: ReportRequirement[];
}

/** One decision with what it asks back (indicators with targets, reports by date), or null. */
export async function getSubsidyForReport(
  db: Executor,
  municipalityCode: string,
  subsidyId: string,
): Promise<SubsidyForReport | null> {
  if (!isUuid(subsidyId)) return null;
  const [row] = await db
    .select({
      id: subsidies.id,
      organisationId: subsidies.organisationId,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      year: subsidies.year,
      state: subsidies.state,
      assignment: subsidies.assignment,
    })
    .from(subsidies)
    .innerJoin(organisations, eq(organisations.id, subsidies.organisationId))
    .where(and(eq(subsidies.municipalityCode, municipalityCode), eq(subsidies.id, subsidyId)));
  if (!row) return null;
  return {
    ...row,
    indicators: await listAgreedIndicators(db, subsidyId),
    requirements: await listRequirements(db, subsidyId),
  };
}

export const listAgreedIndicators = (db: Executor, subsidyId: string) =>
  db
    .select({
      id: subsidyIndicators.id,
      indicatorId: subsidyIndicators.indicatorId,
      name: indicators.name,
      unit: indicators.unit,
      target: subsidyIndicators.target,
    })
    .from(subsidyIndicators)
    .innerJoin(indicators, eq(indicators.id, subsidyIndicators.indicatorId))
    .where(eq(subsidyIndicators.subsidyId, subsidyId))
    .orderBy(asc(indicators.name));

export const listRequirements = (db: Executor, subsidyId: string): Promise<ReportRequirement[]> =>
  db
    .select({
      id: subsidyReportRequirements.id,
      kind: subsidyReportRequirements.kind,
      dueOn: subsidyReportRequirements.dueOn,
      description: subsidyReportRequirements.description,
    })
    .from(subsidyReportRequirements)
    .where(eq(subsidyReportRequirements.subsidyId, subsidyId))
    .orderBy(asc(subsidyReportRequirements.dueOn), asc(subsidyReportRequirements.kind));

export interface SubsidyOfOrganisation {
  id: string;
  organisationId: string;
  organisationName: string;
  year: number;
  reference: string | null;
  form: SubsidyForm;
  state: SubsidyState;
  workAreaName: string | null;
  amountCents: number;
  establishedCents: number | null;
  assignment: string;
}

/** The decisions of these organisations (every state), newest year first; optionally one year. */
export async function listSubsidiesOfOrganisations(
  db: Executor,
  municipalityCode: string,
  organisationIds: readonly string[],
  year?: number,
): Promise<SubsidyOfOrganisation[]> {
  // Only ids can name an organisation record; anything else (a free-text scope) names none.
  const ids = organisationIds.filter(isUuid);
  if (ids.length === 0) return [];
  return db
    .select({
      id: subsidies.id,
      organisationId: subsidies.organisationId,
      organisationName: organisations.name,
      year: subsidies.year,
      reference: subsidies.reference,
      form: subsidies.form,
      state: subsidies.state,
      workAreaName: workAreas.name,
      amountCents: subsidies.amountCents,
      establishedCents: subsidies.establishedCents,
      assignment: subsidies.assignment,
    })
    .from(subsidies)
    .innerJoin(organisations, eq(organisations.id, subsidies.organisationId))
    .leftJoin(workAreas, eq(workAreas.id, subsidies.workAreaId))
    .where(
      and(
        eq(subsidies.municipalityCode, municipalityCode),
        inArray(subsidies.organisationId, ids),
        year === undefined ? undefined : eq(subsidies.year, year),
      ),
    )
    .orderBy(asc(organisations.name), asc(subsidies.year), asc(subsidies.createdAt));
}

export interface OpenRequirement extends ReportRequirement {
  subsidyId: string;
  subsidyYear: number;
  subsidyReference: string | null;
  organisationId: string;
  organisationName: string;
}

/**
 * Requirements due strictly before `dueBefore` (YYYY-MM-DD) of decisions that are granted
 * (verleend): an application asks nothing back yet, and an established or withdrawn decision is
 * closed. Whether a report already answers a requirement is the accountability module's to judge.
 * Oldest due first.
 */
export function listOpenRequirements(
  db: Executor,
  municipalityCode: string,
  dueBefore: string,
): Promise<OpenRequirement[]> {
  return db
    .select({
      id: subsidyReportRequirements.id,
      kind: subsidyReportRequirements.kind,
      dueOn: subsidyReportRequirements.dueOn,
      description: subsidyReportRequirements.description,
      subsidyId: subsidies.id,
      subsidyYear: subsidies.year,
      subsidyReference: subsidies.reference,
      organisationId: organisations.id,
      organisationName: organisations.name,
    })
    .from(subsidyReportRequirements)
    .innerJoin(subsidies, eq(subsidies.id, subsidyReportRequirements.subsidyId))
    .innerJoin(organisations, eq(organisations.id, subsidies.organisationId))
    .where(
      and(
        eq(subsidies.municipalityCode, municipalityCode),
        eq(subsidies.state, "verleend"),
        lt(subsidyReportRequirements.dueOn, dueBefore),
      ),
    )
    .orderBy(asc(subsidyReportRequirements.dueOn), asc(organisations.name));
}
