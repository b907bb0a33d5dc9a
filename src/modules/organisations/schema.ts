import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { inList, municipality, ownedBy, timestamps, uuidKey } from "../../db/columns.js";
import { areas } from "../areas/index.js";

/** Kinds of organisation (seed 004 §4.2 distinguishes formal institutions from informal ones). */
export const ORGANISATION_KINDS = [
  "formeel",
  "informeel",
  "eerstelijn",
  "gemeente",
  "samenwerkingsverband",
  "overig",
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Sociale basisinfrastructuur (guaranteed) or modulair pakket (follows needs), seed 004 §2.1. */
export const PLACEMENTS = ["basis", "modulair"] as const;
export type Placement = (typeof PLACEMENTS)[number];

export const PROFILE_CHANGE_STATES = ["ingediend", "goedgekeurd", "afgewezen"] as const;
export type ProfileChangeState = (typeof PROFILE_CHANGE_STATES)[number];

/** The welfare work areas of a municipality (five in Nieuwegein's plan), from its data set. */
export const workAreas = pgTable(
  "work_areas",
  {
    id: uuidKey(),
    municipalityCode: municipality(),
    code: text().notNull(),
    name: text().notNull(),
    position: integer().notNull().default(0),
    source: text().notNull().default(""),
  },
  (t) => [unique("work_areas_code_unique").on(t.municipalityCode, t.code)],
);

/** A function in a work area (wijkcoördinator, jongerenwerker…) with the time split its plan gives. */
export const welfareFunctions = pgTable(
  "welfare_functions",
  {
    id: uuidKey(),
    municipalityCode: municipality(),
    code: text().notNull(),
    name: text().notNull(),
    workAreaId: ownedBy(() => workAreas.id),
    placement: text().$type<Placement>().notNull(),
    /** [{ percent, description }], summing to 100 where the source gives a split. */
    timeSplit: jsonb().$type<{ percent: number; description: string }[]>().notNull().default([]),
    position: integer().notNull().default(0),
    source: text().notNull().default(""),
  },
  (t) => [
    unique("welfare_functions_code_unique").on(t.municipalityCode, t.code),
    check("welfare_functions_placement_check", sql`${t.placement} in (${inList(PLACEMENTS)})`),
  ],
);

/** One record per organisation, shared by subsidies, bookings, the social map and vacancies. */
export const organisations = pgTable(
  "organisations",
  {
    id: uuidKey(),
    municipalityCode: municipality(),
    slug: text().notNull(),
    name: text().notNull(),
    /** Other spellings and former names (MOvector for MOvactor): one organisation, found by each. */
    aliases: jsonb().$type<string[]>().notNull().default([]),
    kind: text().$type<OrganisationKind>().notNull(),
    description: text().notNull().default(""),
    website: text(),
    phone: text(),
    email: text(),
    /** Where the contact details come from (only set where a source or the partner gives them). */
    contactSource: text(),
    /** Every source that names the organisation. */
    sources: jsonb().$type<string[]>().notNull().default([]),
    version: integer().notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    unique("organisations_slug_unique").on(t.municipalityCode, t.slug),
    check("organisations_kind_check", sql`${t.kind} in (${inList(ORGANISATION_KINDS)})`),
  ],
);

export const organisationWorkAreas = pgTable(
  "organisation_work_areas",
  {
    organisationId: ownedBy(() => organisations.id),
    workAreaId: ownedBy(() => workAreas.id),
    placement: text().$type<Placement>().notNull(),
    source: text().notNull().default(""),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.workAreaId, t.placement] }),
    check(
      "organisation_work_areas_placement_check",
      sql`${t.placement} in (${inList(PLACEMENTS)})`,
    ),
    index("organisation_work_areas_area_idx").on(t.workAreaId),
  ],
);

export const organisationFunctions = pgTable(
  "organisation_functions",
  {
    organisationId: ownedBy(() => organisations.id),
    functionId: ownedBy(() => welfareFunctions.id),
    source: text().notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.functionId] })],
);

/** The wijken an organisation works in, only where a source says so. */
export const organisationAreas = pgTable(
  "organisation_areas",
  {
    organisationId: ownedBy(() => organisations.id),
    areaCode: text()
      .notNull()
      .references(() => areas.code, { onDelete: "cascade" }),
    source: text().notNull().default(""),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.areaCode] }),
    index("organisation_areas_area_idx").on(t.areaCode),
  ],
);

/**
 * A partner's proposed change to its organisation's public profile: the municipality reviews it
 * before it is public (issue 12), so the organisation row only changes on approval.
 */
export const organisationProfileChanges = pgTable(
  "organisation_profile_changes",
  {
    id: uuidKey(),
    organisationId: ownedBy(() => organisations.id),
    proposed: jsonb()
      .$type<{
        description?: string;
        website?: string | null;
        phone?: string | null;
        email?: string | null;
      }>()
      .notNull(),
    state: text().$type<ProfileChangeState>().notNull().default("ingediend"),
    proposedBy: uuid(),
    proposedByName: text().notNull(),
    reviewNote: text(),
    reviewedByName: text(),
    reviewedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "organisation_profile_changes_state_check",
      sql`${t.state} in (${inList(PROFILE_CHANGE_STATES)})`,
    ),
    index("organisation_profile_changes_org_idx").on(t.organisationId, t.createdAt),
  ],
);
