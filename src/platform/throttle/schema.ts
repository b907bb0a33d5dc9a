import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Request counters per key (route and client) and fixed time window. In the database, not in process
 * memory, so a limit holds across app instances on one PostgreSQL and across restarts.
 */
export const throttleCounters = pgTable(
  "throttle_counters",
  {
    key: text().notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    count: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);
