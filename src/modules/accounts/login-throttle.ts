/**
 * Login throttling as a pure rule: a growing delay, never a hard lock, so an attacker can slow a
 * real user down but never lock them out for longer than MAX_DELAY_SECONDS.
 * Counted per account (the name typed, known or not, so the answer reveals nothing) and per client
 * address; the address allows more failures because an office or a library shares one address.
 */
export const FREE_FAILURES = { account: 5, address: 20 } as const;
/** The first delay after the free failures; it doubles with every further failure. */
export const FIRST_DELAY_SECONDS = 30;
export const MAX_DELAY_SECONDS = 15 * 60;
/** Failures older than this are forgotten: a user who mistyped yesterday starts fresh. */
export const FORGET_AFTER_MS = 24 * 3600_000;

export interface FailureRecord {
  failures: number;
  lastFailureAt: Date;
}

/** Seconds to wait after the last failure, given the number of failures so far. */
export function delayAfter(failures: number, free: number): number {
  if (failures < free) return 0;
  const doublings = Math.min(failures - free, 20);
  return Math.min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** doublings);
}

/** Whole seconds until the next attempt may be checked; 0 when it may be checked now. */
export function secondsToWait(record: FailureRecord | undefined, free: number, now: Date): number {
  if (!record) return 0;
  const since = now.getTime() - record.lastFailureAt.getTime();
  if (since >= FORGET_AFTER_MS) return 0;
  const remaining = delayAfter(record.failures, free) * 1000 - since;
  return remaining > 0 ? Math.ceil(remaining / 1000) : 0;
}

export const accountKey = (username: string) => `gebruiker:${username.trim().toLowerCase()}`;
export const addressKey = (address: string) => `adres:${address}`;
