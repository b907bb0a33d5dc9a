import { beforeAll, describe, expect, it } from "vitest";
import { apiCaller, useTestApp } from "../../../test/helpers/app.js";
import { insertOrganisation } from "../../../test/helpers/partners.js";
import { listGoalChoices } from "../policy/index.js";

// A staff system sets what a decision serves and asks back through the API, with the same rules
// as the staff forms: each change raises the version, a stale version is 409, a partner is refused.

const t = useTestApp(["beleidsmedewerker"]);
const api = apiCaller(t, () => t.cookie("beleidsmedewerker"));
const GM = "GM0356";

let id: string;
let goalId: string;
let indicatorId: string;
let partner: string;

beforeAll(async () => {
  const org = await insertOrganisation(t.database.db, GM, { name: "Stichting Afspraak" });
  partner = await t.sessionFor("partner", org.id);
  const created = await api("POST", "/api/v1/subsidies", {
    organisatie: org.slug,
    jaar: 2026,
    vorm: "budgetfinanciering",
    bedragCent: 1_000_000,
  });
  expect(created.statusCode, created.body).toBe(201);
  id = created.json().id;
  goalId = (await listGoalChoices(t.database.db, GM))[0]?.id ?? "";
  indicatorId = (await api("GET", "/api/v1/indicatoren")).json().indicatoren[0].id;
  expect(goalId).not.toBe("");
});

const detail = async () => (await api("GET", `/api/v1/subsidies/${id}`)).json();

describe("the agreements of a subsidy through the API", () => {
  it("links a goal, agrees an indicator with a target and asks a report, each raising the version", async () => {
    expect(
      (await api("POST", `/api/v1/subsidies/${id}/doelen`, { doel: goalId, versie: 1 })).statusCode,
    ).toBe(204);
    // The same goal twice, and a stale version: 409, nothing added.
    expect((await api("POST", `/api/v1/subsidies/${id}/doelen`, { doel: goalId })).statusCode).toBe(
      409,
    );
    expect(
      (
        await api("POST", `/api/v1/subsidies/${id}/indicatoren`, {
          indicator: indicatorId,
          versie: 1,
        })
      ).statusCode,
    ).toBe(409);
    const indicator = await api("POST", `/api/v1/subsidies/${id}/indicatoren`, {
      indicator: indicatorId,
      streefwaarde: 120,
      versie: 2,
    });
    expect(indicator.statusCode, indicator.body).toBe(201);
    const requirement = await api("POST", `/api/v1/subsidies/${id}/verantwoordingseisen`, {
      soort: "tussenrapportage",
      uiterlijk: "2026-07-01",
      omschrijving: "Halfjaarcijfers",
      versie: 3,
    });
    expect(requirement.statusCode, requirement.body).toBe(201);

    const d = await detail();
    expect(d.versie).toBe(4);
    expect(d.doelen.map((g: { id: string }) => g.id)).toEqual([goalId]);
    expect(d.indicatoren).toEqual([
      expect.objectContaining({
        id: indicator.json().id,
        indicator: indicatorId,
        streefwaarde: 120,
      }),
    ]);
    expect(d.verantwoording).toEqual([
      {
        id: requirement.json().id,
        soort: "tussenrapportage",
        uiterlijk: "2026-07-01",
        omschrijving: "Halfjaarcijfers",
      },
    ]);
  });

  it("refuses an unknown goal or indicator and a day that does not exist, naming the field", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    const goal = await api("POST", `/api/v1/subsidies/${id}/doelen`, { doel: unknown });
    expect(goal.statusCode).toBe(400);
    expect(goal.json().invalidParams[0]).toMatchObject({ name: "doel" });
    const indicator = await api("POST", `/api/v1/subsidies/${id}/indicatoren`, {
      indicator: unknown,
    });
    expect(indicator.statusCode).toBe(400);
    const day = await api("POST", `/api/v1/subsidies/${id}/verantwoordingseisen`, {
      soort: "verantwoording",
      uiterlijk: "2026-02-30",
    });
    expect(day.statusCode).toBe(400);
    expect((await detail()).versie).toBe(4);
  });

  it("lets no partner change them", async () => {
    const res = await api("POST", `/api/v1/subsidies/${id}/doelen`, { doel: goalId }, partner);
    expect(res.statusCode).toBe(403);
  });

  it("removes each again (204), and says 404 for what is not there", async () => {
    const d = await detail();
    const url = `/api/v1/subsidies/${id}`;
    expect((await api("DELETE", `${url}/doelen/${goalId}?versie=${d.versie}`)).statusCode).toBe(
      204,
    );
    expect((await api("DELETE", `${url}/doelen/${goalId}`)).statusCode).toBe(404);
    expect(
      (await api("DELETE", `${url}/indicatoren/${d.indicatoren[0].id}?versie=1`)).statusCode,
    ).toBe(409);
    expect((await api("DELETE", `${url}/indicatoren/${d.indicatoren[0].id}`)).statusCode).toBe(204);
    expect(
      (await api("DELETE", `${url}/verantwoordingseisen/${d.verantwoording[0].id}`)).statusCode,
    ).toBe(204);
    const after = await detail();
    expect([after.doelen, after.indicatoren, after.verantwoording]).toEqual([[], [], []]);
    expect(after.versie).toBe(d.versie + 3);
  });
});
