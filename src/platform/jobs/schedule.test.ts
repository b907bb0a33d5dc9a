import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { leaseEnd, nextRunAfter, RETRY_MINUTES, retryAfterFailure } from "./schedule.js";

const MINUTE = 60_000;
const instant = fc.integer({ min: 0, max: 4_000_000_000_000 });
const every = fc.integer({ min: 1, max: 60 * 24 * 31 });
const late = fc.integer({ min: 0, max: 400 * 24 * 60 * MINUTE });

describe("nextRunAfter", () => {
  it("is the first time on the job's grid after now, at most one interval ahead", () => {
    fc.assert(
      fc.property(instant, late, every, (due, lateBy, minutes) => {
        const now = due + lateBy;
        const next = nextRunAfter(new Date(due), new Date(now), minutes).getTime();
        expect(next).toBeGreaterThan(now);
        expect(next).toBeLessThanOrEqual(now + minutes * MINUTE);
        expect((next - due) % (minutes * MINUTE)).toBe(0);
      }),
    );
  });

  it("runs a job missed during downtime once, then keeps its hour", () => {
    const due = new Date("2026-03-01T02:00:00Z");
    const afterThreeDaysDown = new Date("2026-03-04T09:30:00Z");
    expect(nextRunAfter(due, afterThreeDaysDown, 24 * 60).toISOString()).toBe(
      "2026-03-05T02:00:00.000Z",
    );
    expect(nextRunAfter(due, due, 60).toISOString()).toBe("2026-03-01T03:00:00.000Z");
  });
});

describe("retryAfterFailure and leaseEnd", () => {
  it("tries a failed job again within its interval and within the retry time", () => {
    fc.assert(
      fc.property(instant, every, (now, minutes) => {
        const wait = retryAfterFailure(new Date(now), minutes).getTime() - now;
        expect(wait).toBeGreaterThan(0);
        expect(wait).toBeLessThanOrEqual(Math.min(minutes, RETRY_MINUTES) * MINUTE);
      }),
    );
  });

  it("holds a claim for the lease, ten minutes unless the job says", () => {
    const now = new Date("2026-03-01T02:00:00Z");
    expect(leaseEnd(now).toISOString()).toBe("2026-03-01T02:10:00.000Z");
    expect(leaseEnd(now, 30).toISOString()).toBe("2026-03-01T02:30:00.000Z");
  });
});
