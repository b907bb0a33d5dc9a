import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../test/helpers/app.js";

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.sessionFor("beheerder");
  const staff = await t.sessionFor("beleidsmedewerker");
  await t.app.inject({
    method: "PATCH",
    url: "/api/v1/gebieden/WK035607",
    headers: { cookie: staff, "content-type": "application/json" },
    payload: JSON.stringify({ gebied: "GB035601" }),
  });
});
afterAll(async () => {
  await t?.close();
});

const page = (query: string, cookie = admin) =>
  t.app.inject({ url: `/beheer/audit${query}`, headers: { cookie } });

describe("audit page", () => {
  it("shows who changed what, with before and after values", async () => {
    const res = await page("");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Wijk Blokhoeve ingedeeld bij gebied Noord");
    expect(res.body).toContain("&quot;ouder&quot;: &quot;GB035602&quot;");
    expect(res.body).toContain("Standaardgegevens geladen");
  });

  it("names records by their title; an internal id shows only in a row's details", async () => {
    const staff = await t.sessionFor("beleidsmedewerker");
    const indicator = (await t.app.inject({ url: "/api/v1/indicatoren/msk-eenzaamheid" })).json();
    const changed = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/indicatoren/${indicator.id}`,
      headers: { cookie: staff, "content-type": "application/json" },
      payload: JSON.stringify({ verhaal: "Toelichting voor de raad." }),
    });
    expect(changed.statusCode).toBe(204);
    const body = (await page("?soort=indicator")).body;
    expect(body).toContain(`Indicator &quot;${indicator.naam}&quot; gewijzigd`);
    expect(body).toContain(indicator.id);
    const outsideDetails = body.replace(/<details>.*?<\/details>/gs, "");
    expect(outsideDetails).not.toMatch(
      /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
    );
  });

  it("filters by kind of record and action", async () => {
    const res = await page("?soort=gebied&handeling=update");
    expect(res.body).toContain("Wijk Blokhoeve ingedeeld");
    expect(res.body).not.toContain("Standaardgegevens geladen");
    const none = await page("?soort=gebied&handeling=delete");
    expect(none.body).toContain("Geen auditregels gevonden");
  });

  it("filters by date and explains an invalid date in Dutch", async () => {
    expect((await page("?van=2000-01-01&tot=2000-01-02")).body).toContain(
      "Geen auditregels gevonden",
    );
    const bad = await page("?van=31-12-2025");
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("geen geldige datum");
  });

  it("is closed to other roles", async () => {
    const partner = await t.sessionFor("partner");
    expect((await page("", partner)).statusCode).toBe(403);
    const staff = await t.sessionFor("beleidsmedewerker");
    expect((await page("", staff)).statusCode).toBe(403);
  });
});
