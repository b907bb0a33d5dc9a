import type { Executor } from "../../db/executor.js";
import { notFound } from "../../platform/errors.js";
import { isUuid } from "../../platform/values.js";
import {
  getSubsidyForReport,
  listOpenRequirements,
  listSubsidiesOfOrganisations,
  type OpenRequirement,
} from "../subsidies/index.js";
import { type Reader, type ReportView, refusal, viewOf } from "./access.js";
import * as repo from "./repository.js";
import { daysUntil, deadlineStage, isoDay, periodLabel, REMINDER_DAYS } from "./rules.js";
import type { ReminderStage, ReportState } from "./schema.js";

const addDays = (day: string, days: number) =>
  isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));

/**
 * One report as `reader` may see it: everything for staff and the organisation's partners, the
 * public part of an approved report for anyone else; 404 when there is none, 401/403 otherwise.
 */
export async function getReport(
  db: Executor,
  municipalityCode: string,
  reader: Reader & { loggedIn: boolean },
  id: string,
) {
  const found = isUuid(id) ? await repo.findOwnedReport(db, municipalityCode, id) : undefined;
  if (!found) throw notFound("Deze verantwoording bestaat niet.");
  const view = viewOf(reader, found.organisationId, found.report.state);
  if (!view) throw refusal(reader.loggedIn);
  return loadDetail(db, municipalityCode, found, view);
}

async function loadDetail(
  db: Executor,
  municipalityCode: string,
  found: repo.OwnedReport,
  view: ReportView,
) {
  const subsidy = await getSubsidyForReport(db, municipalityCode, found.report.subsidyId);
  if (!subsidy) throw notFound("De subsidie van deze verantwoording bestaat niet meer.");
  const given = new Map(
    (await repo.listIndicatorValues(db, found.report.id)).map((v) => [v.subsidyIndicatorId, v]),
  );
  const values = subsidy.indicators.map((indicator) => ({
    indicator,
    value: given.get(indicator.id)?.value,
    note: given.get(indicator.id)?.note ?? "",
  }));
  const full = view === "full";
  return {
    ...found,
    view,
    subsidy,
    requirement: subsidy.requirements.find((r) => r.id === found.report.requirementId),
    period: periodLabel(found.report.periodStart, found.report.periodEnd),
    values: full ? values : values.filter((v) => v.value !== undefined),
    events: full ? await repo.listEvents(db, found.report.id) : [],
    attachments: full ? await repo.listAttachments(db, found.report.id) : [],
  };
}
export type ReportDetail = Awaited<ReturnType<typeof getReport>>;

export interface ListFilter {
  states?: readonly ReportState[] | undefined;
  organisationId?: string | undefined;
  year?: number | undefined;
}

/**
 * One page of the reports `reader` may list: staff all, a partner its own organisations', anyone
 * else the approved ones (each item then says so, and its caller shows the public part only).
 */
export async function listReports(
  db: Executor,
  municipalityCode: string,
  reader: Reader,
  filter: ListFilter,
  page: number,
  pageSize: number,
) {
  const scope: Partial<repo.ReportFilter> = reader.staff
    ? {}
    : reader.organisationIds.length > 0
      ? { organisationIds: reader.organisationIds }
      : { states: ["akkoord"] };
  const states =
    scope.states && filter.states
      ? filter.states.filter((s) => scope.states?.includes(s))
      : (scope.states ?? filter.states);
  const { rows, total } =
    states?.length === 0
      ? { rows: [], total: 0 }
      : await repo.findReports(
          db,
          {
            municipalityCode,
            organisationIds: scope.organisationIds,
            states,
            organisationId: filter.organisationId,
            year: filter.year,
          },
          { limit: pageSize, offset: (page - 1) * pageSize },
        );
  return {
    rows: rows.map((r) => ({
      ...r,
      view: viewOf(reader, r.organisationId, r.report.state) ?? "public",
      period: periodLabel(r.report.periodStart, r.report.periodEnd),
    })),
    total,
    page,
    pageSize,
    pages: Math.max(1, Math.ceil(total / pageSize)),
  };
}
export type ReportListItem = Awaited<ReturnType<typeof listReports>>["rows"][number];

/** A requirement whose deadline is near or past with no submitted or approved report yet. */
export interface DueRequirement extends OpenRequirement {
  stage: ReminderStage;
  days: number;
  report: { id: string; state: ReportState } | undefined;
}

/**
 * The requirements of granted decisions that are overdue or due within REMINDER_DAYS on `today`
 * and not yet answered by a submitted or approved report; oldest due date first.
 */
export async function listDueRequirements(
  db: Executor,
  municipalityCode: string,
  today: string,
  organisationIds?: readonly string[],
): Promise<DueRequirement[]> {
  const open = (
    await listOpenRequirements(db, municipalityCode, addDays(today, REMINDER_DAYS + 1))
  ).filter((r) => !organisationIds || organisationIds.includes(r.organisationId));
  const reports = await repo.statesByRequirement(
    db,
    open.map((r) => r.id),
  );
  const due: DueRequirement[] = [];
  for (const r of open) {
    const report = reports.get(r.id);
    const stage = deadlineStage(r.dueOn, today, report?.state);
    if (stage) due.push({ ...r, stage, days: daysUntil(r.dueOn, today), report });
  }
  return due;
}

/** The partner's decisions to report on: its organisations' granted or established subsidies. */
export async function listReportableSubsidies(
  db: Executor,
  municipalityCode: string,
  organisationIds: readonly string[],
) {
  return (await listSubsidiesOfOrganisations(db, municipalityCode, organisationIds)).filter(
    (s) => s.state === "verleend" || s.state === "vastgesteld",
  );
}

/** An approved report as an organisation's public page lists it. */
export interface PublishedReport {
  id: string;
  year: number;
  period: string;
  format: string;
  approvedAt: Date | null;
  narrative: string;
}

/** The approved (published) reports of one organisation, newest period first. */
export async function listPublishedReports(
  db: Executor,
  municipalityCode: string,
  organisationId: string,
): Promise<PublishedReport[]> {
  if (!isUuid(organisationId)) return [];
  return (await repo.listApprovedOfOrganisation(db, municipalityCode, organisationId)).map(
    ({ report, subsidyYear }) => ({
      id: report.id,
      year: subsidyYear,
      period: periodLabel(report.periodStart, report.periodEnd),
      format: report.format,
      approvedAt: report.reviewedAt,
      narrative: report.narrative,
    }),
  );
}
