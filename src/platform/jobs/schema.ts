import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One row per registered job (platform/jobs): when it is due, and who holds it while it runs. The
 * lock is a lease (locked_until), not a transaction: a job may run for minutes, and an instance
 * that dies while running one leaves a lease that simply runs out, after which another takes over.
 * Per installation, not per municipality: a job walks the data of every municipality it serves.
 */
export const scheduledJobs = pgTable("scheduled_jobs", {
  name: text().primaryKey(),
  nextRunAt: timestamp({ withTimezone: true }).notNull(),
  lockedUntil: timestamp({ withTimezone: true }),
  /** The instance holding the lease (host, process and a random part), for the log and a check. */
  lockedBy: text(),
  lastRunAt: timestamp({ withTimezone: true }),
  /** Why the last run failed; cleared by a run that succeeds. */
  lastError: text(),
});
