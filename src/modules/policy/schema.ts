import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { municipality, ownedBy, timestamps, uuidKey } from "../../db/columns.js";
import { organisations } from "../organisations/index.js";

export const DOCUMENT_KINDS = [
  "begroting",
  "jaarstukken",
  "beleidskader",
  "meerjarenopgave",
  "uitvoeringsprogramma",
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_STATES = ["concept", "vastgesteld", "vervallen"] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];
/** programma, thema, pijler, werkgebied; "onderdeel" for other chapters such as "Wat doen we samen?". */
export const SECTION_KINDS = ["programma", "thema", "pijler", "werkgebied", "onderdeel"] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];
/** The four goal levels of the welfare plan (§4.2): effect → policy goal → result → service/performance. */
export const GOAL_LEVELS = [
  "maatschappelijk_effect",
  "beleidsdoelstelling",
  "resultaat",
  "prestatie",
] as const;
export type GoalLevel = (typeof GOAL_LEVELS)[number];
export const ACTIVITY_STATUSES = [
  "gepland",
  "in_uitvoering",
  "gerealiseerd",
  "deels_gerealiseerd",
  "vertraagd",
  "uitgesteld",
  "niet_uitgevoerd",
  "ondergebracht_elders",
  "extra",
] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

export const policyDocuments = pgTable(
  "policy_documents",
  {
    id: uuidKey(),
    municipalityCode: municipality(),
    /** Stable, readable identifier used in URLs and the data files, e.g. "begroting-2020". */
    slug: text().notNull(),
    kind: text().$type<DocumentKind>().notNull(),
    title: text().notNull(),
    firstYear: integer().notNull(),
    lastYear: integer().notNull(),
    state: text().$type<DocumentState>().notNull().default("concept"),
    officialReference: text(),
    intro: text().notNull().default(""),
    /** The budget a jaarstukken accounts for. */
    accountsForId: uuid().references((): AnyPgColumn => policyDocuments.id),
    /** The document this one replaces (e.g. next framework). */
    succeedsId: uuid().references((): AnyPgColumn => policyDocuments.id),
    /** The previous year's document this one was copied from ("wat is er veranderd"). */
    copiedFromId: uuid().references((): AnyPgColumn => policyDocuments.id),
    source: text().notNull().default(""),
    archived: boolean().notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    unique("policy_documents_slug_unique").on(t.municipalityCode, t.slug),
    check("policy_documents_kind_check", sql`${t.kind} in (${inList(DOCUMENT_KINDS)})`),
    check("policy_documents_state_check", sql`${t.state} in (${inList(DOCUMENT_STATES)})`),
    check("policy_documents_period_check", sql`${t.firstYear} <= ${t.lastYear}`),
  ],
);

export const policySections = pgTable(
  "policy_sections",
  {
    id: uuidKey(),
    documentId: ownedBy(() => policyDocuments.id),
    parentId: uuid().references((): AnyPgColumn => policySections.id),
    copiedFromId: uuid().references((): AnyPgColumn => policySections.id, { onDelete: "set null" }),
    slug: text().notNull(),
    kind: text().$type<SectionKind>().notNull(),
    number: text(),
    title: text().notNull(),
    body: text().notNull().default(""),
    position: integer().notNull().default(0),
    source: text().notNull().default(""),
    archived: boolean().notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    unique("policy_sections_slug_unique").on(t.documentId, t.slug),
    check("policy_sections_kind_check", sql`${t.kind} in (${inList(SECTION_KINDS)})`),
    index("policy_sections_document_idx").on(t.documentId, t.position),
  ],
);

export const policyGoals = pgTable(
  "policy_goals",
  {
    id: uuidKey(),
    documentId: ownedBy(() => policyDocuments.id),
    sectionId: uuid().references(() => policySections.id),
    parentId: uuid().references((): AnyPgColumn => policyGoals.id),
    /** The goal in the budget that a jaarstukken goal accounts for. */
    accountsForId: uuid().references((): AnyPgColumn => policyGoals.id),
    copiedFromId: uuid().references((): AnyPgColumn => policyGoals.id, { onDelete: "set null" }),
    slug: text().notNull(),
    level: text().$type<GoalLevel>().notNull(),
    number: text(),
    text: text().notNull(),
    description: text().notNull().default(""),
    indicatorText: text(),
    targetValue: text(),
    targetYear: integer(),
    owner: text(),
    weight: numeric({ precision: 6, scale: 2, mode: "number" }).notNull().default(1),
    notApplicable: boolean().notNull().default(false),
    position: integer().notNull().default(0),
    source: text().notNull().default(""),
    archived: boolean().notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    unique("policy_goals_slug_unique").on(t.documentId, t.slug),
    check("policy_goals_level_check", sql`${t.level} in (${inList(GOAL_LEVELS)})`),
    check("policy_goals_weight_check", sql`${t.weight} >= 0`),
    index("policy_goals_document_idx").on(t.documentId, t.position),
  ],
);

