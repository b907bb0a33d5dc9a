import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/helpers/app.js";
import { countAuditEntries } from "../audit/index.js";

const t = useTestApp();

interface Gebied {
  code: string;
  naam: string;
  niveau: string;
  ouder: { code: string; niveau: string } | null;
  ouderIsAanname: boolean;
  genoemdInBeleid: boolean;
  inwoners: { jaar: number; aantal: number } | null;
}

const wijkState = async () => (await t.app.inject({ url: "/api/v1/gebieden/WK035608" })).json();

describe("GET /api/v1/gebieden", () => {
  it("returns the 22 CBS wijken with code, gebied and 2024 population, 16 marked as named in policy", async () => {
    const res = await t.app.inject({ url: "/api/v1/gebieden?niveau=wijk" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["api-version"]).toBe("1.0.0");
    const { gebieden, paginering } = res.json() as {
      gebieden: Gebied[];
      paginering: { totaal: number };
    };
    expect(gebieden).toHaveLength(22);
    expect(paginering.totaal).toBe(22);
    expect(gebieden.every((g) => /^WK0356\d{2}$/.test(g.code))).toBe(true);
    expect(gebieden.every((g) => g.ouder?.niveau === "gebied" && g.ouderIsAanname)).toBe(true);
    expect(gebieden.filter((g) => g.genoemdInBeleid)).toHaveLength(16);
    expect(gebieden.every((g) => g.inwoners?.jaar === 2024)).toBe(true);
    expect(gebieden.reduce((s, g) => s + (g.inwoners?.aantal ?? 0), 0)).toBe(65_965);
  });

  it("lists the 5 gebieden with populations summed from their wijken", async () => {
    const { gebieden } = (await t.app.inject({ url: "/api/v1/gebieden?niveau=gebied" })).json() as {
      gebieden: Gebied[];
    };
    expect(gebieden.map((g) => g.naam)).toEqual([
      "Noord",
      "JWZ",
      "Zuid",
      "Doorslag & Centrum",
      "Batau",
    ]);
    expect(gebieden.reduce((s, g) => s + (g.inwoners?.aantal ?? 0), 0)).toBe(65_965);
  });

  it("pages through the results", async () => {
    const res = await t.app.inject({
      url: "/api/v1/gebieden?niveau=wijk&pagina=3&paginaGrootte=10",
    });
    const body = res.json() as { gebieden: Gebied[]; paginering: { aantalPaginas: number } };
    expect(body.gebieden).toHaveLength(2);
    expect(body.paginering.aantalPaginas).toBe(3);
  });

  it("answers an unknown niveau with 400 and a Dutch problem", async () => {
    const res = await t.app.inject({ url: "/api/v1/gebieden?niveau=provincie" });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 400, title: "Ongeldige invoer" });
    expect(res.json().detail).toMatch(
      /niveau: moet een van deze waarden zijn: gemeente, gebied, wijk, buurt/,
    );
  });
});

describe("GET /api/v1/gebieden/{code}", () => {
  it("finds an area by its code in any case", async () => {
    const res = await t.app.inject({ url: "/api/v1/gebieden/wk035601" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: "WK035601" });
  });

  it("gives the municipality with its children, population by year and projection", async () => {
    const body = (await t.app.inject({ url: "/api/v1/gebieden/GM0356" })).json();
    expect(body).toMatchObject({
      code: "GM0356",
      naam: "Nieuwegein",
      niveau: "gemeente",
      ouder: null,
    });
    expect(body.kinderen).toHaveLength(5);
    expect(body.inwonersPerJaar).toEqual([
      expect.objectContaining({ jaar: 2024, aantal: 65_971, afgeleid: false }),
    ]);
    expect(
      body.prognoses.map((p: { doeljaar: number; groei: number }) => [p.doeljaar, p.groei]),
    ).toEqual([
      [2030, 5050],
      [2040, 10_500],
    ]);
  });

  it("gives a wijk with its ancestors", async () => {
    const body = await wijkState();
    expect(body.voorouders.map((a: { niveau: string }) => a.niveau)).toEqual([
      "gemeente",
      "gebied",
    ]);
    expect(body.inwonersPerJaar[0]).toMatchObject({ jaar: 2024, aantal: 8130 });
  });

  it("answers an unknown code with 404 problem+json", async () => {
    const res = await t.app.inject({ url: "/api/v1/gebieden/WK999999" });
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toMatch(/geen gebied met code/);
  });
});

describe("PATCH /api/v1/gebieden/{code}", () => {
  const patch = (body: unknown, cookie?: string, contentType = "application/json") =>
    t.app.inject({
      method: "PATCH",
      url: "/api/v1/gebieden/WK035608",
      headers: { "content-type": contentType, ...(cookie ? { cookie } : {}) },
      payload: typeof body === "string" ? body : JSON.stringify(body),
    });

  it("refuses without a session (401), for a partner (403) and bad input (400), changing nothing", async () => {
    const before = await wijkState();
    const auditBefore = await countAuditEntries(t.database.db);
    const partner = await t.sessionFor("partner");
    const staff = await t.sessionFor("beleidsmedewerker");

    const anonymous = await patch({ gebied: "GB035603" });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().detail).toMatch(/ingelogd/);

    const forbidden = await patch({ gebied: "GB035603" }, partner);
    expect(forbidden.statusCode).toBe(403);

    const unknownGebied = await patch({ gebied: "GB999999" }, staff);
    expect(unknownGebied.statusCode).toBe(400);
    expect(unknownGebied.json().detail).toMatch(/geen gebied van deze gemeente/);

    const missingField = await patch({}, staff);
    expect(missingField.statusCode).toBe(400);
    expect(missingField.json().detail).toMatch(/gebied: verplicht/);

    const extraField = await patch({ gebied: "GB035603", naam: "x" }, staff);
    expect(extraField.statusCode).toBe(400);

    const notJson = await patch("{kapot", staff);
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().detail).toMatch(/geen geldige JSON/);

    const formPost = await patch("gebied=GB035603", staff, "application/x-www-form-urlencoded");
    expect(formPost.statusCode).toBe(415);

    expect(await wijkState()).toEqual(before);
    // The partner and staff accounts were made by the test itself: two audit entries, nothing else.
    expect(await countAuditEntries(t.database.db)).toBe(auditBefore + 2);
  });

  it("lets a beleidsmedewerker move a wijk, no longer an assumption, with an audit entry", async () => {
    const staff = await t.sessionFor("beleidsmedewerker");
    const res = await patch(
      { gebied: "GB035602", toelichting: "Besloten in het wijkoverleg" },
      staff,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ouder: { code: "GB035602" }, ouderIsAanname: false });
    const audit = await t.database.db.query.auditEntries.findFirst({
      where: (a, { and, eq }) => and(eq(a.entityId, "WK035608"), eq(a.action, "update")),
    });
    expect(audit).toMatchObject({
      entityType: "gebied",
      before: { ouder: "GB035601", ouderIsAanname: true },
      after: {
        ouder: "GB035602",
        ouderIsAanname: false,
        toelichting: "Besloten in het wijkoverleg",
      },
    });
    expect(audit?.actorName).toMatch(/^test-beleidsmedewerker/);
  });
});
