import { beforeAll, describe, expect, it } from "vitest";
import { apiCaller, useTestApp } from "../../../test/helpers/app.js";
import { insertOrganisation, insertWorkArea } from "../../../test/helpers/partners.js";
import { subsidies } from "./schema.js";

const t = useTestApp(["beleidsmedewerker"]);
const staff = () => t.cookie("beleidsmedewerker");
const api = apiCaller(t, staff);
const GM = "GM0356";

let orgA: { id: string; slug: string };
let orgB: { id: string; slug: string };
let area: { id: string; code: string };
let partnerA: string;

beforeAll(async () => {
  orgA = await insertOrganisation(t.database.db, GM, { name: "Organisatie A" });
  orgB = await insertOrganisation(t.database.db, GM, { name: "Organisatie B" });
  area = await insertWorkArea(t.database.db, GM);
  partnerA = await t.sessionFor("partner", orgA.id);
});

const create = async (body: Record<string, unknown>) => {
  const res = await api("POST", "/api/v1/subsidies", {
    organisatie: orgA.slug,
    jaar: 2025,
    vorm: "projectsubsidie",
    bedragCent: 250_000,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};
const count = async () => (await t.database.db.select().from(subsidies)).length;

describe("the subsidy API", () => {
  it("creates, edits and moves a decision, with history for staff only", async () => {
    const id = await create({
      werkgebied: area.code,
      plaats: "modulair",
      opdracht: "Maatjesproject",
      interneNotitie: "intern",
    });
    expect(
      (await api("PATCH", `/api/v1/subsidies/${id}`, { opdracht: "Maatjes", versie: 1 }))
        .statusCode,
    ).toBe(204);
    // A stale version: 409, nothing changed.
    expect(
      (await api("PATCH", `/api/v1/subsidies/${id}`, { opdracht: "Oud", versie: 1 })).statusCode,
    ).toBe(409);
    expect(
      (await api("POST", `/api/v1/subsidies/${id}/status`, { status: "vastgesteld" })).statusCode,
    ).toBe(409);
    expect(
      (
        await api("POST", `/api/v1/subsidies/${id}/status`, {
          status: "verleend",
          toelichting: "Besluit",
        })
      ).statusCode,
    ).toBe(204);
    const asStaff = (await api("GET", `/api/v1/subsidies/${id}`)).json();
    expect(asStaff).toMatchObject({
      status: "verleend",
      opdracht: "Maatjes",
      interneNotitie: "intern",
      werkgebied: { code: area.code },
      plaats: "modulair",
      versie: 3,
    });
    expect(asStaff.geschiedenis.map((h: { naar: string }) => h.naar)).toEqual([
      "aanvraag",
      "verleend",
    ]);
    const asVisitor = await api("GET", `/api/v1/subsidies/${id}`, undefined, null);
    expect(asVisitor.statusCode).toBe(200);
    expect(asVisitor.json().interneNotitie).toBeUndefined();
    expect(asVisitor.json().geschiedenis).toBeUndefined();
    expect(asVisitor.body).not.toContain("intern");
  });

  it("refuses a negative, non-numeric or over-large amount with a Dutch message, creating nothing", async () => {
    const before = await count();
    for (const bedragCent of [-1, "veel", 10_000_000_001, 12.5]) {
      const res = await api("POST", "/api/v1/subsidies", {
        organisatie: orgA.slug,
        jaar: 2025,
        vorm: "projectsubsidie",
        bedragCent,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().detail).toMatch(/bedragCent: (te klein|te groot|moet een)/);
    }
    expect(
      (await api("POST", "/api/v1/subsidies", { organisatie: orgA.slug, jaar: 2025, vorm: "x" }))
        .statusCode,
    ).toBe(400);
    expect(await count()).toBe(before);
    // Anonymous and partner writes are refused before the body is read.
    expect((await api("POST", "/api/v1/subsidies", {}, null)).statusCode).toBe(401);
    expect((await api("POST", "/api/v1/subsidies", {}, partnerA)).statusCode).toBe(403);
  });

  it("lists the register for visitors, all states for staff, own states for a partner", async () => {
    const aApplication = await create({ organisatie: orgA.slug, jaar: 2031 });
    const bApplication = await create({ organisatie: orgB.slug, jaar: 2031 });
    const bGranted = await create({ organisatie: orgB.slug, jaar: 2031, status: "verleend" });
    const ids = (res: { json(): { subsidies: { id: string }[] } }) =>
      res
        .json()
        .subsidies.map((s) => s.id)
        .sort();

    const visitor = await api("GET", "/api/v1/subsidies?jaar=2031", undefined, null);
    expect(ids(visitor)).toEqual([bGranted]);
    expect(visitor.body).not.toContain("interneNotitie");
    expect(ids(await api("GET", "/api/v1/subsidies?jaar=2031"))).toEqual(
      [aApplication, bApplication, bGranted].sort(),
    );
    const own = await api(
      "GET",
      `/api/v1/subsidies?jaar=2031&organisatie=${orgA.slug}`,
      undefined,
      partnerA,
    );
    expect(ids(own)).toEqual([aApplication]);
    expect(own.body).not.toContain("interneNotitie");
    const other = await api(
      "GET",
      `/api/v1/subsidies?jaar=2031&organisatie=${orgB.slug}`,
      undefined,
      partnerA,
    );
    expect(ids(other)).toEqual([bGranted]);
    expect(
      (await api("GET", `/api/v1/subsidies/${bApplication}`, undefined, partnerA)).statusCode,
    ).toBe(404);
    expect(
      (await api("GET", `/api/v1/subsidies/${aApplication}`, undefined, partnerA)).statusCode,
    ).toBe(200);
    expect(
      (await api("GET", "/api/v1/subsidies?organisatie=bestaat-niet", undefined, null)).statusCode,
    ).toBe(404);
    // A partner whose scope is not an organisation record sees the public register, no error.
    const loose = await t.sessionFor("partner", "Geen organisatierecord");
    expect(ids(await api("GET", "/api/v1/subsidies?jaar=2031", undefined, loose))).toEqual([
      bGranted,
    ]);
    expect(
      (await t.app.inject({ url: "/partner/subsidies", headers: { cookie: loose } })).statusCode,
    ).toBe(200);
    const csv = await api("GET", "/api/v1/subsidies/register.csv?jaar=2031", undefined, null);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.trim().split("\r\n")).toHaveLength(2);
  });

  it("gives the welfare budget of a year in exact cents", async () => {
    const one = await create({
      jaar: 2032,
      status: "verleend",
      werkgebied: area.code,
      bedragCent: 1,
    });
    await create({ jaar: 2032, status: "verleend", werkgebied: area.code, bedragCent: 2 });
    await create({ jaar: 2032, bedragCent: 1_000 });
    await api("POST", `/api/v1/subsidies/${one}/status`, {
      status: "vastgesteld",
      vastgesteldBedragCent: 1,
    });
    const budget = (
      await api("GET", "/api/v1/begroting-welzijn?jaar=2032", undefined, null)
    ).json();
    expect(budget.totaal).toEqual({ geplandCent: 0, verleendCent: 3, vastgesteldCent: 1 });
    const line = budget.werkgebieden.find((w: { code: string }) => w.code === area.code);
    expect(line).toMatchObject({
      verleendCent: 3,
      aandeelVerleendPromille: 1000,
      vastgesteldCent: 1,
    });
    expect(budget.subsidies).toHaveLength(2);
    expect(budget.kostenMaatwerk.map((k: { indicator: string }) => k.indicator)).toContain(
      "wmo-kosten",
    );
  });
});
