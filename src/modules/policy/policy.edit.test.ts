import { describe, expect, it } from "vitest";
import { apiCaller, formPost, formSession, useTestApp } from "../../../test/helpers/app.js";

const t = useTestApp(["beleidsmedewerker"]);
const staff = () => t.cookie("beleidsmedewerker");

const json = apiCaller(t, staff);
const activity = async (section: string, index = 0) =>
  (
    await t.app.inject({ url: `/api/v1/activiteiten?document=begroting-2020&onderdeel=${section}` })
  ).json().activiteiten[index];

describe("editing activities and goals", () => {
  it("changes an activity's weight, which changes the goal's progress", async () => {
    const tree = async () =>
      (await t.app.inject({ url: "/api/v1/doelen?document=begroting-2020" })).json();
    expect((await tree()).doelen.length).toBeGreaterThan(0);
    const realised = (
      await t.app.inject({
        url: "/api/v1/activiteiten?document=begroting-2020&status=gerealiseerd",
      })
    ).json().activiteiten[0];
    const before = (
      await t.app.inject({ url: "/beleid/begroting-2020/onderdelen/iedereen-doet-mee" })
    ).body;
    expect(before).toContain("44% gerealiseerd");
    expect(
      (await json("PATCH", `/api/v1/activiteiten/${realised.id}`, { gewicht: 5 })).statusCode,
    ).toBe(204);
    const after = (
      await t.app.inject({ url: "/beleid/begroting-2020/onderdelen/iedereen-doet-mee" })
    ).body;
    // 4 realised items of weight 1 + one raised to 5: (3 + 5) / (8 + 5) = 62%.
    expect(after).toContain("62% gerealiseerd");
  });

  it("refuses a negative weight and an empty body with 400", async () => {
    const a = await activity("geldwijs");
    expect((await json("PATCH", `/api/v1/activiteiten/${a.id}`, { gewicht: -1 })).statusCode).toBe(
      400,
    );
    expect((await json("PATCH", `/api/v1/activiteiten/${a.id}`, {})).statusCode).toBe(400);
  });

  it("archives an activity so it leaves the lists", async () => {
    const a = await activity("woonwijs", 2);
    expect(
      (await json("PATCH", `/api/v1/activiteiten/${a.id}`, { gearchiveerd: true })).statusCode,
    ).toBe(204);
    const list = (
      await t.app.inject({ url: "/api/v1/activiteiten?document=begroting-2020&onderdeel=woonwijs" })
    ).json();
    expect(list.activiteiten).toHaveLength(2);
  });

  it("sets a goal's SMART fields", async () => {
    const goal = (
      await t.app.inject({ url: "/api/v1/doelen?document=beleidskader-2025-2030&niveau=resultaat" })
    ).json().doelen[0];
    const res = await json("PATCH", `/api/v1/doelen/${goal.id}`, {
      streefwaarde: "5 ontmoetingsplekken per gebied",
      streefjaar: 2030,
      eigenaar: "Team Welzijn",
    });
    expect(res.statusCode).toBe(204);
    const audit = await t.database.db.query.auditEntries.findFirst({
      where: (e, { eq }) => eq(e.entityId, goal.id),
    });
    expect(audit?.after).toMatchObject({ targetYear: 2030, owner: "Team Welzijn" });
    expect(
      (await json("PATCH", `/api/v1/doelen/${goal.id}`, { streefjaar: 1800 })).statusCode,
    ).toBe(400);
  });

  it("is closed to partners", async () => {
    const partner = await t.sessionFor("partner");
    const a = await activity("geldwijs");
    expect(
      (await json("PATCH", `/api/v1/activiteiten/${a.id}`, { gewicht: 2 }, partner)).statusCode,
    ).toBe(403);
    expect(
      (await json("POST", `/api/v1/activiteiten/${a.id}/doorschuiven`, undefined, partner))
        .statusCode,
    ).toBe(403);
  });
});

describe("carrying an activity over to the next year", () => {
  it("copies the plan into 2021 with status gepland and a link to 2020, once", async () => {
    const a = await activity("iedereen-doet-mee", 1); // vertraagd in 2020
    const res = await json("POST", `/api/v1/activiteiten/${a.id}/doorschuiven`);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ jaar: 2021, status: "gepland" });
    const years = (
      await t.app.inject({
        url: `/api/v1/activiteiten?document=begroting-2020&onderdeel=iedereen-doet-mee&jaar=2021`,
      })
    ).json();
    expect(years.activiteiten).toHaveLength(1);
    expect(years.activiteiten[0].gepland).toBe(a.gepland);
    const rows = await t.database.db.query.activityYears.findMany({
      where: (y, { eq }) => eq(y.activityId, a.id),
    });
    const y2021 = rows.find((r) => r.year === 2021);
    expect(y2021?.carriedFromId).toBe(rows.find((r) => r.year === 2020)?.id);
  });

  it("refuses to carry over a realised activity (409)", async () => {
    const done = (
      await t.app.inject({
        url: "/api/v1/activiteiten?document=begroting-2020&status=gerealiseerd",
      })
    ).json().activiteiten[1];
    const res = await json("POST", `/api/v1/activiteiten/${done.id}/doorschuiven`);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain("gerealiseerd");
  });

  it("works from the activity page with one button", async () => {
    const a = await activity("geldwijs", 3);
    const { token, cookie, page } = await formSession(t.app, `/activiteiten/${a.id}`, staff());
    expect(page.body).toContain("Doorschuiven naar 2021");
    const res = await formPost(t.app, `/activiteiten/${a.id}/doorschuiven`, cookie, {
      _csrf: token,
    });
    expect(res.statusCode).toBe(303);
    const after = await t.app.inject({ url: `/activiteiten/${a.id}`, headers: { cookie } });
    expect(after.body).toContain("Doorgeschoven uit 2020");
  });
});

describe("linking an activity to goals", () => {
  it("replaces the goals an activity serves through the form, which changes the goals' progress", async () => {
    const goals = (await t.app.inject({ url: "/api/v1/doelen?document=begroting-2020" })).json()
      .doelen as { id: string; nummer: string }[];
    const goal1 = goals.find((g) => g.nummer === "1") as { id: string };
    const a = (
      await t.app.inject({
        url: "/api/v1/activiteiten?document=begroting-2020&onderdeel=geldwijs&jaar=2020",
      })
    ).json().activiteiten[2];
    const { token, cookie, page } = await formSession(t.app, `/activiteiten/${a.id}`, staff());
    expect(page.body).toContain("Doelen die deze activiteit dient");
    const res = await t.app.inject({
      method: "POST",
      url: `/activiteiten/${a.id}/bewerken`,
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: `_csrf=${encodeURIComponent(token)}&tekst=${encodeURIComponent(a.tekst)}&gewicht=1&nvt=nee&archiveren=nee&doelenVeld=1&doelen=${goal1.id}`,
    });
    expect(res.statusCode).toBe(303);
    const goalPage = await t.app.inject({ url: `/doelen/${goal1.id}` });
    expect(goalPage.body).toContain("Voortgang 2020");
    expect(goalPage.body).toContain(`/activiteiten/${a.id}`);
    const bad = await json("PATCH", `/api/v1/activiteiten/${a.id}`, {
      doelen: ["00000000-0000-4000-8000-000000000000"],
    });
    expect(bad.statusCode).toBe(400);
  });
});
