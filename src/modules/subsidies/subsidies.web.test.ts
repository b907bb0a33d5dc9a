import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { submitForm, useTestApp } from "../../../test/helpers/app.js";
import { insertOrganisation, insertWorkArea } from "../../../test/helpers/partners.js";
import { systemActor } from "../../platform/actor.js";
import { budgetPlans, subsidies } from "./schema.js";
import { changeSubsidyState, createSubsidy } from "./service.js";

const t = useTestApp(["beleidsmedewerker"]);
const staff = () => t.cookie("beleidsmedewerker");
const GM = "GM0356";
const actor = () => systemActor(t.tenant.municipality.code);

let orgA: { id: string; slug: string; name: string };
let orgB: { id: string; slug: string; name: string };
let area: { id: string; code: string; name: string };

beforeAll(async () => {
  orgA = await insertOrganisation(t.database.db, GM, { name: "Buurtkracht A" });
  orgB = await insertOrganisation(t.database.db, GM, {
    name: '=HYPERLINK("http://x")',
    kind: "informeel",
  });
  area = await insertWorkArea(t.database.db, GM, { name: "Ontmoeten en meedoen" });
});

const count = async () => (await t.database.db.select().from(subsidies)).length;
const post = (action: string, fields: Record<string, string>, page = "/beheer/subsidies/nieuw") =>
  submitForm(t.app, page, staff(), action, fields);
const newForm = (extra: Record<string, string> = {}) => ({
  organisatie: orgA.slug,
  jaar: "2025",
  vorm: "projectsubsidie",
  status: "aanvraag",
  werkgebied: area.code,
  plaats: "basis",
  bedrag: "1.250,00",
  vastgesteldBedrag: "",
  vrijwilligers: "nee",
  opdracht: "Buurtmaaltijden in Galecop",
  interneNotitie: "Geheime afweging",
  ...extra,
});

