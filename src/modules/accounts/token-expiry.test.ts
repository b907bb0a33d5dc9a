import { describe, expect, it } from "vitest";
import {
  addToDate,
  expiryChoices,
  isCalendarDate,
  localDate,
  startOfLocalDay,
} from "./token-expiry.js";
import { bearerTokenOf } from "./token-service.js";

describe("token expiry dates", () => {
  it("starts a day at local midnight in summer and in winter time", () => {
    expect(startOfLocalDay("2026-07-01").toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(startOfLocalDay("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    // The days the clocks change: midnight is before the change in both cases.
    expect(startOfLocalDay("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfLocalDay("2026-10-25").toISOString()).toBe("2026-10-24T22:00:00.000Z");
  });

  it("takes today from the municipality's clock, not UTC", () => {
    expect(localDate(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(localDate(new Date("2026-01-14T22:30:00Z"))).toBe("2026-01-14");
  });

  it("offers tomorrow to two years ahead, 90 days by default", () => {
    expect(expiryChoices(new Date("2026-02-10T12:00:00Z"))).toEqual({
      earliest: "2026-02-11",
      standard: "2026-05-11",
      latest: "2028-02-10",
    });
    expect(addToDate("2028-02-29", { years: 2 })).toBe("2030-03-01");
  });

  it("accepts only days that exist", () => {
    expect(isCalendarDate("2026-02-28")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2026-2-28")).toBe(false);
    expect(isCalendarDate("28-02-2026")).toBe(false);
  });
});

describe("reading the bearer token", () => {
  it("takes the Bearer scheme on API routes only, also when empty or malformed", () => {
    expect(bearerTokenOf("/api/v1/gebieden", "Bearer sk_abc")).toBe("sk_abc");
    expect(bearerTokenOf("/api/v1/gebieden", "bearer   sk_abc ")).toBe("sk_abc");
    expect(bearerTokenOf("/api/v1/gebieden", "Bearer")).toBe("");
    expect(bearerTokenOf("/api/v1/gebieden", "Basic dXNlcjpwdw==")).toBeUndefined();
    expect(bearerTokenOf("/api/v1/gebieden", undefined)).toBeUndefined();
    expect(bearerTokenOf("/beheer/tokens", "Bearer sk_abc")).toBeUndefined();
  });
});
