import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/helpers/app.js";
import { listAreaSummaries } from "../modules/areas/index.js";
import { councilLinks, type HomeDocument, newestOfKind } from "./home-links.js";

const t = useTestApp(["beheerder", "partner"]);

const home = (cookie?: string) => t.app.inject({ url: "/", headers: cookie ? { cookie } : {} });

/** The part of the page under a heading with this id, up to the end of its section. */
const section = (body: string, id: string) => {
  const start = body.indexOf(`id="${id}"`);
  expect(start, `section ${id}`).toBeGreaterThan(-1);
  return body.slice(start, body.indexOf("</section>", start));
};
const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? "");

describe("home page", () => {
  it("leads each kind of visitor somewhere: one section each, no heading twice", async () => {
    const res = await home();
    expect(res.statusCode).toBe(200);
    const headings = [...res.body.matchAll(/<h[1-6][^>]*>(.*?)<\/h[1-6]>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      "Welkom bij Samenkracht",
      "Voor inwoners",
      "Voor raadsleden",
      "Voor medewerkers van de gemeente",
      "Voor partners",
    ]);
    expect(new Set(headings).size).toBe(headings.length);
  });

  it("offers every wijk in a form that works without a script, and a search form", async () => {
    const res = await home();
    const residents = section(res.body, "voor-inwoners");
    expect(residents).toContain('<form method="get" action="/"');
    const wijken = (await listAreaSummaries(t.database.db, t.tenant.municipality.code)).filter(
      (a) => a.level === "wijk",
    );
    const options = [...residents.matchAll(/<option value="(WK\d+)"/g)].map((m) => m[1]);
    expect(options.toSorted()).toEqual(wijken.map((w) => w.code).toSorted());
    expect(options).toHaveLength(22);
    expect(residents).toContain('<form method="get" action="/zoeken"');
    expect(residents).toContain('name="q"');
    expect(residents).toContain('href="/gebieden"');
  });

  it("sends the chosen wijk to its page, in any case, and says so when the wijk is unknown", async () => {
    const chosen = await t.app.inject({ url: "/?wijk=WK035608" });
    expect(chosen.statusCode).toBe(303);
    expect(chosen.headers.location).toBe("/gebieden/WK035608");
    expect((await t.app.inject({ url: "/?wijk=wk035608" })).headers.location).toBe(
      "/gebieden/WK035608",
    );
    // A gebied is not a wijk; an empty choice is no wijk either.
    for (const asked of ["GB035603", "", "WK000000"]) {
      const wrong = await t.app.inject({ url: `/?wijk=${asked}` });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.body).toContain("Kies een wijk uit de lijst.");
      expect(wrong.body).toContain('aria-invalid="true"');
    }
  });

  it("gives the council the current framework, its evaluation, the annual report and the monitor", async () => {
    const council = section((await home()).body, "voor-raadsleden");
    expect(hrefs(council)).toEqual([
      "/beleid/beleidskader-2025-2030",
      `/evaluatie/beleidskader-2025-2030/${Math.min(Math.max(new Date().getUTCFullYear(), 2025), 2030)}`,
      "/beleid/jaarstukken-2020/jaarverslag",
      "/monitor",
      "/beleid",
    ]);
    expect(council).toContain(
      "Beleidskader Welzijn &amp; Maatschappelijke Ondersteuning 2025-2030",
    );
  });

  it("every link on the home page leads to a page, for a visitor and for a beheerder", async () => {
    for (const cookie of [undefined, t.cookie("beheerder")]) {
      const links = new Set(hrefs((await home(cookie)).body).filter((h) => h.startsWith("/")));
      for (const href of links) {
        if (href.startsWith("/assets/")) continue;
        const res = await t.app.inject({ url: href, headers: cookie ? { cookie } : {} });
        expect(res.statusCode, href).toBe(200);
      }
    }
  });

  it("shows staff what their role may do, and a partner no staff work", async () => {
    const visitor = section((await home()).body, "voor-medewerkers");
    expect(hrefs(visitor)).toEqual(["/inloggen"]);

    const admin = section((await home(t.cookie("beheerder"))).body, "voor-medewerkers");
    expect(hrefs(admin)).toEqual([
      "/monitor/import",
      "/beheer/verantwoordingen",
      "/beheer/subsidies",
      "/beheer/begroting-welzijn",
      "/beheer/organisaties",
      "/beheer/gebruikers",
      "/beheer/tokens",
      "/beheer/audit",
      "/account",
    ]);

    const partnerPage = (await home(t.cookie("partner"))).body;
    expect(hrefs(section(partnerPage, "voor-medewerkers"))).toEqual(["/account"]);
    const partners = section(partnerPage, "voor-partners");
    expect(hrefs(partners)).toEqual([
      "/organisaties",
      "/subsidies",
      "/partner",
      "/samenwerkingsverbanden",
      "/api/v1/openapi.json",
    ]);
    // Logged out, a partner is pointed to the login.
    const visitorLinks = hrefs(section((await home()).body, "voor-partners"));
    expect(visitorLinks).toContain("/inloggen");
    expect(visitorLinks).not.toContain("/partner");
  });

  it("has a main navigation that adds the partner's and the staff's own places to the public ones", async () => {
    const nav = async (cookie?: string) => {
      const body = (await home(cookie)).body;
      const start = body.indexOf('<nav class="sk-nav"');
      return hrefs(body.slice(start, body.indexOf("</nav>", start)));
    };
    const publicPlaces = ["/", "/beleid", "/monitor", "/gebieden", "/organisaties", "/subsidies"];
    expect(await nav()).toEqual([...publicPlaces, "/zoeken"]);
    expect(await nav(t.cookie("partner"))).toEqual([...publicPlaces, "/zoeken", "/partner"]);
    const staff = await nav(t.cookie("beheerder"));
    expect(staff).toContain("/beheer/verantwoordingen");
    expect(staff).not.toContain("/partner");
  });
});

