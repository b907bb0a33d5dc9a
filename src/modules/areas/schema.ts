import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  unique,
} from "drizzle-orm/pg-core";
import { municipality } from "../../db/columns.js";

export const AREA_LEVELS = ["gemeente", "gebied", "wijk", "buurt"] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** Gemeente → gebied → wijk → buurt. CBS codes for gemeente/wijk/buurt; gebieden carry the municipality's own code. */
export const areas = pgTable(
  "areas",
  {
    code: text().primaryKey(),
    municipalityCode: municipality(),
    level: text().$type<AreaLevel>().notNull(),
    name: text().notNull(),
    parentCode: text().references((): AnyPgColumn => areas.code),
    /** True where no source says which parent an area lies in: shown as "aanname" and editable. */
    parentIsAssumption: boolean().notNull().default(false),
    parentNote: text(),
    /** Named in the municipality's own policy documents (e.g. the 16 wijken of the welfare plan). */
    namedInPolicy: boolean().notNull().default(false),
    policyName: text(),
    source: text().notNull(),
    /** GeoJSON geometry (WGS84) for maps; null where no boundary is known. */
    geometry: jsonb(),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [
    check("areas_level_check", sql`${t.level} in ('gemeente', 'gebied', 'wijk', 'buurt')`),
    index("areas_municipality_level_idx").on(t.municipalityCode, t.level),
    index("areas_parent_idx").on(t.parentCode),
  ],
);

export const areaPopulations = pgTable(
  "area_populations",
  {
    areaCode: text()
      .notNull()
      .references(() => areas.code, { onDelete: "cascade" }),
    year: integer().notNull(),
    population: integer().notNull(),
    source: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.areaCode, t.year] }),
    check("area_populations_population_check", sql`${t.population} >= 0`),
  ],
);

/** Expected growth of the population by a target year, as a published projection states it. */
export const populationProjections = pgTable(
  "population_projections",
  {
    id: serial().primaryKey(),
    areaCode: text()
      .notNull()
      .references(() => areas.code, { onDelete: "cascade" }),
    source: text().notNull(),
    targetYear: integer().notNull(),
    growth: integer().notNull(),
    note: text(),
  },
  (t) => [unique("population_projections_unique").on(t.areaCode, t.source, t.targetYear)],
);