/** Indicators a document names per section (e.g. per pillar), with the source it names. */
export const policyIndicators = pgTable(
  "policy_indicators",
  {
    id: uuidKey(),
    documentId: ownedBy(() => policyDocuments.id),
    sectionId: uuid().references(() => policySections.id),
    goalId: uuid().references(() => policyGoals.id),
    slug: text().notNull(),
    number: text(),
    text: text().notNull(),
    namedSource: text(),
    position: integer().notNull().default(0),
    source: text().notNull().default(""),
    archived: boolean().notNull().default(false),
  },
  (t) => [unique("policy_indicators_slug_unique").on(t.documentId, t.slug)],
);

export const activities = pgTable(
  "activities",
  {
    id: uuidKey(),
    documentId: ownedBy(() => policyDocuments.id),
    sectionId: uuid()
      .notNull()
      .references(() => policySections.id),
    copiedFromId: uuid().references((): AnyPgColumn => activities.id, { onDelete: "set null" }),
    slug: text().notNull(),
    number: text(),
    /** "Wat gaan we daarvoor doen?": the activity as the document words it. */
    text: text().notNull(),
    weight: numeric({ precision: 6, scale: 2, mode: "number" }).notNull().default(1),
    notApplicable: boolean().notNull().default(false),
    position: integer().notNull().default(0),
    source: text().notNull().default(""),
    archived: boolean().notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    unique("activities_slug_unique").on(t.documentId, t.slug),
    check("activities_weight_check", sql`${t.weight} >= 0`),
    index("activities_section_idx").on(t.sectionId, t.position),
  ],
);

export const activityGoals = pgTable(
  "activity_goals",
  {
    activityId: ownedBy(() => activities.id),
    goalId: ownedBy(() => policyGoals.id),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.goalId] }),
    index("activity_goals_goal_idx").on(t.goalId),
  ],
);

/** One activity in one year: what was planned, what was done (annual report) and its status. */
export const activityYears = pgTable(
  "activity_years",
  {
    id: uuidKey(),
    activityId: ownedBy(() => activities.id),
    year: integer().notNull(),
    plannedText: text().notNull(),
    realisationText: text(),
    realisationDocumentId: uuid().references(() => policyDocuments.id),
    status: text().$type<ActivityStatus>().notNull().default("gepland"),
    statusExplanation: text(),
    /** Where the work went, for status "ondergebracht_elders". */
    elsewhere: text(),
    /** The activity-year this one was carried over from. */
    carriedFromId: uuid().references((): AnyPgColumn => activityYears.id),
    realisationSource: text(),
    ...timestamps(),
  },
  (t) => [
    unique("activity_years_unique").on(t.activityId, t.year),
    check("activity_years_status_check", sql`${t.status} in (${inList(ACTIVITY_STATUSES)})`),
    index("activity_years_year_idx").on(t.year, t.status),
  ],
);

export const activityStatusChanges = pgTable(
  "activity_status_changes",
  {
    id: uuidKey(),
    activityYearId: ownedBy(() => activityYears.id),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: uuid(),
    actorName: text().notNull(),
    fromStatus: text().$type<ActivityStatus>(),
    toStatus: text().$type<ActivityStatus>().notNull(),
    explanation: text(),
  },
  (t) => [index("activity_status_changes_year_idx").on(t.activityYearId, t.changedAt)],
);

/** Named cooperation (Lekstroom, U10, Health Hub, ...) with its members, linked to document sections. */
export const partnerships = pgTable(
  "partnerships",
  {
    id: uuidKey(),
    municipalityCode: municipality(),
    slug: text().notNull(),
    name: text().notNull(),
    kind: text().notNull().default(""),
    description: text().notNull().default(""),
    members: jsonb().$type<string[]>().notNull().default([]),
    membersNote: text(),
    source: text().notNull().default(""),
    archived: boolean().notNull().default(false),
  },
  (t) => [unique("partnerships_slug_unique").on(t.municipalityCode, t.slug)],
);

export const partnershipSections = pgTable(
  "partnership_sections",
  {
    partnershipId: ownedBy(() => partnerships.id),
    sectionId: ownedBy(() => policySections.id),
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.sectionId] })],
);

/** A frozen copy of a document at publication: later edits do not change what was published. */
export const policyDocumentSnapshots = pgTable(
  "policy_document_snapshots",
  {
    id: uuidKey(),
    documentId: ownedBy(() => policyDocuments.id),
    version: integer().notNull(),
    publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorName: text().notNull(),
    content: jsonb().notNull(),
  },
  (t) => [unique("policy_document_snapshots_version_unique").on(t.documentId, t.version)],
);

/**
 * A partnership member as the source names it, linked to its organisation record where one exists.
 * Names without a record stay (organisationId null) and are listed for staff to link.
 */
export const partnershipMembers = pgTable(
  "partnership_members",
  {
    partnershipId: ownedBy(() => partnerships.id),
    name: text().notNull(),
    organisationId: uuid().references(() => organisations.id, { onDelete: "set null" }),
    linkedBy: text(),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.name] }),
    index("partnership_members_organisation_idx").on(t.organisationId),
  ],
);
