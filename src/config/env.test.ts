import { describe, expect, it } from "vitest";
import { ConfigError, loadEnv } from "./env.js";
import { parseTenant } from "./tenant.js";

describe("loadEnv", () => {
  it("has working defaults", () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: undefined,
      logLevel: "info",
      logFormat: "auto",
    });
    expect(env.dataDir).toMatch(/var$/);
  });

  it.each([
    ["PORT", { PORT: "abc" }],
    ["PORT", { PORT: "70000" }],
    ["DATABASE_URL", { DATABASE_URL: "mysql://x@y/z" }],
    ["DATABASE_URL", { DATABASE_URL: "niet een url" }],
    ["LOG_LEVEL", { LOG_LEVEL: "luid" }],
    ["LOG_FORMAT", { LOG_FORMAT: "xml" }],
    ["SESSION_SECRET", { SESSION_SECRET: "kort" }],
    ["TRUST_PROXY", { TRUST_PROXY: "misschien" }],
    ["DB_WAIT_LIMIT_MS", { DB_WAIT_LIMIT_MS: "0" }],
    ["DB_WAIT_LIMIT_MS", { DB_WAIT_LIMIT_MS: "5s" }],
    ["DB_WAIT_LIMIT_MS", { DB_WAIT_LIMIT_MS: "600001" }],
    ["SESSION_IDLE_MINUTES", { SESSION_IDLE_MINUTES: "0" }],
    ["SESSION_IDLE_MINUTES", { SESSION_IDLE_MINUTES: "half uur" }],
    ["SESSION_MAX_HOURS", { SESSION_MAX_HOURS: "721" }],
    ["SESSION_MAX_HOURS", { SESSION_MAX_HOURS: "1.5" }],
  ])("stops with a message naming %s", (variable, env) => {
    expect(() => loadEnv(env)).toThrow(ConfigError);
    expect(() => loadEnv(env)).toThrow(new RegExp(`^Ongeldige configuratie: ${variable} `));
  });

  it("waits at most 5 seconds for the database unless DB_WAIT_LIMIT_MS says otherwise", () => {
    expect(loadEnv({}).dbWaitLimitMs).toBe(5000);
    expect(loadEnv({ DB_WAIT_LIMIT_MS: "250" }).dbWaitLimitMs).toBe(250);
  });

  it("ends sessions after 30 idle minutes and 12 hours unless SESSION_IDLE_MINUTES and SESSION_MAX_HOURS say otherwise", () => {
    expect(loadEnv({})).toMatchObject({ sessionIdleMinutes: 30, sessionMaxHours: 12 });
    expect(loadEnv({ SESSION_IDLE_MINUTES: "15", SESSION_MAX_HOURS: "8" })).toMatchObject({
      sessionIdleMinutes: 15,
      sessionMaxHours: 8,
    });
  });

  it("accepts a PostgreSQL URL", () => {
    expect(loadEnv({ DATABASE_URL: "postgres://postgres@127.0.0.1:5432/test" }).databaseUrl).toBe(
      "postgres://postgres@127.0.0.1:5432/test",
    );
  });
});

describe("parseTenant", () => {
  const valid = {
    municipality: { code: "GM0356", name: "Nieuwegein" },
    dataSet: "data/nieuwegein",
    theme: { package: "p", stylesheet: "dist/theme.css", className: "voorbeeld-theme" },
    contact: { name: "n", url: "https://example.org", email: "a@b.nl" },
  };

  it("accepts a complete configuration", () => {
    expect(parseTenant(valid).municipality.code).toBe("GM0356");
  });

  it("rejects a municipality code that is not a CBS code", () => {
    expect(() => parseTenant({ ...valid, municipality: { code: "0356", name: "x" } })).toThrow(
      /CBS-gemeentecode/,
    );
  });
});
