import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const ROLES = [
  "beheerder",
  "beleidsmedewerker",
  "partner",
  "buurtverbinder",
  "inwoner",
] as const;
export type Role = (typeof ROLES)[number];

export const accounts = pgTable(
  "accounts",
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityCode: text().notNull(),
    username: text().notNull(),
    displayName: text().notNull(),
    email: text(),
    passwordHash: text().notNull(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex("accounts_username_unique").on(sql`lower(${t.username})`)],
);

/**
 * A role, optionally scoped: a partner to an organisation, a buurtverbinder to a meeting place.
 * The scope is '' for unscoped roles so it can be part of the key.
 */
export const accountRoles = pgTable(
  "account_roles",
  {
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    role: text().$type<Role>().notNull(),
    scope: text().notNull().default(""),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.role, t.scope] }),
    check(
      "account_roles_role_check",
      sql`${t.role} in ('beheerder', 'beleidsmedewerker', 'partner', 'buurtverbinder', 'inwoner')`,
    ),
  ],
);

/** Server-side sessions; the id is the SHA-256 of the cookie token, so a database leak yields no live cookies. */
export const sessions = pgTable(
  "sessions",
  {
    id: text().primaryKey(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index("sessions_account_idx").on(t.accountId),
    index("sessions_expires_idx").on(t.expiresAt),
  ],
);
