import { and, asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/executor.js";
import { updateById } from "../../db/update-by-id.js";
import { organisations } from "../organisations/index.js";
import { subsidies } from "../subsidies/index.js";
import {
  accountabilityReports,
  type ReminderStage,
  type ReportState,
  reportAttachments,
  reportEvents,
  reportIndicatorValues,
  reportReminders,
} from "./schema.js";

export type ReportRow = typeof accountabilityReports.$inferSelect;
export type NewReportRow = typeof accountabilityReports.$inferInsert;
export type IndicatorValueRow = typeof reportIndicatorValues.$inferSelect;
export type EventRow = typeof reportEvents.$inferSelect;

/** A report with the organisation and decision it belongs to, as every list and page shows it. */
const withOwner = {
  report: accountabilityReports,
  organisationId: organisations.id,
  organisationName: organisations.name,
  organisationSlug: organisations.slug,
  subsidyYear: subsidies.year,
  subsidyReference: subsidies.reference,
};
export type OwnedReport = {
  report: ReportRow;
  organisationId: string;
  organisationName: string;
  organisationSlug: string;
  subsidyYear: number;
  subsidyReference: string | null;
};

const ownedReports = (db: Executor) =>
  db
    .select(withOwner)
    .from(accountabilityReports)
    .innerJoin(subsidies, eq(subsidies.id, accountabilityReports.subsidyId))
    .innerJoin(organisations, eq(organisations.id, subsidies.organisationId));

export async function insertReport(db: Executor, row: NewReportRow): Promise<ReportRow> {
  const [created] = await db.insert(accountabilityReports).values(row).returning();
  if (!created) throw new Error("Verantwoording niet aangemaakt");
  return created;
}

/**
 * One report of the municipality with its owner; with `lock` the report row stays locked until the
 * transaction ends (the "before" of a change, and its version, are then the last committed ones).
 */
export async function findOwnedReport(
  db: Executor,
  municipalityCode: string,
  id: string,
  lock = false,
): Promise<OwnedReport | undefined> {
  const query = ownedReports(db).where(
    and(
      eq(accountabilityReports.id, id),
      eq(accountabilityReports.municipalityCode, municipalityCode),
    ),
  );
  const [row] = await (lock ? query.for("update", { of: accountabilityReports }) : query);
  return row;
}

export const updateReport = updateById(accountabilityReports);

export interface ReportFilter {
  municipalityCode: string;
  /** Only these organisations' reports (a partner); undefined: every organisation. */
  organisationIds?: readonly string[] | undefined;
  states?: readonly ReportState[] | undefined;
  organisationId?: string | undefined;
  year?: number | undefined;
}

function filterConditions(f: ReportFilter): SQL | undefined {
  return and(
    eq(accountabilityReports.municipalityCode, f.municipalityCode),
    f.organisationIds ? inArray(organisations.id, [...f.organisationIds]) : undefined,
    f.states ? inArray(accountabilityReports.state, [...f.states]) : undefined,
    f.organisationId ? eq(organisations.id, f.organisationId) : undefined,
    f.year === undefined ? undefined : eq(subsidies.year, f.year),
  );
}

const MAX_OFFSET = 1_000_000_000;

/** One page of reports, the longest waiting submission first, then the newest. */
export async function findReports(
  db: Executor,
  filter: ReportFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: OwnedReport[]; total: number }> {
  if (filter.organisationIds?.length === 0) return { rows: [], total: 0 };
  const where = filterConditions(filter);
  // A page far beyond any list (the API admits any page number) is empty, not an offset too
  // large for PostgreSQL.
  const rows =
    page.offset > MAX_OFFSET
      ? []
      : await ownedReports(db)
          .where(where)
          .orderBy(
            asc(sql`${accountabilityReports.submittedAt} is null`),
            asc(accountabilityReports.submittedAt),
            desc(accountabilityReports.createdAt),
            asc(accountabilityReports.id),
          )
          .limit(page.limit)
          .offset(page.offset);
  const [total] = await db
    .select({ n: count() })
    .from(accountabilityReports)
    .innerJoin(subsidies, eq(subsidies.id, accountabilityReports.subsidyId))
    .innerJoin(organisations, eq(organisations.id, subsidies.organisationId))
    .where(where);
  return { rows, total: total?.n ?? 0 };
}

/** The state of the report answering each requirement, for the ones that have one. */
export async function statesByRequirement(
  db: Executor,
  requirementIds: readonly string[],
): Promise<Map<string, { id: string; state: ReportState }>> {
  if (requirementIds.length === 0) return new Map();
  const rows = await db
    .select({
      id: accountabilityReports.id,
      requirementId: accountabilityReports.requirementId,
      state: accountabilityReports.state,
    })
    .from(accountabilityReports)
    .where(inArray(accountabilityReports.requirementId, [...requirementIds]));
  return new Map(rows.map((r) => [r.requirementId ?? "", { id: r.id, state: r.state }]));
}

export const listIndicatorValues = (db: Executor, reportId: string) =>
  db.select().from(reportIndicatorValues).where(eq(reportIndicatorValues.reportId, reportId));

/** The report's values become exactly these (a value left out is removed). */
export async function replaceIndicatorValues(
  db: Executor,
  reportId: string,
  values: readonly { subsidyIndicatorId: string; value: number; note: string }[],
): Promise<void> {
  await db.delete(reportIndicatorValues).where(eq(reportIndicatorValues.reportId, reportId));
  if (values.length > 0)
    await db.insert(reportIndicatorValues).values(values.map((v) => ({ reportId, ...v })));
}

export async function insertEvent(
  db: Executor,
  row: { reportId: string; toState: ReportState; comment: string; actorName: string },
): Promise<void> {
  // clock_timestamp: the moment of the step itself, not the start of its transaction (ADR 9).
  await db.insert(reportEvents).values({ ...row, at: sql`clock_timestamp()` });
}

export const listEvents = (db: Executor, reportId: string) =>
  db
    .select()
    .from(reportEvents)
    .where(eq(reportEvents.reportId, reportId))
    .orderBy(asc(reportEvents.at), asc(reportEvents.id));

const attachmentMeta = {
  id: reportAttachments.id,
  reportId: reportAttachments.reportId,
  fileName: reportAttachments.fileName,
  mediaType: reportAttachments.mediaType,
  size: reportAttachments.size,
  sha256: reportAttachments.sha256,
  uploadedByName: reportAttachments.uploadedByName,
  createdAt: reportAttachments.createdAt,
};
export type AttachmentMeta = {
  [K in keyof typeof attachmentMeta]: (typeof reportAttachments.$inferSelect)[K];
};

/** The report's attachments without their content (lists never load the bytes). */
export const listAttachments = (db: Executor, reportId: string): Promise<AttachmentMeta[]> =>
  db
    .select(attachmentMeta)
    .from(reportAttachments)
    .where(eq(reportAttachments.reportId, reportId))
    .orderBy(asc(reportAttachments.createdAt), asc(reportAttachments.id));

export async function findAttachment(db: Executor, reportId: string, id: string) {
  const [row] = await db
    .select()
    .from(reportAttachments)
    .where(and(eq(reportAttachments.reportId, reportId), eq(reportAttachments.id, id)));
  return row;
}

export async function insertAttachment(
  db: Executor,
  row: typeof reportAttachments.$inferInsert,
): Promise<AttachmentMeta> {
  const [created] = await db.insert(reportAttachments).values(row).returning(attachmentMeta);
  if (!created) throw new Error("Bijlage niet opgeslagen");
  return created;
}

export async function deleteAttachment(db: Executor, reportId: string, id: string) {
  const deleted = await db
    .delete(reportAttachments)
    .where(and(eq(reportAttachments.reportId, reportId), eq(reportAttachments.id, id)))
    .returning({ id: reportAttachments.id });
  return deleted.length > 0;
}

/**
 * Records that a reminder goes out for this requirement and stage; false when one already did.
 * One atomic insert: of two instances running the job at once, only one gets true.
 */
export async function claimReminder(
  db: Executor,
  row: { municipalityCode: string; requirementId: string; stage: ReminderStage },
): Promise<boolean> {
  const inserted = await db
    .insert(reportReminders)
    .values(row)
    .onConflictDoNothing({ target: [reportReminders.requirementId, reportReminders.stage] })
    .returning({ id: reportReminders.id });
  return inserted.length > 0;
}

/** The approved reports of one organisation, newest period first (its public page). */
export const listApprovedOfOrganisation = (
  db: Executor,
  municipalityCode: string,
  organisationId: string,
) =>
  ownedReports(db)
    .where(
      and(
        eq(accountabilityReports.municipalityCode, municipalityCode),
        eq(accountabilityReports.state, "akkoord"),
        eq(organisations.id, organisationId),
      ),
    )
    .orderBy(desc(accountabilityReports.periodEnd), asc(accountabilityReports.id));
