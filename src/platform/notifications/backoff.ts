/**
 * When a failed e-mail is tried again: 1 minute after the first failure, then twice as long each
 * time up to an hour; after MAX_ATTEMPTS attempts (about six hours of trying) it is given up as
 * failed and shown to a beheerder at /beheer/e-mail. A mail server that is down for a while
 * thus loses nothing, and one that refuses a message is not asked again forever.
 */

export const MAX_ATTEMPTS = 12;
export const FIRST_RETRY_MINUTES = 1;
export const MAX_RETRY_MINUTES = 60;

/** Minutes to wait after `attempts` failed attempts (1 or more). */
export function retryDelayMinutes(attempts: number): number {
  const doublings = Math.max(0, Math.min(attempts - 1, 30));
  return Math.min(MAX_RETRY_MINUTES, FIRST_RETRY_MINUTES * 2 ** doublings);
}

export type AfterFailure = { status: "pending"; nextAttemptAt: Date } | { status: "failed" };

/** What becomes of a message after its `attempts`-th attempt failed at `now`. */
export function afterFailedAttempt(attempts: number, now: Date): AfterFailure {
  if (attempts >= MAX_ATTEMPTS) return { status: "failed" };
  return {
    status: "pending",
    nextAttemptAt: new Date(now.getTime() + retryDelayMinutes(attempts) * 60_000),
  };
}
