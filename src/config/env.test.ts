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
    ["SMTP_URL", { SMTP_URL: "mail.gemeente.nl" }],
    ["SMTP_URL", { SMTP_URL: "http://mail.gemeente.nl" }],
    ["MAIL_FROM", { MAIL_FROM: "Samenkracht" }],
    ["MAIL_FROM", { MAIL_FROM: "Samenkracht <noreply>" }],
    ["PUBLIC_URL", { PUBLIC_URL: "samenkracht.gemeente.nl" }],
    ["PUBLIC_URL", { PUBLIC_URL: "ftp://samenkracht.gemeente.nl" }],
    ["PUBLIC_URL", { PUBLIC_URL: "https://samenkracht.gemeente.nl/?x=1" }],
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

  it("sends e-mail only to the log unless SMTP_URL names a server, from MAIL_FROM, with links to PUBLIC_URL", () => {
    expect(loadEnv({})).toMatchObject({
      smtpUrl: undefined,
      mailFrom: "Samenkracht <noreply@localhost>",
      publicUrl: "http://127.0.0.1:3000",
    });
    expect(loadEnv({ PORT: "8080" }).publicUrl).toBe("http://127.0.0.1:8080");
    expect(
      loadEnv({
        SMTP_URL: "smtps://samenkracht:geheim@mail.gemeente.nl:465",
        MAIL_FROM: "Gemeente Nieuwegein <samenkracht@nieuwegein.nl>",
        PUBLIC_URL: "https://www.nieuwegein.nl/samenkracht/",
      }),
    ).toMatchObject({
      smtpUrl: "smtps://samenkracht:geheim@mail.gemeente.nl:465",
      mailFrom: "Gemeente Nieuwegein <samenkracht@nieuwegein.nl>",
      publicUrl: "https://www.nieuwegein.nl/samenkracht",
    });
    expect(loadEnv({ SMTP_URL: "smtp://127.0.0.1:2525" }).smtpUrl).toBe("smtp://127.0.0.1:2525");
  });

  it("never repeats the SMTP_URL in its message: it may hold a password", () => {
    expect(() => loadEnv({ SMTP_URL: "imap://jan:geheim@mail.gemeente.nl" })).toThrow(
      /^Ongeldige configuratie: SMTP_URL moet met smtp:\/\/ of smtps:\/\/ beginnen \(nu "imap:"\)\.$/,
    );
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