describe("the council's links", () => {
  const documentArb = fc.record({
    slug: fc.string({ minLength: 1, maxLength: 8 }),
    kind: fc.constantFrom("beleidskader", "jaarstukken", "begroting"),
    title: fc.string(),
    firstYear: fc.integer({ min: 2000, max: 2040 }),
    lastYear: fc.integer({ min: 0, max: 6 }),
    state: fc.constantFrom("concept", "vastgesteld", "vervallen"),
  });
  const documentsArb = fc.array(
    documentArb.map((d): HomeDocument => ({ ...d, lastYear: d.firstYear + d.lastYear })),
  );

  it("the current framework is adopted if any is, never lapsed, and none adopted starts later", () => {
    fc.assert(
      fc.property(documentsArb, (documents) => {
        const chosen = newestOfKind(documents, "beleidskader");
        const candidates = documents.filter(
          (d) => d.kind === "beleidskader" && d.state !== "vervallen",
        );
        if (candidates.length === 0) return chosen === undefined;
        if (chosen?.kind !== "beleidskader" || chosen.state === "vervallen") return false;
        const adopted = candidates.filter((d) => d.state === "vastgesteld");
        if (adopted.length > 0 && chosen.state !== "vastgesteld") return false;
        return (adopted.length > 0 ? adopted : candidates).every(
          (d) => d.firstYear <= chosen.firstYear,
        );
      }),
    );
  });

  it("the evaluation year is one the framework covers, this year when it can be", () => {
    fc.assert(
      fc.property(documentsArb, fc.integer({ min: 1990, max: 2050 }), (documents, year) => {
        const links = councilLinks(documents, new Date(Date.UTC(year, 5, 1)));
        const framework = newestOfKind(documents, "beleidskader");
        if (!framework) return links.evaluation === undefined && links.framework === undefined;
        const evaluated = links.evaluation?.year ?? Number.NaN;
        const covers = year >= framework.firstYear && year <= framework.lastYear;
        return (
          evaluated >= framework.firstYear &&
          evaluated <= framework.lastYear &&
          (!covers || evaluated === year) &&
          links.evaluation?.href === `/evaluatie/${framework.slug}/${evaluated}`
        );
      }),
    );
  });
});
