import { describe, expect, it } from "vitest";
import { apiCaller, formPost, formSession, useTestApp } from "../../../test/helpers/app.js";
import { countAuditEntries } from "../audit/index.js";

const t = useTestApp(["beleidsmedewerker"]);
const staff = () => t.cookie("beleidsmedewerker");

const call = apiCaller(t, staff);

/** Sends an API request with the staff session, checks its status and returns the response. */
const expectCall = async (status: number, ...request: Parameters<typeof call>) => {
  const response = await call(...request);
  expect(response.statusCode).toBe(status);
  return response;
};

const programme = "uitvoeringsprogramma-sociale-basis-2026";
const programmeUrl = `/api/v1/beleidsdocumenten/${programme}`;

describe("creating policy items through the API", () => {
  it("builds a new programme document: document, section, goal, activity linked to the goal", async () => {
    const doc = await expectCall(201, "POST", "/api/v1/beleidsdocumenten", {
      soort: "uitvoeringsprogramma",
      titel: "Uitvoeringsprogramma Sociale basis 2026",
      eersteJaar: 2026,
      laatsteJaar: 2027,
    });
    expect(doc.json().code).toBe(programme);
    const section = await call("POST", `${programmeUrl}/onderdelen`, {
      soort: "pijler",
      titel: "Sociale verbinding",
    });
    expect(section.json().code).toBe("sociale-verbinding");
    const inSection = { document: programme, onderdeel: "sociale-verbinding" };
    const goal = await expectCall(201, "POST", "/api/v1/doelen", {
      ...inSection,
      niveau: "resultaat",
      tekst: "Elke wijk heeft een ontmoetingsplek.",
    });
    await expectCall(201, "POST", "/api/v1/activiteiten", {
      ...inSection,
      tekst: "We openen een buurtkamer in Galecop.",
      doelen: [goal.json().id],
    });
    const years = (await call("GET", `/api/v1/activiteiten?document=${programme}`)).json()
      .activiteiten;
    expect(years.map((a: { jaar: number }) => a.jaar)).toEqual([2026, 2027]);
    const page = await call("GET", `/beleid/${programme}?jaar=2026`, undefined, null);
    expect(page.body).toContain("Elke wijk heeft een ontmoetingsplek.");
    expect(page.body).toContain("0% gerealiseerd");
  });

  it("rejects bad input with Dutch messages and changes nothing", async () => {
    const audit = await countAuditEntries(t.database.db);
    const bad = await expectCall(400, "POST", "/api/v1/beleidsdocumenten", {
      soort: "begroting",
      titel: "X",
      eersteJaar: 2026,
      laatsteJaar: 2020,
    });
    expect(bad.json().detail).toContain(
      "Laatste jaar moet gelijk aan of na het eerste jaar liggen",
    );
    const unknownSection = { document: "begroting-2020", onderdeel: "bestaat-niet", tekst: "x" };
    await expectCall(404, "POST", "/api/v1/activiteiten", unknownSection);
    const duplicate = { soort: "begroting", titel: "Dubbel", eersteJaar: 2020, laatsteJaar: 2020 };
    await expectCall(409, "POST", "/api/v1/beleidsdocumenten", {
      ...duplicate,
      code: "begroting-2020",
    });
    const goal = { document: "begroting-2020", niveau: "resultaat", tekst: "x" };
    await expectCall(401, "POST", "/api/v1/doelen", goal, null);
    expect(await countAuditEntries(t.database.db)).toBe(audit);
  });

  it("changes a document's state and archives it", async () => {
    await expectCall(204, "PATCH", programmeUrl, { status: "vastgesteld" });
    expect((await call("GET", programmeUrl)).json().status).toBe("vastgesteld");
    await expectCall(204, "PATCH", programmeUrl, { gearchiveerd: true });
    const list = (await call("GET", "/api/v1/beleidsdocumenten")).json().beleidsdocumenten;
    expect(list.map((d: { code: string }) => d.code)).not.toContain(programme);
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
    const section = { soort: "programma", titel: "Iedereen doet mee" };
    expect((await post("/beleid/begroting-2030/onderdelen", section)).statusCode).toBe(303);
    const activity = { onderdeel: "iedereen-doet-mee", tekst: "Een nieuwe activiteit." };
    expect((await post("/beleid/begroting-2030/activiteiten", activity)).statusCode).toBe(303);
    const doc = await t.app.inject({ url: "/beleid/begroting-2030" });
    expect(doc.body).toContain("Een nieuwe activiteit.");
  });

  it("moves an activity up within its programme", async () => {
    const geldwijs = async () =>
      (await call("GET", "/api/v1/activiteiten?document=begroting-2020&onderdeel=geldwijs")).json()
        .activiteiten;
    const list = await geldwijs();
    const { token, cookie } = await formSession(t.app, `/activiteiten/${list[1].id}`, staff());
    const res = await formPost(t.app, `/activiteiten/${list[1].id}/verplaatsen`, cookie, {
      _csrf: token,
      richting: "omhoog",
    });
    expect(res.statusCode).toBe(303);
    const after = await geldwijs();
    expect(after.map((a: { id: string }) => a.id).slice(0, 2)).toEqual([list[1].id, list[0].id]);
  });
});
