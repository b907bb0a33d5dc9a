import { describe, expect, it } from "vitest";
import { formPost, formSession, jsonRequest, useTestApp } from "../../../test/helpers/app.js";
import { countAuditEntries } from "../audit/index.js";

const t = useTestApp();

interface Activiteit {
  id: string;
  onderdeel: string;
  jaar: number;
  status: string;
  realisatie: string | null;
  toelichting: string | null;
}
const activities = async (query: string) =>
  (
    (await t.app.inject({ url: `/api/v1/activiteiten?${query}` })).json() as {
      activiteiten: Activiteit[];
    }
  ).activiteiten;

describe("policy API", () => {
  it("returns the 60 activities of the Begroting 2020 with the per-programme counts", async () => {
    const list = await activities("jaar=2020&document=begroting-2020");
    expect(list).toHaveLength(60);
    const counts: Record<string, number> = {};
    for (const a of list) counts[a.onderdeel] = (counts[a.onderdeel] ?? 0) + 1;
    expect(counts).toEqual({
      "gezond-stedelijk-leven": 11,
      "brede-toegang": 13,
      "iedereen-doet-mee": 11,
      geldwijs: 7,
      "kansen-voor-jeugd": 15,
      woonwijs: 3,
    });
  });

  it("filters by section and status", async () => {
    const delayed = await activities(
      "document=begroting-2020&onderdeel=iedereen-doet-mee&status=vertraagd",
    );
    expect(delayed).toHaveLength(2);
    expect(delayed.every((a) => a.realisatie && a.toelichting)).toBe(true);
    const bad = await t.app.inject({ url: "/api/v1/activiteiten?status=misschien" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/status: moet een van deze waarden zijn/);
    expect(
      (await t.app.inject({ url: "/api/v1/activiteiten?document=bestaat-niet" })).statusCode,
    ).toBe(404);
  });

  it("lists documents and exports a whole document as JSON and CSV", async () => {
    const docs = (await t.app.inject({ url: "/api/v1/beleidsdocumenten" })).json()
      .beleidsdocumenten as { code: string }[];
    expect(docs.map((d) => d.code).sort()).toEqual([
      "begroting-2020",
      "beleidskader-2025-2030",
      "jaarstukken-2020",
      "meerjarenopgave-welzijn-2021-2024",
    ]);
    const framework = (
      await t.app.inject({ url: "/api/v1/beleidsdocumenten/beleidskader-2025-2030" })
    ).json();
    expect(
      framework.onderdelen.filter((s: { soort: string }) => s.soort === "pijler"),
    ).toHaveLength(4);
    const csv = await t.app.inject({
      url: "/api/v1/beleidsdocumenten/begroting-2020/activiteiten.csv",
    });
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.body.trim().split("\r\n")).toHaveLength(61);
  });

  it("lists goals by level", async () => {
    const res = await t.app.inject({
      url: "/api/v1/doelen?document=beleidskader-2025-2030&niveau=maatschappelijk_effect",
    });
    expect(res.json().doelen.map((g: { tekst: string }) => g.tekst)).toEqual([
      "het behouden en versterken van gemeenschapszin",
      "gelijke kansen op bestaanszekerheid",
      "zorgen voor toekomstbestendige zorg en ondersteuning",
    ]);
  });

  it("finds 'eenzaamheid' in at least three documents, ranked, with highlighted snippets", async () => {
    const res = (await t.app.inject({ url: "/api/v1/zoeken?q=eenzaamheid" })).json();
    const documents = new Set(res.resultaten.map((r: { document: string }) => r.document));
    expect(documents.size).toBeGreaterThanOrEqual(3);
    expect(res.resultaten[0].fragment).toMatch(/<mark>[Ee]enzaam/);
    const scores = res.resultaten.map((r: { score: number }) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});

describe("changing an activity's status", () => {
  const target = async () =>
    (await activities("document=begroting-2020&onderdeel=geldwijs&jaar=2020"))[0] as Activiteit;
  const patch = (id: string, body: unknown, cookie?: string) =>
    jsonRequest(t.app, "PATCH", `/api/v1/activiteiten/${id}/jaren/2020`, body, cookie);

  it("refuses a partner (403), an anonymous caller (401) and vertraagd without explanation (400), changing nothing", async () => {
    const a = await target();
    const audit = await countAuditEntries(t.database.db);
    const partner = await t.sessionFor("partner");
    const staff = await t.sessionFor("beleidsmedewerker");
    expect((await patch(a.id, { status: "vertraagd", toelichting: "x" })).statusCode).toBe(401);
    expect((await patch(a.id, { status: "vertraagd", toelichting: "x" }, partner)).statusCode).toBe(
      403,
    );
    const missing = await patch(a.id, { status: "vertraagd" }, staff);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().detail).toContain('Bij de status "vertraagd" hoort een toelichting');
    expect((await target()).status).toBe("gepland");
    expect(await countAuditEntries(t.database.db)).toBe(audit + 2);
  });

  it("lets a beleidsmedewerker set vertraagd with an explanation; history and audit show it", async () => {
    const a = await target();
    const staff = await t.sessionFor("beleidsmedewerker");
    const res = await patch(
      a.id,
      { status: "vertraagd", toelichting: "Wachten op het landelijke besluit." },
      staff,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: "vertraagd",
      toelichting: "Wachten op het landelijke besluit.",
    });
    const page = await t.app.inject({ url: `/activiteiten/${a.id}` });
    expect(page.body).toContain("Statusgeschiedenis");
    expect(page.body).toContain("Wachten op het landelijke besluit.");
    // The public page names the role; the person is only in the audit trail (below).
    expect(page.body).toContain("Gemeente (beleidsmedewerker)");
    expect(page.body).not.toMatch(/test-beleidsmedewerker-\d+/);
    const audit = await t.database.db.query.auditEntries.findFirst({
      where: (e, { eq }) => eq(e.entityId, `${a.id}/2020`),
    });
    expect(audit).toMatchObject({
      action: "update",
      before: { status: "gepland" },
      after: { status: "vertraagd" },
    });
  });

  it("works through the form with an error summary when the explanation is missing", async () => {
    const a = (
      await activities("document=begroting-2020&onderdeel=woonwijs&jaar=2020")
    )[0] as Activiteit;
    const staff = await t.sessionFor("beleidsmedewerker");
    const { token, cookie } = await formSession(t.app, `/activiteiten/${a.id}`, staff);
    const post = (fields: Record<string, string>) =>
      formPost(t.app, `/activiteiten/${a.id}/status`, cookie, {
        _csrf: token,
        jaar: "2020",
        ...fields,
      });
    const refused = await post({ status: "niet_uitgevoerd" });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("Er is iets niet goed ingevuld");
    expect(refused.body).toContain('href="#veld-toelichting"');
    const ok = await post({
      status: "niet_uitgevoerd",
      toelichting: "Geschrapt bij de voorjaarsnota.",
    });
    expect(ok.statusCode).toBe(303);
  });
});

describe("policy pages", () => {
  it("shows the annual report: 11 activities with plan, realisation and status, and a summary that adds up", async () => {
    const res = await t.app.inject({ url: "/beleid/jaarstukken-2020/jaarverslag" });
    expect(res.statusCode).toBe(200);
    expect(res.body.match(/Wat wilden we daarvoor doen\?/g)).toHaveLength(11);
    expect(res.body.match(/Wat hebben we daarvoor gedaan\?/g)).toHaveLength(11);
    const summary =
      res.body.split('class="utrecht-table sk-summary"')[1]?.split("</table>")[0] ?? "";
    const counts = [...summary.matchAll(/sk-numeric">(\d+)<\/td>/g)].map((m) => Number(m[1]));
    expect(counts.at(-1)).toBe(11);
    expect(counts.slice(0, -1).reduce((s, n) => s + n, 0)).toBe(11);
  });

  it("shows the four pillars of the framework and the programme's three questions", async () => {
    const framework = await t.app.inject({ url: "/beleid/beleidskader-2025-2030" });
    expect(framework.body.match(/Pijler \d\. /g)).toHaveLength(4);
    const programme = await t.app.inject({
      url: "/beleid/begroting-2020/onderdelen/iedereen-doet-mee",
    });
    for (const q of ["Wat willen we bereiken?", "Wat gaan we daarvoor doen?", "Wat doen we samen?"])
      expect(programme.body).toContain(q);
    expect(programme.body).toContain("Zo is dit berekend");
  });

  it("search page escapes the query and highlights hits", async () => {
    const evil = await t.app.inject({
      url: `/zoeken?q=${encodeURIComponent("<script>alert(1)</script>")}`,
    });
    expect(evil.body).not.toContain("<script>alert(1)");
    expect(evil.body).toContain("&lt;script");
    const res = await t.app.inject({ url: "/zoeken?q=eenzaamheid" });
    expect(res.body).toContain('<mark class="sk-hit">');
  });
});
