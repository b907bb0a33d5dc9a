import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { inList, municipality, ownedBy, timestamps, uuidKey } from "../../db/columns.js";
import { indicators } from "../monitoring/index.js";
import { organisations, PLACEMENTS, type Placement, workAreas } from "../organisations/index.js";
import { policyGoals } from "../policy/index.js";

/** Forms of subsidy in seed 004 §4.2.1. */
export const SUBSIDY_FORMS = [
  "budgetfinanciering",
  "incidentele_subsidie",
  "projectsubsidie",
  "stimuleringsbijdrage",
] as const;
export type SubsidyForm = (typeof SUBSIDY_FORMS)[number];

export const SUBSIDY_STATES = ["aanvraag", "verleend", "vastgesteld", "ingetrokken"] as const;
export type SubsidyState = (typeof SUBSIDY_STATES)[number];

/** What a decision asks back: a formal report, a lighter informal one, or a joint progress talk. */
export const REPORT_KINDS = ["verantwoording", "tussenrapportage", "voortgangsgesprek"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

const cents = () => bigint({ mode: "number" });

/** A subsidy decision for one organisation and year. Amounts in euro cents, never floating point. */
export const subsidies = pgTable(
  "subsidies",
  {
    id: uuidKey(),
    municipalityCode: municipality(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    year: integer().notNull(),
    /** The decision's own reference (beschikkingsnummer), where there is one. */
    reference: text(),
    form: text().$type<SubsidyForm>().notNull(),
    state: text().$type<SubsidyState>().notNull().default("aanvraag"),
    workAreaId: uuid().references(() => workAreas.id),
    placement: text().$type<Placement>(),
    /** Requested, then granted (verleend) amount: what is planned. */
    amountCents: cents().notNull(),
    /** The established (vastgesteld) amount: what was actually spent on. */
    establishedCents: cents(),
    /** Counts toward the share for volunteer organisations and meeting places (seed 004 §5). */
    volunteerOrMeetingPlace: boolean().notNull().default(false),
    assignment: text().notNull().default(""),
    /** Internal to the municipality: never in the public register or the API for visitors. */
    internalNote: text().notNull().default(""),
    version: integer().notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check("subsidies_form_check", sql`${t.form} in (${inList(SUBSIDY_FORMS)})`),
    check("subsidies_state_check", sql`${t.state} in (${inList(SUBSIDY_STATES)})`),
    check(
      "subsidies_placement_check",
      sql`${t.placement} is null or ${t.placement} in (${inList(PLACEMENTS)})`,
    ),
    check("subsidies_amount_check", sql`${t.amountCents} >= 0`),
    check(
      "subsidies_established_check",
      sql`${t.establishedCents} is null or ${t.establishedCents} >= 0`,
    ),
    index("subsidies_year_idx").on(t.municipalityCode, t.year),
    index("subsidies_organisation_idx").on(t.organisationId, t.year),
  ],
);

/** Every state change of a decision with who, when and why. */
export const subsidyStateChanges = pgTable(
  "subsidy_state_changes",
  {
    id: uuidKey(),
    subsidyId: ownedBy(() => subsidies.id),
    fromState: text().$type<SubsidyState>(),
    toState: text().$type<SubsidyState>().notNull(),
    note: text(),
    actorName: text().notNull(),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("subsidy_state_changes_subsidy_idx").on(t.subsidyId, t.changedAt)],
);

/** The goals and results of the policy documents a decision serves. */
export const subsidyGoals = pgTable(
  "subsidy_goals",
  {
    subsidyId: ownedBy(() => subsidies.id),
    goalId: ownedBy(() => policyGoals.id),
  },
  (t) => [unique("subsidy_goals_unique").on(t.subsidyId, t.goalId)],
);

/** An agreed indicator with its target; a reported value becomes a measurement once approved. */
export const subsidyIndicators = pgTable(
  "subsidy_indicators",
  {
    id: uuidKey(),
    subsidyId: ownedBy(() => subsidies.id),
    indicatorId: ownedBy(() => indicators.id),
    target: numeric({ precision: 14, scale: 4, mode: "number" }),
  },
  (t) => [unique("subsidy_indicators_unique").on(t.subsidyId, t.indicatorId)],
);

/** The accountability a decision requires: which report, by when. */
export const subsidyReportRequirements = pgTable(
  "subsidy_report_requirements",
  {
    id: uuidKey(),
    subsidyId: ownedBy(() => subsidies.id),
    kind: text().$type<ReportKind>().notNull(),
    dueOn: date().notNull(),
    description: text().notNull().default(""),
  },
  (t) => [
    check("subsidy_report_requirements_kind_check", sql`${t.kind} in (${inList(REPORT_KINDS)})`),
    index("subsidy_report_requirements_due_idx").on(t.dueOn),
  ],
);

/** The planned welfare budget per year and work area, entered by staff (never typed into code). */
export const budgetPlans = pgTable(
  "budget_plans",
  {
    id: uuidKey(),
    municipalityCode: municipality(),
    year: integer().notNull(),
    workAreaId: ownedBy(() => workAreas.id),
    plannedCents: cents().notNull(),
    note: text().notNull().default(""),
    version: integer().notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    unique("budget_plans_unique").on(t.municipalityCode, t.year, t.workAreaId),
    check("budget_plans_amount_check", sql`${t.plannedCents} >= 0`),
  ],
);
