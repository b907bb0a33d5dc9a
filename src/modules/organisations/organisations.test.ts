import { describe, expect, it } from "vitest";
import { apiCaller, submitForm, useTestApp } from "../../../test/helpers/app.js";

const t = useTestApp(["beleidsmedewerker"]);
const staff = () => t.cookie("beleidsmedewerker");
const json = apiCaller(t, staff);

type Org = {
  id: string;
  code: string;
  naam: string;
  werkgebieden: { werkgebied: string; plaats: string }[];
};
const list = async (query = "") =>
  (await t.app.inject({ url: `/api/v1/organisaties?paginaGrootte=500${query}` })).json()
    .organisaties as Org[];

describe("organisations of the default data set", () => {
  it("places every organisation of the welfare plan's §2.1 schematic in its work area", async () => {
    const names = (orgs: Org[]) => orgs.map((o) => o.naam);
    const basisCollectief = names(await list("&werkgebied=collectief-welzijnswerk&plaats=basis"));
    expect(basisCollectief).toEqual(expect.arrayContaining(["MOvactor", "Gemeente Nieuwegein"]));
    expect(names(await list("&werkgebied=individueel-welzijnswerk&plaats=basis"))).toContain(
      "SantéPartners",
    );
    const modulairIndividueel = names(
      await list("&werkgebied=individueel-welzijnswerk&plaats=modulair"),
    );
    expect(modulairIndividueel).toEqual(
      expect.arrayContaining(["Algemene Hulpdienst Nieuwegein", "Handje Helpen"]),
    );
    expect(names(await list("&werkgebied=jeugd-en-jongerenwerk"))).toContain("MOvactor");
    const advies = names(await list("&werkgebied=advies-informatie-verbinding"));
    expect(advies).toEqual(
      expect.arrayContaining([
        "Vrijwilligershuis",
        "Steunpunt Mantelzorg Nieuwegein",
        "Bibliotheek Nieuwegein",
      ]),
    );
    const modulairCollectief = names(
      await list("&werkgebied=collectief-welzijnswerk&plaats=modulair"),
    );
    expect(modulairCollectief).toEqual(
      expect.arrayContaining([
        "Stichting Fort Vreeswijk",
        "La Casa",
        "Stichting de Ruilfabriek",
        "Galecopperband",
      ]),
    );
  });

  it("has exactly the basic infrastructure of seed 004's tables per work area, and its modular lists", async () => {
    const names = async (query: string) => (await list(query)).map((o) => o.naam).sort();
    expect(await names("&werkgebied=collectief-welzijnswerk&plaats=basis")).toEqual([
      "Gemeente Nieuwegein",
      "MOvactor",
    ]);
    expect(await names("&werkgebied=individueel-welzijnswerk&plaats=basis")).toEqual([
      "SantéPartners",
    ]);
    expect(await names("&werkgebied=jeugd-en-jongerenwerk&plaats=basis")).toEqual(["MOvactor"]);
    expect(await names("&werkgebied=advies-informatie-verbinding&plaats=basis")).toEqual([
      "Bibliotheek Nieuwegein",
      "Steunpunt Mantelzorg Nieuwegein",
      "Steunpunt Vluchtelingen Nieuwegein",
      "Vrijwilligershuis",
    ]);
    // §2.3.3 "Inwoners voor elkaar": the named initiatives (not the generic kinds such as verenigingen).
    expect(await names("&werkgebied=collectief-welzijnswerk&plaats=modulair")).toEqual(
      [
        "Galecopperband",
        "Katholieke Bond voor Ouderen",
        "La Casa",
        "Stichting Balans",
        "Stichting de Ruilfabriek",
        "Stichting de Zonnebloem",
        "Stichting Eet mee!",
        "Stichting Fort Vreeswijk",
        "Thuisgekookt",
      ].sort(),
    );
  });

  it("MOvactor and MOvector are one organisation, found under either name", async () => {
    const movactor = await list("&zoek=MOvactor");
    const movector = await list("&zoek=MOvector");
    expect(movactor).toHaveLength(1);
    expect(movector.map((o) => o.id)).toEqual(movactor.map((o) => o.id));
    expect((await list("&zoek=Sant%C3%A9%20Partners")).map((o) => o.naam)).toEqual([
      "SantéPartners",
    ]);
    expect((await list("&zoek=De%20Tweede%20Verdieping")).map((o) => o.naam)).toEqual([
      "Bibliotheek Nieuwegein",
    ]);
    const search = await t.app.inject({ url: "/zoeken?q=MOvector" });
    expect(search.body).toContain('href="/organisaties/movactor"');
  });

  it("shows the directory with its overview, an organisation with its functions and time split", async () => {
    const directory = await t.app.inject({
      url: "/organisaties?werkgebied=individueel-welzijnswerk&plaats=basis",
    });
    expect(directory.statusCode).toBe(200);
    expect(directory.body).toContain("SantéPartners");
    expect(directory.body).toContain("Organisaties per werkgebied");
    expect((await t.app.inject({ url: "/organisaties?soort=onbekend" })).statusCode).toBe(400);
    const page = await t.app.inject({ url: "/organisaties/movactor" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Accommodatiegebonden buurtverbinder");
    expect(page.body).toContain("70%");
    expect((await t.app.inject({ url: "/organisaties/bestaat-niet" })).statusCode).toBe(404);
    const detail = (await t.app.inject({ url: "/api/v1/organisaties/movactor" })).json();
    expect(detail.andereNamen).toContain("MOvector");
    expect(detail.functies.length).toBeGreaterThan(0);
  });

  it("lists the organisations a source places in a wijk on the wijk page", async () => {
    const withArea = (await list()).find((o) => (o as Org & { wijken: string[] }).wijken?.length);
    expect(withArea).toBeDefined();
    const code = (withArea as Org & { wijken: string[] }).wijken[0];
    const wijk = await t.app.inject({ url: `/gebieden/${code}` });
    expect(wijk.body).toContain("Organisaties in deze wijk");
    expect(wijk.body).toContain(`/organisaties/${withArea?.code}`);
  });
});

describe("changing an organisation", () => {
  it("staff edit with a version check; a stale version is a conflict and a taken name is refused", async () => {
    const d = (await t.app.inject({ url: "/api/v1/organisaties/handje-helpen" })).json();
    const ok = await json("PATCH", `/api/v1/organisaties/${d.id}`, {
      website: "www.handjehelpen.nl",
      versie: d.versie,
    });
    expect(ok.statusCode).toBe(204);
    const stale = await json("PATCH", `/api/v1/organisaties/${d.id}`, {
      omschrijving: "x",
      versie: d.versie,
    });
    expect(stale.statusCode).toBe(409);
    const taken = await json("PATCH", `/api/v1/organisaties/${d.id}`, {
      andereNamen: ["MOvector"],
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().detail).toContain("MOvactor");
    const bad = await json("PATCH", `/api/v1/organisaties/${d.id}`, { email: "geen-adres" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain("E-mail");
    expect(
      (await json("PATCH", `/api/v1/organisaties/${d.id}`, { website: "x" }, null)).statusCode,
    ).toBe(401);
    const after = (await t.app.inject({ url: "/api/v1/organisaties/handje-helpen" })).json();
    expect(after.website).toBe("https://www.handjehelpen.nl");
  });

  it("a partner proposes a change to its own organisation; it is public only after approval", async () => {
    const org = (await t.app.inject({ url: "/api/v1/organisaties/vrijwilligershuis" })).json();
    const other = (await t.app.inject({ url: "/api/v1/organisaties/movactor" })).json();
    const partner = await t.sessionFor("partner", org.id);
    const portal = await t.app.inject({ url: "/partner", headers: { cookie: partner } });
    expect(portal.statusCode).toBe(200);
    expect(portal.body).toContain("Vrijwilligershuis");
    const refused = await json(
      "POST",
      `/api/v1/organisaties/${other.id}/profielwijzigingen`,
      { telefoon: "030 123 45 67" },
      partner,
    );
    expect(refused.statusCode).toBe(403);
    const proposed = await submitForm(
      t.app,
      "/partner",
      partner,
      `/partner/organisaties/${org.id}/profiel`,
      {
        omschrijving: org.omschrijving,
        website: "",
        telefoon: "030 123 45 67",
        email: "",
      },
    );
    expect(proposed.statusCode).toBe(303);
    expect(
      (await t.app.inject({ url: "/api/v1/organisaties/vrijwilligershuis" })).json().telefoon,
    ).toBeNull();
    const review = await t.app.inject({
      url: "/beheer/organisaties",
      headers: { cookie: staff() },
    });
    expect(review.body).toContain("030 123 45 67");
    const id = /wijzigingen\/([0-9a-f-]{36})\/goedkeuren/.exec(review.body)?.[1] as string;
    expect(
      (await t.app.inject({ url: "/beheer/organisaties", headers: { cookie: partner } }))
        .statusCode,
    ).toBe(403);
    const approved = await submitForm(
      t.app,
      "/beheer/organisaties",
      staff(),
      `/beheer/organisaties/wijzigingen/${id}/goedkeuren`,
      {},
    );
    expect(approved.statusCode).toBe(303);
    // Decided once: a second decision is a conflict; a malformed id is no proposal (never a 500).
    const again = await submitForm(
      t.app,
      "/beheer/organisaties",
      staff(),
      `/beheer/organisaties/wijzigingen/${id}/afwijzen`,
      { toelichting: "Te laat" },
    );
    expect(again.headers.location).toBe("/beheer/organisaties");
    const malformed = await submitForm(
      t.app,
      "/beheer/organisaties",
      staff(),
      "/beheer/organisaties/wijzigingen/NaN/goedkeuren",
      {},
    );
    expect(malformed.statusCode).toBe(404);
    const after = (await t.app.inject({ url: "/api/v1/organisaties/vrijwilligershuis" })).json();
    expect(after.telefoon).toBe("030 123 45 67");
    expect(after.bronContactgegevens).toContain("Vrijwilligershuis");
  });
});
