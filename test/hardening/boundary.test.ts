import { describe, expect, it } from "vitest";
import { countAuditEntries } from "../../src/modules/audit/index.js";
import { WRITE_METHODS } from "../../src/platform/access.js";
import { routeCatalog } from "../../src/platform/route-catalog.js";
import { formSession, secondInstance, useTestApp } from "../helpers/app.js";

const t = useTestApp(["beleidsmedewerker", "inwoner"]);

/** Every write route of the running app, read from its route catalogue (later routes count too). */
const writeRoutes = () => routeCatalog(t.app).filter((r) => WRITE_METHODS.has(r.method));

const concrete = (url: string) =>
  url.replaceAll(/:[A-Za-z]+/g, "00000000-0000-4000-8000-000000000000");

describe("authorisation before the body", () => {
  it("answers 401 to an anonymous write with an empty, {} or 20 MB body on every non-public route", async () => {
    const routes = writeRoutes().filter((r) => !["/inloggen", "/uitloggen"].includes(r.url));
    expect(routes.length).toBeGreaterThan(20);
    const before = await countAuditEntries(t.database.db);
    const huge = "x".repeat(20 * 1024 * 1024);
    for (const route of routes) {
      for (const [type, payload] of [
        ["application/json", ""],
        ["application/json", "{}"],
        ["application/x-www-form-urlencoded", "a=b"],
      ] as const) {
        const res = await t.app.inject({
          method: route.method as "POST",
          url: concrete(route.url),
          headers: { "content-type": type },
          payload,
        });
        expect(res.statusCode, `${route.method} ${route.url} ${payload}`).toBe(401);
      }
    }
    const big = await t.app.inject({
      method: "POST",
      url: "/api/v1/metingen/import",
      headers: { "content-type": "text/csv" },
      payload: huge,
    });
    expect(big.statusCode).toBe(401);
    expect(big.json().detail).toMatch(/ingelogd/);
    expect(await countAuditEntries(t.database.db)).toBe(before);
  });

  it("answers 403 to a wrong role whatever the body, and 413 beyond the body limit when allowed", async () => {
    const wrongRole = await t.app.inject({
      method: "POST",
      url: "/api/v1/metingen/import",
      headers: { cookie: t.cookie("inwoner"), "content-type": "text/csv" },
      payload: "x".repeat(1024 * 1024),
    });
    expect(wrongRole.statusCode).toBe(403);
    const tooBig = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/gebieden/WK035601",
      headers: { cookie: t.cookie("beleidsmedewerker"), "content-type": "application/json" },
      payload: JSON.stringify({ naam: "x".repeat(200 * 1024) }),
    });
    expect(tooBig.statusCode).toBe(413);
  });

  it("stops the start when a write route has no guard and is not on the public list", async () => {
    await expect(
      secondInstance(t, {
        extraRoutes: (app) => {
          app.post("/api/v1/onbewaakt", async () => ({}));
        },
      }),
    ).rejects.toThrow(/Schrijfroute POST \/api\/v1\/onbewaakt heeft geen autorisatie/);
  });
});

describe("one input boundary", () => {
  it.each([
    ["/api/v1/zoeken?q=%00", "q"],
    ["/api/v1/gebieden?niveau=%01wijk", "niveau"],
  ])("refuses a control character in %s, naming the field", async (url, field) => {
    const res = await t.app.inject({ url });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toMatch(/problem\+json/);
    expect(res.json().detail).toContain(`${field}: bevat een niet toegestaan stuurteken`);
  });

  it("refuses NUL in a page path with an HTML error page", async () => {
    const res = await t.app.inject({ url: "/beleid/%00" });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toMatch(/text\/html/);
    expect(res.body).toContain("stuurteken");
  });

  it("refuses NUL in a JSON body field, naming it, and changes nothing", async () => {
    const before = await countAuditEntries(t.database.db);
    const res = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/gebieden/WK035601",
      headers: { cookie: t.cookie("beleidsmedewerker"), "content-type": "application/json" },
      payload: JSON.stringify({ naam: "Jutphaas\u0000" }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().invalidParams).toEqual([
      {
        name: "naam",
        reason: expect.stringMatching(/^naam: bevat een niet toegestaan stuurteken/),
      },
    ]);
    expect(await countAuditEntries(t.database.db)).toBe(before);
  });

  it.each(["/api/v1/gebieden/%E0%A4%A", "/beleid/%E0%A4%A", "/gebieden/%"])(
    "answers a malformed URL %s with a Dutch 400 and the normal security headers",
    async (url) => {
      const res = await t.app.inject({ url });
      expect(res.statusCode).toBe(400);
      expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      if (url.startsWith("/api/")) {
        expect(res.json()).toMatchObject({ status: 400, title: "Ongeldig adres" });
      } else {
        expect(res.headers["content-type"]).toMatch(/text\/html/);
        expect(res.body).toContain("ongeldige tekenreeks");
      }
    },
  );
});

describe("public writes", () => {
  it("logs in with an unusable terug and lands on /", async () => {
    for (const terug of ["/€", "//elders.example", "https://elders.example/", "/a\\b"]) {
      const { token, cookie } = await formSession(t.app, "/inloggen");
      const username = `terug-${Math.random().toString(36).slice(2, 8)}`;
      await t.sessionFor("beleidsmedewerker");
      const { createAccount } = await import("../../src/modules/accounts/index.js");
      const { systemActor } = await import("../../src/platform/actor.js");
      await createAccount(t.database.db, systemActor("GM0356"), {
        username,
        displayName: "Terug Test",
        role: "beleidsmedewerker",
        password: "een-lang-genoeg-wachtwoord",
      });
      const res = await t.app.inject({
        method: "POST",
        url: "/inloggen",
        remoteAddress: "10.9.9.9",
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams({
          _csrf: token,
          gebruikersnaam: username,
          wachtwoord: "een-lang-genoeg-wachtwoord",
          terug,
        }).toString(),
      });
      expect(res.statusCode, terug).toBe(303);
      expect(res.headers.location).toBe("/");
    }
  });

  it("counts public writes in the database, so two instances share one limit", async () => {
    const second = await secondInstance(t);
    try {
      const statuses: number[] = [];
      let last: Awaited<ReturnType<typeof t.app.inject>> | undefined;
      // POST /uitloggen allows 30 a minute per address (public-writes.ts), whichever instance answers.
      for (let i = 0; i < 32; i++) {
        const app = i % 2 === 0 ? t.app : second;
        last = await app.inject({ method: "POST", url: "/uitloggen", remoteAddress: "10.7.7.7" });
        statuses.push(last.statusCode);
      }
      expect(statuses.slice(0, 30).filter((s) => s === 429)).toEqual([]);
      expect(statuses.slice(30)).toEqual([429, 429]);
      expect(Number(last?.headers["retry-after"])).toBeGreaterThan(0);
      expect(last?.body).toMatch(/Probeer het over \d+ (minuten|seconden) opnieuw/);
    } finally {
      await second.close();
    }
  });
});
