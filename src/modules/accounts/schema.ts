import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { municipality, ownedBy, uuidKey } from "../../db/columns.js";

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
    id: uuidKey(),
    municipalityCode: municipality(),
    username: text().notNull(),
    displayName: text().notNull(),
    email: text(),
    passwordHash: text().notNull(),
    active: boolean().notNull().default(true),
    /** Set for a generated one-time password (first beheerder, a reset): change it before anything else. */
    mustChangePassword: boolean().notNull().default(false),
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
    accountId: ownedBy(() => accounts.id),
    role: text().$type<Role>().notNull(),
    scope: text().notNull().default(""),
    /** The scope as people know it (the organisation's name): what public pages show for its changes. */
    scopeLabel: text().notNull().default(""),
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
    accountId: ownedBy(() => accounts.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The absolute end (SESSION_MAX_HOURS after login); inactivity is measured from lastSeenAt. */
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sessions_account_idx").on(t.accountId),
    index("sessions_expires_idx").on(t.expiresAt),
  ],
);

/**
 * Bearer tokens for partner systems: issued by a beheerder to an account, shown once, stored as
 * the SHA-256 of the token, with an expiry; revocable; the last use is recorded.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuidKey(),
    accountId: ownedBy(() => accounts.id),
    name: text().notNull(),
    tokenHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("api_tokens_hash_unique").on(t.tokenHash),
    index("api_tokens_account_idx").on(t.accountId),
  ],
);

/**
 * Failed logins per key (an account or a client address): the count since the last success and
 * when the last one was. In the database, so throttling holds across instances and restarts.
 */
export const loginFailures = pgTable("login_failures", {
  key: text().primaryKey(),
  failures: integer().notNull(),
  lastFailureAt: timestamp({ withTimezone: true }).notNull(),
});
