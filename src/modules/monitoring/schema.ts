import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { municipality, ownedBy, uuidKey } from "../../db/columns.js";
import { areas } from "../areas/index.js";
import { policyGoals, policyIndicators } from "../policy/index.js";

export const UNITS = ["score", "percentage", "aantal", "euro"] as const;
export type Unit = (typeof UNITS)[number];
export const DIRECTIONS = ["hoger_is_beter", "lager_is_beter", "neutraal"] as const;
export const FREQUENCIES = [
  "jaarlijks",
  "tweejaarlijks",
  "vierjaarlijks",
  "kwartaal",
  "onregelmatig",
] as const;
export const INDICATOR_ROLES = [
  "effectindicator",
  "prestatie_indicator",
  "verplichte_beleidsindicator",
] as const;
export const RELEASE_STATES = ["voorlopig", "nader_voorlopig", "definitief"] as const;
export type ReleaseState = (typeof RELEASE_STATES)[number];

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));
const num = (name?: string) =>
  name
    ? numeric(name, { precision: 14, scale: 4, mode: "number" })
    : numeric({ precision: 14, scale: 4, mode: "number" });

export const indicators = pgTable(
  "indicators",
  {
    id: uuidKey(),
    municipalityCode: municipality(),
    slug: text().notNull(),
    name: text().notNull(),
    definition: text().notNull().default(""),
    unit: text().$type<Unit>().notNull(),
    /** For scores: the scale, e.g. 1 to 5 or 1 to 10. */
    scaleMin: num(),
    scaleMax: num(),
    direction: text().$type<(typeof DIRECTIONS)[number]>().notNull().default("neutraal"),
    source: text().notNull(),
    frequency: text().$type<(typeof FREQUENCIES)[number]>().notNull().default("jaarlijks"),
    role: text().$type<(typeof INDICATOR_ROLES)[number]>().notNull().default("effectindicator"),
    targetValue: num(),
    targetYear: integer(),
    /** "Het verhaal achter de cijfers": what explains the curve, who contributes, what works. */
    story: text().notNull().default(""),
    archived: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("indicators_slug_unique").on(t.municipalityCode, t.slug),
    check("indicators_unit_check", sql`${t.unit} in (${inList(UNITS)})`),
    check("indicators_direction_check", sql`${t.direction} in (${inList(DIRECTIONS)})`),
    check("indicators_frequency_check", sql`${t.frequency} in (${inList(FREQUENCIES)})`),
    check("indicators_role_check", sql`${t.role} in (${inList(INDICATOR_ROLES)})`),
  ],
);

/** Which goals, results or document indicators an indicator serves. */
export const indicatorLinks = pgTable(
  "indicator_links",
  {
    id: uuidKey(),
    indicatorId: ownedBy(() => indicators.id),
    goalId: uuid().references(() => policyGoals.id, { onDelete: "cascade" }),
    policyIndicatorId: uuid().references(() => policyIndicators.id, { onDelete: "cascade" }),
  },
  (t) => [
    check(
      "indicator_links_target_check",
      sql`num_nonnulls(${t.goalId}, ${t.policyIndicatorId}) = 1`,
    ),
    index("indicator_links_indicator_idx").on(t.indicatorId),
  ],
);

/** One indicator, one area, one period (a year, or a quarter of it): realised value, target and estimate. */
export const measurements = pgTable(
  "measurements",
  {
    id: uuidKey(),
    indicatorId: ownedBy(() => indicators.id),
    areaCode: text()
      .notNull()
      .references(() => areas.code),
    year: integer().notNull(),
    /** 0 for the whole year, 1-4 for a quarter. */
    quarter: integer().notNull().default(0),
    value: num(),
    target: num(),
    estimate: num(),
    source: text().notNull(),
    publishedOn: date(),
    releaseState: text().$type<ReleaseState>().notNull().default("definitief"),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("measurements_period_unique").on(t.indicatorId, t.areaCode, t.year, t.quarter),
    check("measurements_quarter_check", sql`${t.quarter} between 0 and 4`),
    check("measurements_release_check", sql`${t.releaseState} in (${inList(RELEASE_STATES)})`),
    check(
      "measurements_has_number_check",
      sql`num_nonnulls(${t.value}, ${t.target}, ${t.estimate}) > 0`,
    ),
    index("measurements_area_year_idx").on(t.areaCode, t.indicatorId, t.year),
  ],
);

/** Every correction of a measurement keeps the values it replaced. */
export const measurementCorrections = pgTable(
  "measurement_corrections",
  {
    id: uuidKey(),
    measurementId: ownedBy(() => measurements.id),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorName: text().notNull(),
    before: jsonb().notNull(),
    after: jsonb().notNull(),
    reason: text(),
  },
  (t) => [index("measurement_corrections_measurement_idx").on(t.measurementId)],
);
