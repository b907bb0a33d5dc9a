import { describe, expect, it } from "vitest";
import { apiCaller, formPost, formSession, useTestApp } from "../../../test/helpers/app.js";
import { countAuditEntries } from "../audit/index.js";

const t = useTestApp(["beleidsmedewerker"]);
const staff = () => t.cookie("beleidsmedewerker");

const call = apiCaller(t, staff);

describe("creating policy items through the API", () => {
  it("builds a new programme document: document, section, goal, activity linked to the goal", async () => {
    const doc = await call("POST", "/api/v1/beleidsdocumenten", {
      soort: "uitvoeringsprogramma",
      titel: "Uitvoeringsprogramma Sociale basis 2026",
      eersteJaar: 2026,
      laatsteJaar: 2027,
    });
    expect(doc.statusCode).toBe(201);
    expect(doc.json().code).toBe("uitvoeringsprogramma-sociale-basis-2026");
    const section = await call(
      "POST",
      "/api/v1/beleidsdocumenten/uitvoeringsprogramma-sociale-basis-2026/onderdelen",
      {
        soort: "pijler",
        titel: "Sociale verbinding",
      },
    );
    expect(section.json().code).toBe("sociale-verbinding");
    const goal = await call("POST", "/api/v1/doelen", {
      document: "uitvoeringsprogramma-sociale-basis-2026",
      niveau: "resultaat",
      tekst: "Elke wijk heeft een ontmoetingsplek.",
      onderdeel: "sociale-verbinding",
    });
    expect(goal.statusCode).toBe(201);
    const activity = await call("POST", "/api/v1/activiteiten", {
      document: "uitvoeringsprogramma-sociale-basis-2026",
      onderdeel: "sociale-verbinding",
      tekst: "We openen een buurtkamer in Galecop.",
      doelen: [goal.json().id],
    });
    expect(activity.statusCode).toBe(201);
    const years = (
      await call("GET", "/api/v1/activiteiten?document=uitvoeringsprogramma-sociale-basis-2026")
    ).json().activiteiten;
    expect(years.map((a: { jaar: number }) => a.jaar)).toEqual([2026, 2027]);
    const page = await call(
      "GET",
      "/beleid/uitvoeringsprogramma-sociale-basis-2026?jaar=2026",
      undefined,
      null,
    );
    expect(page.body).toContain("Elke wijk heeft een ontmoetingsplek.");
    expect(page.body).toContain("0% gerealiseerd");
  });

  it("rejects bad input with Dutch messages and changes nothing", async () => {
    const audit = await countAuditEntries(t.database.db);
    const bad = await call("POST", "/api/v1/beleidsdocumenten", {
      soort: "begroting",
      titel: "X",
      eersteJaar: 2026,
      laatsteJaar: 2020,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain(
      "Laatste jaar moet gelijk aan of na het eerste jaar liggen",
    );
    const unknownSection = await call("POST", "/api/v1/activiteiten", {
      document: "begroting-2020",
      onderdeel: "bestaat-niet",
      tekst: "x",
    });
    expect(unknownSection.statusCode).toBe(404);
    const duplicate = await call("POST", "/api/v1/beleidsdocumenten", {
      soort: "begroting",
      titel: "Dubbel",
      eersteJaar: 2020,
      laatsteJaar: 2020,
      code: "begroting-2020",
    });
    expect(duplicate.statusCode).toBe(409);
    expect(
      (
        await call(
          "POST",
          "/api/v1/doelen",
          { document: "begroting-2020", niveau: "resultaat", tekst: "x" },
          null,
        )
      ).statusCode,
    ).toBe(401);
    expect(await countAuditEntries(t.database.db)).toBe(audit);
  });

  it("changes a document's state and archives it", async () => {
    expect(
      (
        await call("PATCH", "/api/v1/beleidsdocumenten/uitvoeringsprogramma-sociale-basis-2026", {
          status: "vastgesteld",
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await call("GET", "/api/v1/beleidsdocumenten/uitvoeringsprogramma-sociale-basis-2026")
      ).json().status,
    ).toBe("vastgesteld");
    expect(
      (
        await call("PATCH", "/api/v1/beleidsdocumenten/uitvoeringsprogramma-sociale-basis-2026", {
          gearchiveerd: true,
        })
      ).statusCode,
    ).toBe(204);
    const list = (await call("GET", "/api/v1/beleidsdocumenten")).json().beleidsdocumenten;
    expect(list.map((d: { code: string }) => d.code)).not.toContain(
      "uitvoeringsprogramma-sociale-basis-2026",
    );
  });
});

describe("forms for staff", () => {
  it("creates a document from /beleid and adds an activity from its page", async () => {
    const { token, cookie, page } = await formSession(t.app, "/beleid", staff());
    expect(page.body).toContain("Nieuw beleidsdocument");
    const post = (url: string, fields: Record<string, string>) =>
      formPost(t.app, url, cookie, { _csrf: token, ...fields });
    const invalid = await post("/beleid", { soort: "begroting", titel: "", eersteJaar: "20x" });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain("Titel is verplicht.");
    const created = await post("/beleid", {
      soort: "begroting",
      titel: "Begroting 2030",
      eersteJaar: "2030",
    });
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe("/beleid/begroting-2030");
    expect(
      (
        await post("/beleid/begroting-2030/onderdelen", {
          soort: "programma",
          titel: "Iedereen doet mee",
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await post("/beleid/begroting-2030/activiteiten", {
          onderdeel: "iedereen-doet-mee",
          tekst: "Een nieuwe activiteit.",
        })
      ).statusCode,
    ).toBe(303);
    const doc = await t.app.inject({ url: "/beleid/begroting-2030" });
    expect(doc.body).toContain("Een nieuwe activiteit.");
  });

  it("moves an activity up within its programme", async () => {
    const list = (
      await call("GET", "/api/v1/activiteiten?document=begroting-2020&onderdeel=geldwijs")
    ).json().activiteiten;
    const { token, cookie } = await formSession(t.app, `/activiteiten/${list[1].id}`, staff());
    const res = await formPost(t.app, `/activiteiten/${list[1].id}/verplaatsen`, cookie, {
      _csrf: token,
      richting: "omhoog",
    });
    expect(res.statusCode).toBe(303);
    const after = (
      await call("GET", "/api/v1/activiteiten?document=begroting-2020&onderdeel=geldwijs")
    ).json().activiteiten;
    expect(after.map((a: { id: string }) => a.id).slice(0, 2)).toEqual([list[1].id, list[0].id]);
  });
});
