import { sql } from "drizzle-orm";
import {
  check,
  customType,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { inList, municipality, ownedBy, timestamps, uuidKey } from "../../db/columns.js";
import { subsidies, subsidyIndicators, subsidyReportRequirements } from "../subsidies/index.js";

/** concept → ingediend → beoordeeld (akkoord, or aanvulling nodig back to the partner). */
export const REPORT_STATES = ["concept", "ingediend", "aanvulling_nodig", "akkoord"] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** Seed 004 §4.2: a formal institution reports the full set, an informal one the lighter set. */
export const REPORT_FORMATS = ["formeel", "informeel"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REVIEW_DECISIONS = ["akkoord", "aanvulling_nodig"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

/** An accountability report of a partner for one subsidy and period. */
export const accountabilityReports = pgTable(
  "accountability_reports",
  {
    id: uuidKey(),
    municipalityCode: municipality(),
    subsidyId: ownedBy(() => subsidies.id),
    requirementId: uuid().references(() => subsidyReportRequirements.id, {
      onDelete: "set null",
    }),
    format: text().$type<ReportFormat>().notNull(),
    state: text().$type<ReportState>().notNull().default("concept"),
    periodStart: date().notNull(),
    periodEnd: date().notNull(),
    /** Required before submitting: counts alone are not accountability. */
    narrative: text().notNull().default(""),
    residentStory: text().notNull().default(""),
    // Formal institutions (§4.2.2): efforts, effects, satisfaction, cooperation, wijkschouw.
    efforts: text().notNull().default(""),
    goalsReached: text().notNull().default(""),
    reach: integer(),
    visibleEffect: text().notNull().default(""),
    satisfaction: text().notNull().default(""),
    cooperation: text().notNull().default(""),
    wijkschouw: text().notNull().default(""),
    // Informal organisations: inzet and resultaat, discussed in a joint progress talk.
    result: text().notNull().default(""),
    progressTalkOn: date(),
    progressTalkNotes: text().notNull().default(""),
    submittedAt: timestamp({ withTimezone: true }),
    reviewedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check("accountability_reports_state_check", sql`${t.state} in (${inList(REPORT_STATES)})`),
    check("accountability_reports_format_check", sql`${t.format} in (${inList(REPORT_FORMATS)})`),
    check("accountability_reports_period_check", sql`${t.periodEnd} >= ${t.periodStart}`),
    check("accountability_reports_reach_check", sql`${t.reach} is null or ${t.reach} >= 0`),
    index("accountability_reports_subsidy_idx").on(t.subsidyId),
    // One report answers one requirement: a second would leave it unclear which one counts.
    uniqueIndex("accountability_reports_requirement_unique")
      .on(t.requirementId)
      .where(sql`${t.requirementId} is not null`),
    index("accountability_reports_state_idx").on(t.municipalityCode, t.state),
  ],
);

/** The value a report gives for an agreed indicator; approved, it becomes a monitoring measurement. */
export const reportIndicatorValues = pgTable(
  "report_indicator_values",
  {
    id: uuidKey(),
    reportId: ownedBy(() => accountabilityReports.id),
    subsidyIndicatorId: ownedBy(() => subsidyIndicators.id),
    value: numeric({ precision: 14, scale: 4, mode: "number" }).notNull(),
    note: text().notNull().default(""),
  },
  (t) => [unique("report_indicator_values_unique").on(t.reportId, t.subsidyIndicatorId)],
);

/** The review trail: every submission and decision with its comment back to the partner. */
export const reportEvents = pgTable(
  "report_events",
  {
    id: uuidKey(),
    reportId: ownedBy(() => accountabilityReports.id),
    toState: text().$type<ReportState>().notNull(),
    comment: text().notNull().default(""),
    actorName: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("report_events_report_idx").on(t.reportId, t.at)],
);

/**
 * Attachments live in the database, so every app instance sharing it serves them (no local disk).
 * The media type is sniffed from the bytes, never taken from the upload.
 */
export const reportAttachments = pgTable(
  "report_attachments",
  {
    id: uuidKey(),
    reportId: ownedBy(() => accountabilityReports.id),
    fileName: text().notNull(),
    mediaType: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    content: bytea().notNull(),
    uploadedByName: text().notNull(),
    ...timestamps(),
  },
  (t) => [
    check("report_attachments_size_check", sql`${t.size} > 0`),
    index("report_attachments_report_idx").on(t.reportId),
  ],
);

/** How far a requirement's deadline is: due within the reminder window, or past it. */
export const REMINDER_STAGES = ["binnenkort", "verlopen"] as const;
export type ReminderStage = (typeof REMINDER_STAGES)[number];

/**
 * The reminders sent: one row per requirement and stage, inserted before the notifications in the
 * same transaction, so however many instances run the job, partners hear it once per stage.
 */
export const reportReminders = pgTable(
  "report_reminders",
  {
    id: uuidKey(),
    municipalityCode: municipality(),
    requirementId: ownedBy(() => subsidyReportRequirements.id),
    stage: text().$type<ReminderStage>().notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("report_reminders_unique").on(t.requirementId, t.stage),
    check("report_reminders_stage_check", sql`${t.stage} in (${inList(REMINDER_STAGES)})`),
  ],
);
