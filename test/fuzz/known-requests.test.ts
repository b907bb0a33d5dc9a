import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formSession, startTestApp, type TestApp } from "../helpers/app.js";

/** Requests the generated-request test once answered with a 500: each now gets a 4xx. */
let t: TestApp;
let staff: string;
let indicator: string;
let slug: string;
beforeAll(async () => {
  t = await startTestApp();
  staff = await t.sessionFor("beheerder");
  const first = (await t.app.inject({ url: "/api/v1/indicatoren" })).json().indicatoren[0];
  indicator = first.id;
  slug = first.code;
});
afterAll(async () => {
  await t?.close();
});

const json = (method: "GET" | "POST" | "PATCH", url: string, body?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: {
      cookie: staff,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined
      ? {}
      : { payload: typeof body === "string" ? body : JSON.stringify(body) }),
  });

const form = async (url: string, fields: string) => {
  const { token, cookie } = await formSession(t.app, "/account", staff);
  return t.app.inject({
    method: "POST",
    url,
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    payload: `_csrf=${encodeURIComponent(token)}&${fields}`,
  });
};

describe("requests that once caused a 500", () => {
  it.each([
    "/api/v1/activiteiten?jaar=1e309",
    "/api/v1/gebieden?paginaGrootte=1e309",
    "/api/v1/gebieden?pagina=Infinity",
    "/api/v1/zoeken?q=zorg&pagina=1e309",
    "/api/v1/zoeken?q=zorg&pagina=99999999999999999999999",
    "/api/v1/beleidsdocumenten/begroting-2020/publicaties/99999999999999999999999",
  ])("GET %s → 400", async (url) => {
    expect((await json("GET", url)).statusCode).toBe(400);
  });

  it("PATCH of an activity's year 1e309 → 400", async () => {
    const activity = (await json("GET", "/api/v1/activiteiten")).json().activiteiten[0].id;
    const res = await json("PATCH", `/api/v1/activiteiten/${activity}/jaren/1e309`, {
      status: "gerealiseerd",
    });
    expect(res.statusCode).toBe(400);
  });

  it.each([
    "/zoeken?q=a&q=b",
    "/zoeken?q=zorg&pagina=99999999999999999999999",
    "/beheer/audit?gebruiker=a&gebruiker=b",
    "/beheer/audit?pagina=99999999999999999999999",
    "/beheer/audit?van=0000-01-01",
  ])("page %s → no 500", async (url) => {
    const res = await json("GET", url);
    expect(res.statusCode).toBeLessThan(500);
  });

  it("refuses values a numeric(14, 4) column cannot hold", async () => {
    for (const body of ['{"streefwaarde":1e30}', '{"schaalMin":-1e12}', '{"streefwaarde":1e309}']) {
      expect((await json("PATCH", `/api/v1/indicatoren/${indicator}`, body)).statusCode).toBe(400);
    }
    const huge = await json("POST", `/api/v1/indicatoren/${indicator}/metingen`, {
      gebied: "GM0356",
      jaar: 2024,
      waarde: 1e12,
      bron: "test",
    });
    expect(huge.statusCode).toBe(400);
    const csv = await t.app.inject({
      method: "POST",
      url: "/api/v1/metingen/import?voorbeeld=true",
      headers: { cookie: staff, "content-type": "text/csv" },
      payload:
        "indicator,gebied,jaar,kwartaal,soort,waarde,bron,publicatiedatum,status,toelichting\n" +
        `${slug},GM0356,2024,,realisatie,5,CBS,2020-02-30,definitief,`,
    });
    expect(csv.statusCode).toBe(400);
    expect(csv.json().fouten[0].melding).toContain("bestaande datum");
  });

  it("refuses repeated fields, JSON with other types and ids that are no id in forms", async () => {
    const cases: [string, string][] = [
      ["/beleid", "titel=a&titel=b&soort=begroting&eersteJaar=2030"],
      ["/beheer/gebruikers", "gebruikersnaam=x&naam=a&naam=b&rol=inwoner"],
      ["/samenwerkingsverbanden", "naam=Test&leden=a&leden=b"],
      ["/activiteiten/not-a-uuid/verplaatsen", "richting=omhoog"],
      ["/doelen/2147483648/verplaatsen", "richting=omhoog"],
      ["/beleid/%E2%82%AC/doelen", "niveau=resultaat&tekst=x"],
    ];
    for (const [url, fields] of cases) {
      const res = await form(url, fields);
      expect(res.statusCode, url).toBe(400);
    }
  });
});
