import { randomUUID } from "node:crypto";
import type { Executor } from "../../src/db/executor.js";
import {
  type OrganisationKind,
  organisations,
  workAreas,
} from "../../src/modules/organisations/index.js";
import {
  type ReportKind,
  type SubsidyState,
  subsidies,
  subsidyIndicators,
  subsidyReportRequirements,
} from "../../src/modules/subsidies/index.js";

// Rows for partner tests, inserted directly: a test says only what matters to it.

let counter = 0;

/** An organisation of the municipality with a unique slug; returns its id, slug and name. */
export async function insertOrganisation(
  db: Executor,
  municipalityCode: string,
  fields: { name?: string; slug?: string; kind?: OrganisationKind } = {},
): Promise<{ id: string; slug: string; name: string }> {
  counter += 1;
  const name = fields.name ?? `Testorganisatie ${counter}`;
  const slug = fields.slug ?? `testorganisatie-${counter}-${randomUUID().slice(0, 8)}`;
  const [row] = await db
    .insert(organisations)
    .values({ municipalityCode, name, slug, kind: fields.kind ?? "formeel" })
    .returning({ id: organisations.id, slug: organisations.slug, name: organisations.name });
  if (!row) throw new Error("organisation not inserted");
  return row;
}

/** A work area of the municipality with a unique code; returns its id, code and name. */
export async function insertWorkArea(
  db: Executor,
  municipalityCode: string,
  fields: { name?: string; code?: string; position?: number } = {},
): Promise<{ id: string; code: string; name: string }> {
  counter += 1;
  const code = fields.code ?? `wg-${counter}-${randomUUID().slice(0, 8)}`;
  const [row] = await db
    .insert(workAreas)
    .values({
      municipalityCode,
      code,
      name: fields.name ?? `Werkgebied ${counter}`,
      position: fields.position ?? counter,
    })
    .returning({ id: workAreas.id, code: workAreas.code, name: workAreas.name });
  if (!row) throw new Error("work area not inserted");
  return row;
}

/**
 * A subsidy decision with the indicators and reports it asks back, inserted directly (granted,
 * unless `state` says otherwise). Returns its id and the ids of its agreements and requirements, in
 * the order given.
 */
export async function insertSubsidyWithAgreements(
  db: Executor,
  municipalityCode: string,
  fields: {
    organisationId: string;
    year: number;
    state?: SubsidyState;
    amountCents?: number;
    indicators?: { indicatorId: string; target?: number | null }[];
    requirements?: { kind?: ReportKind; dueOn: string; description?: string }[];
  },
): Promise<{ id: string; indicatorIds: string[]; requirementIds: string[] }> {
  const [subsidy] = await db
    .insert(subsidies)
    .values({
      municipalityCode,
      organisationId: fields.organisationId,
      year: fields.year,
      form: "budgetfinanciering",
      state: fields.state ?? "verleend",
      amountCents: fields.amountCents ?? 100_000_00,
    })
    .returning({ id: subsidies.id });
  if (!subsidy) throw new Error("subsidy not inserted");
  const indicatorIds: string[] = [];
  for (const i of fields.indicators ?? []) {
    const [row] = await db
      .insert(subsidyIndicators)
      .values({ subsidyId: subsidy.id, indicatorId: i.indicatorId, target: i.target ?? null })
      .returning({ id: subsidyIndicators.id });
    if (row) indicatorIds.push(row.id);
  }
  const requirementIds: string[] = [];
  for (const r of fields.requirements ?? []) {
    const [row] = await db
      .insert(subsidyReportRequirements)
      .values({
        subsidyId: subsidy.id,
        kind: r.kind ?? "verantwoording",
        dueOn: r.dueOn,
        description: r.description ?? "",
      })
      .returning({ id: subsidyReportRequirements.id });
    if (row) requirementIds.push(row.id);
  }
  return { id: subsidy.id, indicatorIds, requirementIds };
}
