/**
 * When a job runs: pure rules, so the runner only claims, runs and records. Times are whole
 * minutes on a grid that starts at the job's first due time, so a daily job keeps its hour.
 */

const MINUTE = 60_000;

/** After a failed run a job is tried again this soon (or at its own interval, if that is shorter). */
export const RETRY_MINUTES = 15;

/** How long a run may take before another instance takes the job over, unless the job says. */
export const DEFAULT_LEASE_MINUTES = 10;

/**
 * The next run of a job that was due at `due` and ran at `now` (now ≥ due): the first time on its
 * grid (due + k × interval) after now. A job missed during downtime thus runs once right after the
 * start, not once for every missed turn, and then keeps its place on the grid.
 */
export function nextRunAfter(due: Date, now: Date, everyMinutes: number): Date {
  const period = everyMinutes * MINUTE;
  const turns = Math.max(1, Math.floor((now.getTime() - due.getTime()) / period) + 1);
  return new Date(due.getTime() + turns * period);
}

/** When a failed job is tried again: soon, but never sooner than its own interval would be. */
export function retryAfterFailure(now: Date, everyMinutes: number): Date {
  return new Date(now.getTime() + Math.min(everyMinutes, RETRY_MINUTES) * MINUTE);
}

/** Until when a claim holds: past this, the job counts as abandoned (its instance died). */
export function leaseEnd(now: Date, leaseMinutes = DEFAULT_LEASE_MINUTES): Date {
  return new Date(now.getTime() + leaseMinutes * MINUTE);
}
