import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  afterFailedAttempt,
  FIRST_RETRY_MINUTES,
  MAX_ATTEMPTS,
  MAX_RETRY_MINUTES,
  retryDelayMinutes,
} from "./backoff.js";

const attempts = fc.integer({ min: 1, max: 10_000 });
const instant = fc.integer({ min: 0, max: 4_000_000_000_000 }).map((ms) => new Date(ms));

describe("retryDelayMinutes", () => {
  it("starts at one minute and doubles: 1, 2, 4 … up to an hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(retryDelayMinutes)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    expect(retryDelayMinutes(1)).toBe(FIRST_RETRY_MINUTES);
  });

  it("grows with every failure, never past the cap", () => {
    fc.assert(
      fc.property(attempts, (n) => {
        const delay = retryDelayMinutes(n);
        expect(delay).toBeGreaterThanOrEqual(FIRST_RETRY_MINUTES);
        expect(delay).toBeLessThanOrEqual(MAX_RETRY_MINUTES);
        expect(retryDelayMinutes(n + 1)).toBeGreaterThanOrEqual(delay);
        // Below the cap it doubles; at the cap it stays.
        expect(retryDelayMinutes(n + 1)).toBe(Math.min(2 * delay, MAX_RETRY_MINUTES));
      }),
    );
  });
});

describe("afterFailedAttempt", () => {
  it("waits the delay while attempts remain, and gives up at the last", () => {
    fc.assert(
      fc.property(attempts, instant, (n, now) => {
        const next = afterFailedAttempt(n, now);
        if (n >= MAX_ATTEMPTS) {
          expect(next).toEqual({ status: "failed" });
        } else {
          expect(next.status).toBe("pending");
          if (next.status === "pending")
            expect(next.nextAttemptAt.getTime() - now.getTime()).toBe(
              retryDelayMinutes(n) * 60_000,
            );
        }
      }),
    );
  });

  it("keeps trying for hours before giving up, so a mail server that is down loses nothing", () => {
    let minutes = 0;
    for (let n = 1; n < MAX_ATTEMPTS; n++) minutes += retryDelayMinutes(n);
    expect(minutes).toBeGreaterThanOrEqual(5 * 60);
  });
});