describe("staff pages", () => {
  it("create a decision through the form, in cents, and move it to verleend with a note", async () => {
    const created = await post("/beheer/subsidies", newForm());
    expect(created.statusCode).toBe(303);
    const id = created.headers.location?.split("/").pop() as string;
    const [row] = await t.database.db.select().from(subsidies).where(eq(subsidies.id, id));
    expect(row).toMatchObject({ amountCents: 125_000, state: "aanvraag", version: 1 });

    const page = await t.app.inject({
      url: `/beheer/subsidies/${id}`,
      headers: { cookie: staff() },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("1.250,00");

    // Not in the public register while it is an application.
    expect((await t.app.inject({ url: "/subsidies" })).body).not.toContain("Buurtmaaltijden");
    expect((await t.app.inject({ url: `/subsidies/${id}` })).statusCode).toBe(404);

    const moved = await post(
      `/beheer/subsidies/${id}/status`,
      { status: "verleend", toelichting: "Collegebesluit", versie: "1" },
      `/beheer/subsidies/${id}`,
    );
    expect(moved.statusCode).toBe(303);
    const register = await t.app.inject({ url: "/subsidies" });
    expect(register.body).toContain("Buurtmaaltijden in Galecop");
    expect(register.body).toContain(`/organisaties/${orgA.slug}`);
    expect(register.body).not.toContain("Geheime afweging");
    const visitor = await t.app.inject({ url: `/subsidies/${id}` });
    expect(visitor.body).not.toContain("Geheime afweging");
    expect(visitor.body).not.toContain("Collegebesluit");
    const asStaff = await t.app.inject({ url: `/subsidies/${id}`, headers: { cookie: staff() } });
    expect(asStaff.body).toContain("Geheime afweging");
    expect(asStaff.body).toContain("Collegebesluit");

    // A stale form: 409, and nothing changed.
    const stale = await post(
      `/beheer/subsidies/${id}`,
      newForm({ opdracht: "Overschreven", versie: "1" }),
      `/beheer/subsidies/${id}`,
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain("intussen door iemand anders gewijzigd");
    const [after] = await t.database.db.select().from(subsidies).where(eq(subsidies.id, id));
    expect(after?.assignment).toBe("Buurtmaaltijden in Galecop");

    // An edit without a form (a crafted post: the select always has one) is refused, not a 500.
    const noForm = await post(
      `/beheer/subsidies/${id}`,
      newForm({ vorm: "", versie: "2" }),
      `/beheer/subsidies/${id}`,
    );
    expect(noForm.statusCode).toBe(400);
    expect(noForm.body).toContain("Vorm is verplicht");
  });

  it("refuses a negative, non-numeric or over-large amount with a Dutch message, creating nothing", async () => {
    const before = await count();
    for (const [bedrag, message] of [
      ["-5", "Bedrag mag niet negatief zijn."],
      ["veel geld", "Bedrag moet een bedrag in euro zijn, bijvoorbeeld 1.250,00."],
      ["100.000.000,01", "Bedrag is te groot: hoogstens € 100.000.000,00."],
      ["12,345", "Bedrag heeft te veel cijfers achter de komma"],
    ] as const) {
      const res = await post("/beheer/subsidies", newForm({ bedrag }));
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain(message);
      expect(res.body).toContain(`value="${bedrag}"`);
    }
    expect(await count()).toBe(before);
  });

  it("lists, filters and sorts for staff, who see applications too", async () => {
    const list = await t.app.inject({
      url: `/beheer/subsidies?status=aanvraag&organisatie=${orgA.slug}&sorteer=bedrag`,
      headers: { cookie: staff() },
    });
    expect(list.statusCode).toBe(200);
    // Without a session a page sends the visitor to the login form.
    expect((await t.app.inject({ url: "/beheer/subsidies" })).statusCode).toBe(303);
    const wrong = await t.app.inject({
      url: "/beheer/subsidies?jaar=abc",
      headers: { cookie: staff() },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain("Jaar moet een jaartal zijn");
  });
});

describe("what a decision serves and asks back", () => {
  it("takes a goal, an indicator with a target and a requirement through the staff forms", async () => {
    const s = await createSubsidy(t.database.db, actor(), {
      organisation: orgA.id,
      year: 2029,
      form: "budgetfinanciering",
      state: "verleend",
      amountCents: 1,
    });
    const page = `/beheer/subsidies/${s.id}`;
    const html = (await t.app.inject({ url: page, headers: { cookie: staff() } })).body;
    const goal = /name="doel"[\s\S]*?<option value="([0-9a-f-]{36})"/.exec(html)?.[1] as string;
    const indicator = /name="indicator"[\s\S]*?<option value="([0-9a-f-]{36})"/.exec(
      html,
    )?.[1] as string;
    const base = `/beheer/subsidies/${s.id}`;
    expect((await post(`${base}/doelen`, { doel: goal }, page)).statusCode).toBe(303);
    const badTarget = await post(`${base}/indicatoren`, { indicator, streefwaarde: "veel" }, page);
    expect(badTarget.statusCode).toBe(303);
    expect(
      (await post(`${base}/indicatoren`, { indicator, streefwaarde: "7,5" }, page)).statusCode,
    ).toBe(303);
    expect(
      (
        await post(
          `${base}/verantwoording`,
          { soort: "verantwoording", uiterlijk: "2030-04-01", omschrijving: "Jaarverslag" },
          page,
        )
      ).statusCode,
    ).toBe(303);
    const publicPage = (await t.app.inject({ url: `/subsidies/${s.id}` })).body;
    expect(publicPage).toContain("7,5");
    expect(publicPage).toContain("1 april 2030");
    expect(publicPage).toContain("Jaarverslag");
    expect(publicPage).toMatch(/<li>[^<]+\(<a class="nl-link" href="\/beleid\//);
  });
});

describe("the public register and its CSV", () => {
  it("show granted and established decisions only, and neutralise formulas", async () => {
    const granted = await createSubsidy(t.database.db, actor(), {
      organisation: orgB.id,
      year: 2026,
      form: "stimuleringsbijdrage",
      state: "verleend",
      amountCents: 99_999,
      assignment: "+SUM(A1:A2)",
      internalNote: "niet voor het publiek",
    });
    await createSubsidy(t.database.db, actor(), {
      organisation: orgB.id,
      year: 2026,
      form: "projectsubsidie",
      amountCents: 5,
      assignment: "Nog een aanvraag",
    });
    const withdrawn = await createSubsidy(t.database.db, actor(), {
      organisation: orgB.id,
      year: 2026,
      form: "projectsubsidie",
      state: "verleend",
      amountCents: 7,
      assignment: "Later ingetrokken",
    });
    await changeSubsidyState(t.database.db, actor(), withdrawn.id, { to: "ingetrokken" });
    expect((await t.app.inject({ url: `/subsidies/${withdrawn.id}` })).statusCode).toBe(404);
    const csv = await t.app.inject({ url: `/subsidies/register.csv?organisatie=${orgB.slug}` });
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv.body).toContain(`"'+SUM(A1:A2)"`);
    expect(csv.body).toContain("999.99");
    expect(csv.body).not.toContain("Nog een aanvraag");
    expect(csv.body).not.toContain("Later ingetrokken");
    expect(csv.body).not.toContain("niet voor het publiek");
    const page = await t.app.inject({ url: `/subsidies?jaar=2026&organisatie=${orgB.slug}` });
    expect(page.body).toContain("€ 999,99");
    expect(page.body).not.toContain("Nog een aanvraag");
    expect(page.body).not.toContain("Later ingetrokken");
    expect((await t.app.inject({ url: `/subsidies/${granted.id}` })).statusCode).toBe(200);
  });
});

describe("a partner", () => {
  it("sees its own decisions in every state, never another organisation's application", async () => {
    const own = await createSubsidy(t.database.db, actor(), {
      organisation: orgA.id,
      year: 2027,
      form: "projectsubsidie",
      amountCents: 10_000,
      assignment: "Eigen aanvraag A",
    });
    const other = await createSubsidy(t.database.db, actor(), {
      organisation: orgB.id,
      year: 2027,
      form: "projectsubsidie",
      amountCents: 10_000,
      assignment: "Aanvraag van B",
    });
    const partnerA = await t.sessionFor("partner", orgA.id);
    const mine = await t.app.inject({ url: "/partner/subsidies", headers: { cookie: partnerA } });
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain("Eigen aanvraag A");
    expect(mine.body).not.toContain("Aanvraag van B");
    expect(mine.body).not.toContain("Geheime afweging");
    expect(
      (await t.app.inject({ url: `/subsidies/${own.id}`, headers: { cookie: partnerA } }))
        .statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ url: `/subsidies/${other.id}`, headers: { cookie: partnerA } }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ url: "/partner/subsidies", headers: { cookie: staff() } })).statusCode,
    ).toBe(403);
  });
});

describe("the welfare budget", () => {
  it("takes planned amounts from staff and shows them beside what was granted", async () => {
    const page = `/beheer/begroting-welzijn?jaar=2028`;
    const refused = await submitForm(t.app, page, staff(), "/beheer/begroting-welzijn", {
      jaar: "2028",
      [`gepland-${area.id}`]: "-1",
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(`Gepland bedrag ${area.name} mag niet negatief zijn.`);
    expect((await t.database.db.select().from(budgetPlans)).length).toBe(0);

    const saved = await submitForm(t.app, page, staff(), "/beheer/begroting-welzijn", {
      jaar: "2028",
      [`gepland-${area.id}`]: "2.000,00",
    });
    expect(saved.statusCode).toBe(303);
    const s = await createSubsidy(t.database.db, actor(), {
      organisation: orgB.id,
      year: 2028,
      form: "budgetfinanciering",
      workArea: area.code,
      state: "verleend",
      amountCents: 150_000,
    });
    await changeSubsidyState(t.database.db, actor(), s.id, {
      to: "vastgesteld",
      establishedCents: 149_999,
    });
    const budget = await t.app.inject({ url: "/begroting-welzijn?jaar=2028" });
    expect(budget.statusCode).toBe(200);
    expect(budget.body).toContain("€ 2.000,00");
    expect(budget.body).toContain("€ 1.500,00");
    expect(budget.body).toContain("€ 1.499,99");
    expect(budget.body).toContain("100,0%");
    // orgB is informal: its decision counts toward the volunteer share.
    expect(budget.body).toMatch(/€ 1\.500,00 van € 1\.500,00 verleend/);
    expect(budget.body).toContain("Kosten Wmo-maatwerkvoorzieningen");
    const svg = await t.app.inject({
      url: "/begroting-welzijn/grafiek.svg?jaar=2028&formaat=smal",
    });
    expect(svg.headers["content-type"]).toContain("image/svg+xml");
    expect(svg.body).toContain("<svg");
    expect((await t.app.inject({ url: "/begroting-welzijn?jaar=xx" })).statusCode).toBe(400);
  });
});
