import { and, eq, isNull, lt, lte, or } from "drizzle-orm";
import type { Executor } from "../../db/executor.js";
import { scheduledJobs } from "./schema.js";

export type ScheduledJobRow = typeof scheduledJobs.$inferSelect;

/** A row for each job that has none yet, due at once: a new job runs at the first turn. */
export async function ensureJobRows(db: Executor, names: readonly string[], now: Date) {
  if (names.length === 0) return;
  await db
    .insert(scheduledJobs)
    .values(names.map((name) => ({ name, nextRunAt: now })))
    .onConflictDoNothing({ target: scheduledJobs.name });
}

/**
 * Takes the job when it is due and nobody holds a live lease on it, in one statement: of several
 * instances asking at once, PostgreSQL lets one update the row; the others wait for its row lock,
 * then see the new lease and match nothing. Returns the row as it was claimed, or undefined.
 */
export async function claimJob(
  db: Executor,
  name: string,
  now: Date,
  leaseUntil: Date,
  instanceId: string,
): Promise<ScheduledJobRow | undefined> {
  const [row] = await db
    .update(scheduledJobs)
    .set({ lockedUntil: leaseUntil, lockedBy: instanceId })
    .where(
      and(
        eq(scheduledJobs.name, name),
        lte(scheduledJobs.nextRunAt, now),
        or(isNull(scheduledJobs.lockedUntil), lt(scheduledJobs.lockedUntil, now)),
      ),
    )
    .returning();
  return row;
}

/**
 * Records a run and releases the lease, only while this instance still holds it: a run that
 * outlived its lease and was taken over does not overwrite the new holder's schedule.
 */
export async function finishJob(
  db: Executor,
  name: string,
  instanceId: string,
  result: { ranAt: Date; nextRunAt: Date; error: string | null },
): Promise<void> {
  await db
    .update(scheduledJobs)
    .set({
      lastRunAt: result.ranAt,
      nextRunAt: result.nextRunAt,
      lastError: result.error,
      lockedUntil: null,
      lockedBy: null,
    })
    .where(and(eq(scheduledJobs.name, name), eq(scheduledJobs.lockedBy, instanceId)));
}

export async function findJob(db: Executor, name: string): Promise<ScheduledJobRow | undefined> {
  const [row] = await db.select().from(scheduledJobs).where(eq(scheduledJobs.name, name));
  return row;
}
