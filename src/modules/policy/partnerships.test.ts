import { describe, expect, it } from "vitest";
import { apiCaller, submitForm, useTestApp } from "../../../test/helpers/app.js";

const t = useTestApp(["beleidsmedewerker"]);
const staff = () => t.cookie("beleidsmedewerker");

const json = apiCaller(t, staff);

describe("partnerships", () => {
  it("lists the ten partnerships of seed 001 with their members and sections", async () => {
    const list = (await t.app.inject({ url: "/api/v1/samenwerkingsverbanden" })).json()
      .samenwerkingsverbanden;
    expect(list).toHaveLength(10);
    const lekstroom = list.find((p: { code: string }) => p.code === "lekstroom");
    expect(lekstroom.leden).toHaveLength(5);
    expect(lekstroom.onderdelen.map((o: { titel: string }) => o.titel)).toContain("Regio");
    const page = await t.app.inject({ url: "/samenwerkingsverbanden/lekstroom" });
    expect(page.body).toContain("Vianen (nu: Vijfheerenlanden)");
  });

  it("creates and edits a partnership through the API, with role checks and validation", async () => {
    expect(
      (
        await json(
          "POST",
          "/api/v1/samenwerkingsverbanden",
          { naam: "Coalitie tegen eenzaamheid" },
          null,
        )
      ).statusCode,
    ).toBe(401);
    expect((await json("POST", "/api/v1/samenwerkingsverbanden", { naam: "" })).statusCode).toBe(
      400,
    );
    const created = await json("POST", "/api/v1/samenwerkingsverbanden", {
      naam: "Coalitie tegen eenzaamheid",
      leden: ["MOvactor", "Gemeente"],
    });
    expect(created.statusCode).toBe(201);
    expect(
      (await json("POST", "/api/v1/samenwerkingsverbanden", { naam: "Coalitie tegen eenzaamheid" }))
        .statusCode,
    ).toBe(409);
    expect(
      (
        await json("PATCH", `/api/v1/samenwerkingsverbanden/${created.json().id}`, {
          toelichting: "Netwerk uit pijler 1.",
        })
      ).statusCode,
    ).toBe(204);
    const page = await t.app.inject({ url: `/samenwerkingsverbanden/${created.json().code}` });
    expect(page.body).toContain("Netwerk uit pijler 1.");
  });

  it("creates one through the form, splitting the members", async () => {
    const res = await submitForm(
      t.app,
      "/samenwerkingsverbanden",
      staff(),
      "/samenwerkingsverbanden",
      {
        naam: "Wijkteam Zuid",
        leden: "Geynwijs, MOvactor; SportID",
      },
    );
    expect(res.statusCode).toBe(303);
    const list = (await t.app.inject({ url: "/api/v1/samenwerkingsverbanden" })).json()
      .samenwerkingsverbanden;
    expect(list.find((p: { naam: string }) => p.naam === "Wijkteam Zuid").leden).toEqual([
      "Geynwijs",
      "MOvactor",
      "SportID",
    ]);
  });
});

describe("indicators named in a document", () => {
  it("adds an indicator to a pillar through the form and edits it through the API", async () => {
    const base = "/beleid/beleidskader-2025-2030/onderdelen/sociale-verbinding";
    const res = await submitForm(t.app, base, staff(), `${base}/indicatoren`, {
      tekst: "Aantal bezoekers van buurtpleinen",
      bron: "Eigen registratie",
    });
    expect(res.statusCode).toBe(303);
    /** The indicators named in the pillar, as the public API lists them. */
    const pillarIndicators = async () =>
      (await t.app.inject({ url: "/api/v1/beleidsdocumenten/beleidskader-2025-2030" }))
        .json()
        .onderdelen.find((o: { code: string }) => o.code === "sociale-verbinding").indicatoren;
    const added = (await pillarIndicators()).find(
      (i: { tekst: string }) => i.tekst === "Aantal bezoekers van buurtpleinen",
    );
    expect(added.genoemdeBron).toBe("Eigen registratie");
    expect(
      (await json("PATCH", `/api/v1/beleidsindicatoren/${added.id}`, { gearchiveerd: true }))
        .statusCode,
    ).toBe(204);
    expect(await pillarIndicators()).toHaveLength(4);
  });
});

describe("partnership members as organisation records", () => {
  it("links every member to an organisation record or lists it as unlinked", async () => {
    const list = (await t.app.inject({ url: "/api/v1/samenwerkingsverbanden" })).json()
      .samenwerkingsverbanden as {
      code: string;
      leden: string[];
      ledenOrganisaties: { naam: string; organisatie: string | null }[];
    }[];
    const lijfstyle = list.find((p) => p.code === "lijfstyle");
    expect(lijfstyle?.ledenOrganisaties).toContainEqual({
      naam: "MOvactor",
      organisatie: "movactor",
    });
    expect(lijfstyle?.ledenOrganisaties).toContainEqual({
      naam: "Bibliotheek DTV",
      organisatie: "bibliotheek-nieuwegein",
    });
    const unlinkedPage = await t.app.inject({
      url: "/beheer/samenwerkingsverbanden/leden",
      headers: { cookie: staff() },
    });
    expect(unlinkedPage.statusCode).toBe(200);
    for (const p of list) {
      expect(p.ledenOrganisaties.map((x) => x.naam).sort()).toEqual([...new Set(p.leden)].sort());
      for (const member of p.ledenOrganisaties.filter((x) => x.organisatie === null))
        expect(unlinkedPage.body).toContain(member.naam);
    }
    expect(unlinkedPage.body).toContain("Gezondheidscentra");
    const movactor = await t.app.inject({ url: "/organisaties/movactor" });
    expect(movactor.body).toContain('href="/samenwerkingsverbanden/lijfstyle"');
  });

  it("staff link an unlinked member by hand; editing the members keeps the links of names that stay", async () => {
    const orgs = (await t.app.inject({ url: "/api/v1/organisaties?zoek=GGDrU" })).json()
      .organisaties;
    const linked = await submitForm(
      t.app,
      "/samenwerkingsverbanden/lijfstyle",
      staff(),
      "/samenwerkingsverbanden/lijfstyle/leden",
      { lid: "Gezondheidscentra", organisatie: orgs[0].id },
    );
    expect(linked.statusCode).toBe(303);
    const lijfstyle = (await t.app.inject({ url: "/api/v1/samenwerkingsverbanden" }))
      .json()
      .samenwerkingsverbanden.find((p: { code: string }) => p.code === "lijfstyle");
    expect(lijfstyle.ledenOrganisaties).toContainEqual({
      naam: "Gezondheidscentra",
      organisatie: orgs[0].code,
    });
    const edited = await json("PATCH", `/api/v1/samenwerkingsverbanden/${lijfstyle.id}`, {
      leden: ["MOvector", "Gezondheidscentra", "Nieuw lid zonder record"],
    });
    expect(edited.statusCode).toBe(204);
    const after = (await t.app.inject({ url: "/api/v1/samenwerkingsverbanden" }))
      .json()
      .samenwerkingsverbanden.find((p: { code: string }) => p.code === "lijfstyle");
    expect(after.ledenOrganisaties).toEqual([
      { naam: "Gezondheidscentra", organisatie: orgs[0].code },
      { naam: "MOvector", organisatie: "movactor" },
      { naam: "Nieuw lid zonder record", organisatie: null },
    ]);
  });
});
