import { describe, expect, it } from "vitest";
import { databaseBusy, fromDatabaseError } from "./db-errors.js";

/** As Drizzle throws it: a DrizzleQueryError with the driver's error as `cause`. */
const wrapped = (code: string, constraint?: string) =>
  new Error("Failed query: insert into ...", {
    cause: Object.assign(new Error("duplicate key"), { code, constraint }),
  });

describe("fromDatabaseError", () => {
  it("maps a unique violation, also when wrapped, to 409 with a Dutch message per constraint", () => {
    const e = fromDatabaseError(wrapped("23505", "measurements_period_unique"));
    expect(e?.status).toBe(409);
    expect(e?.detail).toMatch(/al een meting opgeslagen/);
    expect(fromDatabaseError(wrapped("23505", "iets_anders"))?.detail).toMatch(/bestaat al/);
    expect(fromDatabaseError({ code: "23505" })?.status).toBe(409);
  });

  it("maps serialization failures and deadlocks to 409 'probeer het opnieuw'", () => {
    for (const code of ["40001", "40P01"]) {
      const e = fromDatabaseError(wrapped(code));
      expect(e?.status).toBe(409);
      expect(e?.detail).toMatch(/probeer het opnieuw/i);
    }
  });

  it("maps a lock or connection wait beyond DB_WAIT_LIMIT_MS on PostgreSQL to 503 with Retry-After", () => {
    const lock = fromDatabaseError(wrapped("55P03"));
    expect(lock?.status).toBe(503);
    expect(lock?.headers).toEqual({ "Retry-After": "1" });
    const pool = fromDatabaseError(new Error("timeout exceeded when trying to connect"));
    expect(pool?.status).toBe(503);
  });

  it("leaves every other error alone", () => {
    expect(fromDatabaseError(wrapped("23503"))).toBeUndefined();
    expect(fromDatabaseError(new Error("x"))).toBeUndefined();
    expect(fromDatabaseError(Object.assign(new Error("x"), { code: "EPIPE" }))).toBeUndefined();
    expect(fromDatabaseError(undefined)).toBeUndefined();
  });
});

describe("databaseBusy", () => {
  it("is a 503 with Retry-After in whole seconds, at least 1", () => {
    expect(databaseBusy(0.2).headers).toEqual({ "Retry-After": "1" });
    expect(databaseBusy(4.5).headers).toEqual({ "Retry-After": "5" });
    expect(databaseBusy(5).status).toBe(503);
  });
});
