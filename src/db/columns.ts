import { sql } from "drizzle-orm";
import { type AnyPgColumn, text, timestamp, uuid } from "drizzle-orm/pg-core";

// Column shapes every module's tables repeat, so a table definition shows only what is its own.
// Each is a function (or a fresh object) because a Drizzle column builder belongs to one table.

/** A random UUID primary key. */
export const uuidKey = () => uuid().primaryKey().defaultRandom();

/** A row that belongs to another row and goes when that row goes (not null, on delete cascade). */
export const ownedBy = (parent: () => AnyPgColumn) =>
  uuid().notNull().references(parent, { onDelete: "cascade" });

/** The municipality (CBS code) a record belongs to. */
export const municipality = () => text().notNull();

/** When the row was made and last changed. */
export const timestamps = () => ({
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** The SQL list of allowed values for a check constraint (values are code constants, never input). */
export const inList = (values: readonly string[]) =>
  sql.raw(values.map((v) => `'${v}'`).join(", "));
